/**
 * Dues checkout: what a member may pay (`GET /dues`), an embedded Stripe Checkout Session for
 * their choice (`POST /dues/checkouts`), whether Stripe has confirmed it (`GET /dues/checkouts/:id`)
 * and a billing-portal session to manage it afterwards (`POST /dues/checkouts/:id/portal`).
 * Opening a checkout never makes anyone dues-paying: only the verified webhook does.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import Stripe from 'stripe';
import {
  apiBasePath,
  duesCheckoutReceipt,
  duesCheckoutStatus,
  duesCheckoutSubmission,
  duesOptions,
  monthsPerPayment,
  resolveLocale,
  type DuesCheckoutReceipt,
  type DuesCheckoutStatus,
  type DuesCheckoutSubmission,
  type DuesOptions,
  type Locale,
  type RallyConfig,
} from '@rally/core';
import type { AppContext } from '../context.ts';
import { readSubmission } from '../http/body.ts';
import { HttpProblem, invalidSubmission, printable } from '../http/problems.ts';
import { decoyId, idempotencyKey, performWrite, type WriteResult } from '../http/write.ts';
import {
  idempotencyKey as idempotencyKeyHeader,
  jsonResponse,
  pathParameter,
  problemResponse,
  requestSchema,
  translation,
  writeRefusals,
} from '../openapi.ts';
import { newReferralCode } from '../referral-code.ts';
import { duesUnavailableReason, stripeClient, type StripeSettings } from './stripe-client.ts';

/** How long after paying the thank-you's "manage your membership" button still works. */
const portalWindowHours = 24;

