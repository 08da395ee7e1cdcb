/**
 * The one base class of Rally's form widgets: where they post, in which language, how a submission
 * is validated, sent with its Idempotency-Key, saved offline when the API cannot be reached, and
 * how its outcome is shown and announced.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, UnreachableError, apiUrl, postJson } from '../api/client.ts';
import { RallyErrorEvent } from '../events/rally-error-event.ts';
import type { OutboxEntry } from '../offline/outbox.ts';
import type { Locale } from '@rally/core/locale';
import { $person, forgetPerson, type KnownPerson } from '../state/person.ts';
import { localeOf, translate, type Translation } from '../translations/index.ts';

const loadOutbox = () => import('../offline/outbox.ts');
/**
 * What runs only once a submission has an answer: loaded right after the first render, since
 * every page with a form pays for what the form needs before it is shown.
 */
const loadOutcome = () => import('./outcome.ts');

export type SubmissionStatus = 'idle' | 'submitting' | 'sent' | 'queued' | 'error';

export interface FieldOptions {
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  required?: boolean;
  value?: string;
  maxlength?: number;
}

export abstract class RallyFormElement extends LitElement {
  /** Base URL of the Rally API, such as `https://api.example.org`. */
  @property() api = '';

  /** Source code credited with what this widget brings in (a campaign or partner). */
  @property() source = '';

  /** The organization's privacy notice; when set, the form links to it beside its consent. */
  @property({ attribute: 'privacy-url' }) privacyUrl = '';

  /** Language of the widget (`en`, `es`); defaults to the nearest `lang` on the page. */
  @property({ reflect: true }) override lang!: string;

  /** Where the current submission stands. */
  @state() protected status: SubmissionStatus = 'idle';

  /** Error message per input name, after a failed check or a refusal by the API. */
  @state() protected errors: Record<string, string> = {};

  /** What the status region says to everyone, screen reader users included. */
  @state() protected announcement = '';

  private readonly internals = this.attachInternals();
  private stopWatchingPerson: (() => void) | undefined;

  protected get t(): Translation {
    return translate(this);
  }

  protected get locale(): Locale {
    return localeOf(this);
  }

  /** The person already known on this page, to prefill the form. */
  protected get knownPerson(): KnownPerson | null {
    return $person.get();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Someone starting on the form: solve the API's puzzle now, so it is ready when they send.
    this.renderRoot.addEventListener('focusin', this.solvePuzzleAhead, { once: true });
    // Another widget on the page may learn who the person is, or forget them.
    this.stopWatchingPerson = $person.listen(() => this.requestUpdate());
  }

  protected override firstUpdated(): void {
    // The outbox is not needed to show the form, so it loads right after the first render —
    // while there is still a connection, since it is needed precisely when there may be none.
    loadOutbox()
      .then((outbox) => outbox.watchOutbox())
      .catch(() => {}); // Offline already: the next page load tries again.
    // Likewise what shows an outcome: a submission saved offline still moves focus to its message.
    loadOutcome().catch(() => {});
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingPerson?.();
    this.renderRoot.removeEventListener('focusin', this.solvePuzzleAhead);
  }

  private readonly solvePuzzleAhead = (): void => {
    import('../api/proof-of-work.ts')
      .then(({ solveAhead }) => solveAhead(apiUrl(this.api, '')))
      .catch(() => {}); // Offline: the puzzle is solved when the submission is sent.
  };

  override willUpdate(): void {
    // Custom states let host pages style `rally-petition:state(sent)`.
    for (const status of ['submitting', 'sent', 'queued', 'error'] as const) {
      if (status === this.status) this.internals.states.add(status);
      else this.internals.states.delete(status);
    }
  }

  /**
   * Checks the form with the platform's constraint validation, in the widget's language. On
   * failure shows each message beside its field and moves focus to the first.
   */
  protected async validate(form: HTMLFormElement): Promise<boolean> {
    const inputs = [...form.querySelectorAll<HTMLInputElement>('input, select, textarea')].filter(
      (input) => input.name && input.name !== 'nickname',
    );
    const invalid = inputs.filter((input) => !input.checkValidity());
    this.errors = Object.fromEntries(invalid.map((input) => [input.name, this.messageFor(input)]));
    if (invalid.length === 0) return true;
    this.announcement = this.t.status.fixFields;
    await this.updateComplete;
    invalid[0]!.focus();
    this.dispatchEvent(new RallyErrorEvent({ reason: 'invalid' }));
    return false;
  }

