/**
 * What a verified Stripe event changes. Each event is applied once, in the same transaction that
 * records its id, so Stripe's retries and duplicates change nothing; and a membership's status only
 * follows an event at least as new as the one it already shows, so events arriving out of order
 * never turn a newer state into an older one. Payments are recorded whatever the order, once each.
 */
import type Stripe from 'stripe';
import type { Queryable } from '../database.ts';

export type DuesStatus = 'active' | 'past_due' | 'lapsed' | 'cancelled';
export type DuesInterval = 'month' | 'year' | 'one_time';

/** What Rally writes into the metadata of the checkout session and the subscription it creates. */
export interface RallyMetadata {
  rally_person_id?: string;
  rally_amount?: string;
  rally_interval?: string;
}

export type Outcome = 'applied' | 'duplicate' | 'ignored';

/** Records the event and applies it; `duplicate` when it was applied before. */
export async function applyStripeEvent(tx: Queryable, event: Stripe.Event): Promise<Outcome> {
  const created = new Date(event.created * 1000);
  const [claimed] = await tx.query(
    `insert into stripe_events (id, type, created_at) values ($1, $2, $3)
     on conflict (id) do nothing returning id`,
    [event.id, event.type, created],
  );
  if (!claimed) return 'duplicate';
  switch (event.type) {
    case 'checkout.session.completed':
      return checkoutCompleted(tx, event.data.object, created);
    case 'invoice.paid':
      return invoicePaid(tx, event.data.object, created);
    case 'invoice.payment_failed':
      return invoiceFailed(tx, event.data.object, created);
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return subscriptionChanged(tx, event.data.object, created);
    default:
      return 'ignored';
  }
}

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null);

/** The Rally person an object belongs to: from Rally's metadata, else by their Stripe customer. */
async function personFor(
  tx: Queryable,
  metadata: RallyMetadata | null | undefined,
  customer: string | null,
): Promise<string | undefined> {
  const fromMetadata = metadata?.rally_person_id;
  if (fromMetadata) {
    const [person] = await tx.query<{ id: string }>('select id from people where id::text = $1', [
      fromMetadata,
    ]);
    if (person) return person.id;
  }
  if (!customer) return undefined;
  const [membership] = await tx.query<{ person_id: string }>(
    'select person_id from dues_memberships where stripe_customer_id = $1',
    [customer],
  );
  return membership?.person_id;
}

/**
 * Sets a membership's status, creating the membership if this is the first word of it, unless the
 * membership already shows a newer event.
 */
async function setStatus(
  tx: Queryable,
  personId: string,
  status: DuesStatus,
  at: Date,
  details: {
    customer?: string | null;
    subscription?: string | null;
    amount?: number | null;
    currency?: string | null;
    interval?: DuesInterval | null;
  },
): Promise<void> {
  await tx.query(
    `insert into dues_memberships (person_id, stripe_customer_id, stripe_subscription_id, status,
       amount, currency, interval, status_event_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (person_id) do update set
       stripe_customer_id = coalesce(excluded.stripe_customer_id, dues_memberships.stripe_customer_id),
       stripe_subscription_id = coalesce($3, dues_memberships.stripe_subscription_id),
       amount = coalesce($5, dues_memberships.amount),
       currency = coalesce($6, dues_memberships.currency),
       interval = coalesce($7, dues_memberships.interval),
       status = case when $8 >= dues_memberships.status_event_at then $4
                     else dues_memberships.status end,
       status_event_at = greatest($8, dues_memberships.status_event_at),
       updated_at = now()
     -- A membership follows the Stripe customer that pays it. Another customer paying with the
     -- same address (anyone can type it into a checkout) takes over only once the membership has
     -- lapsed or been cancelled: until then, its cancelling changes nothing of the member's.
     where excluded.stripe_customer_id is null
        or dues_memberships.stripe_customer_id is null
        or excluded.stripe_customer_id = dues_memberships.stripe_customer_id
        or dues_memberships.status in ('lapsed', 'cancelled')`,
    [
      personId,
      details.customer ?? null,
      details.subscription ?? null,
      status,
      details.amount ?? null,
      details.currency ?? null,
      details.interval ?? null,
      at,
    ],
  );
}

function intervalFrom(metadata: RallyMetadata | null | undefined): DuesInterval | null {
  const interval = metadata?.rally_interval;
  return interval === 'month' || interval === 'year' || interval === 'one_time' ? interval : null;
}

