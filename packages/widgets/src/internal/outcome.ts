/**
 * What a form widget does once a submission has an outcome: bring the confirmation into view with
 * focus on it, and tell a page whose origin the API refuses what to do about it. Loaded after the
 * first render (rally-form-element.ts), since no form needs it to be shown.
 */
import type { Locale } from '@rally/core/locale';
import type { ReactiveElement } from 'lit';
import type { WritableAtom } from 'nanostores';
import { ApiError, UnreachableError, apiUrl } from '../api/client.ts';
import type { KnownPerson } from '../state/person.ts';
import type { Translation } from '../translations/index.ts';
import { outcomeStrings } from './outcome.strings.ts';

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
export function refusal(error: ApiError, t: Translation): [Record<string, string>, string] {
  const errors: Record<string, string> = {};
  for (const field of error.fieldErrors) {
    const input = inputForApiField[field.path];
    if (input)
      errors[input] = t.apiErrors[field.code as keyof Translation['apiErrors']] ?? field.message;
  }
  return [
    errors,
    Object.keys(errors).length > 0
      ? t.status.fixFields
      : error.status === 429
        ? t.status.rateLimited
        : (error.problem?.detail ?? t.status.failed),
  ];
}

/**
 * Shares who the person is with the other widgets on the page (the store is the widget's, from
 * state/person.ts: imported here, it would leave the chunk every form loads for a file of its
 * own); returns their first name.
 */
export function rememberPerson(
  store: WritableAtom<KnownPerson | null>,
  data: FormData,
  extra: Partial<KnownPerson>,
): string {
  const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
  const email = text('email') ?? '';
  // What the person told another form is kept only if this is still them.
  const same = store.get()?.email === email ? store.get() : undefined;
  // A field this form shows says what to keep, even emptied; one it does not show keeps the last.
  const kept = (name: 'phone' | 'postal_code') => (data.has(name) ? text(name) : same?.[name]);
  store.set({
    given_name: text('given_name') ?? '',
    family_name: text('family_name'),
    email,
    phone: kept('phone'),
    postal_code: kept('postal_code'),
    referral_code: same?.referral_code,
    rsvps: same?.rsvps,
    remember: data.get('remember') === 'on',
    ...extra,
  });
  return text('given_name') ?? '';
}

/** Moves focus to the outcome and scrolls it into view, without animation for those who ask. */
export async function bringIntoView(host: ReactiveElement, selector = '.status'): Promise<void> {
  await host.updateComplete;
  const target = host.renderRoot.querySelector<HTMLElement>(selector);
  if (!target) return;
  // Scrolled below, rather than by `focus()`, which would jump even for those who like motion.
  target.focus({ preventScroll: true });
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
export async function originRefusal(error: unknown, api: string, locale: Locale): Promise<string> {
  if (!(await isOriginRefusal(error, api))) return '';
  const origin = location.origin;
  console.warn(
    `Rally: the API at ${api} does not take submissions from pages on ${origin}. ` +
      `Ask the organization to add ${origin} to its allowed origins: RALLY_ALLOWED_ORIGINS, ` +
      'or a partner\'s "origins" under "partners" in rally.config.json.',
  );
  return outcomeStrings[locale].originRefused(location.host);
}