  /** The message for an input that failed its check, in the widget's language. */
  protected messageFor(input: HTMLInputElement): string {
    const { validation } = this.t;
    if (input.type === 'checkbox') return validation.consentMissing;
    if (input.validity.valueMissing) return validation.valueMissing;
    if (input.validity.typeMismatch) return validation.typeMismatchEmail;
    if (input.validity.tooLong) return validation.tooLong;
    return validation.patternMismatch;
  }

  /** Extra fields every submission carries: the honeypot and where it came from. */
  protected submissionExtras(form: HTMLFormElement) {
    const referrer = new URLSearchParams(location.search).get('ref') ?? undefined;
    return {
      nickname:
        (form.elements.namedItem('nickname') as HTMLInputElement | null)?.value || undefined,
      referrer_data: {
        ...(this.source ? { source: this.source } : {}),
        ...(referrer ? { referrer } : {}),
        website: location.host,
        url: location.href,
      },
    };
  }

  /**
   * Sends a write. Returns the API's answer; or `undefined` when the submission was saved offline
   * or refused — the status and errors then say which.
   */
  protected async send<Answer>(
    kind: OutboxEntry['kind'],
    path: string,
    body: unknown,
  ): Promise<Answer | undefined> {
    const key = crypto.randomUUID();
    const url = apiUrl(this.api, path);
    this.status = 'submitting';
    this.announcement = this.t.status.submitting;
    try {
      const answer = await postJson<Answer>(url, body, key, { proveWork: true });
      this.status = 'sent';
      this.errors = {};
      return answer;
    } catch (error) {
      if (await this.refusedOrigin(error)) return undefined;
      if (error instanceof UnreachableError) {
        try {
          const { enqueue } = await loadOutbox();
          await enqueue({ key, url, body, kind, queuedAt: Date.now() });
        } catch {
          // The page lost its connection before the outbox could load: nothing could be saved.
          this.status = 'error';
          this.announcement = this.t.status.failed;
          return undefined;
        }
        this.status = 'queued';
        this.announcement = this.t.status.queued;
        return undefined;
      }
      if (!(error instanceof ApiError)) throw error;
      this.status = 'error';
      void this.showRefusal(error);
      this.dispatchEvent(new RallyErrorEvent({ reason: 'refused', status: error.status }));
      return undefined;
    }
  }

  /**
   * Whether the API refused this page's origin (not on its list of allowed origins); if so, says
   * so in the widget's language, and to the page's developer in the console. Never "check your
   * connection": the connection is fine, and a submission saved for later would never be sent.
   */
  protected async refusedOrigin(error: unknown): Promise<boolean> {
    // Offline before the module loaded: then this is no refusal but a lost connection.
    const message = await loadOutcome().then(
      (outcome) => outcome.originRefusal(error, this.api, this.locale),
      () => '',
    );
    if (message) {
      this.status = 'error';
      this.announcement = message;
      this.dispatchEvent(new RallyErrorEvent({ reason: 'refused', status: 403 }));
    }
    return !!message;
  }

  /**
   * Brings the outcome to the person: focus on it (the live region, or `selector` within the
   * widget), scrolled into view. After a submit the form gives way to a shorter thank-you, which
   * would otherwise leave focus on nothing and the message above the screen.
   */
  protected showOutcome(selector?: string): void {
    loadOutcome()
      .then((outcome) => outcome.bringIntoView(this, selector))
      .catch(() => {}); // The live region has said it all the same.
  }

  /** Shows the API's refusal: each field's error beside it, or what went wrong overall. */
  protected async showRefusal(error: ApiError): Promise<void> {
    const { refusal } = await loadOutcome();
    [this.errors, this.announcement] = refusal(error, this.t);
    const first = Object.keys(this.errors)[0];
    if (first) this.showOutcome(`[name="${first}"]`);
  }