async function checkoutCompleted(
  tx: Queryable,
  session: Stripe.Checkout.Session,
  at: Date,
): Promise<Outcome> {
  const metadata = session.metadata as RallyMetadata | null;
  const customer = idOf(session.customer);
  const personId = await personFor(tx, metadata, customer);
  if (!personId || session.payment_status === 'unpaid') return 'ignored';
  const amount = Number(metadata?.rally_amount) || session.amount_total;
  await setStatus(tx, personId, 'active', at, {
    customer,
    subscription: idOf(session.subscription),
    amount,
    currency: session.currency,
    interval: session.mode === 'payment' ? 'one_time' : intervalFrom(metadata),
  });
  // The widget that opened this session is waiting for exactly this word, and its portal button
  // opens the customer this payment created.
  await tx.query(
    `update dues_checkouts set confirmed_at = coalesce(confirmed_at, $2),
       stripe_customer_id = coalesce(stripe_customer_id, $3) where id = $1`,
    [session.id, at, customer],
  );
  // A one-time payment has no invoice to come: the session is the payment.
  if (session.mode === 'payment' && session.amount_total)
    await recordPayment(
      tx,
      session.id,
      personId,
      session.amount_total,
      session.currency ?? 'usd',
      'paid',
      at,
    );
  return 'applied';
}

/** The metadata of the subscription an invoice bills, wherever this API version puts it. */
function invoiceMetadata(invoice: Stripe.Invoice): RallyMetadata | null {
  const parent = (invoice as { parent?: { subscription_details?: { metadata?: object } } }).parent;
  const legacy = (invoice as { subscription_details?: { metadata?: object } }).subscription_details;
  return (parent?.subscription_details?.metadata ?? legacy?.metadata ?? null) as RallyMetadata;
}

async function invoicePaid(tx: Queryable, invoice: Stripe.Invoice, at: Date): Promise<Outcome> {
  const metadata = invoiceMetadata(invoice);
  const customer = idOf(invoice.customer);
  const personId = await personFor(tx, metadata, customer);
  if (!personId || !invoice.id) return 'ignored';
  await recordPayment(tx, invoice.id, personId, invoice.amount_paid, invoice.currency, 'paid', at);
  await setStatus(tx, personId, 'active', at, {
    customer,
    amount: Number(metadata?.rally_amount) || null,
    currency: invoice.currency,
    interval: intervalFrom(metadata),
  });
  return 'applied';
}

async function invoiceFailed(tx: Queryable, invoice: Stripe.Invoice, at: Date): Promise<Outcome> {
  const customer = idOf(invoice.customer);
  const personId = await personFor(tx, invoiceMetadata(invoice), customer);
  if (!personId || !invoice.id) return 'ignored';
  await recordPayment(tx, invoice.id, personId, invoice.amount_due, invoice.currency, 'failed', at);
  await setStatus(tx, personId, 'past_due', at, { customer });
  return 'applied';
}

/** Stripe's subscription states, as a member's dues status. */
function statusOf(subscription: Stripe.Subscription): DuesStatus {
  switch (subscription.status) {
    case 'active':
    case 'trialing':
      return 'active';
    case 'past_due':
    case 'unpaid':
      return 'past_due';
    case 'incomplete_expired':
      return 'lapsed';
    case 'canceled':
      // Stripe cancels on its own after the last failed retry: the member lapsed, nobody chose to leave.
      return subscription.cancellation_details?.reason === 'payment_failed'
        ? 'lapsed'
        : 'cancelled';
    default:
      return 'past_due';
  }
}

async function subscriptionChanged(
  tx: Queryable,
  subscription: Stripe.Subscription,
  at: Date,
): Promise<Outcome> {
  const metadata = subscription.metadata as RallyMetadata;
  const customer = idOf(subscription.customer);
  const personId = await personFor(tx, metadata, customer);
  if (!personId) return 'ignored';
  const price = subscription.items?.data[0]?.price;
  const recurring = price?.recurring?.interval;
  await setStatus(tx, personId, statusOf(subscription), at, {
    customer,
    subscription: subscription.id,
    amount: price?.unit_amount ?? null,
    currency: subscription.currency,
    interval: recurring === 'month' ? 'month' : recurring === 'year' ? 'year' : null,
  });
  return 'applied';
}

async function recordPayment(
  tx: Queryable,
  id: string,
  personId: string,
  amount: number,
  currency: string,
  status: 'paid' | 'failed',
  at: Date,
): Promise<void> {
  // A failed attempt later paid becomes paid; a paid one never goes back to failed.
  await tx.query(
    `insert into dues_payments (id, person_id, amount, currency, status, paid_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (id) do update set status = 'paid', amount = excluded.amount, paid_at = excluded.paid_at
       where excluded.status = 'paid'`,
    [id, personId, amount, currency, status, at],
  );
}
