/**
 * One person (organizers and admins): their contact details, with a form that corrects them;
 * logging a one-on-one conversation; their timeline, newest first; and the data requests — the
 * export of everything held about them, and erasure on request behind a confirmation. The API
 * records each view, conversation, correction, export and erasure in the audit log.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { doneRegion, problemRegion, when } from '../../components/templates.ts';
import { ApiProblem, problemText } from '../../data/api.ts';
import {
  displayName,
  people,
  type PersonCorrection,
  type PersonResource,
  type PersonTimeline,
  type TimelineEntry,
} from '../../data/people.ts';
import type { StaffMe } from '../../data/staff.ts';
import { NavigateEvent } from '../../events/navigate-event.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';
import type { ConversationLoggedEvent } from './conversation-form.ts';
import './conversation-form.ts';
import './erase-dialog.ts';

/** The fields the correction form holds, and the first part of the API's path for each. */
const fields = [
  { name: 'given_name', path: 'given_name', autocomplete: 'off', type: 'text' },
  { name: 'family_name', path: 'family_name', autocomplete: 'off', type: 'text' },
  { name: 'email', path: 'email_addresses', autocomplete: 'off', type: 'email' },
  { name: 'phone', path: 'phone_numbers', autocomplete: 'off', type: 'tel' },
] as const;
type FieldName = (typeof fields)[number]['name'];

