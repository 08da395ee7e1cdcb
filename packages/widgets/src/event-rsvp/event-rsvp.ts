import type { AttendanceReceipt, EventResource } from '@rally/core/resources';
import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { apiUrl } from '../api/client.ts';
import { RallyActionEvent } from '../events/rally-action-event.ts';
import { RallyFormElement } from '../internal/rally-form-element.ts';
import { ResourceController } from '../internal/resource-controller.ts';
import { formStyles } from '../styles/form.styles.ts';
import { eventRsvpStyles } from './event-rsvp.styles.ts';
import { eventRsvpStrings } from './event-rsvp.strings.ts';

/**
 * An event: when (in the visitor's language, at the event's own time zone), where, places left, an
 * RSVP form that joins the waitlist when the event is full, a calendar file, and cancellation.
 *
 * @summary Event details and RSVP with waitlist, calendar and cancellation.
 *
 * @csspart form - The RSVP form.
 * @csspart field - Each label with its input.
 * @csspart error - Each field's error message.
 * @csspart submit - The submit button.
 * @csspart status - The live region announcing progress, success and problems.
 * @csspart details - The event's date, place and places left.
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
 * @fires rally-error - The form was invalid, the API refused it, or the event could not load.
 */
@customElement('rally-event-rsvp')
export class RallyEventRsvp extends RallyFormElement {
  static override styles = [formStyles, eventRsvpStyles];

  /** The event's id: its content file's name, such as `new-orleans-home-care-meeting`. */
  @property() event = '';

  private readonly resource = new ResourceController<EventResource>(this, () =>
    this.api && this.event
      ? apiUrl(this.api, `events/${encodeURIComponent(this.event)}?lang=${this.locale}`)
      : undefined,
  );
  @state() private answer: AttendanceReceipt | undefined;
  @state() private cancelled = false;

  @query('form') private form!: HTMLFormElement;

  /** This widget's own strings, in its language. */
  private get strings() {
    return eventRsvpStrings[this.locale];
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!(await this.validate(this.form))) return;
    const data = new FormData(this.form);
    const body = { person: this.personFrom(data), ...this.submissionExtras(this.form) };
    this.answer = await this.send<AttendanceReceipt>(
      'rsvp',
      `events/${encodeURIComponent(this.event)}/attendances`,
      body,
    );
    if (this.status !== 'sent' && this.status !== 'queued') return;
    const name = this.rememberPerson(data);
    const eventRsvp = this.strings;
    this.announcement = !this.answer
      ? this.t.status.queued
      : this.answer.status === 'accepted'
        ? eventRsvp.accepted(name)
        : eventRsvp.waitlisted(name);
    this.dispatchEvent(
      new RallyActionEvent('rally-rsvp', this.answer?.identifiers ?? [], this.status === 'queued'),
    );
    if (this.answer) void this.resource.load();
  }

  private async cancel() {
    const link = this.answer?._links['rally:cancel']?.href;
    if (!link) return;
    try {
      const response = await fetch(link, { method: 'POST', credentials: 'omit' });
      if (!response.ok) throw new Error(String(response.status));
      this.cancelled = true;
      this.announcement = this.strings.cancelled;
      void this.resource.load();
    } catch {
      this.announcement = this.t.status.failed;
    }
  }

  override render() {
    const details = this.resource.value;
    if (!details) return this.renderLoading(this.resource.failed);
    const past = details.status === 'past';
    return html`
      ${this.renderDetails(details)}
      ${
        this.status === 'sent' || this.status === 'queued'
          ? this.renderAnswered()
          : past
            ? html`<p>${this.strings.over}</p>`
            : this.renderForm(details)
      }
    `;
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
      <h2>${event.title}</h2>
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
      </dl>
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
    return html`
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${this.renderPersonFields({ phone: true })} ${this.renderRememberChoice()}
        ${this.renderHoneypot()}
        <button part="submit" type="submit" ?disabled=${this.status === 'submitting'}>
          ${full ? this.strings.submitWaitlist : this.strings.submit}
        </button>
        ${this.renderStatus()}
      </form>
    `;
  }

  private renderAnswered() {
    return html`
      ${this.renderStatus()}
      ${
        this.answer && !this.cancelled
          ? html`<button part="submit" type="button" @click=${this.cancel}>
              ${this.strings.cancel}
            </button>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-event-rsvp': RallyEventRsvp;
  }
}
