import type { AttendanceReceipt, EventResource } from '@rally/core/resources';
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { apiUrl } from '../api/client.ts';
import { RallyActionEvent } from '../events/rally-action-event.ts';
import {
  honeypot,
  loading,
  personFields,
  personFrom,
  privacyLink,
  rememberChoice,
  statusRegion,
} from '../internal/form-templates.ts';
import { RallyFormElement } from '../internal/rally-form-element.ts';
import { loadFailed, resourceTask } from '../internal/resource-task.ts';
import { SubmissionController } from '../internal/submission-controller.ts';
import { PersonController, loadPersonStore } from '../state/person-controller.ts';
import { formStyles } from '../styles/form.styles.ts';
import { eventRsvpStyles } from './event-rsvp.styles.ts';
import { eventRsvpStrings } from './event-rsvp.strings.ts';
import type { RsvpAnswer } from './rsvp-answer.ts';

/**
 * The step after an RSVP: a module of its own, so that the form does not wait for it, with the
 * person store it keeps the RSVP in, fetched side by side.
 */
const loadAnswer = () => Promise.all([import('./rsvp-answer.ts'), loadPersonStore()]);

/**
 * An event: when (in the visitor's language, at the event's own time zone, named in full: "Central
 * Standard Time"), where, places left, an RSVP form that joins the waitlist when the event is full,
 * a calendar file, and cancellation. The RSVP is remembered on the device with the person (for the
 * visit, or longer if they ask to be remembered): coming back, they find "You're going" and its
 * cancel button, which asks before it cancels. With `without-details`, the page shows the event's
 * title, text, time and place itself. With `privacy-url`, the form links to the organization's
 * privacy notice ("How we use your information", in a new tab).
 *
 * @summary Event details and RSVP with waitlist, calendar and cancellation.
 *
 * @csspart form - The RSVP form.
 * @csspart field - Each label with its input.
 * @csspart error - Each field's error message.
 * @csspart submit - The submit button, and the button that cancels an RSVP.
 * @csspart status - The live region announcing progress, success and problems.
 * @csspart details - The event's date, place and places left.
 * @csspart privacy - The link to the privacy notice (`privacy-url`).
 * @csspart answer - The RSVP made on this device, with its cancel button and confirm step.
 *
 * @cssproperty --rally-accent - Background of the buttons.
 * @cssproperty --rally-on-accent - Text colour on the accent background.
 * @cssproperty --rally-text - Text colour; inherited from the page by default.
 * @cssproperty --rally-surface - Background of inputs.
 * @cssproperty --rally-border - Border colour of inputs.
 * @cssproperty --rally-danger - Colour of error messages and invalid borders.
 * @cssproperty --rally-focus - Colour of the focus ring.
 * @cssproperty --rally-radius - Corner radius of inputs and buttons.
 *
 * @cssstate submitting - While the RSVP is being sent.
 * @cssstate sent - After the API recorded the RSVP.
 * @cssstate queued - When the RSVP is saved offline, waiting for a connection.
 * @cssstate error - After the API refused the RSVP.
 *
 * @fires rally-rsvp - The person RSVPed (or, with `queued`, the RSVP is saved offline).
 * @fires rally-error - The form was invalid (`reason: 'invalid'`), the API refused it (`refused`), or could not be reached (`unreachable`: the RSVP is saved offline, or the event could not load).
 * @fires rally-outbox-sent - On `document`: an RSVP saved offline reached the API.
 * @fires rally-outbox-refused - On `document`: the API refused an RSVP saved offline.
 */
@customElement('rally-event-rsvp')
export class RallyEventRsvp extends RallyFormElement {
  static override styles = [formStyles, eventRsvpStyles];

  private readonly submission = new SubmissionController(this, {
    outbox: 'rsvp',
    // While there is a connection, for the RSVP to come.
    prepare: () => this.loadAnswer(),
  });
  private readonly person = new PersonController(this);
  private readonly details = resourceTask<EventResource>(this, () =>
    this.api && this.event
      ? apiUrl(this.api, `events/${encodeURIComponent(this.event)}?lang=${this.locale}`)
      : undefined,
  );

  /** The event's id: its content file's name, such as `new-orleans-home-care-meeting`. */
  @property() event = '';

  /**
   * Leaves out the event's title, text, time and place, for a page that shows them itself; the
   * places left, the calendar link and the form stay.
   */
  @property({ type: Boolean, attribute: 'without-details' }) withoutDetails = false;

  /** The RSVP step, once its module has loaded. */
  @state() private answer: RsvpAnswer | undefined;
  private answerLoading: Promise<RsvpAnswer> | undefined;
  /** Whether the step was asked for because the person came back with an RSVP. */
  private answerWanted = false;
  /** Cancelled here: the form does not come back. */
  @state() private cancelled = false;

  /** This widget's own strings, in its language. */
  private get strings() {
    return eventRsvpStrings[this.locale];
  }

