import type { DuesCheckoutReceipt, DuesOptions } from '@rally/core/dues';
import { monthsPerPayment, type DuesInterval } from '@rally/core/dues-intervals';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { apiUrl } from '../api/client.ts';
import { RallyActionEvent } from '../events/rally-action-event.ts';
import {
  fieldError,
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
import { PersonController } from '../state/person-controller.ts';
import { formStyles } from '../styles/form.styles.ts';
import { duesCheckoutStyles } from './dues-checkout.styles.ts';
import { duesCheckoutStrings } from './dues-checkout.strings.ts';
import { parseAmount } from './parse-amount.ts';
import type { DuesPayment } from './payment.ts';

/**
 * Lets a member choose their dues — a tier of the sliding scale or their own amount above the
 * floor, monthly, yearly or once — and pay by card without leaving the page, through Stripe's
 * Embedded Checkout. Stripe.js loads only when the member goes on to pay. The payment counts
 * once Stripe's verified webhook reaches the API; until then the widget says it is processing.
 * With `privacy-url`, the form links to the organization's privacy notice ("How we use your
 * information", in a new tab).
 *
 * @summary Dues checkout with a sliding scale, through Stripe.
 *
 * @slot payment - Filled by the widget itself with Stripe's payment form, which must live in the page.
 *
 * @csspart form - The form, and each later step.
 * @csspart field - Each label with its input, and each group of choices.
 * @csspart error - Each field's error message.
 * @csspart submit - The continue button.
 * @csspart status - The live region announcing progress, success and problems.
 * @csspart privacy - The link to the privacy notice (`privacy-url`).
 *
 * @cssproperty --rally-accent - Background of the button, colour of radio buttons.
 * @cssproperty --rally-on-accent - Text colour on the accent background.
 * @cssproperty --rally-text - Text colour; inherited from the page by default.
 * @cssproperty --rally-surface - Background of inputs.
 * @cssproperty --rally-border - Border colour of inputs.
 * @cssproperty --rally-danger - Colour of error messages and invalid borders.
 * @cssproperty --rally-focus - Colour of the focus ring.
 * @cssproperty --rally-radius - Corner radius of inputs and buttons.
 *
 * @cssstate submitting - While the payment form is being opened.
 * @cssstate sent - After Stripe confirmed the payment.
 * @cssstate error - After the API refused the choice.
 *
 * @fires rally-dues-paid - Stripe confirmed the payment; `identifiers` name the member.
 * @fires rally-error - The form was invalid (`reason: 'invalid'`), the API refused it (`refused`), or could not be reached (`unreachable`: paying needs a connection, or the dues could not load).
 */
@customElement('rally-dues-checkout')
export class RallyDuesCheckout extends RallyFormElement {
  static override styles = [formStyles, duesCheckoutStyles];

  /** No outbox: a payment cannot wait for the connection to return. */
  private readonly submission = new SubmissionController(this);
  private readonly person = new PersonController(this);
  private readonly options = resourceTask<DuesOptions>(this, () =>
    this.api ? apiUrl(this.api, `dues?lang=${this.locale}`) : undefined,
  );

  /** Region slug credited with the member. */
  @property() region = '';

  /** Sector slug credited with the member. */
  @property() sector = '';

  /** The payment, once the member has chosen and gone on to pay. */
  @state() private payment: DuesPayment | undefined;
  @state() private interval: DuesInterval | undefined;
  /** A tier's id, or `other` for an amount of the member's own. */
  @state() private choice = '';

  /** The choice's form (the payment step has none of Rally's). */
  private get form(): HTMLFormElement {
    return this.renderRoot.querySelector('form')!;
  }

  /** One per choice: the same choice sent twice gets the same checkout back. */
  private idempotencyKey = crypto.randomUUID();
  /** The step on screen, so a new one can take focus. */
  private shownStep = 'choose';

  private get strings() {
    return duesCheckoutStrings[this.locale];
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Each step begins at its heading, so keyboard and screen reader users start in the right
    // place — the thank-you too, brought into view.
    const step = this.payment?.step ?? 'choose';
    if (step !== this.shownStep) {
      this.shownStep = step;
      void this.submission.showOutcome('h2');
    }
  }

  /** Where Stripe's form goes: in the page, not the shadow root, where Stripe's frame works fully. */
  private get paymentSlot(): HTMLElement {
    let slot = this.querySelector<HTMLElement>(':scope > [slot="payment"]');
    if (!slot) {
      slot = document.createElement('div');
      slot.slot = 'payment';
      this.append(slot);
    }
    return slot;
  }

  // ---- Amounts -------------------------------------------------------------------------------

  private get fractionDigits(): number {
    const currency = this.options.value?.currency ?? 'usd';
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits!;
  }

  /** An amount in the currency's smallest unit, as the member reads it: "$10", "10 US$". */
  private format(minor: number): string {
    return new Intl.NumberFormat(this.locale, {
      style: 'currency',
      currency: this.options.value!.currency,
      trailingZeroDisplay: 'stripIfInteger',
    }).format(minor / 10 ** this.fractionDigits);
  }

  private perPayment(monthly: number, interval: DuesInterval): string {
    return this.strings.per[interval](this.format(monthly * monthsPerPayment(interval)));
  }

  /** The amount the member chose, in the smallest unit; `undefined` when not a number. */
  private chosenAmount(data: FormData, interval: DuesInterval): number | undefined {
    const options = this.options.value!;
    const tier = options.tiers.find((candidate) => candidate.id === data.get('amount'));
    if (tier) return tier.monthly_amount * monthsPerPayment(interval);
    const typed = parseAmount(String(data.get('custom_amount') ?? ''));
    return typed === undefined ? undefined : Math.round(typed * 10 ** this.fractionDigits);
  }

  // ---- Steps ---------------------------------------------------------------------------------

  /** This widget's own message for an input that failed its check, if it has one. */
  private messageFor(input: HTMLInputElement): string | undefined {
    if (input.name === 'amount') return this.strings.chooseAmount;
    if (input.name === 'custom_amount' && input.validity.customError)
      return input.validationMessage;
    return undefined;
  }

  /** The custom amount's own check: a number, and at least the floor for the schedule. */
  private checkCustomAmount(): void {
    const input = this.form.elements.namedItem('custom_amount') as HTMLInputElement | null;
    if (!input) return;
    const options = this.options.value!;
    const interval = this.currentInterval;
    const minimum = (options.minimum_monthly_amount ?? 0) * monthsPerPayment(interval);
    const amount = this.chosenAmount(new FormData(this.form), interval);
    input.setCustomValidity(
      input.value.trim() === ''
        ? ''
        : amount === undefined || amount < minimum
          ? this.strings.belowMinimum(this.format(minimum))
          : '',
    );
  }

  private get currentInterval(): DuesInterval {
    return this.interval ?? this.options.value!.intervals[0]!;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { submission } = this;
    this.checkCustomAmount();
    if (!(await submission.validate(this.form, (input) => this.messageFor(input)))) return;
    const data = new FormData(this.form);
    const interval = this.currentInterval;
    const amount = this.chosenAmount(data, interval)!;
    const tier = data.get('amount') === 'other' ? undefined : String(data.get('amount'));
    const body = {
      person: personFrom(data),
      ...(tier ? { tier } : {}),
      amount,
      interval,
      region: this.region || undefined,
      sector: this.sector || undefined,
      ...submission.extras(this.form),
    };

    // The checkout, Stripe.js and the payment step's code load side by side.
    const paying = Promise.all([
      loadStripeJs(this.options.value!.publishable_key!),
      import('./payment.ts'),
    ]);
    paying.catch(() => {}); // Said below, once the checkout is there.
    const { strings } = this;
    const receipt = await submission.send<DuesCheckoutReceipt>(
      `dues/checkouts?lang=${this.locale}`,
      body,
      {
        key: this.idempotencyKey,
        sending: strings.loadingPayment,
        offline: strings.offline,
        failed: strings.paymentUnavailable,
      },
    );
    if (!receipt) return; // Refused, or not sent: the live region says why.
    const loaded = await paying.catch(() => undefined);
    if (!loaded) {
      submission.status = 'error';
      submission.announcement = navigator.onLine ? strings.paymentUnavailable : strings.offline;
      return;
    }
    const [stripe, { DuesPayment }] = loaded;
    const name = await this.person.remember(data);
    submission.status = 'idle';
    submission.announcement = '';
    const details = {
      api: this.api,
      slot: this.paymentSlot,
      receipt,
      stripe,
      locale: this.locale,
      amount: strings.per[interval](this.format(amount)),
      name,
    };
    this.payment = new DuesPayment(this, details, {
      announce: (text) => (submission.announcement = text),
      failed: () => (submission.announcement = this.strings.paymentUnavailable),
      back: () => {
        // Back to the choice; the next "continue" opens a new checkout for the new choice.
        this.payment?.destroy();
        this.payment = undefined;
        this.idempotencyKey = crypto.randomUUID();
      },
      confirmed: (identifiers) => {
        submission.status = 'sent';
        submission.announcement = '';
        this.dispatchEvent(new RallyActionEvent('rally-dues-paid', identifiers, false));
      },
    });
    await this.updateComplete;
    await this.payment.mount();
  }

  // ---- Rendering -----------------------------------------------------------------------------

  override render() {
    // One template in every step, so the live region after each step stays the same.
    const text = loadFailed(this.options)
      ? this.t.status.unreachable
      : this.submission.announcement;
    return html`${this.renderStep()}${statusRegion(text)}`;
  }

  private renderStep() {
    const options = this.options.value;
    if (!options) return loading();
    if (!options.available) return html`<p part="form">${this.strings.notSetUp}</p>`;
    return this.payment?.render() ?? this.renderChoice(options);
  }

  private renderChoice(options: DuesOptions) {
    const { strings, t } = this;
    const { errors, status } = this.submission;
    const interval = this.currentInterval;
    const custom = options.minimum_monthly_amount;
    const amountError = errors.amount;
    return html`
      <form part="form" novalidate @submit=${this.onSubmit}>
        <h2 tabindex="-1">${strings.heading}</h2>
        <p>${strings.intro}</p>
        ${
          options.portal_login_url
            ? html`<a href=${options.portal_login_url}>${strings.manageLater}</a>`
            : nothing
        }
        ${
          options.intervals.length > 1
            ? html`<fieldset part="field">
                <legend>${strings.schedule}</legend>
                ${options.intervals.map((value) =>
                  this.renderRadio('interval', value, strings.intervals[value], {
                    checked: value === interval,
                    choose: () => (this.interval = value),
                  }),
                )}
              </fieldset>`
            : nothing
        }
        <fieldset
          part="field"
          aria-describedby=${amountError ? 'amount-error' : nothing}
          aria-invalid=${amountError ? 'true' : 'false'}
        >
          <legend>${strings.amount}</legend>
          ${options.tiers.map((tier) =>
            this.renderAmount(
              tier.id,
              html`<strong>${this.perPayment(tier.monthly_amount, interval)}</strong>
                <span class="tier">${tier.label}</span>`,
            ),
          )}
          ${custom === null ? nothing : this.renderAmount('other', strings.otherAmount)}
        </fieldset>
        ${fieldError('amount', errors)}
        ${
          this.choice === 'other' && custom !== null
            ? html`<label part="field">
                  ${strings.otherAmountLabel} (${strings.intervals[interval].toLowerCase()})
                  <input
                    name="custom_amount"
                    inputmode="decimal"
                    autocomplete="transaction-amount"
                    required
                    aria-describedby=${errors.custom_amount ? 'custom_amount-error' : 'custom_amount-hint'}
                    aria-invalid=${errors.custom_amount ? 'true' : 'false'}
                    @input=${this.checkCustomAmount}
                  />
                </label>
                <p class="hint" id="custom_amount-hint">
                  ${strings.atLeast(this.format(custom * monthsPerPayment(interval)))}
                </p>
                ${fieldError('custom_amount', errors)}`
            : nothing
        }
        ${personFields(t, errors, this.person)} ${rememberChoice(t, this.person.known)}
        ${privacyLink(t, this.privacyUrl)} ${honeypot()}
        <button part="submit" type="submit" ?disabled=${status === 'submitting'}>
          ${strings.submit}
        </button>
      </form>
    `;
  }

  /** One choice of dues (a tier's id, or `other`); one must be made. */
  private renderAmount(value: string, label: TemplateResult | string) {
    return this.renderRadio('amount', value, label, {
      checked: this.choice === value,
      choose: () => (this.choice = value),
      required: true,
    });
  }

  private renderRadio(
    name: string,
    value: string,
    label: TemplateResult | string,
    {
      checked,
      choose,
      required = false,
    }: { checked: boolean; choose: () => void; required?: boolean },
  ) {
    return html`<label class="check">
      <input
        type="radio"
        name=${name}
        .value=${value}
        .checked=${checked}
        ?required=${required}
        @change=${choose}
      />
      <span>${label}</span>
    </label>`;
  }
}

/** Stripe.js, from Stripe as its terms require, fetched only now that the member pays. */
async function loadStripeJs(publishableKey: string) {
  const { loadStripe } = await import('@stripe/stripe-js/pure');
  const stripe = await loadStripe(publishableKey);
  if (!stripe) throw new Error('Stripe.js did not load.');
  return stripe;
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-dues-checkout': RallyDuesCheckout;
  }
}
