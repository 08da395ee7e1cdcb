/** The organization's settings file (`rally.config.json`), read by the API and the sites. */
import { z } from 'zod';
import { languageList, locales } from './languages.ts';
import { slug } from './people.ts';
import { duesIntervals } from './dues-intervals.ts';

const origin = z.url().refine((value) => new URL(value).origin === value, {
  message: 'Write an origin only: scheme, host and port, no path or trailing slash.',
});

const rateLimit = z.object({
  /** Writes allowed in one window. */
  max: z.number().int().positive(),
  /** Length of the window in seconds. */
  window_seconds: z.number().int().positive(),
});

/** A number of members wanted: a whole number, at least one. */
const memberGoal = z
  .number()
  .int('Write a whole number of members, like 400.')
  .min(1, 'Write a whole number of members, like 400.');

/** A share of members, written as a fraction: 0.5 is half. */
const share = z
  .number()
  .min(0, 'Write a share from 0 to 1, like 0.5 for half.')
  .max(1, 'Write a share from 0 to 1, like 0.5 for half.');

/** Members wanted by region or sector, keyed by its slug. */
const memberGoals = (kind: 'region' | 'sector') =>
  z
    .record(slug, memberGoal, {
      error: (issue) =>
        issue.code === 'invalid_key'
          ? `Write the ${kind}'s slug, in lower-case letters, digits and hyphens, as its content file is named.`
          : undefined,
    })
    .default({});

/** How many of something make an activist: a whole number, at least one. */
const threshold = z
  .number()
  .int('Write a whole number, like 3.')
  .min(1, 'Write a whole number, like 3.')
  .max(1000, 'Use at most 1000.');

/** A window of days, up to ten years. */
const windowDays = z
  .number()
  .int('Write a whole number of days, like 90.')
  .min(1, 'Write a whole number of days, like 90.')
  .max(3650, 'Use at most 3650 days.');

export const rallyConfig = z.object({
  /** The organization's name, as shown to people. */
  organization: z.object({ name: z.string().min(1) }),
  /** Where the generated sites and the API are published. */
  sites: z
    .object({
      /** Address of the hub site that links every microsite. */
      hub_url: z.url().default('http://localhost:4321'),
      /** Address of each microsite, with {site} standing for its slug; a region or sector file may give its own. */
      microsite_url: z
        .string()
        .refine(
          (value) => value.includes('{site}'),
          'Put {site} where the slug goes, like https://{site}.example.org.',
        )
        .default('http://{site}.localhost:4321'),
      /** Address of the Rally API the widgets on every site post to. */
      api_url: z.url().default('http://localhost:8787'),
      /** Member stories on each page of a microsite's story index; more make further pages. */
      spotlights_per_page: z.number().int().min(1).max(200).default(24),
    })
    .prefault({}),
  /** Other origins of the organization's own sites that may write to the API; the hub and the microsites need not be listed. */
  site_origins: z.array(origin).default([]),
  /** Partner organizations that embed the widgets, credited by their source code. */
  partners: z
    .array(
      z.object({
        /** Source code credited for every submission from this partner. */
        source: slug,
        /** The partner's name, for reports. */
        name: z.string().min(1),
        /** Origins of the partner's pages. */
        origins: z.array(origin).min(1),
      }),
    )
    .default([]),
  /**
   * The languages Rally is built in, the default first: the one list (languages.ts reads it from
   * the project's file); another file, named by RALLY_CONFIG, takes that list when it gives none.
   */
  languages: languageList.default([...locales]),
  /** Abuse controls for public writes. */
  abuse: z
    .object({
      /** Per client IP. Generous: a crowd at a rally can share one public IP. */
      per_ip: rateLimit.default({ max: 3000, window_seconds: 600 }),
      /** Per email address. */
      per_email: rateLimit.default({ max: 30, window_seconds: 600 }),
      /**
       * How much work a widget's browser does before each submission: the puzzle's answer is a
       * counter up to this many SHA-256 hashes away (a tenth of it at least). 5,000 takes a phone
       * about half a second, spent while the person presses the button.
       */
      proof_of_work: z
        .object({ max_counter: z.number().int().min(1).max(1_000_000).default(5000) })
        .prefault({}),
    })
    .prefault({}),
  /** Dues: what members may pay, and how often. Amounts are in the currency's smallest unit (cents). */
  dues: z
    .object({
      /** ISO 4217 currency, lower-case as Stripe writes it. */
      currency: z
        .string()
        .regex(/^[a-z]{3}$/, 'Write a three-letter currency code in lower case, like usd.')
        .default('usd'),
      /** Schedules offered, in this order: `month`, `year`, `one_time` (a year's dues at once, not renewed). */
      intervals: z
        .array(z.enum(duesIntervals))
        .min(1)
        .refine((list) => new Set(list).size === list.length, 'List each schedule once.')
        .default(['month', 'year', 'one_time']),
      /** The sliding scale: one tier per income band, each with its monthly dues. */
      tiers: z
        .array(
          z.object({
            /** A short code for the tier, recorded with each payment. */
            id: slug,
            /** Dues per month; a year costs twelve times this. */
            monthly_amount: z.number().int().positive(),
            /** What the tier is, per language (`{"en": "Income under $25,000 a year"}`). */
            label: z.partialRecord(z.enum(locales), z.string().trim().min(1).max(120)),
          }),
        )
        .refine(
          (tiers) => new Set(tiers.map((tier) => tier.id)).size === tiers.length,
          'Give each tier its own id.',
        )
        .default([]),
      /**
       * Lowest monthly dues a member may choose for themselves; leave out to offer the tiers only.
       * With neither tiers nor this, dues are off.
       */
      minimum_monthly_amount: z.number().int().positive().optional(),
      /** Stripe's customer-portal sign-in link, where members manage their dues by email later. */
      portal_login_url: z.url().optional(),
    })
    .prefault({}),
  /** Staff sessions in the console (docs/api.md, "Staff authentication"). */
  staff: z
    .object({
      /** Hours a session lasts unused; each use pushes the end forward. */
      session_idle_hours: z.number().positive().max(168).default(12),
      /** Days a session lasts at most, however much it is used. */
      session_max_days: z.number().positive().max(90).default(7),
    })
    .prefault({}),
  /**
   * What the staff dashboard measures the plan against: members wanted per region and per sector,
   * and the shares of members taking part and being activists.
   */
  goals: z
    .object({
      members: z
        .object({
          /** Members wanted in each region, by its slug (`{"louisiana": 400}`). */
          regions: memberGoals('region'),
          /** Members wanted in each sector, by its slug (`{"education": 300}`). */
          sectors: memberGoals('sector'),
        })
        .prefault({}),
      /** Share of members who took any action in the participation window: 0.5 is half. */
      participation: share.default(0.5),
      /** Share of members who are activists: 0.1 is one in ten. */
      activists: share.default(0.1),
    })
    .prefault({}),
  /** The window of days "took any action" looks back over, on the dashboard. */
  participation: z.object({ days: windowDays.default(90) }).prefault({}),
  /** Who counts as an activist: this many actions, or this many events attended, within `days`. */
  activists: z
    .object({
      /** Signatures and RSVPs within the window. */
      actions: threshold.default(3),
      /** Events attended (checked in at the door) within the window. */
      events_attended: threshold.default(1),
      days: windowDays.default(90),
    })
    .prefault({}),
});

export type RallyConfig = z.infer<typeof rallyConfig>;

/** A microsite's address: its own when its region or sector file gives one, else the pattern's. */
export function micrositeAddress(pattern: string, slug: string, own?: string): URL {
  return new URL(own ?? pattern.replace('{site}', slug));
}
