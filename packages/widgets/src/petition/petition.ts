import type { PetitionResource, SignatureReceipt } from '@rally/core/resources';
import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
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
import { petitionStyles } from './petition.styles.ts';
import { petitionStrings } from './petition.strings.ts';

/** How often the signature count is refreshed while the page is visible. */
const refreshEvery = 30_000;

/**
 * A petition: its title, text and target from the API, a live signature count with a goal bar, a
 * signing form with an optional comment, and afterwards a step to share it. With `privacy-url`,
 * the form links to the organization's privacy notice ("How we use your information", in a new
 * tab).
 *
 * @summary Petition with live count, goal and share step.
 *
 * @csspart form - The signing form.
 * @csspart field - Each label with its input.
 * @csspart error - Each field's error message.
 * @csspart submit - The submit button.
 * @csspart status - The live region announcing progress, success and problems.
 * @csspart count - The signature count and goal bar.
 * @csspart privacy - The link to the privacy notice (`privacy-url`).
 *
 * @cssproperty --rally-accent - Background of the button, colour of the goal bar.
 * @cssproperty --rally-on-accent - Text colour on the accent background.
 * @cssproperty --rally-text - Text colour; inherited from the page by default.
 * @cssproperty --rally-surface - Background of inputs.
 * @cssproperty --rally-border - Border colour of inputs.
 * @cssproperty --rally-danger - Colour of error messages and invalid borders.
 * @cssproperty --rally-focus - Colour of the focus ring.
 * @cssproperty --rally-radius - Corner radius of inputs and buttons.
 *
 * @cssstate submitting - While the signature is being sent.
 * @cssstate sent - After the API recorded the signature.
 * @cssstate queued - When the signature is saved offline, waiting for a connection.
 * @cssstate error - After the API refused the signature.
 *
 * @fires rally-signed - The person signed (or, with `queued`, the signature is saved offline).
 * @fires rally-error - The form was invalid (`reason: 'invalid'`), the API refused it (`refused`), or could not be reached (`unreachable`: the signature is saved offline, or the petition could not load).
 * @fires rally-outbox-sent - On `document`: a signature saved offline reached the API.
 * @fires rally-outbox-refused - On `document`: the API refused a signature saved offline.
 */
@customElement('rally-petition')
export class RallyPetition extends RallyFormElement {
  static override styles = [formStyles, petitionStyles];

  private readonly submission = new SubmissionController(this, {
    outbox: 'sign',
    prepare: () => import('../share/share-link.ts'), // For the step after signing.
  });
  private readonly person = new PersonController(this);
  private readonly details = resourceTask<PetitionResource>(this, () =>
    this.api && this.petition
      ? apiUrl(this.api, `petitions/${encodeURIComponent(this.petition)}?lang=${this.locale}`)
      : undefined,
  );

  /** The petition's id: its content file's name, such as `fair-wages-home-care`. */
  @property() petition = '';

  /**
   * Leaves out the petition's title and text, for a page that shows them itself; the target, the
   * count and the form stay.
   */
  @property({ type: Boolean, attribute: 'without-details' }) withoutDetails = false;

  private referralCode = '';
  private refreshTimer: ReturnType<typeof setInterval> | undefined;

  /** This widget's own strings, in its language. */
  private get strings() {
    return petitionStrings[this.locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.refreshTimer = setInterval(() => {
      if (document.visibilityState === 'visible') void this.details.run();
    }, refreshEvery);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.refreshTimer);
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const { submission } = this;
    if (!(await submission.validate(form))) return;
    const data = new FormData(form);
    const body = {
      person: personFrom(data),
      comments: String(data.get('comments') ?? '').trim() || undefined,
      ...submission.extras(form),
    };
    const answer = await submission.send<SignatureReceipt>(
      `petitions/${encodeURIComponent(this.petition)}/signatures`,
      body,
    );
    const queued = submission.status === 'queued';
    if (!answer && !queued) return; // Refused, or not sent: the live region says why.
    this.referralCode = answer?.referral_code ?? '';
    const name = await this.person.remember(
      data,
      answer ? { referral_code: answer.referral_code } : {},
    );
    submission.done(queued ? this.t.status.queued : this.strings.signed(name));
    this.dispatchEvent(new RallyActionEvent('rally-signed', answer?.identifiers ?? [], queued));
    if (answer) void this.details.run();
  }

  override render() {
    const details = this.details.value;
    const { status, announcement } = this.submission;
    const done = status === 'sent' || status === 'queued';
    // One template in every state, so the live region between form and share step stays the same.
    return html`${details ? this.renderPetition(details, done) : loading()}
    ${statusRegion(loadFailed(this.details) ? this.t.status.unreachable : announcement)}
    ${done ? this.renderSigned() : nothing}`;
  }

  private renderPetition(details: PetitionResource, done: boolean) {
    return html`
      <div class="intro">
        ${
          this.withoutDetails
            ? nothing
            : html`<h2>${details.title}</h2>
                <p>${details.description}</p>`
        }
        <p>${this.strings.to} ${details.target.map((target) => target.name).join(', ')}</p>
        ${this.renderCount(details)}
      </div>
      ${
        done
          ? nothing
          : details.status === 'closed'
            ? html`<p>${this.strings.closed}</p>`
            : this.renderForm()
      }
    `;
  }

  private renderCount({ total_signatures: count, goal }: PetitionResource) {
    const number = new Intl.NumberFormat(this.locale);
    const label = goal
      ? this.strings.goal(number.format(count), number.format(goal))
      : this.strings.signatures(number.format(count));
    return html`<div part="count" class="count">
      <span id="count">${label}</span>
      ${goal ? html`<progress max=${goal} .value=${Math.min(count, goal)} aria-labelledby="count"></progress>` : nothing}
    </div>`;
  }

  private renderForm() {
    const { t } = this;
    const { errors, status } = this.submission;
    return html`
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${personFields(t, errors, this.person, { postalCode: true })}
        <label part="field">
          ${this.strings.comments}
          <textarea
            name="comments"
            maxlength="2000"
            aria-invalid=${errors.comments ? 'true' : 'false'}
            aria-describedby=${errors.comments ? 'comments-error' : nothing}
          ></textarea>
        </label>
        ${fieldError('comments', errors)} ${rememberChoice(t, this.person.known)}
        ${privacyLink(t, this.privacyUrl)} ${honeypot()}
        <button part="submit" type="submit" ?disabled=${status === 'submitting'}>
          ${this.strings.submit}
        </button>
      </form>
    `;
  }

  private renderSigned() {
    const link = new URL(location.href);
    link.hash = '';
    if (this.referralCode) link.searchParams.set('ref', this.referralCode);
    return html`
      <h3>${this.strings.shareHeading}</h3>
      <rally-share-link
        .url=${link.href}
        share-title=${this.details.value?.title ?? ''}
        lang=${this.locale}
      ></rally-share-link>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-petition': RallyPetition;
  }
}
