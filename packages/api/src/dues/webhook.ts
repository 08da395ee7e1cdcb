/**
 * `POST /api/v1/stripe/webhook`: the only way a member becomes dues-paying. The body is checked
 * against its `Stripe-Signature` with the webhook secret before anything is read from it; a forged,
 * unsigned or stale call gets 400 and changes nothing.
 */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import Stripe from 'stripe';
import type { AppContext } from '../context.ts';
import { HttpProblem } from '../http/problems.ts';
import { problemResponse } from '../openapi.ts';
import { applyStripeEvent } from './stripe-events.ts';

/** How far a signature's time may be from this machine's clock, either way: Stripe's default. */
const toleranceSeconds = 300;

export function stripeWebhook(webhookSecret: string | undefined) {
  const webhook = new Hono<AppContext>();
  webhook.post(
    '/',
    describeRoute({
      summary: 'Stripe events (only Stripe calls this)',
      description:
        'Verified with the Stripe-Signature header and the webhook secret; each event is applied once, and an older event never overwrites a newer dues status.',
      parameters: [
        { name: 'Stripe-Signature', in: 'header', required: true, schema: { type: 'string' } },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { type: 'object', description: 'A Stripe event' } },
        },
      },
      responses: {
        200: { description: 'Received: applied, a duplicate, or not about a Rally member' },
        400: problemResponse('Missing or wrong signature, or one from the future; nothing changed'),
        503: problemResponse('Dues are not set up (no webhook secret)'),
      },
    }),
    async (c) => {
      if (!webhookSecret)
        throw new HttpProblem(503, 'Dues are not set up: STRIPE_WEBHOOK_SECRET is not configured.');
      const signature = c.req.header('stripe-signature');
      if (!signature) throw new HttpProblem(400, 'The Stripe-Signature header is missing.');
      // The signature covers the exact bytes Stripe sent, so the body is read as text, unparsed.
      const payload = await c.req.text();
      let event: Stripe.Event;
      try {
        event = await Stripe.webhooks.constructEventAsync(
          payload,
          signature,
          webhookSecret,
          toleranceSeconds,
        );
      } catch {
        throw new HttpProblem(
          400,
          'The Stripe-Signature header does not match this body and the webhook secret.',
        );
      }
      // Stripe's check refuses a signature too old, not one from the future: a replay window
      // opened ahead of time is refused here, with the same tolerance for clocks that disagree.
      // The last `t=`, as Stripe's own check reads it.
      const signedAt = Number([...signature.matchAll(/(?:^|,)t=(\d+)/g)].at(-1)?.[1]);
      if (!(signedAt * 1000 <= Date.now() + toleranceSeconds * 1000)) {
        throw new HttpProblem(
          400,
          'The Stripe-Signature timestamp is in the future; check the clock of the sending machine.',
        );
      }
      const outcome = await c.var.db.transaction((tx) => applyStripeEvent(tx, event));
      return c.json({ received: true, outcome });
    },
  );
  return webhook;
}
