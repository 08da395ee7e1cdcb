/**
 * The event RSVP's step after an RSVP: remembers the RSVP on the device with the person who made
 * it (state/person.ts), so that coming back they find "You're going" and its cancel button; and
 * asks before cancelling. A module of its own, loaded when someone begins on the form or comes back
 * with an RSVP, so no page waits for it to show the form.
 */
import type { AttendanceReceipt } from '@rally/core/resources';
import { html, nothing, type ReactiveElement } from 'lit';
import type { WritableAtom } from 'nanostores';
import type { SubmissionController } from '../internal/submission-controller.ts';
import type { KnownPerson, RememberedRsvp } from '../state/person.ts';
import { localeOf, translate } from '../translations/index.ts';
import { rsvpAnswerStrings } from './rsvp-answer.strings.ts';
import { rsvpAnswerStyles } from './rsvp-answer.styles.ts';

/** The widget this step belongs to. */
interface Host extends ReactiveElement {
  /** The event's id, under which its RSVP is remembered. */
  event: string;
}

/** What the step is given by the widget, and tells it. */
export interface RsvpAnswerEvents {
  /**
   * The person store (state/person.ts), from the widget, which fetches it beside this module:
   * imported here, it would be fetched only once this module arrived.
   */
  person: WritableAtom<KnownPerson | null>;
  /** The widget's submission, whose live region says how cancelling went. */
  submission: SubmissionController;
  /** The RSVP is cancelled. */
  cancelled(): void;
}

export class RsvpAnswer {
  private readonly host: Host;
  private readonly events: RsvpAnswerEvents;
  /** Whether the person is being asked to confirm the cancellation. */
  private confirming = false;
  private cancelling = false;

  constructor(host: Host, events: RsvpAnswerEvents) {
    this.host = host;
    this.events = events;
    // Added to the widget's styles now that they are needed (every browser Lit 3 supports adopts).
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, rsvpAnswerStyles.styleSheet!];
  }

  private get strings() {
    return rsvpAnswerStrings[localeOf(this.host)];
  }

  /** Keeps the RSVP just made with the person; returns what to tell them. */
  remember(receipt: AttendanceReceipt, name: string): string {
    const store = this.events.person;
    const person = store.get();
    const cancel = receipt._links['rally:cancel'].href;
    if (person) {
      const rsvps = { ...person.rsvps, [this.host.event]: { status: receipt.status, cancel } };
      store.set({ ...person, rsvps });
    }
    return this.said(receipt.status, name);
  }

  private said(status: RememberedRsvp['status'], name: string): string {
    return status === 'accepted' ? this.strings.accepted(name) : this.strings.waitlisted(name);
  }

  private forget(): void {
    const store = this.events.person;
    const person = store.get();
    if (!person?.rsvps) return;
    const rsvps = { ...person.rsvps };
    delete rsvps[this.host.event];
    store.set({ ...person, rsvps });
  }

  /** Shows the question, focused on keeping the RSVP: two presses of Enter cancel nothing. */
  private async ask(): Promise<void> {
    this.confirming = true;
    await this.moveFocus('.keep');
  }

  private async keep(): Promise<void> {
    this.confirming = false;
    await this.moveFocus('.cancel');
  }

  private async moveFocus(selector: string): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async cancel(rsvp: RememberedRsvp): Promise<void> {
    if (this.cancelling) return;
    this.cancelling = true;
    try {
      const response = await fetch(rsvp.cancel, { method: 'POST', credentials: 'omit' });
      // 404: cancelled already (by the link in an email, say): nothing left to cancel.
      if (!response.ok && response.status !== 404) throw new Error(String(response.status));
      this.confirming = false;
      this.forget();
      this.events.cancelled();
      this.events.submission.announcement = this.strings.cancelled;
      // The cancel button is gone: focus goes to what happened.
      void this.events.submission.showOutcome();
    } catch {
      this.events.submission.announcement = translate(this.host).status.failed;
    } finally {
      this.cancelling = false;
    }
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.confirming) void this.keep();
  };

  /**
   * The RSVP on this device with its cancel button. `returning`: the person came back, so it says
   * what they did; right after the RSVP the live region already says it.
   */
  render(rsvp: RememberedRsvp, returning: boolean) {
    const { strings } = this;
    const store = this.events.person;
    const name = store.get()?.given_name ?? '';
    return html`<div part="answer" class="answer" @keydown=${this.onKeydown}>
      ${returning ? html`<p>${this.said(rsvp.status, name)}</p>` : nothing}
      ${
        this.confirming
          ? html`<div class="confirm" role="group" aria-labelledby="confirm-cancel">
              <p id="confirm-cancel">${strings.confirm}</p>
              <button part="submit" type="button" @click=${() => this.cancel(rsvp)}>
                ${strings.yes}
              </button>
              <button class="link keep" type="button" @click=${() => this.keep()}>
                ${strings.keep}
              </button>
            </div>`
          : html`<button part="submit" class="cancel" type="button" @click=${() => this.ask()}>
              ${strings.cancel}
            </button>`
      }
      ${
        returning
          ? html`<button class="link" type="button" @click=${() => store.set(null)}>
              ${translate(this.host).person.notYou(name)}
            </button>`
          : nothing
      }
    </div>`;
  }
}
