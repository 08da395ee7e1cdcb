/**
 * The door (organizers and admins, on a phone or tablet): an event's RSVPs, searched by name or
 * email, each with a large button that marks them attended (and one that undoes it), and a form
 * for a walk-in. It works with no signal: the list is the one kept on the device, and every tap is
 * queued in IndexedDB with its Idempotency-Key before it is sent (data/check-in.ts). What waits is
 * counted on screen and sent when the connection returns, and tried again every ten seconds while
 * anything waits; the API counts each key once, however often it arrives.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { doneRegion, problemRegion, when } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import {
  flush,
  loadDoorList,
  queueCheckIn,
  queueWalkIn,
  unreachable,
  waiting,
  type DoorList,
  type Queued,
  type Rsvp,
} from '../../data/check-in.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

/** A row of the door list: an RSVP as the API gave it with what waits applied, or a walk-in. */
interface DoorRow {
  key: string;
  attendance: string | undefined;
  name: string;
  /** What shows under the name: their email, or a walk-in's phone until it is sent; or nothing. */
  contact: string;
  status: Rsvp['status'] | 'walk-in';
  attended: boolean;
  pending: boolean;
}

/** How often what waits is tried again while the device says it is online. */
const retryEvery = 10_000;

/** Lower case without accents, so “Pérez” is found by “perez”. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

const nameOf = (given: string | null | undefined, family: string | null | undefined, email = '') =>
  [given, family].filter(Boolean).join(' ') || email;

@customElement('rally-check-in-panel')
export class RallyCheckInPanel extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .door {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      .door li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.75rem;
        border: 1px solid #d0d5dd;
        border-radius: 0.5rem;
        background: #fff;
      }
      .door li.attended {
        border-color: #067647;
        background: #ecfdf3;
      }
      .who {
        flex: 1 1 12rem;
        min-inline-size: 0;
        overflow-wrap: anywhere;
      }
      .who strong {
        display: block;
        font-size: 1.125rem;
      }
      .who span {
        color: #475467;
      }
      .mark {
        min-block-size: 3rem;
        min-inline-size: 10rem;
        font-size: 1.0625rem;
      }
      .state {
        font-weight: 700;
        color: #067647;
      }
      .waiting {
        font-weight: 700;
      }
      input[type='search'] {
        inline-size: 100%;
        min-block-size: 3rem;
        font-size: 1.125rem;
      }
      @media (max-width: 600px) {
        .mark {
          flex: 1 1 100%;
        }
      }
    `,
  ];

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** The event's id (its content file name). */
  @property() eventId = '';

  @state() private list: DoorList | undefined;
  @state() private offline = false;
  @state() private queue: Queued[] = [];
  @state() private query = '';
  @state() private problem = '';
  @state() private walkInProblem = '';
  @state() private done = '';
  @state() private loaded = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  private get t() {
    return translations[this.locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.timer = setInterval(() => {
      if (this.queue.length > 0 && navigator.onLine) void this.sendWaiting();
    }, retryEvery);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearInterval(this.timer);
  }

  private readonly onOnline = () => {
    // At once, and again shortly: the first try may come before the connection truly carries.
    void this.sendWaiting();
    setTimeout(() => {
      if (this.queue.length > 0) void this.sendWaiting();
    }, 2_000);
  };

  private readonly onOffline = () => {
    this.offline = true;
  };

  private async start(): Promise<void> {
    await this.refreshQueue();
    await this.load();
    if (this.queue.length > 0) await this.sendWaiting();
  }

  private async load(): Promise<void> {
    try {
      const { list, offline } = await loadDoorList(this.eventId);
      this.list = list;
      this.offline = offline;
      this.problem = '';
    } catch (error) {
      this.problem = unreachable(error)
        ? this.t.events.notKept
        : problemText(error, this.t.app.unreachable);
    }
    this.loaded = true;
  }

  private async refreshQueue(): Promise<void> {
    try {
      this.queue = await waiting();
    } catch {
      // IndexedDB refused (a private window's policy): taps are sent at once, not kept.
      this.queue = [];
    }
  }

  /** Sends what waits; reloads the list from the API once something went through. */
  private async sendWaiting(): Promise<void> {
    const result = await flush();
    await this.refreshQueue();
    if (result.refused.length > 0)
      this.problem = result.refused.map((detail) => this.t.events.refused(detail)).join(' ');
    else if (result.signIn) this.problem = this.t.events.signInToSend;
    if (result.sent > 0 && !result.stillWaiting) {
      this.done = this.t.events.allSent;
      await this.load();
    } else if (result.sent > 0) await this.load();
    if (!result.stillWaiting) this.offline = false;
  }

  /** The RSVPs with what waits to be sent applied, then walk-ins not sent yet. */
  private rows(): DoorRow[] {
    const mine = this.queue.filter((entry) => entry.event === this.eventId);
    const rows: DoorRow[] = (this.list?.rsvps ?? [])
      .filter((rsvp) => rsvp.status !== 'cancelled')
      .map((rsvp) => {
        const queued = mine.filter(
          (entry) => entry.kind === 'check-in' && entry.attendance === rsvp.id,
        );
        const last = queued.at(-1);
        const attended = last?.kind === 'check-in' ? last.attended : rsvp.attended;
        return {
          key: rsvp.id,
          attendance: rsvp.id,
          name: nameOf(rsvp.given_name, rsvp.family_name, rsvp.email) || this.t.events.unnamed,
          contact: rsvp.email,
          status: rsvp.status,
          attended: attended === true,
          pending: queued.length > 0,
        };
      });
    for (const entry of mine)
      if (entry.kind === 'walk-in')
        rows.push({
          key: entry.key,
          attendance: undefined,
          name: nameOf(entry.walkIn.given_name, entry.walkIn.family_name),
          contact: entry.walkIn.email ?? entry.walkIn.phone ?? '',
          status: 'walk-in',
          attended: true,
          pending: true,
        });
    return rows;
  }

  private async mark(row: DoorRow, attended: boolean): Promise<void> {
    if (!row.attendance) return;
    const e = this.t.events;
    this.problem = '';
    try {
      // Queued first, under a key made now: a tap is never lost, and never counted twice.
      await queueCheckIn(this.eventId, row.attendance, attended ? true : null);
    } catch (error) {
      this.problem = problemText(error, this.t.app.unreachable);
      return;
    }
    await this.refreshQueue();
    this.done = attended ? e.checkedIn(row.name) : e.undone(row.name);
    if (navigator.onLine) await this.sendWaiting();
  }

  private async onWalkIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const e = this.t.events;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const field = (name: string) => String(data.get(name) ?? '').trim();
    const walkIn = {
      given_name: field('given_name'),
      ...(field('family_name') ? { family_name: field('family_name') } : {}),
      ...(field('email') ? { email: field('email') } : {}),
      ...(field('phone') ? { phone: field('phone') } : {}),
    };
    if (!walkIn.email && !walkIn.phone) {
      this.walkInProblem = e.contactHint;
      (form.elements.namedItem('email') as HTMLInputElement | null)?.focus();
      return;
    }
    this.walkInProblem = '';
    try {
      await queueWalkIn(this.eventId, walkIn);
    } catch (error) {
      this.walkInProblem = problemText(error, this.t.app.unreachable);
      return;
    }
    form.reset();
    await this.refreshQueue();
    this.done = e.walkInAdded(nameOf(walkIn.given_name, walkIn.family_name));
    (form.elements.namedItem('given_name') as HTMLInputElement | null)?.focus();
    if (navigator.onLine) await this.sendWaiting();
  }

  private renderRow(row: DoorRow) {
    const e = this.t.events;
    const note = [
      row.status === 'waitlisted' ? e.isWaitlisted : '',
      row.status === 'walk-in' ? e.walkInLabel : '',
      row.pending ? e.pending : '',
    ]
      .filter(Boolean)
      .join(' · ');
    return html`<li class=${row.attended ? 'attended' : ''}>
      <div class="who">
        <strong>${row.name}</strong>
        ${
          row.contact || note
            ? html`<span>${[row.contact, note].filter(Boolean).join(' · ')}</span>`
            : nothing
        }
      </div>
      ${row.attended ? html`<span class="state">${e.isAttended}</span>` : nothing}
      ${
        row.attendance === undefined
          ? nothing
          : row.attended
            ? html`<button
                type="button"
                class="mark secondary"
                aria-label=${e.undoFor(row.name)}
                @click=${() => this.mark(row, false)}
              >
                ${e.undo}
              </button>`
            : html`<button
                type="button"
                class="mark"
                aria-label=${e.markAttendedFor(row.name)}
                @click=${() => this.mark(row, true)}
              >
                ${e.markAttended}
              </button>`
      }
    </li>`;
  }

  override render() {
    const e = this.t.events;
    const list = this.list;
    if (!this.loaded) return html`<p role="status">${e.loading}</p>`;
    const rows = this.rows();
    const words = fold(this.query).split(/\s+/).filter(Boolean);
    const shown = words.length
      ? rows.filter((row) => {
          const text = fold(`${row.name} ${row.contact}`);
          return words.every((word) => text.includes(word));
        })
      : rows;
    const attended = rows.filter((row) => row.attended).length;
    const accepted = rows.filter((row) => row.status !== 'waitlisted').length;
    return html`<p><a href="/console/events">${e.back}</a></p>
      ${
        list
          ? html`<h2>${list.title}</h2>
              <p>${when(list.start_at, this.locale)}</p>`
          : nothing
      }
      <p role="status" class="waiting">
        ${this.queue.length > 0 ? e.waiting(this.queue.length) : ''}
      </p>
      ${
        this.queue.length > 0
          ? html`<p>
              <button type="button" class="secondary" @click=${this.sendWaiting}>
                ${e.sendNow}
              </button>
            </p>`
          : nothing
      }
      <p class="hint">
        ${this.offline && list ? e.offlineSince(when(list.fetchedAt, this.locale)) : ''}
        ${this.offline ? e.offline : ''}
      </p>
      ${problemRegion(this.problem)} ${doneRegion(this.done)}
      ${
        list
          ? html`<section aria-labelledby="door-heading">
              <h2 id="door-heading">${e.attendedCount(attended, accepted)}</h2>
              <div class="card" role="search">
                <label
                  >${e.search}
                  <input
                    type="search"
                    name="q"
                    autocomplete="off"
                    aria-describedby="search-hint search-count"
                    .value=${this.query}
                    @input=${(event: InputEvent) => {
                      this.query = (event.target as HTMLInputElement).value;
                    }}
                  />
                </label>
                <p class="hint" id="search-hint">${e.searchHint}</p>
                <p class="hint" id="search-count">${e.shown(shown.length, rows.length)}</p>
              </div>
              <ul class="door">
                ${shown.map((row) => this.renderRow(row))}
              </ul>
            </section>`
          : nothing
      }
      <section aria-labelledby="walk-in-heading">
        <h2 id="walk-in-heading">${e.walkIn}</h2>
        <form class="card" @submit=${this.onWalkIn}>
          <p class="hint" id="walk-in-hint">${e.walkInHint}</p>
          <div class="row">
            <label
              >${e.givenName}
              <input name="given_name" required autocomplete="off" />
            </label>
            <label
              >${e.familyName}
              <input name="family_name" autocomplete="off" />
            </label>
          </div>
          <div class="row">
            <label
              >${e.email}
              <input name="email" type="email" autocomplete="off" aria-describedby="contact-hint" />
            </label>
            <label
              >${e.phone}
              <input name="phone" type="tel" autocomplete="off" aria-describedby="contact-hint" />
            </label>
          </div>
          <p class="hint" id="contact-hint">${e.contactHint}</p>
          ${problemRegion(this.walkInProblem)}
          <button type="submit" class="mark">${e.addWalkIn}</button>
        </form>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-check-in-panel': RallyCheckInPanel;
  }
}