export function dues(stripeSettings: StripeSettings) {
  const app = new Hono<AppContext>();
  let client: Stripe | undefined;
  const stripe = () => (client ??= stripeClient(stripeSettings));

  const checkoutId = pathParameter('id', 'Checkout Session id');
  const noSuchCheckout = problemResponse('No such checkout');

  app.get(
    '/',
    describeRoute({
      summary: 'What a member may pay: tiers, minimum, schedules, currency',
      parameters: [translation],
      responses: {
        200: jsonResponse(
          'The dues choices; `available` is false until Stripe is set up',
          'DuesOptions',
          duesOptions,
        ),
      },
    }),
    (c) => {
      const { dues } = c.var.settings;
      const lang = resolveLocale(c.req.query('lang') ?? c.var.settings.languages[0]);
      const reason = duesUnavailableReason(stripeSettings, dues);
      const options: DuesOptions = {
        available: reason === undefined,
        ...(reason ? { unavailable_reason: `Dues are not set up: ${reason}.` } : {}),
        currency: dues.currency,
        intervals: dues.intervals,
        tiers: dues.tiers.map((tier) => ({
          id: tier.id,
          monthly_amount: tier.monthly_amount,
          label: tier.label[lang] ?? Object.values(tier.label)[0] ?? tier.id,
        })),
        minimum_monthly_amount: dues.minimum_monthly_amount ?? null,
        portal_login_url: dues.portal_login_url ?? null,
        publishable_key: reason ? null : (stripeSettings.publishableKey ?? null),
      };
      return c.json(options);
    },
  );

  app.post(
    '/checkouts',
    describeRoute({
      summary: 'Open an embedded Stripe Checkout Session for a member’s dues',
      description:
        'Signs the person up like the person signup helper, checks the amount against the configuration, and returns the client secret for Stripe.js. Paying makes nobody dues-paying: only the verified webhook does.',
      parameters: [idempotencyKeyHeader, translation],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: requestSchema('DuesCheckoutSubmission', duesCheckoutSubmission),
          },
        },
      },
      responses: {
        201: jsonResponse(
          'Opened (or, for the same Idempotency-Key, the same session again)',
          'DuesCheckoutReceipt',
          duesCheckoutReceipt,
        ),
        ...writeRefusals,
        415: problemResponse('Not JSON: dues are paid through the widget'),
        503: problemResponse('Dues are not set up, or Stripe could not open the session'),
      },
    }),
    async (c) => {
      const { settings } = c.var;
      const reason = duesUnavailableReason(stripeSettings, settings.dues);
      if (reason) throw new HttpProblem(503, `Dues are not set up yet (${reason}).`);
      // Paying needs Stripe.js in the page, so there is no plain-form path to accept.
      if (!c.req.header('content-type')?.startsWith('application/json'))
        throw new HttpProblem(415, 'Send the dues checkout as application/json from the widget.');
      const submission = await readSubmission(c, duesCheckoutSubmission);
      const choice = submission.data;
      checkAmount(choice, settings.dues);

      const { result, automated } = await performWrite<WriteResult>(c, submission, {
        fn: 'rally_signup_person',
        args: {
          dues: { tier: choice.tier ?? null, amount: choice.amount, interval: choice.interval },
        },
        decoy: () => ({ person_id: decoyId(), referral_code: newReferralCode() }),
      });
      if (automated) {
        const id = `cs_${decoyId().replaceAll('-', '')}`;
        return c.json(receipt(c, result.person_id, id, `${id}_secret_${decoyId()}`), 201);
      }

      // Every checkout starts from the address typed, never from a Stripe customer on file: anyone
      // can type a member's address, and the member's customer would hand them the member's cards,
      // invoices and subscription in the billing portal. A returning member manages their dues
      // through the portal's own sign-in, which Stripe sends to the address on file (docs/dues.md).
      const session = await openCheckoutSession(stripe(), {
        choice,
        personId: result.person_id,
        currency: settings.dues.currency,
        organization: settings.organization.name,
        lang: resolveLocale(c.req.query('lang')),
        // The same submission sent again (a lost answer, a double tap) gets the same session back.
        idempotencyKey: stripeIdempotencyKey(idempotencyKey(c), result.person_id),
      });
      await c.var.db.query(
        `insert into dues_checkouts (id, person_id, tier, amount, currency, interval)
       values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing`,
        [
          session.id,
          result.person_id,
          choice.tier ?? null,
          choice.amount,
          settings.dues.currency,
          choice.interval,
        ],
      );
      return c.json(receipt(c, result.person_id, session.id, session.client_secret!), 201);
    },
  );

  app.get(
    '/checkouts/:id',
    describeRoute({
      summary: 'Whether Stripe confirmed this checkout’s payment yet',
      parameters: [checkoutId],
      responses: {
        200: jsonResponse('`waiting` or `confirmed`', 'DuesCheckoutStatus', duesCheckoutStatus),
        404: noSuchCheckout,
      },
    }),
    async (c) => {
      const [checkout] = await c.var.db.query<{ confirmed_at: Date | null }>(
        'select confirmed_at from dues_checkouts where id = $1',
        [c.req.param('id')],
      );
      if (!checkout) throw new HttpProblem(404, 'No such dues checkout: check the id.');
      const status: DuesCheckoutStatus = {
        status: checkout.confirmed_at ? 'confirmed' : 'waiting',
      };
      c.header('Cache-Control', 'no-store');
      return c.json(status);
    },
  );

  app.post(
    '/checkouts/:id/portal',
    describeRoute({
      summary: 'A Stripe billing-portal session for the member who paid',
      description: `Works for ${portalWindowHours} hours after a confirmed payment.`,
      parameters: [checkoutId],
      requestBody: {
        required: false,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                return_url: {
                  type: 'string',
                  description: 'Where the portal sends the member back, on an allowed origin',
                },
              },
            },
          },
        },
      },
      responses: {
        200: {
          description: '`url` of the billing portal',
          content: {
            'application/json': {
              schema: { type: 'object', properties: { url: { type: 'string' } } },
            },
          },
        },
        404: noSuchCheckout,
        409: problemResponse('Not confirmed by Stripe yet'),
        410: problemResponse(`More than ${portalWindowHours} hours after paying`),
        503: problemResponse('Stripe could not open the billing portal; see Retry-After'),
      },
    }),
    async (c) => {
      // The portal of the customer this checkout's own payment created, and no one else's.
      const [checkout] = await c.var.db.query<{
        confirmed_at: Date | null;
        recent: boolean;
        stripe_customer_id: string | null;
      }>(
        `select confirmed_at, stripe_customer_id,
              created_at > now() - make_interval(hours => $2) as recent
       from dues_checkouts where id = $1`,
        [c.req.param('id'), portalWindowHours],
      );
      if (!checkout) throw new HttpProblem(404, 'No such dues checkout: check the id.');
      if (!checkout.confirmed_at || !checkout.stripe_customer_id)
        throw new HttpProblem(409, 'Stripe has not confirmed this payment yet; try again shortly.');
      // The checkout id is all this asks for, so it only opens the portal for a short while.
      if (!checkout.recent)
        throw new HttpProblem(
          410,
          `This link worked for ${portalWindowHours} hours after paying; use the sign-in link to manage your membership.`,
        );
      const back = returnUrl(c, await c.req.json().catch(() => ({})));
      let portal: Stripe.BillingPortal.Session;
      try {
        portal = await stripe().billingPortal.sessions.create({
          customer: checkout.stripe_customer_id,
          ...back,
        });
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeError)) throw error;
        console.error(printable(`Stripe refused a portal session: ${error.type}`));
        throw new HttpProblem(503, 'The membership page could not be opened; try again shortly.', {
          headers: { 'Retry-After': '30' },
        });
      }
      return c.json({ url: portal.url });
    },
  );

  return app;
}

