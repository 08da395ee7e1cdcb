/** Dues through Stripe: what a member may choose, what the widget sends, and what it gets back. */
import { z } from 'zod';
import { duesIntervals } from './dues-intervals.ts';
import { personInput, slug, submissionFields } from './people.ts';

/** Stripe's largest charge, in the currency's smallest unit. */
const largestAmount = 99_999_999;

/** `GET /api/v1/dues`: the choices the dues widget offers, in the language asked for. */
export const duesOptions = z.object({
  /** Whether dues can be paid now; when not, `unavailable_reason` says why, for staff. */
  available: z.boolean(),
  unavailable_reason: z.string().optional(),
  /** ISO 4217 code, lower case. */
  currency: z.string(),
  intervals: z.array(z.enum(duesIntervals)),
  tiers: z.array(
    z.object({
      id: z.string(),
      /** Dues per month, in the currency's smallest unit. */
      monthly_amount: z.number().int(),
      label: z.string(),
    }),
  ),
  /** Lowest monthly dues a member may choose; null when only the tiers are offered. */
  minimum_monthly_amount: z.number().int().nullable(),
  /** Where members sign in to manage their dues later; null when not configured. */
  portal_login_url: z.string().nullable(),
  /** Stripe's publishable key, for Stripe.js in the browser. */
  publishable_key: z.string().nullable(),
});

/** `POST /api/v1/dues/checkouts`: a member's choice, and who they are. */
export const duesCheckoutSubmission = z.object({
  person: personInput,
  /** The tier chosen; leave out when the member chose their own amount. */
  tier: slug.optional(),
  /** What each payment charges, in the currency's smallest unit: a month's, a year's, or a year's at once. */
  amount: z
    .number()
    .int('Give the amount in the smallest unit of the currency, like 1500 for $15.00.')
    .positive()
    .max(largestAmount),
  /** How often the member pays. */
  interval: z.enum(duesIntervals),
  ...submissionFields,
});

/** The API's answer to a checkout: what Stripe.js needs to show the payment form. */
export const duesCheckoutReceipt = z.object({
  identifiers: z.array(z.string()),
  /** The Stripe Checkout Session, whose status the widget asks after. */
  checkout_session: z.string(),
  /** Stripe's client secret for Embedded Checkout. */
  client_secret: z.string(),
  _links: z.object({ self: z.object({ href: z.url() }) }),
});

/** `GET /api/v1/dues/checkouts/:id`: whether Stripe confirmed the payment yet. */
export const duesCheckoutStatus = z.object({
  /** `waiting` until a verified webhook confirms the payment, then `confirmed`. */
  status: z.enum(['waiting', 'confirmed']),
});

export type DuesOptions = z.infer<typeof duesOptions>;
export type DuesCheckoutSubmission = z.infer<typeof duesCheckoutSubmission>;
export type DuesCheckoutReceipt = z.infer<typeof duesCheckoutReceipt>;
export type DuesCheckoutStatus = z.infer<typeof duesCheckoutStatus>;