  /**
   * The fields that say who the person is, prefilled from the person already known on the page,
   * with a "Not you?" button that forgets them.
   */
  protected renderPersonFields({ phone = false, postalCode = false } = {}): TemplateResult {
    const { t } = this;
    const known = this.knownPerson;
    return html`
      ${
        known
          ? html`<button type="button" class="link" @click=${forgetPerson}>
              ${t.person.notYou(known.given_name)}
            </button>`
          : nothing
      }
      ${this.renderField('given_name', t.fields.givenName, {
        autocomplete: 'given-name',
        required: true,
        maxlength: 100,
        value: known?.given_name,
      })}
      ${this.renderField('family_name', t.fields.familyName, {
        autocomplete: 'family-name',
        maxlength: 100,
        value: known?.family_name,
      })}
      ${this.renderField('email', t.fields.email, {
        type: 'email',
        autocomplete: 'email',
        required: true,
        value: known?.email,
      })}
      ${
        phone
          ? this.renderField('phone', t.fields.phone, {
              type: 'tel',
              autocomplete: 'tel',
              value: known?.phone,
            })
          : nothing
      }
      ${
        postalCode
          ? this.renderField('postal_code', t.fields.postalCode, {
              autocomplete: 'postal-code',
              maxlength: 12,
              value: known?.postal_code,
            })
          : nothing
      }
    `;
  }

  /**
   * Whether this device may keep the person's details after the visit. Unticked, they are
   * forgotten when the browser session ends.
   */
  protected renderRememberChoice(): TemplateResult {
    return html`<label part="field" class="check">
      <input type="checkbox" name="remember" ?checked=${this.knownPerson?.remember ?? false} />
      <span>${this.t.fields.remember}</span>
    </label>`;
  }

  /** The OSDI person from the fields `renderPersonFields` shows. */
  protected personFrom(data: FormData) {
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const phone = text('phone');
    const postalCode = text('postal_code');
    return {
      given_name: text('given_name'),
      family_name: text('family_name'),
      email_addresses: [{ address: text('email') }],
      ...(phone ? { phone_numbers: [{ number: phone }] } : {}),
      ...(postalCode ? { postal_addresses: [{ postal_code: postalCode }] } : {}),
    };
  }

  /** Shares who the person is with the other widgets on the page; returns their first name. */
  protected rememberPerson(data: FormData, extra: Partial<KnownPerson> = {}): Promise<string> {
    return loadOutcome().then(
      (outcome) => outcome.rememberPerson($person, data, extra),
      () => String(data.get('given_name')), // Offline before it loaded: known for this form only.
    );
  }

  /** The link to the organization's privacy notice, where a page sets one (`privacy-url`). */
  protected renderPrivacyLink(): TemplateResult | typeof nothing {
    // A new tab, said in its name, so that reading the notice does not lose what is typed.
    return this.privacyUrl
      ? html`<a part="privacy" href=${this.privacyUrl} target="_blank">${this.t.fields.privacy}</a>`
      : nothing;
  }

  protected renderField(name: string, label: string, options: FieldOptions = {}): TemplateResult {
    const error = this.errors[name];
    return html`
      <label part="field">
        ${label}
        <input
          name=${name}
          type=${options.type ?? 'text'}
          autocomplete=${options.autocomplete ?? 'off'}
          .value=${options.value ?? ''}
          maxlength=${options.maxlength ?? nothing}
          ?required=${options.required ?? false}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${name}-error` : nothing}
        />
      </label>
      ${this.renderError(name)}
    `;
  }

  protected renderError(name: string): TemplateResult | typeof nothing {
    const error = this.errors[name];
    return error ? html`<p part="error" class="error" id="${name}-error">${error}</p>` : nothing;
  }

  /**
   * What stands in for the form while the element's resource (the petition, the event, the dues
   * choices) loads; that it could not be loaded is said by the live region (`renderStatus`).
   */
  protected renderLoading(): TemplateResult {
    return html`<div class="loading" part="form"></div>`;
  }

  /** The honeypot: invisible to people and to assistive technology. */
  protected renderHoneypot(): TemplateResult {
    return html`<div class="nickname" aria-hidden="true">
      <label>Nickname <input name="nickname" tabindex="-1" autocomplete="off" /></label>
    </div>`;
  }

  /**
   * One polite live region per widget for progress, success, offline and errors, including a
   * resource that could not be loaded (`loadFailed`). Each widget renders it once, in the same
   * place in every state, from the first render on: a screen reader announces a change to a region
   * it already knows, and may miss one that appears together with its text. It takes focus after
   * a submit (`showOutcome`), hence `tabindex`.
   */
  protected renderStatus(loadFailed = false): TemplateResult {
    const text = loadFailed ? this.t.status.unreachable : this.announcement;
    return html`<p part="status" class="status" role="status" tabindex="-1">${text}</p>`;
  }
}