/** The amount must be the chosen tier's, or at least the minimum, for the chosen schedule. */
function checkAmount(choice: DuesCheckoutSubmission, dues: RallyConfig['dues']): void {
  const months = monthsPerPayment(choice.interval);
  // Refused like any field that fails its schema, so widgets show it beside the field.
  const fieldError = (path: string, message: string) =>
    invalidSubmission([{ code: 'custom', path: [path], message, input: choice }]);
  if (!dues.intervals.includes(choice.interval))
    throw fieldError(
      'interval',
      `Choose one of the schedules offered: ${dues.intervals.join(', ')}.`,
    );
  if (choice.tier) {
    const tier = dues.tiers.find((candidate) => candidate.id === choice.tier);
    if (!tier) throw fieldError('tier', 'Choose one of the tiers offered.');
    if (choice.amount !== tier.monthly_amount * months)
      throw fieldError(
        'amount',
        `The ${tier.id} tier is ${tier.monthly_amount * months} per payment on this schedule.`,
      );
    return;
  }
  if (dues.minimum_monthly_amount === undefined)
    throw fieldError('tier', 'Choose one of the tiers offered.');
  if (choice.amount < dues.minimum_monthly_amount * months)
    throw fieldError(
      'amount',
      `Dues are at least ${dues.minimum_monthly_amount * months} per payment on this schedule.`,
    );
}

interface SessionRequest {
  choice: DuesCheckoutSubmission;
  personId: string;
  currency: string;
  organization: string;
  lang: Locale;
  idempotencyKey: string | undefined;
}

/**
 * An embedded Checkout Session: a subscription for monthly or yearly dues, a single payment for
 * one-time dues. Rally's ids ride in the metadata of the session and of what it creates, so every
 * webhook about it finds the member.
 */
async function openCheckoutSession(stripe: Stripe, request: SessionRequest) {
  const { choice, personId, currency } = request;
  const metadata = {
    rally_person_id: personId,
    rally_amount: String(choice.amount),
    rally_interval: choice.interval,
    ...(choice.tier ? { rally_tier: choice.tier } : {}),
  };
  const recurring = choice.interval !== 'one_time';
  const names = { en: 'Membership dues', es: 'Cuotas de membresía' };
  const params: Stripe.Checkout.SessionCreateParams = {
    ui_mode: 'embedded_page',
    mode: recurring ? 'subscription' : 'payment',
    // The widget shows its own thank-you; no redirect-only payment methods, no return page.
    redirect_on_completion: 'never',
    client_reference_id: personId,
    locale: request.lang,
    metadata,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency,
          unit_amount: choice.amount,
          product_data: { name: `${names[request.lang]} · ${request.organization}` },
          ...(choice.interval !== 'one_time' ? { recurring: { interval: choice.interval } } : {}),
        },
      },
    ],
    customer_email: choice.person.email_addresses[0]!.address.trim().toLowerCase(),
    ...(recurring
      ? { subscription_data: { metadata } }
      : {
          payment_intent_data: { metadata },
          // A customer, so a one-time payer can still open the billing portal for receipts.
          customer_creation: 'always' as const,
        }),
  };
  try {
    return await stripe.checkout.sessions.create(
      params,
      request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {},
    );
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    // Logged for staff without the member's details; the member is told nothing was charged.
    // The type only: Stripe's message can repeat what was sent, the member's email among it.
    console.error(printable(`Stripe refused a checkout session: ${error.type}`));
    throw new HttpProblem(
      503,
      'The payment form could not be opened; nothing was charged. Try again in a moment.',
    );
  }
}

function stripeIdempotencyKey(key: string | null, personId: string): string | undefined {
  if (!key) return undefined;
  return `rally-dues-${createHash('sha256').update(`${personId}:${key}`).digest('hex')}`;
}

function receipt(
  c: Context<AppContext>,
  personId: string,
  sessionId: string,
  clientSecret: string,
): DuesCheckoutReceipt {
  return {
    identifiers: [`rally:${personId}`],
    checkout_session: sessionId,
    client_secret: clientSecret,
    _links: {
      self: { href: new URL(`${apiBasePath}/dues/checkouts/${sessionId}`, c.req.url).toString() },
    },
  };
}

/** Where the portal sends the member back: the page they came from, if it is one of ours. */
function returnUrl(c: Context<AppContext>, body: unknown): { return_url?: string } {
  // Whatever JSON was sent: `null` or a number has no return_url either.
  if (body === null || typeof body !== 'object') return {};
  const candidate = (body as { return_url?: unknown }).return_url;
  if (typeof candidate !== 'string' || !URL.canParse(candidate)) return {};
  return c.var.settings.allowedOrigins.has(new URL(candidate).origin)
    ? { return_url: candidate }
    : {};
}