@customElement('rally-person-panel')
export class RallyPersonPanel extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .field {
        display: grid;
        gap: 0.25rem;
        margin-block-end: 1rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
        margin: 0 0 1rem;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      ol.timeline {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ol.timeline > li {
        border-block-end: 1px solid #d0d5dd;
        padding-block: 0.75rem;
      }
      ol.timeline > li:last-child {
        border-block-end: 0;
      }
      .entry-head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 1rem;
        margin: 0;
      }
      .entry-head time {
        color: var(--rally-muted, #4b5563);
      }
      .entry p,
      .entry blockquote {
        margin: 0.25rem 0 0;
        overflow-wrap: anywhere;
      }
      blockquote {
        border-inline-start: 3px solid #d0d5dd;
        padding-inline-start: 0.75rem;
        white-space: pre-line;
      }
      .notes {
        white-space: pre-line;
      }
    `,
  ];

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** The person's id. */
  @property() personId = '';
  /** Who is signed in: the organizer a conversation is logged as. */
  @property({ attribute: false }) me: StaffMe | null | undefined;

  @state() private person: PersonResource | undefined;
  @state() private timeline: PersonTimeline | undefined;
  @state() private problem = '';
  @state() private correctionProblem = '';
  @state() private correctionDone = '';
  @state() private fieldProblems: Partial<Record<FieldName, string>> = {};

  private get t() {
    return translations[this.locale].person;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [person, timeline] = await Promise.all([
        people.get(this.personId),
        people.timeline(this.personId),
      ]);
      this.person = person;
      this.timeline = timeline;
      this.problem = '';
    } catch (error) {
      this.problem = problemText(error, translations[this.locale].app.unreachable);
    }
  }

  /** A conversation just logged, placed in the timeline where the API would list it. */
  private onConversationLogged(event: ConversationLoggedEvent): void {
    const timeline = this.timeline;
    if (!timeline) return;
    const { conversation } = event;
    const entry: TimelineEntry = {
      kind: 'conversation',
      at: `${conversation.held_on}T00:00:00.000Z`,
      id: conversation.id,
      detail: {
        held_on: conversation.held_on,
        notes: conversation.notes,
        assessment: conversation.assessment,
        organizer_id: conversation.organizer_id,
        organizer_name: conversation.organizer_name,
      },
    };
    const entries = [...timeline.entries];
    const at = Date.parse(entry.at);
    const index = entries.findIndex((other) => Date.parse(other.at) <= at);
    entries.splice(index === -1 ? entries.length : index, 0, entry);
    this.timeline = { ...timeline, entries };
  }

  private async onCorrect(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const person = this.person;
    if (!person) return;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: FieldName) => String(data.get(name) ?? '').trim();
    // Only what changed is sent: the API replaces what it is sent.
    const correction: PersonCorrection = {};
    if (value('given_name') !== (person.given_name ?? ''))
      correction.given_name = value('given_name') || null;
    if (value('family_name') !== (person.family_name ?? ''))
      correction.family_name = value('family_name') || null;
    if (value('email') !== (person.email_addresses?.[0]?.address ?? ''))
      correction.email_addresses = value('email') ? [{ address: value('email') }] : [];
    if (value('phone') !== (person.phone_numbers?.[0]?.number ?? ''))
      correction.phone_numbers = value('phone') ? [{ number: value('phone') }] : [];
    this.correctionProblem = '';
    this.correctionDone = '';
    this.fieldProblems = {};
    if (Object.keys(correction).length === 0) {
      this.correctionDone = this.t.unchanged;
      return;
    }
    try {
      const corrected = await people.correct(this.personId, correction);
      this.person = corrected;
      if (this.timeline)
        this.timeline = {
          ...this.timeline,
          person: {
            ...this.timeline.person,
            given_name: corrected.given_name ?? null,
            family_name: corrected.family_name ?? null,
            email: corrected.email_addresses?.[0]?.address ?? null,
          },
        };
      this.correctionDone = this.t.corrected;
    } catch (error) {
      this.correctionProblem = problemText(error, translations[this.locale].app.unreachable);
      if (error instanceof ApiProblem) {
        const found: Partial<Record<FieldName, string>> = {};
        for (const { path, message } of error.errors) {
          const field = fields.find((candidate) => path.split('.')[0] === candidate.path);
          if (field) found[field.name] ??= message;
        }
        this.fieldProblems = found;
        await this.updateComplete;
        const first = fields.find((field) => found[field.name]);
        if (first)
          (this.renderRoot.querySelector(`#${first.name}`) as HTMLInputElement | null)?.focus();
      }
    }
  }

  private onErased(): void {
    const name = this.timeline ? displayName(this.timeline.person, this.t.unnamed) : '';
    this.dispatchEvent(new NavigateEvent('people', this.t.erased(name)));
  }

  private renderDetails(person: PersonResource, timeline: PersonTimeline) {
    const t = this.t;
    const current: Record<FieldName, string> = {
      given_name: person.given_name ?? '',
      family_name: person.family_name ?? '',
      email: person.email_addresses?.[0]?.address ?? '',
      phone: person.phone_numbers?.[0]?.number ?? '',
    };
    const labels: Record<FieldName, string> = {
      given_name: t.givenName,
      family_name: t.familyName,
      email: t.email,
      phone: t.phone,
    };
    return html`<section aria-labelledby="details">
      <h2 id="details">${displayName(timeline.person, t.unnamed)}</h2>
      <dl>
        <dt>${t.region}</dt>
        <dd>${timeline.person.region ?? t.none}</dd>
        <dt>${t.sector}</dt>
        <dd>${timeline.person.sector ?? t.none}</dd>
        <dt>${t.joined}</dt>
        <dd>${when(person.created_date, this.locale) || t.none}</dd>
      </dl>
      <form @submit=${this.onCorrect} novalidate aria-labelledby="correct-heading">
        <h3 id="correct-heading">${t.details}</h3>
        ${fields.map((field) => {
          const problem = this.fieldProblems[field.name];
          // Emptied, a field removes what is on file; a walk-in added without an email has none,
          // which is said beside the empty field.
          const hint = field.name === 'phone' || field.name === 'email' ? `${field.name}-hint` : '';
          const hintText =
            field.name === 'phone' ? t.phoneHint : current.email ? t.emailHint : t.noEmail;
          return html`<div class="field">
            <label for=${field.name}>${labels[field.name]}</label>
            <input
              id=${field.name}
              name=${field.name}
              type=${field.type}
              autocomplete=${field.autocomplete}
              .value=${current[field.name]}
              aria-invalid=${problem ? 'true' : nothing}
              aria-describedby=${[hint, problem ? `${field.name}-problem` : ''].filter(Boolean).join(' ') || nothing}
            />
            ${hint ? html`<p class="hint" id=${hint}>${hintText}</p>` : nothing}
            ${problem ? html`<p class="problem" id=${`${field.name}-problem`}>${problem}</p>` : nothing}
          </div>`;
        })}
        <button type="submit">${t.correct}</button>
        ${problemRegion(this.correctionProblem)} ${doneRegion(this.correctionDone)}
      </form>
    </section>`;
  }

  private renderEntry(entry: TimelineEntry) {
    const t = this.t;
    const detail = entry.detail;
    const text = (key: string) => {
      const value = detail[key];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    };
    const money = (amount: unknown, currency: unknown) =>
      typeof amount === 'number' && typeof currency === 'string'
        ? new Intl.NumberFormat(this.locale, {
            style: 'currency',
            currency: currency.toUpperCase(),
          }).format(amount / 100)
        : '';
    // A conversation is on a day, not at a time: its day, as written in UTC.
    const date =
      entry.kind === 'conversation'
        ? new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
            new Date(entry.at),
          )
        : when(entry.at, this.locale);
    let body: unknown = nothing;
    switch (entry.kind) {
      case 'added':
        body = text('source') ? html`<p>${t.source(text('source'))}</p>` : nothing;
        break;
      case 'consent':
        body = html`<p>${t.consentVersion(text('version'))}</p>
          <p class="hint">${t.consentText}</p>
          <blockquote>${text('text')}</blockquote>`;
        break;
      case 'signature':
        body = html`<p>${text('title')}</p>
          ${
            text('comments')
              ? html`<p class="hint">${t.comments}</p>
                  <blockquote>${text('comments')}</blockquote>`
              : nothing
          }`;
        break;
      case 'rsvp':
        body = html`<p>${text('title')} (${t.rsvpStatus[text('status')] ?? text('status')})</p>`;
        break;
      case 'attendance':
        body = html`<p>${text('title')}: ${t.attended(detail.attended === true)}</p>`;
        break;
      case 'dues-payment':
        body = html`<p>
          ${t.payment(
            money(detail.amount, detail.currency),
            t.paymentStatus[text('status')] ?? text('status'),
          )}
        </p>`;
        break;
      case 'membership':
        body = html`<p>
          ${
            text('change') === 'started'
              ? t.membershipStarted(
                  money(detail.amount, detail.currency),
                  t.intervals[text('interval')] ?? text('interval'),
                )
              : t.membershipChange(t.membershipStatus[text('change')] ?? text('change'))
          }
        </p>`;
        break;
      case 'conversation':
        body = html`${
          text('organizer_name')
            ? html`<p>${t.conversationBy(text('organizer_name'))}</p>`
            : nothing
        }
        ${typeof detail.assessment === 'number' ? html`<p>${t.assessmentIs(detail.assessment)}</p>` : nothing}
        ${
          text('notes')
            ? html`<p class="hint">${t.notes}</p>
                <p class="notes">${text('notes')}</p>`
            : nothing
        }`;
        break;
      default:
        break;
    }
    return html`<li class="entry" data-kind=${entry.kind}>
      <p class="entry-head">
        <strong>${t.kinds[entry.kind] ?? entry.kind}</strong>
        <time datetime=${entry.at}>${date}</time>
      </p>
      ${body}
    </li>`;
  }

  private renderTimeline(timeline: PersonTimeline) {
    const t = this.t;
    return html`<section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">${t.timeline}</h2>
      <p class="hint">${t.timelineHint}</p>
      ${
        timeline.entries.length === 0
          ? html`<p>${t.timelineEmpty}</p>`
          : html`<ol class="timeline" aria-labelledby="timeline-heading">
              ${timeline.entries.map((entry) => this.renderEntry(entry))}
            </ol>`
      }
    </section>`;
  }

  override render() {
    const t = this.t;
    const { person, timeline } = this;
    const ready = person && timeline;
    return html`<p><a href="/console/people">${t.back}</a></p>
      ${problemRegion(this.problem)}
      ${
        ready
          ? html`${this.renderDetails(person, timeline)}
              <section aria-labelledby="conversation-heading">
                <h2 id="conversation-heading">${t.logConversation}</h2>
                <rally-conversation-form
                  locale=${this.locale}
                  personId=${this.personId}
                  organizer=${this.me?.account.name || this.me?.account.email || ''}
                  @conversation-logged=${this.onConversationLogged}
                ></rally-conversation-form>
              </section>
              ${this.renderTimeline(timeline)}
              <section aria-labelledby="requests-heading">
                <h2 id="requests-heading">${t.dataRequests}</h2>
                <p id="export-hint">${t.exportIntro}</p>
                <p>
                  <a href=${people.exportUrl(this.personId)} download aria-describedby="export-hint"
                    >${t.export}</a
                  >
                </p>
                <p id="erase-hint">${t.eraseIntro}</p>
                <rally-erase-dialog
                  locale=${this.locale}
                  personId=${this.personId}
                  name=${displayName(timeline.person, t.unnamed)}
                  email=${timeline.person.email ?? ''}
                  @person-erased=${this.onErased}
                ></rally-erase-dialog>
              </section>`
          : this.problem
            ? nothing
            : html`<p role="status">${t.loading}</p>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-person-panel': RallyPersonPanel;
  }
}
