import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import {
  databases,
  openTestApi,
  person,
  postJson,
  staffGet,
  testSettings,
  testStripeWebhookSecret,
  type TestApi,
} from '../testing.ts';

/** A Stripe event as Stripe would send it, with only the fields Rally reads. */
function stripeEvent(id: string, type: string, created: number, object: object) {
  return { id, object: 'event', type, created, api_version: '2025-10-29', data: { object } };
}

async function deliver(api: TestApi, event: object, secret = testStripeWebhookSecret) {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return api.app.request('http://api.rally.test/api/v1/stripe/webhook', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
    body: payload,
  });
}

describe.each(databases)('Stripe webhooks on %s', (_kind, open) => {
  let api: TestApi;
  let personId: string;
  const metadata = () => ({
    rally_person_id: personId,
    rally_amount: '2500',
    rally_interval: 'month',
  });
  const completed = (id: string, created: number) =>
    stripeEvent(id, 'checkout.session.completed', created, {
      id: 'cs_1',
      object: 'checkout.session',
      mode: 'subscription',
      customer: 'cus_1',
      subscription: 'sub_1',
      payment_status: 'paid',
      amount_total: 2500,
      currency: 'usd',
      metadata: metadata(),
    });
  const invoice = (id: string, type: string, created: number, invoiceId = 'in_1') =>
    stripeEvent(id, type, created, {
      id: invoiceId,
      object: 'invoice',
      customer: 'cus_1',
      amount_paid: type === 'invoice.paid' ? 2500 : 0,
      amount_due: 2500,
      currency: 'usd',
      parent: { subscription_details: { metadata: metadata(), subscription: 'sub_1' } },
    });
  const subscription = (
    id: string,
    type: string,
    created: number,
    status: string,
    reason?: string,
  ) =>
    stripeEvent(id, type, created, {
      id: 'sub_1',
      object: 'subscription',
      customer: 'cus_1',
      status,
      currency: 'usd',
      cancellation_details: { reason: reason ?? null },
      items: { data: [{ price: { unit_amount: 2500, recurring: { interval: 'month' } } }] },
      metadata: metadata(),
    });

  async function membership() {
    const [row] = await api.db.query<{ status: string; amount: number; interval: string }>(
      'select status, amount, interval from dues_memberships where person_id = $1',
      [personId],
    );
    return row;
  }
  async function payments() {
    return api.db.query<{ id: string; status: string; amount: number }>(
      'select id, status, amount from dues_payments where person_id = $1 order by id',
      [personId],
    );
  }

  beforeEach(async () => {
    api = await openTestApi(open);
    const response = await postJson(api, '/api/v1/people', { person: person('dues@example.org') });
    personId = (await response.json()).identifiers[0].replace('rally:', '');
  });
  afterEach(() => api.close());

  it('makes a member dues-paying when Stripe confirms the checkout', async () => {
    const response = await deliver(api, completed('evt_1', 1000));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: 'applied' });
    expect(await membership()).toEqual({ status: 'active', amount: 2500, interval: 'month' });
  });

  it('refuses forged, unsigned and tampered calls with 400, changing nothing', async () => {
    const forged = await deliver(api, completed('evt_1', 1000), 'whsec_someone_else');
    expect(forged.status).toBe(400);
    expect((await forged.json()).detail).toMatch(/Stripe-Signature header does not match/);

    const unsigned = await api.app.request('http://api.rally.test/api/v1/stripe/webhook', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(completed('evt_1', 1000)),
    });
    expect(unsigned.status).toBe(400);

    // A real signature, for a different body.
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload: JSON.stringify(completed('evt_1', 1000)),
      secret: testStripeWebhookSecret,
    });
    const tampered = await api.app.request('http://api.rally.test/api/v1/stripe/webhook', {
      method: 'POST',
      headers: { 'Stripe-Signature': signature },
      body: JSON.stringify({ ...completed('evt_1', 1000), type: 'invoice.paid' }),
    });
    expect(tampered.status).toBe(400);

    expect(await membership()).toBeUndefined();
    expect(await api.db.query('select id from stripe_events')).toEqual([]);
  });

  it('records an invoice of several hundred lines, larger than any other body may be', async () => {
    await deliver(api, completed('evt_1', 1000));
    const lines = Array.from({ length: 800 }, (_, index) => ({
      id: `il_${index}`,
      object: 'line_item',
      amount: 2500,
      description: `Membership dues, line ${index} of a long invoice`,
    }));
    const large = { ...invoice('evt_2', 'invoice.paid', 1100), lines: { data: lines } };
    expect(JSON.stringify(large).length).toBeGreaterThan(64 * 1024);
    const response = await deliver(api, large);
    expect(response.status).toBe(200);
    expect(await payments()).toEqual([{ id: 'in_1', status: 'paid', amount: 2500 }]);

    // Still bounded: a body of several megabytes is refused before it is read.
    const huge = await api.app.request('http://api.rally.test/api/v1/stripe/webhook', {
      method: 'POST',
      headers: { 'Stripe-Signature': 't=1,v1=0', 'Content-Length': String(2 * 1024 * 1024) },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
  });

  it('refuses an event signed with a time in the future, changing nothing', async () => {
    const payload = JSON.stringify(completed('evt_1', 1000));
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: testStripeWebhookSecret,
      timestamp: Math.floor(Date.now() / 1000) + 3600,
    });
    const response = await api.app.request('http://api.rally.test/api/v1/stripe/webhook', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body: payload,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).detail).toMatch(/in the future/);
    // Two times, a current one first: Stripe reads the last, and so must this check.
    const doubled = await api.app.request('http://api.rally.test/api/v1/stripe/webhook', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Stripe-Signature': `t=${Math.floor(Date.now() / 1000)},${signature}`,
      },
      body: payload,
    });
    expect(doubled.status).toBe(400);
    expect(await membership()).toBeUndefined();
    expect(await api.db.query('select id from stripe_events')).toEqual([]);
  });

  it('applies a retried or duplicated event once, even when the copies arrive together', async () => {
    await deliver(api, completed('evt_1', 1000));
    const copies = await Promise.all(
      Array.from({ length: 5 }, () => deliver(api, invoice('evt_2', 'invoice.paid', 1100))),
    );
    const outcomes = await Promise.all(copies.map(async (r) => (await r.json()).outcome));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(4);
    expect(
      await deliver(api, invoice('evt_2', 'invoice.paid', 1100)).then((r) => r.json()),
    ).toEqual({ received: true, outcome: 'duplicate' });
    expect(await payments()).toEqual([{ id: 'in_1', status: 'paid', amount: 2500 }]);
  });

  it('never lets an older event overwrite a newer status, and still records its payment', async () => {
    await deliver(api, completed('evt_1', 1000));
    await deliver(api, subscription('evt_3', 'customer.subscription.updated', 3000, 'past_due'));
    // Delivered late: the invoice paid before the subscription fell behind.
    await deliver(api, invoice('evt_2', 'invoice.paid', 2000));
    expect((await membership())?.status).toBe('past_due');
    expect(await payments()).toEqual([{ id: 'in_1', status: 'paid', amount: 2500 }]);

    // Stripe gives up after the last failed retry: the member lapsed.
    await deliver(
      api,
      subscription('evt_5', 'customer.subscription.deleted', 5000, 'canceled', 'payment_failed'),
    );
    await deliver(api, subscription('evt_4', 'customer.subscription.updated', 4000, 'active'));
    expect((await membership())?.status).toBe('lapsed');
  });

  it('follows a failed payment to past due, and a later payment back to active', async () => {
    await deliver(api, completed('evt_1', 1000));
    await deliver(api, invoice('evt_2', 'invoice.payment_failed', 2000, 'in_2'));
    expect((await membership())?.status).toBe('past_due');
    expect(await payments()).toEqual([{ id: 'in_2', status: 'failed', amount: 2500 }]);
    await deliver(api, invoice('evt_3', 'invoice.paid', 3000, 'in_2'));
    expect((await membership())?.status).toBe('active');
    expect(await payments()).toEqual([{ id: 'in_2', status: 'paid', amount: 2500 }]);
  });

  it('tells a member who cancelled from one who lapsed', async () => {
    await deliver(api, completed('evt_1', 1000));
    await deliver(
      api,
      subscription(
        'evt_2',
        'customer.subscription.deleted',
        2000,
        'canceled',
        'cancellation_requested',
      ),
    );
    expect((await membership())?.status).toBe('cancelled');
  });

  it('takes in an invoice that arrives before the checkout it belongs to', async () => {
    await deliver(api, invoice('evt_2', 'invoice.paid', 1100));
    await deliver(api, completed('evt_1', 1000));
    expect(await membership()).toEqual({ status: 'active', amount: 2500, interval: 'month' });
    expect(await payments()).toHaveLength(1);
  });

  it('answers 200 to events that are not about Rally members, and records nothing for them', async () => {
    const response = await deliver(
      api,
      stripeEvent('evt_9', 'invoice.paid', 1000, {
        id: 'in_9',
        object: 'invoice',
        customer: 'cus_other_integration',
        amount_paid: 100,
        currency: 'usd',
      }),
    );
    expect(await response.json()).toEqual({ received: true, outcome: 'ignored' });
    expect(await api.db.query('select id from dues_payments')).toEqual([]);
  });

  it('shows staff who pays dues, who started and who lapsed, and the monthly revenue', async () => {
    const now = Math.floor(Date.now() / 1000);
    /** A new member from a microsite, paying `amount` cents every `interval`. */
    async function member(email: string, region: string, amount: number, interval: string) {
      const response = await postJson(api, '/api/v1/people', {
        person: person(email),
        region,
        referrer_data: { source: region },
      });
      const id = (await response.json()).identifiers[0].replace('rally:', '');
      const customer = `cus_${email}`;
      await deliver(
        api,
        stripeEvent(`evt_${email}`, 'checkout.session.completed', now, {
          id: `cs_${email}`,
          object: 'checkout.session',
          mode: interval === 'one_time' ? 'payment' : 'subscription',
          customer,
          subscription: interval === 'one_time' ? null : `sub_${email}`,
          payment_status: 'paid',
          amount_total: amount,
          currency: 'usd',
          metadata: { rally_person_id: id, rally_amount: String(amount), rally_interval: interval },
        }),
      );
      return customer;
    }
    await member('a@example.org', 'louisiana', 2500, 'month');
    await member('b@example.org', 'louisiana', 12000, 'year');
    await member('c@example.org', 'texas-gulf', 5000, 'one_time');
    const lapsing = await member('d@example.org', 'texas-gulf', 1500, 'month');
    await deliver(
      api,
      stripeEvent('evt_d_gone', 'customer.subscription.deleted', now + 1, {
        id: 'sub_d@example.org',
        object: 'subscription',
        customer: lapsing,
        status: 'canceled',
        currency: 'usd',
        cancellation_details: { reason: 'payment_failed' },
        items: { data: [{ price: { unit_amount: 1500, recurring: { interval: 'month' } } }] },
        metadata: {},
      }),
    );

    const { dues } = await (await staffGet(api, '/api/v1/reports/summary')).json();
    // 25.00 a month, 120.00 a year (10.00 a month); one-time dues pay but do not recur.
    expect(dues).toMatchObject({
      currency: 'usd',
      paying: 3,
      new_this_month: 3,
      lapsed_this_month: 1,
      monthly_recurring_revenue: 3500,
    });
    expect(dues.by_region).toEqual([
      {
        region: 'louisiana',
        paying: 2,
        new_this_month: 2,
        lapsed_this_month: 0,
        monthly_recurring_revenue: 3500,
      },
      {
        region: 'texas-gulf',
        paying: 1,
        new_this_month: 1,
        lapsed_this_month: 1,
        monthly_recurring_revenue: 0,
      },
    ]);
    expect(dues.by_source.map((s: { source: string }) => s.source)).toEqual([
      'louisiana',
      'texas-gulf',
    ]);
  });

  it('answers 503 while dues are not set up', async () => {
    const app = createApp({
      db: api.db,
      settings: testSettings(),
      linkSecret: 'x',
      rateLimiter: { hit: async () => ({ allowed: true }) } as never,
    });
    const response = await app.request('http://api.rally.test/api/v1/stripe/webhook', {
      method: 'POST',
      headers: { 'Stripe-Signature': 't=1,v1=x' },
      body: '{}',
    });
    expect(response.status).toBe(503);
    expect((await response.json()).detail).toMatch(/Dues are not set up/);
  });
});
