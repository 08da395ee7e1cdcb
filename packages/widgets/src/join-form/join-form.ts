import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { RallySubmitEvent } from '../events/rally-submit-event.ts';
import { translate, type Translation } from '../translations/index.ts';
import { joinFormStyles } from './join-form.styles.ts';

/** The person-signup payload the join form sends, in OSDI field names. */
export interface JoinPayload {
  person: {
    given_name: string;
    family_name: string;
    email_addresses: { address: string }[];
  };
  /** The consent text exactly as the visitor saw it. */
  consent: { text: string };
}

type FieldName = 'given_name' | 'family_name' | 'email' | 'consent';

/**
 * Invites a visitor to join: name, email and consent, checked in the visitor's language before
 * anything leaves the page.
 *
 * @summary Join form for prospective members.
 *
 * @csspart form - The form.
 * @csspart field - Each label with its input.
 * @csspart error - Each field's error message.
 * @csspart submit - The submit button.
 *
 * @cssproperty --rally-accent - Background of the submit button and colour of the checkbox.
 * @cssproperty --rally-on-accent - Text colour on the accent background.
 * @cssproperty --rally-text - Text colour; inherited from the page by default.
 * @cssproperty --rally-surface - Background of inputs.
 * @cssproperty --rally-border - Border colour of inputs.
 * @cssproperty --rally-danger - Colour of error messages and invalid borders.
 * @cssproperty --rally-focus - Colour of the focus ring.
 * @cssproperty --rally-radius - Corner radius of inputs and button.
 *
 * @fires rally-submit - The form passed validation; `event.payload` holds the signup. Cancelable.
 */
@customElement('rally-join-form')
export class RallyJoinForm extends LitElement {
  static override styles = joinFormStyles;

  /** Language of the form (`en`, `es`); defaults to the nearest `lang` on the page. */
  @property({ reflect: true }) override lang!: string;

  /** Error message per field, shown after a submit attempt. */
  @state() private errors: Partial<Record<FieldName, string>> = {};

  @query('form') private form!: HTMLFormElement;

  private onInput(event: Event) {
    const name = (event.target as HTMLInputElement).name as FieldName;
    if (this.errors[name]) this.errors = { ...this.errors, [name]: undefined };
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const strings = translate(this);
    const inputs = [...this.form.querySelectorAll('input')];
    this.errors = Object.fromEntries(
      inputs
        .filter((input) => !input.checkValidity())
        .map((input) => [input.name, errorMessage(input, strings)]),
    );

    const firstInvalid = inputs.find((input) => !input.validity.valid);
    if (firstInvalid) {
      await this.updateComplete;
      firstInvalid.focus();
      return;
    }

    const data = new FormData(this.form);
    const payload: JoinPayload = {
      person: {
        given_name: String(data.get('given_name')).trim(),
        family_name: String(data.get('family_name')).trim(),
        email_addresses: [{ address: String(data.get('email')).trim() }],
      },
      consent: { text: strings.joinForm.consent },
    };
    this.dispatchEvent(new RallySubmitEvent(payload));
  }

  override render() {
    const t = translate(this);
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput}>
        <h2>${t.joinForm.heading}</h2>
        ${this.renderField('given_name', t.joinForm.givenName, 'text', 'given-name', true)}
        ${this.renderField('family_name', t.joinForm.familyName, 'text', 'family-name', false)}
        ${this.renderField('email', t.joinForm.email, 'email', 'email', true)}
        <label part="field" class="consent">
          <input
            type="checkbox"
            name="consent"
            required
            aria-invalid=${this.errors.consent ? 'true' : 'false'}
            aria-describedby=${this.errors.consent ? 'consent-error' : nothing}
          />
          <span>${t.joinForm.consent}</span>
        </label>
        ${this.renderError('consent')}
        <button part="submit" type="submit">${t.joinForm.submit}</button>
      </form>
    `;
  }

  private renderField(
    name: FieldName,
    label: string,
    type: 'text' | 'email',
    autocomplete: string,
    required: boolean,
  ) {
    const error = this.errors[name];
    return html`
      <label part="field">
        ${label}
        <input
          name=${name}
          type=${type}
          autocomplete=${autocomplete}
          ?required=${required}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${name}-error` : nothing}
        />
      </label>
      ${this.renderError(name)}
    `;
  }

  private renderError(name: FieldName) {
    const error = this.errors[name];
    return error ? html`<p part="error" class="error" id="${name}-error">${error}</p>` : nothing;
  }
}

/** The widget's own message for a failed constraint, so errors speak the widget's language. */
function errorMessage(input: HTMLInputElement, strings: Translation): string {
  if (input.type === 'checkbox') return strings.validation.consentMissing;
  if (input.validity.valueMissing) return strings.validation.valueMissing;
  return strings.validation.typeMismatchEmail;
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-join-form': RallyJoinForm;
  }
}
