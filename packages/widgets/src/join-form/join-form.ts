import type { PersonReceipt } from '@rally/core/resources';
import { html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { RallyActionEvent } from '../events/rally-action-event.ts';
import { RallyFormElement } from '../internal/rally-form-element.ts';
import { formStyles } from '../styles/form.styles.ts';
import { joinFormStrings } from './join-form.strings.ts';

/** An extra question the organization asks, set through the `questions` attribute. */
export interface JoinQuestion {
  /** Key under which the answer is stored (`custom_fields`). */
  key: string;
  /** The question as shown. */
  label: string;
}

/**
 * Invites a visitor to become a member: name, email, phone, postal code, language, region,
 * sector, the organization's own questions and consent — then gives them a personal referral link
 * to share with coworkers. With `privacy-url`, the consent links to the organization's privacy
 * notice ("How we use your information", in a new tab).
 *
 * @summary Join form for prospective members.
 *
 * @csspart form - The form.
 * @csspart field - Each label with its input.
 * @csspart error - Each field's error message.
 * @csspart submit - The submit button.
 * @csspart status - The live region announcing progress, success and problems.
 * @csspart privacy - The link to the privacy notice (`privacy-url`).
 *
 * @cssproperty --rally-accent - Background of the button, colour of checkboxes.
 * @cssproperty --rally-on-accent - Text colour on the accent background.
 * @cssproperty --rally-text - Text colour; inherited from the page by default.
 * @cssproperty --rally-surface - Background of inputs.
 * @cssproperty --rally-border - Border colour of inputs.
 * @cssproperty --rally-danger - Colour of error messages and invalid borders.
 * @cssproperty --rally-focus - Colour of the focus ring.
 * @cssproperty --rally-radius - Corner radius of inputs and buttons.
 *
 * @cssstate submitting - While the submission is being sent.
 * @cssstate sent - After the API recorded the membership.
 * @cssstate queued - When the submission is saved offline, waiting for a connection.
 * @cssstate error - After the API refused the submission.
 *
 * @fires rally-joined - The person joined (or, with `queued`, the signup is saved offline).
 * @fires rally-error - The form was invalid, or the API refused it.
 */
@customElement('rally-join-form')
export class RallyJoinForm extends RallyFormElement {
  static override styles = formStyles;

  /** Region slug to credit; when empty and `regions` lists some, the person chooses. */
  @property() region = '';

  /** Sector slug to credit; when empty and `sectors` lists some, the person chooses. */
  @property() sector = '';

  /** Regions to choose from, as `slug=Label` pairs separated by `;`. */
  @property() regions = '';

  /** Sectors to choose from, as `slug=Label` pairs separated by `;`. */
  @property() sectors = '';

  /** Extra questions as JSON: `[{"key": "employer", "label": "Where do you work?"}]`. */
  @property({ type: Array }) questions: JoinQuestion[] = [];

  /** Version of the consent text, recorded with it (for example `2026-11`). */
  @property({ attribute: 'consent-version' }) consentVersion = '';

  /** The referral code Rally gave the person who just joined. */
  private referralCode = '';

  @query('form') private form!: HTMLFormElement;

  /** This widget's own strings, in its language. */
  private get strings() {
    return joinFormStrings[this.locale];
  }

  protected override firstUpdated(): void {
    super.firstUpdated();
    void import('../share/share-link.ts').catch(() => {}); // For the step after joining.
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!(await this.validate(this.form))) return;
    const data = new FormData(this.form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const customFields = Object.fromEntries(
      this.questions.map((q) => [q.key, text(`custom_${q.key}`)]).filter(([, answer]) => answer),
    );
    const language = text('language');
    const body = {
      person: {
        ...this.personFrom(data),
        ...(language ? { languages_spoken: [language] } : {}),
        ...(Object.keys(customFields).length > 0 ? { custom_fields: customFields } : {}),
      },
      region: this.region || text('region'),
      sector: this.sector || text('sector'),
      consent: {
        text: this.strings.consent,
        ...(this.consentVersion ? { version: this.consentVersion } : {}),
      },
      ...this.submissionExtras(this.form),
    };
    const answer = await this.send<PersonReceipt>('join', 'people', body);
    if (this.status !== 'sent' && this.status !== 'queued') return;
    this.referralCode = answer?.referral_code ?? '';
    const name = await this.rememberPerson(
      data,
      answer ? { referral_code: answer.referral_code } : {},
    );
    this.announcement = this.status === 'sent' ? this.strings.joined(name) : this.t.status.queued;
    this.showOutcome();
    this.dispatchEvent(
      new RallyActionEvent('rally-joined', answer?.identifiers ?? [], this.status === 'queued'),
    );
  }

  override render() {
    const done = this.status === 'sent' || this.status === 'queued';
    // One template in every state, so the live region between form and share step stays the same.
    return html`${done ? nothing : this.renderForm()}${this.renderStatus()}${done ? this.renderShare() : nothing}`;
  }

  private renderForm() {
    const { t } = this;
    return html`
      <form part="form" novalidate @submit=${this.onSubmit}>
        <h2>${this.strings.heading}</h2>
        ${this.renderPersonFields({ phone: true, postalCode: true })}
        <label part="field">
          ${t.fields.language}
          <select name="language" autocomplete="language">
            ${(['en', 'es'] as const).map(
              (code) =>
                html`<option value=${code} ?selected=${this.locale === code}>
                  ${t.languages[code]}
                </option>`,
            )}
          </select>
        </label>
        ${this.region ? nothing : this.renderChoice('region', t.fields.region, this.regions)}
        ${this.sector ? nothing : this.renderChoice('sector', t.fields.sector, this.sectors)}
        ${this.questions.map((q) => this.renderField(`custom_${q.key}`, q.label, { maxlength: 1000 }))}
        <label part="field" class="check">
          <input
            type="checkbox"
            name="consent"
            required
            aria-invalid=${this.errors.consent ? 'true' : 'false'}
            aria-describedby=${this.errors.consent ? 'consent-error' : nothing}
          />
          <span>${this.strings.consent}</span>
        </label>
        ${this.renderError('consent')} ${this.renderPrivacyLink()} ${this.renderRememberChoice()}
        ${this.renderHoneypot()}
        <button part="submit" type="submit" ?disabled=${this.status === 'submitting'}>
          ${this.strings.submit}
        </button>
      </form>
    `;
  }

  private renderChoice(name: 'region' | 'sector', label: string, options: string) {
    const choices = options
      .split(';')
      .map((pair) => pair.split('='))
      .filter(([slug, text]) => slug?.trim() && text?.trim());
    if (choices.length === 0) return nothing;
    return html`<label part="field">
      ${label}
      <select name=${name}>
        <option value="">${this.t.fields.choose}</option>
        ${choices.map(([slug, text]) => html`<option value=${slug!.trim()}>${text!.trim()}</option>`)}
      </select>
    </label>`;
  }

  private renderShare() {
    if (!this.referralCode) return nothing;
    const link = new URL(location.href);
    link.hash = '';
    link.searchParams.set('ref', this.referralCode);
    return html`<div part="form">
      <h2>${this.strings.shareHeading}</h2>
      <p>${this.strings.shareIntro}</p>
      <rally-share-link .url=${link.href} lang=${this.locale}></rally-share-link>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-join-form': RallyJoinForm;
  }
}
