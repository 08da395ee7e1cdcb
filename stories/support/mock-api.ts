/**
 * Storybook has no Rally API behind it: Mock Service Worker (msw, through msw-storybook-addon)
 * stands in for one, answering the widgets' requests with what the real API would say in each
 * state. (Tests run against the real API instead.)
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type {} from 'msw-storybook-addon';

export const mockApi = 'https://api.rally.example';

/**
 * `offline`: the page loaded, then the signal went (reads still answer, writes never arrive);
 * `unreachable`: no API at all; `full`: the event has no places left, so RSVPs join the
 * waitlist; `refusing`: the API refuses what is sent; `no-stripe`: dues are not set up.
 */
export type ApiMode = 'working' | 'refusing' | 'offline' | 'unreachable' | 'full' | 'no-stripe';

const petition = {
  identifiers: ['rally:fair-wages-home-care'],
  origin_system: 'Rally',
  title: 'A living wage for home care workers',
  description:
    'Home care workers keep our elders safe at home. Tell the state to raise the reimbursement rate.',
  target: [{ name: 'Louisiana Department of Health' }],
  goal: 2500,
  total_signatures: 1873,
  status: 'open',
  opens_at: null,
  closes_at: null,
  lang: 'en',
  region: 'gulf-south',
  sector: 'domestic-work',
  created_date: '2026-11-01T00:00:00.000Z',
  modified_date: '2026-11-01T00:00:00.000Z',
  _links: {
    self: { href: `${mockApi}/api/v1/petitions/fair-wages-home-care` },
    'osdi:record_signature_helper': {
      href: `${mockApi}/api/v1/petitions/fair-wages-home-care/signatures`,
    },
    'osdi:signatures': {
      href: `${mockApi}/api/v1/petitions/fair-wages-home-care/signatures`,
    },
  },
};

const event = {
  identifiers: ['rally:new-orleans-home-care-meeting'],
  origin_system: 'Rally',
  title: "Home care workers' meeting — New Orleans",
  description: 'Hear where the wage campaign stands and plan the visit to Baton Rouge.',
  start_date: '2027-01-16T16:00:00.000Z',
  end_date: '2027-01-16T18:30:00.000Z',
  timezone_identifier: 'America/Chicago',
  location: {
    venue: 'Union hall',
    address_lines: ['1200 Canal Street'],
    locality: 'New Orleans',
    region: 'LA',
  },
  online_url: null,
  capacity: 60,
  total_accepted: 48,
  places_remaining: 12,
  waitlist_size: 0,
  status: 'confirmed',
  lang: 'en',
  region: 'gulf-south',
  sector: 'domestic-work',
  created_date: '2026-11-01T00:00:00.000Z',
  modified_date: '2026-11-01T00:00:00.000Z',
  _links: {},
};

const spotlights = {
  total_records: 2,
  _embedded: {
    'rally:spotlights': [
      {
        identifiers: ['rally:dele-okafor'],
        name: 'Dele Okafor',
        kind: 'member',
        region: 'gulf-south',
        sector: 'food-and-farm',
        photo: {
          src: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"%3E%3Crect width="4" height="3" fill="%23b45309"/%3E%3C/svg%3E',
          alt: 'An orange rectangle in place of a photo of Dele Okafor.',
        },
        quote: 'When the heat hit 104 degrees, we stopped work together. Nobody was fired.',
        lang: 'en',
        date: '2026-11-12',
      },
      {
        identifiers: ['rally:rosa-ortiz'],
        name: 'Rosa Ortiz',
        kind: 'member',
        region: 'gulf-south',
        sector: 'domestic-work',
        photo: {
          src: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"%3E%3Crect width="4" height="3" fill="%231d4ed8"/%3E%3C/svg%3E',
          alt: 'A blue rectangle in place of a photo of Rosa Ortiz.',
        },
        quote: 'I cared for other families for twenty years. Now I care for my coworkers too.',
        lang: 'en',
        date: '2026-10-28',
      },
    ],
  },
};

