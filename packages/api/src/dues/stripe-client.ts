/** Rally's one way to reach Stripe, and what decides whether dues are on. */
import Stripe from 'stripe';
import type { RallyConfig } from '@rally/core';

export interface StripeSettings {
  /** Secret API key (`sk_…`, or a restricted `rk_…`), for creating sessions. */
  secretKey?: string | undefined;
  /** Publishable key (`pk_…`), handed to Stripe.js in the browser. */
  publishableKey?: string | undefined;
  /** Signing secret of the webhook endpoint (`whsec_…`). */
  webhookSecret?: string | undefined;
  /** Another address for Stripe's API, such as a local fake in tests. */
  apiBase?: string | undefined;
}

/**
 * Why dues cannot be paid, in words for staff; `undefined` when they can. Every key is needed: a
 * payment nobody can confirm (no webhook secret) would leave a member paying but not recorded.
 */
export function duesUnavailableReason(
  stripe: StripeSettings,
  dues: RallyConfig['dues'],
): string | undefined {
  const missing = [
    ['STRIPE_SECRET_KEY', stripe.secretKey],
    ['STRIPE_PUBLISHABLE_KEY', stripe.publishableKey],
    ['STRIPE_WEBHOOK_SECRET', stripe.webhookSecret],
  ]
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) return `${missing.join(', ')} not set`;
  if (dues.tiers.length === 0 && dues.minimum_monthly_amount === undefined)
    return 'rally.config.json: dues has no tiers and no minimum_monthly_amount';
  return undefined;
}

export function stripeClient({ secretKey, apiBase }: StripeSettings): Stripe {
  const base = apiBase ? new URL(apiBase) : undefined;
  return new Stripe(secretKey!, {
    ...(base && {
      host: base.hostname,
      port: Number(base.port) || (base.protocol === 'https:' ? 443 : 80),
      protocol: base.protocol === 'https:' ? 'https' : 'http',
    }),
    // Each create carries an idempotency key, so a retry after a lost answer is safe.
    maxNetworkRetries: 1,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: 'Rally' },
  });
}
