/**
 * The dues checkout after the member's choice: Stripe's Embedded Checkout, the wait for Stripe's
 * webhook to reach the API, and the thank-you with the billing portal. A module of its own, loaded
 * with Stripe.js when the member goes on to pay, so a page showing only the choice never pays for it.
 */
import type { DuesCheckoutReceipt, DuesCheckoutStatus } from '@rally/core/dues';
import type { Locale } from '@rally/core/locale';
import type { Stripe, StripeEmbeddedCheckout } from '@stripe/stripe-js';
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { apiUrl, getJson } from '../api/client.ts';
import { postJson } from '../api/write.ts';
import { paymentStrings } from './payment.strings.ts';

type Step = 'paying' | 'processing' | 'slow' | 'confirmed';

/** How long to wait for Stripe's webhook before saying it is slow (it has usually come by then). */
const confirmationPatience = 60_000;

/** What the payment tells the widget that shows it. */
export interface PaymentEvents {
  /** Says something through the widget's live region. */
  announce(text: string): void;
  /** Stripe could not show its form, or the portal could not open: nothing was charged. */
  failed(): void;
  /** The member wants another amount. */
  back(): void;
  /** Stripe confirmed the payment. */
  confirmed(identifiers: string[]): void;
}

export interface PaymentDetails {
  /** Base URL of the Rally API. */
  api: string;
  /** Where Stripe's form goes: in the page, not a shadow root, where Stripe's frame works fully. */
  slot: HTMLElement;
  receipt: DuesCheckoutReceipt;
  stripe: Stripe;
  locale: Locale;
  /** What the member pays, as they read it: "$12 a month". */
  amount: string;
  /** The member's first name, for the thank-you. */
  name: string;
}

export class DuesPayment implements ReactiveController {
  step: Step = 'paying';

  private readonly host: ReactiveControllerHost;
  private readonly details: PaymentDetails;
  private readonly events: PaymentEvents;
  private checkout: StripeEmbeddedCheckout | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, details: PaymentDetails, events: PaymentEvents) {
    this.host = host;
    this.details = details;
    this.events = events;
    host.addController(this);
  }

  private get strings() {
    return paymentStrings[this.details.locale];
  }

  /** Mounts Stripe's form; call once the payment step is on screen. */
  async mount(): Promise<void> {
    try {
      this.checkout = await this.details.stripe.createEmbeddedCheckoutPage({
        clientSecret: this.details.receipt.client_secret,
        onComplete: () => this.paid(),
      });
      this.checkout.mount(this.details.slot);
    } catch {
      // A blocked frame, an expired session: nothing was charged.
      this.events.failed();
    }
  }

  hostDisconnected(): void {
    this.destroy();
  }

  /** Takes Stripe's form away and stops asking the API; the widget goes back to the choice. */
  destroy(): void {
    clearTimeout(this.pollTimer);
    this.checkout?.destroy();
    this.checkout = undefined;
    this.host.removeController(this);
  }

  /** Stripe took the payment; it counts once the API has Stripe's webhook, so wait for that. */
  private paid(): void {
    this.checkout?.destroy();
    this.checkout = undefined;
    this.setStep('processing');
    this.events.announce(this.strings.processing);
    const started = Date.now();
    const poll = async (wait: number) => {
      try {
        const { status } = await getJson<DuesCheckoutStatus>(this.details.receipt._links.self.href);
        if (status === 'confirmed') {
          this.setStep('confirmed');
          this.events.confirmed(this.details.receipt.identifiers);
          return;
        }
      } catch {
        // A dropped request is asked again; the payment itself is safe at Stripe.
      }
      if (Date.now() - started > confirmationPatience && this.step !== 'slow') {
        this.setStep('slow');
        this.events.announce(this.strings.slow);
      }
      // Keep asking, more gently: the thank-you still comes when the webhook does.
      this.pollTimer = setTimeout(() => void poll(Math.min(wait * 1.5, 15_000)), wait);
    };
    this.pollTimer = setTimeout(() => void poll(1000), 500);
  }

  private setStep(step: Step): void {
    this.step = step;
    this.host.requestUpdate();
  }

  private async openPortal(): Promise<void> {
    const session = encodeURIComponent(this.details.receipt.checkout_session);
    try {
      const { url } = await postJson<{ url: string }>(
        apiUrl(this.details.api, `dues/checkouts/${session}/portal`),
        { return_url: location.href },
        crypto.randomUUID(),
      );
      location.assign(url);
    } catch {
      this.events.failed();
    }
  }

  /** The current step; the widget's live region follows it. */
  render() {
    const { strings } = this;
    const { amount, name } = this.details;
    switch (this.step) {
      case 'paying':
        return html`<div part="form" class="step">
          <h2 tabindex="-1">${strings.paymentHeading}</h2>
          <p>${strings.paymentFor(amount)}</p>
          <slot name="payment"></slot>
          <button type="button" class="link" @click=${() => this.events.back()}>
            ${strings.change}
          </button>
        </div>`;
      case 'processing':
      case 'slow':
        return html`<div part="form" class="step">
          <h2 tabindex="-1">${strings.paymentHeading}</h2>
        </div>`;
      case 'confirmed':
        return html`<div part="form" class="step">
          <h2 tabindex="-1">${strings.thanks(name)}</h2>
          <p>${strings.paymentFor(amount)} ${strings.thanksDetail}</p>
          <p>${strings.manageHint}</p>
          <button type="button" @click=${() => void this.openPortal()}>${strings.manage}</button>
        </div>`;
    }
  }
}
