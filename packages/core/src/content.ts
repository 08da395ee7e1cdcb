/**
 * Schemas of the content staff write as MDX front matter. The sites build pages from these files
 * and the API serves the same files, so both validate with these schemas.
 *
 * Every file lives in a folder named for its language — `content/petitions/es/fair-wages.mdx` is the
 * Spanish text of the petition `fair-wages` — so no schema here asks for the language.
 */
import { z } from 'zod';
import { locales } from './locale.ts';
import { slug } from './people.ts';

const date = z.coerce.date();

/** A decision maker a petition is addressed to. */
export const petitionTarget = z.object({
  /** The person or body, e.g. "Louisiana Workforce Commission". */
  name: z.string().min(1),
  /** Their role, when the name alone does not say it. */
  title: z.string().optional(),
});

export const petitionContent = z
  .object({
    /** The petition's headline. */
    title: z.string().min(1).max(200),
    /** One or two sentences for previews and the widget's intro. */
    description: z.string().min(1).max(500),
    /** Who the petition is addressed to. */
    target: z.array(petitionTarget).min(1),
    /** Signatures the campaign is aiming for; shown as a goal bar. */
    goal: z.number().int().positive(),
    /** Region slug the petition belongs to, if any. */
    region: slug.optional(),
    /** Sector slug the petition belongs to, if any. */
    sector: slug.optional(),
    /** First moment signatures are accepted; open now when absent. */
    opens_at: date.optional(),
    /** Last moment signatures are accepted; open indefinitely when absent. */
    closes_at: date.optional(),
  })
  .refine((p) => !p.opens_at || !p.closes_at || p.opens_at < p.closes_at, {
    message: 'closes_at must be after opens_at.',
    path: ['closes_at'],
  });

/** Where an in-person event happens. */
export const eventLocation = z.object({
  /** Name of the place, e.g. "Union hall". */
  venue: z.string().min(1),
  /** Street address lines. */
  address_lines: z.array(z.string()).default([]),
  /** City or town. */
  locality: z.string().min(1),
  /** State or province. */
  region: z.string().optional(),
  /** Postal code. */
  postal_code: z.string().optional(),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const eventContent = z
  .object({
    /** The event's name. */
    title: z.string().min(1).max(200),
    /** One or two sentences for previews and the widget. */
    description: z.string().min(1).max(500),
    /** Start, with its UTC offset (2026-12-05T10:00:00-06:00). */
    start: date,
    /** End, with its UTC offset. */
    end: date,
    /** IANA time zone the event happens in (America/Chicago), for calendars and display. */
    timezone: z.string().refine(isTimeZone, 'Use an IANA time zone, like America/Chicago.'),
    /** Where it happens in person; at least this or online_url. */
    location: eventLocation.optional(),
    /** Link for joining online. */
    online_url: z.url().optional(),
    /** Places available; unlimited when absent. Past it, people join the waitlist. */
    capacity: z.number().int().positive().optional(),
    /** Language the event is held in, when it differs from the language of this file. */
    language: z.enum(locales).optional(),
    /** Region slug, if any. */
    region: slug.optional(),
    /** Sector slug, if any. */
    sector: slug.optional(),
  })
  .refine((e) => e.start < e.end, { message: 'end must be after start.', path: ['end'] })
  .refine((e) => e.location || e.online_url, {
    message: 'Give a location, an online_url, or both.',
    path: ['location'],
  });

export const spotlightContent = z.object({
  /** The member's or member organization's name as they want it shown. */
  name: z.string().min(1).max(120),
  /** Whether this spotlights one member or a member organization. */
  kind: z.enum(['member', 'organization']).default('member'),
  /** Region slug. */
  region: slug,
  /** Sector slug. */
  sector: slug,
  /** The photo: its file name in content/photos/, and what it shows. */
  photo: z.object({
    src: z
      .string()
      .regex(
        /^[\w-][\w.-]*\.(jpe?g|png|webp|avif)$/i,
        'Write the file name of a JPEG, PNG, WebP or AVIF photo in content/photos/, like maria.jpg.',
      ),
    alt: z.string().min(1, 'Describe the photo for people who cannot see it.'),
  }),
  /** A short pull quote in the member's words. */
  quote: z.string().min(1).max(280),
  /** Publication date; newest first in feeds. */
  date: date,
});

/**
 * The facts a piece of content's translations must agree on: a goal of 2,500 in English and 3,000
 * in Spanish is a mistake to fix, not to guess about. Text (titles, venues' names) may differ.
 */
export const sharedFacts = {
  petitions: ['goal', 'region', 'sector', 'opens_at', 'closes_at'],
  events: ['start', 'end', 'timezone', 'capacity', 'online_url', 'region', 'sector'],
  spotlights: ['kind', 'region', 'sector', 'date'],
  regions: ['url'],
  sectors: ['url'],
} as const;

/** The first shared fact two translations disagree on, if any. */
export function differingFact(
  facts: readonly string[],
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): string | undefined {
  return facts.find((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/** Slugs a region or sector cannot take: they name paths the sites already use. */
export const reservedSiteSlugs = [
  'en',
  'es',
  'embed',
  'accessibility',
  'widgets',
  'hub',
  'images',
] as const;

/** A region or a sector: each one gets its own microsite. */
export const micrositeContent = z.object({
  /** Its name, as in "Rally Louisiana" or "Domestic workers". */
  name: z.string().min(1).max(80),
  /** One sentence under the name, also used for search results and link previews. */
  tagline: z.string().min(1).max(200),
  /** Three or so short reasons to join, shown as a list on the home page. */
  why_join: z.array(z.string().min(1).max(200)).min(1).max(6),
  /** The microsite's own address (https://louisiana.example.org); built from the config when absent. */
  url: z
    .url()
    .refine(
      (value) => new URL(value).pathname === '/',
      'Write an address with no path, like https://louisiana.example.org.',
    )
    .optional(),
});

export type PetitionContent = z.infer<typeof petitionContent>;
export type EventContent = z.infer<typeof eventContent>;
export type SpotlightContent = z.infer<typeof spotlightContent>;
export type MicrositeContent = z.infer<typeof micrositeContent>;
