import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../../../../test/fake-stripe/fake-stripe.ts';
import type { RallySettings } from '../config.ts';
import {
  databases,
  openTestApi,
  openTestPGlite,
  person,
  postJson,
  staffGet,
  testSettings,
  testOrigins,
  testStripeWebhookSecret,
  type TestApi,
} from '../testing.ts';

/** A sliding scale as an organization would configure it. */
function duesSettings(): RallySettings {
  const settings = testSettings();
  return {
    ...settings,
    dues: {
      currency: 'usd',
      intervals: ['month', 'year', 'one_time'],
      tiers: [
        {
          id: 'under-25k',
          monthly_amount: 1000,
          label: { en: 'Under $25,000', es: 'Menos de $25,000' },
        },
        { id: 'over-25k', monthly_amount: 2500, label: { en: '$25,000 or more' } },
      ],
      minimum_monthly_amount: 500,
    },
  };
}

const checkout = (email: string, choice: object) => ({
  person: person(email),
  referrer_data: { source: 'texas-gulf' },
  region: 'texas-gulf',
  ...choice,
});

describe.each(databases)('dues checkout on %s', (_kind, open) => {
  let api: TestApi;
  let stripe: FakeStripe;
  const webhookUrl = 'http://api.rally.test/api/v1/stripe/webhook';

  beforeAll(async () => {
    stripe = await startFakeStripe({
      webhookUrl,
      webhookSecret: testStripeWebhookSecret,
      send: (url, init) => api.app.request(url, init),
    });
  });
  afterAll(() => stripe.close());

  beforeEach(async () => {
    api = await openTestApi(open, duesSettings(), {
      secretKey: 'sk_test_rally',
      publishableKey: 'pk_test_rally',
      webhookSecret: testStripeWebhookSecret,
      apiBase: stripe.url,
    });
  });
  afterEach(() => api.close());

  async function summary() {
    const response = await staffGet(api, '/api/v1/reports/summary');
    return (await response.json()).dues as {
      paying: number;
      monthly_recurring_revenue: number;
      by_source: { source: string; paying: number }[];
    };
  }

  const status = async (session: string) =>
    (await (await api.app.request(`http://api.rally.test/api/v1/dues/checkouts/${session}`)).json())
      .status;

  it('offers the configured tiers in the language asked for, with the publishable key', async () => {
    const response = await api.app.request('http://api.rally.test/api/v1/dues?lang=es');
    expect(await response.json()).toEqual({
      available: true,
      currency: 'usd',
      intervals: ['month', 'year', 'one_time'],
      tiers: [
        { id: 'under-25k', monthly_amount: 1000, label: 'Menos de $25,000' },
        // No Spanish label: the one written is shown rather than nothing.
        { id: 'over-25k', monthly_amount: 2500, label: '$25,000 or more' },
      ],
      minimum_monthly_amount: 500,
      portal_login_url: null,
      publishable_key: 'pk_test_rally',
    });
  });

  it('opens an embedded subscription checkout for monthly dues, but makes nobody dues-paying', async () => {
    const response = await postJson(
      api,
      '/api/v1/dues/checkouts?lang=es',
      checkout('Rosa@Example.org ', { tier: 'under-25k', amount: 1000, interval: 'month' }),
    );
    expect(response.status).toBe(201);
    const receipt = await response.json();
    expect(receipt.client_secret).toMatch(/^cs_test_\w+_secret_\w+$/);
    const personId = receipt.identifiers[0].replace('rally:', '');

    const session = stripe.sessions.get(receipt.checkout_session)!;
    expect(session).toMatchObject({
      ui_mode: 'embedded_page',
      mode: 'subscription',
      customer_email: 'rosa@example.org',
      amount_total: 1000,
      currency: 'usd',
      locale: 'es',
      metadata: {
        rally_person_id: personId,
        rally_amount: '1000',
        rally_interval: 'month',
        rally_tier: 'under-25k',
      },
    });
    expect(session.params.line_items?.[0]?.price_data?.recurring).toEqual({ interval: 'month' });
    expect(session.params.subscription_data?.metadata?.rally_person_id).toBe(personId);

    expect(await status(receipt.checkout_session)).toBe('waiting');
    expect((await summary()).paying).toBe(0);
  });

  it('confirms only when Stripe’s signed webhook arrives, then counts the member and the revenue', async () => {
    const receipt = await (
      await postJson(
        api,
        '/api/v1/dues/checkouts',
        checkout('lupe@example.org', { amount: 1800, interval: 'month' }),
      )
    ).json();
    await stripe.pay(receipt.checkout_session);

    expect(await status(receipt.checkout_session)).toBe('confirmed');
    const dues = await summary();
    expect(dues.paying).toBe(1);
    expect(dues.monthly_recurring_revenue).toBe(1800);
    expect(dues.by_source).toEqual([expect.objectContaining({ source: 'texas-gulf', paying: 1 })]);
  });

  it('sends one payment for one-time dues: paying, with no monthly revenue', async () => {
    const receipt = await (
      await postJson(
        api,
        '/api/v1/dues/checkouts',
        checkout('once@example.org', { tier: 'over-25k', amount: 30000, interval: 'one_time' }),
      )
    ).json();
    const session = stripe.sessions.get(receipt.checkout_session)!;
    expect(session.mode).toBe('payment');
    expect(session.params.customer_creation).toBe('always');
    expect(session.params.line_items?.[0]?.price_data?.recurring).toBeUndefined();

    await stripe.pay(receipt.checkout_session);
    const dues = await summary();
    expect(dues.paying).toBe(1);
    expect(dues.monthly_recurring_revenue).toBe(0);
  });

  it('gives the same checkout back for the same Idempotency-Key, with one person', async () => {
    const body = checkout('twice@example.org', {
      tier: 'over-25k',
      amount: 30000,
      interval: 'year',
    });
    const headers = { 'Idempotency-Key': 'dues-key-1' };
    const first = await (await postJson(api, '/api/v1/dues/checkouts', body, headers)).json();
    const again = await postJson(api, '/api/v1/dues/checkouts', body, headers);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await again.json()).client_secret).toBe(first.client_secret);
    const opened = [...stripe.sessions.values()].filter(
      (session) => session.customer_email === 'twice@example.org',
    );
    expect(opened).toHaveLength(1);
    const people = await api.db.query("select id from people where email = 'twice@example.org'");
    expect(people).toHaveLength(1);
  });

  it('refuses amounts the configuration does not offer, naming the field, and opens nothing', async () => {
    const before = stripe.sessions.size;
    const cases = [
      [{ tier: 'under-25k', amount: 900, interval: 'month' }, 'amount', /under-25k tier is 1000/],
      [{ tier: 'under-25k', amount: 1000, interval: 'year' }, 'amount', /12000 per payment/],
      [{ amount: 400, interval: 'month' }, 'amount', /at least 500/],
      [{ amount: 5000, interval: 'year' }, 'amount', /at least 6000/],
      [{ tier: 'millionaire', amount: 1000, interval: 'month' }, 'tier', /tiers offered/],
      [{ amount: 1000, interval: 'week' }, 'interval', /./],
      [{ amount: 10.5, interval: 'month' }, 'amount', /smallest unit/],
    ] as const;
    for (const [choice, field, message] of cases) {
      const response = await postJson(
        api,
        '/api/v1/dues/checkouts',
        checkout('wrong@example.org', choice),
      );
      expect(response.status, JSON.stringify(choice)).toBe(422);
      const problem = await response.json();
      expect(problem.errors[0].path).toBe(field);
      expect(problem.errors[0].message).toMatch(message);
    }
    expect(stripe.sessions.size).toBe(before);
  });

  it('opens the billing portal for a confirmed checkout, for a day only', async () => {
    const receipt = await (
      await postJson(
        api,
        '/api/v1/dues/checkouts',
        checkout('portal@example.org', { tier: 'under-25k', amount: 1000, interval: 'month' }),
      )
    ).json();
    const portal = (body: object = {}) =>
      postJson(api, `/api/v1/dues/checkouts/${receipt.checkout_session}/portal`, body);

    expect((await portal()).status).toBe(409); // Not confirmed yet.
    await stripe.pay(receipt.checkout_session);
    const opened = await portal({ return_url: 'https://gulf-south.rally.test/dues' });
    expect(opened.status).toBe(200);
    // Any JSON at all, `null` included, opens it without a way back rather than failing.
    const bare = await api.app.request(
      `http://api.rally.test/api/v1/dues/checkouts/${receipt.checkout_session}/portal`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: testOrigins.site },
        body: 'null',
      },
    );
    expect(bare.status).toBe(200);
    expect((await opened.json()).url).toMatch(new RegExp(`^${stripe.url}/billing/bps_`));

    await api.db.query(
      "update dues_checkouts set created_at = now() - interval '25 hours' where id = $1",
      [receipt.checkout_session],
    );
    const expired = await portal();
    expect(expired.status).toBe(410);
    expect((await expired.json()).detail).toMatch(/sign-in link/);
  });

  it('never lets a stranger with a paying member’s address reach, reveal or rename their dues', async () => {
    const open = async (email: string, given_name: string) =>
      (
        await postJson(api, '/api/v1/dues/checkouts', {
          ...checkout(email, { tier: 'under-25k', amount: 1000, interval: 'month' }),
          person: person(email, { given_name }),
        })
      ).json();
    const member = await open('marisol@example.org', 'Marisol');
    await stripe.pay(member.checkout_session);
    const memberCustomer = stripe.sessions.get(member.checkout_session)!.customer;

    const stranger = await open('Marisol@example.org', 'Mallory');
    // Opened exactly as for someone new: nothing in it says the address already pays dues.
    const params = (id: string) => {
      const { metadata: _metadata, ...rest } = stripe.sessions.get(id)!.params;
      return rest;
    };
    expect(params(stranger.checkout_session)).toEqual(params(member.checkout_session));
    expect(params(stranger.checkout_session)).not.toHaveProperty('customer');

    // Paying the floor opens the stranger's own new customer's portal, never the member's.
    await stripe.pay(stranger.checkout_session);
    const portal = await postJson(
      api,
      `/api/v1/dues/checkouts/${stranger.checkout_session}/portal`,
      {},
    );
    expect(portal.status).toBe(200);
    const portalId = new URL((await portal.json()).url).pathname.split('/').at(-1)!;
    const shown = stripe.portals.get(portalId)!.customer;
    expect(shown).toBe(stripe.sessions.get(stranger.checkout_session)!.customer);
    expect(shown).not.toBe(memberCustomer);

    // The member keeps their name and their membership, even when the stranger cancels.
    const [row] = await api.db.query<{ given_name: string }>(
      "select given_name from people where email = 'marisol@example.org'",
    );
    expect(row!.given_name).toBe('Marisol');
    const payload = JSON.stringify({
      id: 'evt_stranger_cancels',
      object: 'event',
      type: 'customer.subscription.deleted',
      created: Math.floor(Date.now() / 1000) + 1,
      data: {
        object: {
          id: stripe.sessions.get(stranger.checkout_session)!.subscription,
          object: 'subscription',
          customer: shown,
          status: 'canceled',
          cancellation_details: { reason: 'cancellation_requested' },
          metadata: stripe.sessions.get(stranger.checkout_session)!.metadata,
        },
      },
    });
    const cancelled = await api.app.request(webhookUrl, {
      method: 'POST',
      headers: {
        'Stripe-Signature': Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: testStripeWebhookSecret,
        }),
      },
      body: payload,
    });
    expect(cancelled.status).toBe(200);
    const [membership] = await api.db.query<{ status: string; stripe_customer_id: string }>(
      `select status, stripe_customer_id from dues_memberships m join people p on p.id = m.person_id
       where p.email = 'marisol@example.org'`,
    );
    expect(membership).toEqual({ status: 'active', stripe_customer_id: memberCustomer });
  });

  it('tells the member nothing was charged when Stripe refuses the session', async () => {
    await api.close();
    api = await openTestApi(open, duesSettings(), {
      secretKey: 'rk_test_not_accepted_by_the_fake',
      publishableKey: 'pk_test_rally',
      webhookSecret: testStripeWebhookSecret,
      apiBase: stripe.url,
    });
    const response = await postJson(
      api,
      '/api/v1/dues/checkouts',
      checkout('refused@example.org', { tier: 'under-25k', amount: 1000, interval: 'month' }),
    );
    expect(response.status).toBe(503);
    expect((await response.json()).detail).toMatch(/nothing was charged/);
  });
});

describe('dues without Stripe keys', () => {
  it('says dues are not set up, refuses checkouts, and serves everything else', async () => {
    const api = await openTestApi(openTestPGlite, duesSettings(), {});
    try {
      const options = await (await api.app.request('http://api.rally.test/api/v1/dues')).json();
      expect(options.available).toBe(false);
      expect(options.unavailable_reason).toMatch(
        /STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY not set/,
      );
      expect(options.publishable_key).toBeNull();
      const refused = await postJson(
        api,
        '/api/v1/dues/checkouts',
        checkout('early@example.org', { tier: 'under-25k', amount: 1000, interval: 'month' }),
      );
      expect(refused.status).toBe(503);
      const joined = await postJson(api, '/api/v1/people', { person: person('early@example.org') });
      expect(joined.status).toBe(201);
    } finally {
      await api.close();
    }
  });
});
