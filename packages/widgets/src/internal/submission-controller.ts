/**
 * A form widget's submission: where it stands (the custom states `submitting`, `sent`, `queued`
 * and `error`), what the live region says, each field's error; the form checked in the widget's
 * language; the write sent with its Idempotency-Key and the answer to the API's proof-of-work
 * puzzle, saved in the outbox when the API cannot be reached; and its outcome brought into view.
 * What only sending needs (the puzzle, the outbox, the person store, what shows an outcome) loads
 * when the person first moves into the form, not with the form.
 */
import type { ReactiveController } from 'lit';
import { UnreachableError, apiUrl } from '../api/client.ts';
import { RallyErrorEvent } from '../events/rally-error-event.ts';
import type { OutboxEntry } from '../offline/outbox.ts';
import { saveForLater, submissionsWaiting, watchOutbox } from '../offline/waiting.ts';
import { loadPersonStore } from '../state/person-controller.ts';
import type { FieldErrors } from './form-templates.ts';
import type { RallyFormElement } from './rally-form-element.ts';

const loadOutcome = () => import('./outcome.ts');
/** Offline before it loaded, a write is like any that cannot reach the API: kept for later. */
const loadWrite = () =>
  import('../api/write.ts').catch(() => {
    throw new UnreachableError('Could not load what sends a write.');
  });

export type SubmissionStatus = 'idle' | 'submitting' | 'sent' | 'queued' | 'error';

export interface SubmissionOptions {
  /**
   * What the outbox keeps a submission as, when the API cannot be reached. Without it (the dues
   * checkout, whose payment cannot wait) nothing is kept, and a server error is a failure to
   * say rather than an outage to wait out.
   */
  outbox?: OutboxEntry['kind'];
  /** What else to load when the person begins on the form: the widget's step after sending. */
  prepare?: () => Promise<unknown>;
}

/** A widget's own way of saying how a submission goes, instead of the words every form shares. */
export interface SendOptions {
  /** The Idempotency-Key; a new one per submission unless the widget keeps one. */
  key?: string;
  sending?: string;
  /** When the API cannot be reached and nothing could be kept for later. */
  offline?: string;
  failed?: string;
}

export class SubmissionController implements ReactiveController {
  private readonly host: RallyFormElement;
  private readonly options: SubmissionOptions;
  private readonly internals: ElementInternals;
  private prepared = false;
  private current: SubmissionStatus = 'idle';
  private said = '';
  private fieldErrors: FieldErrors = {};

  constructor(host: RallyFormElement, options: SubmissionOptions = {}) {
    this.host = host;
    this.options = options;
    this.internals = host.attachInternals();
    host.addController(this);
  }

  /** Where the submission stands; host pages select it as `:state(sent)` and the like. */
  get status(): SubmissionStatus {
    return this.current;
  }

  set status(status: SubmissionStatus) {
    this.current = status;
    this.host.requestUpdate();
  }

  /** What the live region says to everyone, screen reader users included. */
  get announcement(): string {
    return this.said;
  }

  set announcement(text: string) {
    this.said = text;
    this.host.requestUpdate();
  }

  /** Error message per input name, after a failed check or a refusal by the API. */
  get errors(): FieldErrors {
    return this.fieldErrors;
  }

  set errors(errors: FieldErrors) {
    this.fieldErrors = errors;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.host.addEventListener('focusin', this.prepare);
    // Submissions saved on an earlier page wait for a page with a form to send them.
    if (submissionsWaiting()) void watchOutbox();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusin', this.prepare);
  }

  hostUpdate(): void {
    for (const status of ['submitting', 'sent', 'queued', 'error'] as const) {
      if (status === this.current) this.internals.states.add(status);
      else this.internals.states.delete(status);
    }
  }

  /**
   * Someone is starting on the form: load what sending needs, and solve the API's puzzle now, so
   * both are ready when they send. The outbox loads while there is a connection, since it is
   * needed precisely when there may be none.
   */
  private readonly prepare = (): void => {
    if (this.prepared) return;
    this.prepared = true;
    this.host.removeEventListener('focusin', this.prepare);
    const loading = [
      loadWrite().then(({ solveAhead }) => solveAhead(apiUrl(this.host.api, ''))),
      loadOutcome(),
      loadPersonStore(),
      this.options.outbox && watchOutbox(),
      this.options.prepare?.(),
    ];
    // Offline: each is loaded again when the submission needs it.
    for (const load of loading) load?.catch(() => {});
  };

