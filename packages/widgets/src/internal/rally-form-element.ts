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

export type SubmissionStatus = 'idle' | 'submitting' | 'sent' | 'queued' | 'error';

/** Where each API field path is shown in the widgets' forms. */
const inputForApiField: Record<string, string> = {
  'person.given_name': 'given_name',
  'person.family_name': 'family_name',
  'person.email_addresses': 'email',
  'person.email_addresses.0.address': 'email',
  'person.phone_numbers.0.number': 'phone',
  'person.postal_addresses.0.postal_code': 'postal_code',
  comments: 'comments',
  amount: 'custom_amount',
  tier: 'amount',
  interval: 'interval',
};

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
      this.showRefusal(error);
      this.dispatchEvent(new RallyErrorEvent({ reason: 'refused', status: error.status }));
      return undefined;
    }
  }

  /** Shows the API's refusal: each field's error beside it, or what went wrong overall. */
  protected showRefusal(error: ApiError): void {
    const { t } = this;
    const errors: Record<string, string> = {};
    for (const field of error.fieldErrors) {
      const input = inputForApiField[field.path];
      if (input)
        errors[input] = t.apiErrors[field.code as keyof Translation['apiErrors']] ?? field.message;
    }
    this.errors = errors;
    this.announcement =
      Object.keys(errors).length > 0
        ? t.status.fixFields
        : error.status === 429
          ? t.status.rateLimited
          : (error.problem?.detail ?? t.status.failed);
    void this.updateComplete.then(() => {
      const first = Object.keys(errors)[0];
      if (first) this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    });
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
      ${phone ? this.renderField('phone', t.fields.phone, { type: 'tel', autocomplete: 'tel' }) : nothing}
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
  protected rememberPerson(data: FormData, extra: Partial<KnownPerson> = {}): string {
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const previous = $person.get();
    $person.set({
      given_name: text('given_name') ?? '',
      family_name: text('family_name'),
      email: text('email') ?? '',
      postal_code: text('postal_code') ?? previous?.postal_code,
      referral_code: previous?.referral_code,
      remember: data.get('remember') === 'on',
      ...extra,
    });
    return text('given_name') ?? '';
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
   * choices) loads, and says so when it could not be loaded.
   */
  protected renderLoading(failed: boolean): TemplateResult {
    return html`<div class="loading" part="form">
      ${failed ? html`<p role="alert">${this.t.status.unreachable}</p>` : nothing}
    </div>`;
  }

  /** The honeypot: invisible to people and to assistive technology. */
  protected renderHoneypot(): TemplateResult {
    return html`<div class="nickname" aria-hidden="true">
      <label>Nickname <input name="nickname" tabindex="-1" autocomplete="off" /></label>
    </div>`;
  }

  /** One polite live region per widget for progress, success, offline and errors. */
  protected renderStatus(): TemplateResult {
    return html`<p part="status" class="status" role="status">${this.announcement}</p>`;
  }
}
