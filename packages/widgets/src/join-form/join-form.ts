import type { PersonReceipt } from '@rally/core/resources';
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { RallyActionEvent } from '../events/rally-action-event.ts';
import {
  field,
  fieldError,
  honeypot,
  personFields,
  personFrom,
  privacyLink,
  rememberChoice,
  statusRegion,
} from '../internal/form-templates.ts';
import { RallyFormElement } from '../internal/rally-form-element.ts';
import { SubmissionController } from '../internal/submission-controller.ts';
import { PersonController } from '../state/person-controller.ts';
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
 * @fires rally-error - The form was invalid (`reason: 'invalid'`), the API refused it (`refused`), or could not be reached (`unreachable`: the signup is saved offline).
 * @fires rally-outbox-sent - On `document`: a signup saved offline reached the API.
 * @fires rally-outbox-refused - On `document`: the API refused a signup saved offline.
 */
@customElement('rally-join-form')
export class RallyJoinForm extends RallyFormElement {
  static override styles = formStyles;

  private readonly submission = new SubmissionController(this, {
    outbox: 'join',
    prepare: () => import('../share/share-link.ts'), // For the step after joining.
  });
  private readonly person = new PersonController(this);

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

  /** This widget's own strings, in its language. */
  private get strings() {
    return joinFormStrings[this.locale];
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const { submission } = this;
    if (!(await submission.validate(form))) return;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const customFields = Object.fromEntries(
      this.questions.map((q) => [q.key, text(`custom_${q.key}`)]).filter(([, answer]) => answer),
    );
    const language = text('language');
    const body = {
      person: {
        ...personFrom(data),
        ...(language ? { languages_spoken: [language] } : {}),
        ...(Object.keys(customFields).length > 0 ? { custom_fields: customFields } : {}),
      },
      region: this.region || text('region'),
      sector: this.sector || text('sector'),
      consent: {
        text: this.strings.consent,
        ...(this.consentVersion ? { version: this.consentVersion } : {}),
      },
      ...submission.extras(form),
    };
    const answer = await submission.send<PersonReceipt>('people', body);
    const queued = submission.status === 'queued';
    if (!answer && !queued) return; // Refused, or not sent: the live region says why.
    this.referralCode = answer?.referral_code ?? '';
    const name = await this.person.remember(
      data,
      answer ? { referral_code: answer.referral_code } : {},
    );
    submission.done(queued ? this.t.status.queued : this.strings.joined(name));
    this.dispatchEvent(new RallyActionEvent('rally-joined', answer?.identifiers ?? [], queued));
  }

  override render() {
    const { status, announcement } = this.submission;
    const done = status === 'sent' || status === 'queued';
    // One template in every state, so the live region between form and share step stays the same.
    return html`${done ? nothing : this.renderForm()}${statusRegion(announcement)}${done ? this.renderShare() : nothing}`;
  }

  private renderForm() {
    const { t } = this;
    const { errors, status } = this.submission;
    return html`
      <form part="form" novalidate @submit=${this.onSubmit}>
        <h2>${this.strings.heading}</h2>
        ${personFields(t, errors, this.person, { phone: true, postalCode: true })}
        <label part="field">
          ${this.strings.language}
          <select name="language" autocomplete="language">
            ${__RALLY_LANGUAGES__.map(
              (code) =>
                html`<option value=${code} ?selected=${this.locale === code}>
                  ${this.strings.languages[code]}
                </option>`,
            )}
          </select>
        </label>
        ${this.region ? nothing : this.renderChoice('region', this.strings.region, this.regions)}
        ${this.sector ? nothing : this.renderChoice('sector', this.strings.sector, this.sectors)}
        ${this.questions.map((q) => field(`custom_${q.key}`, q.label, errors, { maxlength: 1000 }))}
        <label part="field" class="check">
          <input
            type="checkbox"
            name="consent"
            required
            aria-invalid=${errors.consent ? 'true' : 'false'}
            aria-describedby=${errors.consent ? 'consent-error' : nothing}
          />
          <span>${this.strings.consent}</span>
        </label>
        ${fieldError('consent', errors)} ${privacyLink(t, this.privacyUrl)}
        ${rememberChoice(t, this.person.known)} ${honeypot()}
        <button part="submit" type="submit" ?disabled=${status === 'submitting'}>
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
        <option value="">${this.strings.choose}</option>
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