  /**
   * Checks the form with the platform's constraint validation, in the widget's language
   * (`messageFor` gives a widget's own message for an input, if it has one). On failure shows
   * each message beside its field and moves focus to the first.
   */
  async validate(
    form: HTMLFormElement,
    messageFor: (input: HTMLInputElement) => string | undefined = () => undefined,
  ): Promise<boolean> {
    const inputs = [...form.querySelectorAll<HTMLInputElement>('input, select, textarea')].filter(
      (input) => input.name && input.name !== 'nickname',
    );
    const invalid = inputs.filter((input) => !input.checkValidity());
    this.errors = Object.fromEntries(
      invalid.map((input) => [input.name, messageFor(input) ?? this.messageFor(input)]),
    );
    if (invalid.length === 0) return true;
    this.announcement = this.host.t.status.fixFields;
    await this.host.updateComplete;
    invalid[0]!.focus();
    this.host.dispatchEvent(new RallyErrorEvent({ reason: 'invalid' }));
    return false;
  }

  private messageFor(input: HTMLInputElement): string {
    const { validation } = this.host.t;
    if (input.type === 'checkbox') return validation.consentMissing;
    if (input.validity.valueMissing) return validation.valueMissing;
    if (input.validity.typeMismatch) return validation.typeMismatchEmail;
    if (input.validity.tooLong) return validation.tooLong;
    return validation.patternMismatch;
  }

  /** What every submission carries beside its own fields: the honeypot, and where it came from. */
  extras(form: HTMLFormElement) {
    const referrer = new URLSearchParams(location.search).get('ref') ?? undefined;
    const { source } = this.host;
    return {
      nickname:
        (form.elements.namedItem('nickname') as HTMLInputElement | null)?.value || undefined,
      referrer_data: {
        ...(source ? { source } : {}),
        ...(referrer ? { referrer } : {}),
        website: location.host,
        url: location.href,
      },
    };
  }

  /**
   * Sends a write to `path` under the API. Resolves to the API's answer, the status still
   * `submitting` until the widget says the outcome (`done`); or to nothing when the submission was
   * refused, saved offline (`queued`) or not sent (`error`), which the live region then says,
   * with a `rally-error` event.
   */
  async send<Answer>(path: string, body: unknown, options: SendOptions = {}) {
    this.prepare(); // Sent without a focus first (by a script, say): what sending needs loads now.
    const { t } = this.host;
    const key = options.key ?? crypto.randomUUID();
    const url = apiUrl(this.host.api, path);
    const kind = this.options.outbox;
    this.status = 'submitting';
    this.announcement = options.sending ?? t.status.submitting;
    try {
      const { postJson } = await loadWrite();
      return await postJson<Answer>(url, body, key, {
        proveWork: true,
        serverErrorIsOutage: !!kind,
      });
    } catch (error) {
      // Offline before the module that says why loaded: then this was no refusal.
      const refused = await loadOutcome().then(
        (outcome) => outcome.refused(this, this.host, error),
        () => false,
      );
      if (refused) return undefined;
      const unreachable = error instanceof UnreachableError;
      if (unreachable) this.host.dispatchEvent(new RallyErrorEvent({ reason: 'unreachable' }));
      if (
        unreachable &&
        kind &&
        (await saveForLater({ key, url, body, kind, queuedAt: Date.now() }))
      ) {
        this.status = 'queued';
        this.announcement = t.status.queued;
        return undefined;
      }
      this.status = 'error';
      this.announcement =
        (unreachable || !navigator.onLine ? options.offline : options.failed) ?? t.status.failed;
      return undefined;
    }
  }

  /**
   * The submission is recorded (or saved offline): says so, and brings it into view with focus —
   * the live region, or `selector` within the widget.
   */
  done(text: string, selector?: string): void {
    if (this.current === 'submitting') this.status = 'sent';
    this.announcement = text;
    void this.showOutcome(selector);
  }

  /**
   * Brings the outcome to the person: focus on it (the live region, or `selector` within the
   * widget), scrolled into view. After a submit the form gives way to a shorter thank-you, which
   * would otherwise leave focus on nothing and the message above the screen.
   */
  async showOutcome(selector = '.status'): Promise<void> {
    await this.host.updateComplete;
    const target = this.host.renderRoot.querySelector<HTMLElement>(selector);
    if (!target) return;
    // Scrolled after, rather than by `focus()`, which would jump even for those who like motion;
    // offline before outcome.ts loaded, focus alone.
    target.focus({ preventScroll: true });
    loadOutcome()
      .then((outcome) => outcome.scrollIntoView(target))
      .catch(() => {});
  }
}
