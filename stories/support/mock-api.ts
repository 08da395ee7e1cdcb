/**
 * Storybook has no Rally API behind it: this stands in for one, answering the widgets' requests
 * with what the real API would say in each state. (Tests run against the real API instead.)
 */
export const mockApi = 'https://api.rally.example';

/**
 * `offline`: the page loaded, then the signal went; `unreachable`: no API at all; `full`: the
 * event has no places left, so RSVPs join the waitlist.
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

const realFetch = window.fetch.bind(window);
let mode: ApiMode = 'working';

/** Sets how the stand-in API behaves for the next requests. */
export function useMockApi(next: ApiMode): void {
  mode = next;
}

window.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.origin !== mockApi) return realFetch(input, init);
  const method = init?.method ?? 'GET';
  if (mode === 'unreachable' || (mode === 'offline' && method !== 'GET')) {
    throw new TypeError('Failed to fetch');
  }
  const json = (body: unknown, status = 200, type = 'application/json') =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
  if (method === 'GET') {
    if (url.pathname.endsWith('/challenge')) return json(puzzle);
    if (url.pathname.endsWith('/dues'))
      return json(
        mode === 'no-stripe'
          ? {
              ...duesOptions,
              available: false,
              unavailable_reason: 'no keys',
              publishable_key: null,
            }
          : duesOptions,
      );
    if (url.pathname.includes('/dues/checkouts/')) return json({ status: 'confirmed' });
    if (url.pathname.endsWith('/spotlights')) return json(spotlights);
    if (!url.pathname.includes('/events/')) return json(petition);
    return json(
      mode === 'full'
        ? { ...event, total_accepted: 60, places_remaining: 0, waitlist_size: 4 }
        : event,
    );
  }
  if (url.pathname.endsWith('/cancel')) return json({ status: 'cancelled' });
  if (url.pathname.endsWith('/dues/checkouts')) return json(duesCheckout, 201);
  if (mode === 'refusing') return json(refusal, 422, 'application/problem+json');
  return json(mode === 'full' ? { ...receipt, status: 'waitlisted' } : receipt, 201);
};