  /** The RSVP to this event the person on this device made, if any. */
  private get remembered() {
    return this.person.known?.rsvps?.[this.event];
  }

  override willUpdate(): void {
    // Someone coming back with an RSVP: its step shows instead of the form (or, should it fail to
    // load, the form does; the next RSVP tries again).
    if (this.remembered && !this.answerWanted) {
      this.answerWanted = true;
      this.loadAnswer().catch(() => this.requestUpdate());
    }
  }

  private loadAnswer(): Promise<RsvpAnswer> {
    return (this.answerLoading ??= loadAnswer().then(
      ([{ RsvpAnswer }, { $person }]) =>
        (this.answer = new RsvpAnswer(this, {
          person: $person,
          submission: this.submission,
          cancelled: () => {
            this.cancelled = true;
            void this.details.run();
          },
        })),
      (error: unknown) => {
        this.answerLoading = undefined; // Offline: the next RSVP tries again.
        throw error;
      },
    ));
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const { submission } = this;
    if (!(await submission.validate(form))) return;
    const data = new FormData(form);
    const body = { person: personFrom(data), ...submission.extras(form) };
    const receipt = await submission.send<AttendanceReceipt>(
      `events/${encodeURIComponent(this.event)}/attendances`,
      body,
    );
    const queued = submission.status === 'queued';
    if (!receipt && !queued) return; // Refused, or not sent: the live region says why.
    const name = await this.person.remember(data);
    const answer = receipt && (await this.loadAnswer().catch(() => undefined));
    // Recorded: remembered on the device with the person, with the link that cancels it.
    submission.done(receipt ? (answer?.remember(receipt, name) ?? '') : this.t.status.queued);
    if (receipt) void this.details.run();
    this.dispatchEvent(new RallyActionEvent('rally-rsvp', receipt?.identifiers ?? [], queued));
  }

  override render() {
    const details = this.details.value;
    const past = details?.status === 'past';
    const rsvp = past ? undefined : this.remembered;
    const { status, announcement } = this.submission;
    // An RSVP on the device stands in for the form; should its step fail to load, the form shows.
    const answered =
      status === 'sent' ||
      status === 'queued' ||
      this.cancelled ||
      (!!rsvp && !!this.answerLoading);
    // One template in every state, so the live region between form and answer stays the same.
    return html`${details ? this.renderDetails(details) : loading()}
    ${
      !details || answered
        ? nothing
        : past
          ? html`<p>${this.strings.over}</p>`
          : this.renderForm(details)
    }
    ${statusRegion(loadFailed(this.details) ? this.t.status.unreachable : announcement)}
    ${rsvp ? this.answer?.render(rsvp, status === 'idle') : nothing}`;
  }

  private renderDetails(event: EventResource) {
    const eventRsvp = this.strings;
    const when = new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: event.timezone_identifier,
    }).formatRange(new Date(event.start_date), new Date(event.end_date));
    const zone = new Intl.DateTimeFormat(this.locale, {
      timeZone: event.timezone_identifier,
      timeZoneName: 'long',
    })
      .formatToParts(new Date(event.start_date))
      .find((part) => part.type === 'timeZoneName')?.value;
    const number = new Intl.NumberFormat(this.locale);
    const place = event.location;
    return html`<div class="details" part="details">
      ${
        this.withoutDetails
          ? nothing
          : html`<h2>${event.title}</h2>
              <p>${event.description}</p>
              <dl>
                <dt>${eventRsvp.when}</dt>
                <dd>${when} (${zone})</dd>
                <dt>${eventRsvp.where}</dt>
                <dd>
                  ${
                    place
                      ? [place.venue, ...place.address_lines, place.locality, place.region]
                          .filter(Boolean)
                          .join(', ')
                      : eventRsvp.online
                  }
                </dd>
              </dl>`
      }
      ${
        event.places_remaining === null
          ? nothing
          : event.places_remaining > 0
            ? html`<p>${eventRsvp.placesLeft(number.format(event.places_remaining))}</p>`
            : html`<p>${eventRsvp.full}</p>`
      }
      <p>
        <a
          href=${apiUrl(
            this.api,
            // In the page's language, linking back to this page (the API keeps only its own sites).
            `events/${encodeURIComponent(event.identifiers[0]!.replace(/^rally:/, ''))}/calendar.ics?${new URLSearchParams({ lang: this.locale, page: location.href })}`,
          )}
          download
          >${eventRsvp.addToCalendar}</a
        >
      </p>
    </div>`;
  }

  private renderForm(event: EventResource) {
    const full = event.places_remaining === 0;
    const { t } = this;
    return html`
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${personFields(t, this.submission.errors, this.person, { phone: true })}
        ${rememberChoice(t, this.person.known)} ${privacyLink(t, this.privacyUrl)} ${honeypot()}
        <button part="submit" type="submit" ?disabled=${this.submission.status === 'submitting'}>
          ${full ? this.strings.submitWaitlist : this.strings.submit}
        </button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-event-rsvp': RallyEventRsvp;
  }
}