const receipt = {
  identifiers: ['rally:3f1c2a9e-0000-4000-8000-000000000001'],
  referral_code: 'K7QW2MZP',
  status: 'accepted',
  _links: { 'rally:cancel': { href: `${mockApi}/api/v1/events/x/attendances/y/cancel?token=z` } },
};

const refusal = {
  type: 'https://rally.invalid/problems/invalid-submission',
  title: 'Invalid submission',
  status: 422,
  detail: 'Some fields need attention: person.email_addresses.0.address.',
  errors: [
    {
      path: 'person.email_addresses.0.address',
      code: 'invalid_email',
      message: 'Enter an email address.',
    },
  ],
};

const duesOptions = {
  available: true,
  currency: 'usd',
  intervals: ['month', 'year', 'one_time'],
  tiers: [
    { id: 'under-20k', monthly_amount: 500, label: 'Household income under $20,000 a year' },
    { id: '20k-40k', monthly_amount: 1200, label: '$20,000 to $40,000 a year' },
    { id: 'over-40k', monthly_amount: 2500, label: 'Over $40,000 a year' },
  ],
  minimum_monthly_amount: 500,
  portal_login_url: 'https://billing.stripe.com/p/login/test',
  publishable_key: 'pk_test_storybook',
};

const duesCheckout = {
  identifiers: ['rally:3f1c2a9e-0000-4000-8000-000000000002'],
  checkout_session: 'cs_test_storybook',
  client_secret: 'cs_test_storybook_secret_x',
  _links: { self: { href: `${mockApi}/api/v1/dues/checkouts/cs_test_storybook` } },
};

/** A proof-of-work puzzle a widget solves in a few hashes; this stand-in checks no answer. */
const puzzle = {
  parameters: {
    algorithm: 'SHA-256',
    cost: 1,
    keyLength: 32,
    keyPrefix: '0',
    nonce: '00112233445566778899aabbccddeeff',
    salt: 'ffeeddccbbaa99887766554433221100',
  },
  signature: 'storybook',
};

const api = (path: string) => `${mockApi}/api/v1/${path}`;
const created = (body: object) => HttpResponse.json(body, { status: 201 });

/** The stand-in API in one of its states, for `msw.use()` in a story. */
export function apiHandlers(mode: ApiMode): HttpHandler[] {
  if (mode === 'unreachable') return [http.all(`${mockApi}/*`, () => HttpResponse.error())];
  const reads = [
    // The API's entry point, which a widget reads to tell a refused origin from a lost signal.
    http.get(api(''), () => HttpResponse.json({ _links: {} })),
    http.get(api('challenge'), () => HttpResponse.json(puzzle)),
    http.get(api('petitions/:id'), () => HttpResponse.json(petition)),
    http.get(api('events/:id'), () =>
      HttpResponse.json(
        mode === 'full'
          ? { ...event, total_accepted: 60, places_remaining: 0, waitlist_size: 4 }
          : event,
      ),
    ),
    http.get(api('spotlights'), () => HttpResponse.json(spotlights)),
    http.get(api('dues'), () =>
      HttpResponse.json(
        mode === 'no-stripe'
          ? {
              ...duesOptions,
              available: false,
              unavailable_reason: 'no keys',
              publishable_key: null,
            }
          : duesOptions,
      ),
    ),
    http.get(api('dues/checkouts/:session'), () => HttpResponse.json({ status: 'confirmed' })),
  ];
  if (mode === 'offline') return [...reads, http.post(`${mockApi}/*`, () => HttpResponse.error())];
  const action = () =>
    mode === 'refusing'
      ? HttpResponse.json(refusal, {
          status: 422,
          headers: { 'Content-Type': 'application/problem+json' },
        })
      : created(mode === 'full' ? { ...receipt, status: 'waitlisted' } : receipt);
  return [
    ...reads,
    http.post(api('events/:id/attendances/:attendance/cancel'), () =>
      HttpResponse.json({ status: 'cancelled' }),
    ),
    http.post(api('dues/checkouts'), () => created(duesCheckout)),
    http.post(api('people'), action),
    http.post(api('petitions/:id/signatures'), action),
    http.post(api('events/:id/attendances'), action),
  ];
}
