/**
 * Schemas of the content staff write as MDX front matter. The sites build pages from these files
 * and the API serves the same files, so both validate with these schemas.
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
    /** Language the petition is written in. */
    lang: z.enum(locales),
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
    /** Language the event is held in. */
    lang: z.enum(locales),
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
  /** Photo path under the site's public images, with its alt text. */
  photo: z.object({
    src: z.string().min(1),
    alt: z.string().min(1, 'Describe the photo for people who cannot see it.'),
  }),
  /** A short pull quote in the member's words. */
  quote: z.string().min(1).max(280),
  /** Language the spotlight is written in. */
  lang: z.enum(locales),
  /** Publication date; newest first in feeds. */
  date: date,
});

export type PetitionContent = z.infer<typeof petitionContent>;
export type EventContent = z.infer<typeof eventContent>;
export type SpotlightContent = z.infer<typeof spotlightContent>;
