/**
 * What a form widget does once a submission has an outcome: bring the confirmation into view with
 * focus on it, show the API's refusal beside the fields, and tell a page whose origin the API
 * refuses what to do about it. Loaded when someone begins on a form (submission-controller.ts),
 * since no form needs it to be shown.
 */
import type { Locale } from '@rally/core/locale';
import { ApiError, UnreachableError, apiUrl } from '../api/client.ts';
import { RallyErrorEvent } from '../events/rally-error-event.ts';
import type { Translation } from '../translations/index.ts';
import { outcomeStrings } from './outcome.strings.ts';
import type { RallyFormElement } from './rally-form-element.ts';
import type { SubmissionController } from './submission-controller.ts';

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

/** The API's refusal as the widget shows it: each field's error, and what to announce. */
function refusal(
  error: ApiError,
  t: Translation,
  locale: Locale,
): [Record<string, string>, string] {
  const strings = outcomeStrings[locale];
  const errors: Record<string, string> = {};
  for (const field of error.problem?.errors ?? []) {
    const input = inputForApiField[field.path];
    if (input) errors[input] = strings.apiErrors[field.code] ?? field.message;
  }
  return [
    errors,
    Object.keys(errors).length > 0
      ? t.status.fixFields
      : error.status === 429
        ? strings.rateLimited
        : (error.problem?.detail ?? t.status.failed),
  ];
}

/**
 * Whether the API refused the write, and if so says why and fires `rally-error`: this page's
 * origin is not on its list (never "check your connection": the connection is fine, and a
 * submission saved for later would never be sent), or the submission itself — each field's error
 * beside it, with focus on the first. A server error is no refusal, but an outage.
 */
export async function refused(
  submission: SubmissionController,
  host: RallyFormElement,
  error: unknown,
): Promise<boolean> {
  const origin = await originRefusal(error, host.api, host.locale);
  if (!origin && !(error instanceof ApiError && error.status < 500)) return false;
  submission.status = 'error';
  if (origin) submission.announcement = origin;
  else
    [submission.errors, submission.announcement] = refusal(error as ApiError, host.t, host.locale);
  host.dispatchEvent(
    new RallyErrorEvent({ reason: 'refused', status: origin ? 403 : (error as ApiError).status }),
  );
  const first = Object.keys(submission.errors)[0];
  if (first) submission.showOutcome(`[name="${first}"]`);
  return true;
}

/**
 * Scrolls the outcome, which has focus, into view if it is not (after a submit the form gives way
 * to a shorter thank-you, which would leave the message above the screen), without animation for
 * those who ask.
 */
export function scrollIntoView(target: HTMLElement): void {
  const { top, bottom } = target.getBoundingClientRect();
  if (top >= 0 && bottom <= innerHeight) return; // Already in view: nothing moves.
  target.scrollIntoView({
    block: 'center',
    // `instant`, not `auto`: a page's own `scroll-behavior: smooth` would make `auto` glide.
    behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth',
  });
}

/**
 * Whether a failed write is the API refusing this page's origin: its readable 403, or, from an
 * API that answers it without CORS headers, a write the browser blocked while the API is up. Only
 * the second needs asking: a request that needs the same CORS permission as the write fails,
 * while one that needs none (`no-cors`) reaches the API. Offline, both fail.
 */
async function isOriginRefusal(error: unknown, api: string): Promise<boolean> {
  if (error instanceof ApiError)
    return (
      error.status === 403 && /\/problems\/origin-not-allowed$/.test(error.problem?.type ?? '')
    );
  if (!(error instanceof UnreachableError) || !navigator.onLine) return false;
  const url = apiUrl(api, '');
  const reached = (init: RequestInit) =>
    fetch(url, { ...init, credentials: 'omit', cache: 'no-store' }).then(
      () => true,
      () => false,
    );
  // A header of the write's makes the browser ask the API's permission first, as for the write.
  return (
    !(await reached({ headers: { 'Idempotency-Key': 'permission' } })) &&
    reached({ mode: 'no-cors' })
  );
}

/**
 * When the API refused this page's origin, what to tell the person, in their language (and the
 * page's developer, in the console); otherwise nothing.
 */
async function originRefusal(error: unknown, api: string, locale: Locale): Promise<string> {
  if (!(await isOriginRefusal(error, api))) return '';
  const origin = location.origin;
  console.warn(
    `Rally: the API at ${api} does not take submissions from pages on ${origin}. ` +
      `Ask the organization to add ${origin} to its allowed origins: RALLY_ALLOWED_ORIGINS, ` +
      'or a partner\'s "origins" under "partners" in rally.config.json.',
  );
  return outcomeStrings[locale].originRefused(location.host);
}
