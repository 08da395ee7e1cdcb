/**
 * Schemas of the content staff write as MDX front matter. The sites build pages from these files
 * and the API serves the same files, so both validate with these schemas.
 *
 * Every file lives in a folder named for its language — `content/petitions/es/fair-wages.mdx` is the
 * Spanish text of the petition `fair-wages` — so no schema here asks for the language.
 */
import { z } from 'zod';
import { locales } from './languages.ts';

/*
 * Staff read these messages when a build stops: it names the file and prints each mistake as
 * `field: message`, so each message says what to write there, with an example, rather than what
 * a parser expected.
 */

/*
 * `.meta({ input })` tells a form generated from these schemas which input a field wants where its
 * type alone does not say (a day, a moment, a region, a photo); it changes no validation.
 */

/** The message for a field that is missing or not what `how` asks for ("Write …."). */
function needs(how: string) {
  return ({ input }: { input?: unknown }) =>
    input === undefined ? `Missing; ${how.charAt(0).toLowerCase()}${how.slice(1)}` : how;
}

/** Required text of at most `max` characters; `what` finishes "Write …". */
function text(what: string, max: number) {
  const how = needs(`Write ${what}.`);
  return z
    .string({
      // YAML reads `title: 2027` or `quote: true` as a number or a yes/no; quotes keep the words.
      error: ({ input }) =>
        typeof input === 'number' || typeof input === 'boolean'
          ? `Put it in quotes, like "${String(input)}", so it is read as text.`
          : how({ input }),
    })
    .trim()
    .min(1, `Empty; write ${what}.`)
    .max(max, {
      error: ({ input }) =>
        `Too long: ${String(input).length} characters, and the most is ${max}. Shorten it.`,
    });
}

/** A whole number above zero; `what` finishes "Write …". */
function count(what: string) {
  const how = needs(`Write ${what}.`);
  return z
    .number({
      error: ({ input }) =>
        typeof input === 'string' && /^[\d,. ]+$/.test(input)
          ? `Write the number with digits only, like ${input.replace(/\D/g, '')}.`
          : how({ input }),
    })
    .int('Write a whole number, like 2500.')
    .positive('Write a number above 0.');
}

/** A YAML list of `least` to `most` items; `what` says what the items are. */
function list<Item extends z.ZodType>(item: Item, what: string, least: number, most: number) {
  const how = `List ${what}, each on its own line starting with "- "`;
  // Refinements, not .min() and .max(): those also measure a string written where the list goes.
  return z
    .array(item, { error: needs(`${how}.`) })
    .refine((items) => items.length >= least, `${how}; at least ${least}.`)
    .refine((items) => items.length <= most, `Keep it to ${most} at most.`);
}

/** A web address on http or https (a `javascript:` link in a page would run, not open). */
function webAddress(example: string) {
  return z.url({
    protocol: /^https?$/,
    abort: true,
    error: needs(`Write the whole address, starting with https://, like ${example}.`),
  });
}

/** A date the front matter gives as text, or as a date the sites' YAML reader already made of it. */
function dateFrom(textIsValid: (text: string) => boolean, how: string) {
  return z
    .custom<Date | string>(
      (value) =>
        value instanceof Date
          ? !isNaN(value.getTime())
          : typeof value === 'string' && textIsValid(value.trim()),
      { error: needs(how) },
    )
    .transform((value) => new Date(value));
}

/** Whether text starting "2027-02-30" names a day the calendar has (JavaScript makes it 2 March). */
function onTheCalendar(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A moment, like an event's start, with its offset from UTC (2027-03-13T09:00:00-06:00). Without
 * one, a time means 9 a.m. wherever the computer reading it is set, so the sites and the API could
 * disagree by hours. The sites' YAML reader hands over dates, not text, so this check needs the
 * API's reader, which reads text; the build runs it too.
 */
const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const moment = (example: string) =>
  dateFrom(
    (text) => withOffset.test(text) && onTheCalendar(text) && !isNaN(Date.parse(text)),
    `Write the date and time with its offset from UTC, like ${example}.`,
  ).meta({ input: 'moment' });

/** A calendar day, like a story's publication date. */
const day = (example: string) =>
  dateFrom(
    (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && onTheCalendar(text),
    `Write the day as year-month-day, like ${example}.`,
  ).meta({ input: 'day' });

/** The file name of a region or a sector in content/regions/ or content/sectors/. */
function siteSlug(kind: 'region' | 'sector', example: string) {
  return z
    .string({ error: needs(`Write the ${kind}'s file name without .mdx, like ${example}.`) })
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,62}$/,
      `Write the ${kind}'s file name without .mdx: lower-case letters, digits and dashes, like ${example}.`,
    )
    .meta({ input: kind });
}

/** A decision maker a petition is addressed to. */
export const petitionTarget = z.object(
  {
    /** The person or body, e.g. "Louisiana Workforce Commission". */
    name: text('who it is addressed to, like Louisiana Workforce Commission', 200),
    /** Their role, when the name alone does not say it. */
    title: text('their role, like Secretary of Labor', 200).optional(),
  },
  { error: 'Write each one as "- name: …", like - name: Louisiana Workforce Commission.' },
);

export const petitionContent = z
  .object({
    /** The petition's headline. */
    title: text('the headline, like Water, shade and rest', 200),
    /** One or two sentences for previews and the widget's intro. */
    description: text('one or two sentences that say what it asks for', 500),
    /** Who the petition is addressed to. */
    target: list(petitionTarget, 'who it is addressed to', 1, 10),
    /** Signatures the campaign is aiming for; shown as a goal bar. */
    goal: count('how many signatures you are aiming for, like 2500'),
    /** Region slug the petition belongs to, if any. */
    region: siteSlug('region', 'louisiana').optional(),
    /** Sector slug the petition belongs to, if any. */
    sector: siteSlug('sector', 'education').optional(),
    /** First moment signatures are accepted; open now when absent. */
    opens_at: moment('2027-01-04T08:00:00-06:00').optional(),
    /** Last moment signatures are accepted; open indefinitely when absent. */
    closes_at: moment('2027-01-31T23:59:00-06:00').optional(),
  })
  .refine((p) => !p.opens_at || !p.closes_at || p.opens_at < p.closes_at, {
    message: 'closes_at must be after opens_at.',
    path: ['closes_at'],
  });

/** Where an in-person event happens. */
export const eventLocation = z.object(
  {
    /** Name of the place, e.g. "Union hall". */
    venue: text('the name of the place, like Union hall', 200),
    /** Street address lines. */
    address_lines: list(
      text('a line of the address', 200),
      'the lines of the street address',
      0,
      4,
    ).default([]),
    /** City or town. */
    locality: text('the city or town, like New Orleans', 100),
    /** State or province. */
    region: text('the state, like LA', 100).optional(),
    /** Postal code. */
    postal_code: text('the postal code, like 70112', 20).optional(),
  },
  { error: 'Write the place as indented lines: venue:, address_lines: and locality:.' },
);

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
    title: text("the event's name, like Home care workers' meeting", 200),
    /** One or two sentences for previews and the widget. */
    description: text('one or two sentences that say what happens there', 500),
    /** Start, with its UTC offset (2026-12-05T10:00:00-06:00). */
    start: moment('2027-03-13T09:00:00-06:00'),
    /** End, with its UTC offset. */
    end: moment('2027-03-13T12:00:00-06:00'),
    /** IANA time zone the event happens in (America/Chicago), for calendars and display. */
    timezone: z
      .string({ error: needs('Write the time zone it happens in, like America/Chicago.') })
      .refine(isTimeZone, 'Write a time zone from the IANA list, like America/Chicago.'),
    /** Where it happens in person; at least this or online_url. */
    location: eventLocation.optional(),
    /** Link for joining online. */
    online_url: webAddress('https://meet.example.org/assembly').optional(),
    /** Places available; unlimited when absent. Past it, people join the waitlist. */
    capacity: count('how many people can come, like 60').optional(),
    /** Language the event is held in, when it differs from the language of this file. */
    language: z.enum(locales, { error: `Write one of ${locales.join(', ')}.` }).optional(),
    /** Region slug, if any. */
    region: siteSlug('region', 'louisiana').optional(),
    /** Sector slug, if any. */
    sector: siteSlug('sector', 'education').optional(),
  })
  .refine((e) => e.start < e.end, { message: 'end must be after start.', path: ['end'] })
  .refine((e) => e.location || e.online_url, {
    message: 'Give a location, an online_url, or both.',
    path: ['location'],
  });

export const spotlightContent = z.object({
  /** The member's or member organization's name as they want it shown. */
  name: text('their name as they want it shown, like Marisol Reyes', 120),
  /** Whether this spotlights one member or a member organization. */
  kind: z
    .enum(['member', 'organization'], { error: 'Write member or organization.' })
    .default('member'),
  /** Region slug. */
  region: siteSlug('region', 'louisiana'),
  /** Sector slug. */
  sector: siteSlug('sector', 'education'),
  /** The photo: its file name in content/photos/, and what it shows. */
  photo: z
    .object(
      {
        src: z
          .string({
            error: needs('Write the file name of the photo in content/photos/, like maria.jpg.'),
          })
          .regex(
            /^[\w-][\w.-]*\.(jpe?g|png|webp|avif)$/i,
            'Write the file name of a JPEG, PNG, WebP or AVIF photo in content/photos/, like maria.jpg.',
          ),
        alt: text('what the photo shows, for people who cannot see it', 300),
      },
      {
        error: needs(
          'Write the photo as two indented lines, src: (its file name) and alt: (what it shows).',
        ),
      },
    )
    .meta({ input: 'photo' }),
  /** A short pull quote in the member's words. */
  quote: text('a short quote in their own words', 280),
  /** Publication date; newest first in feeds. */
  date: day('2026-11-21'),
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
  ...locales,
  'embed',
  'accessibility',
  'widgets',
  'hub',
  'images',
] as const;

/** A region or a sector: each one gets its own microsite. */
export const micrositeContent = z.object({
  /** Its name, as in "Rally Louisiana" or "Domestic workers". */
  name: text('its name, like Louisiana', 80),
  /** One sentence under the name, also used for search results and link previews. */
  tagline: text('one sentence to show under the name', 200),
  /** Three or so short reasons to join, shown as a list on the home page. */
  why_join: list(text('a short reason to join', 200), 'reasons to join', 1, 6),
  /** The microsite's own address (https://louisiana.example.org); built from the config when absent. */
  url: webAddress('https://louisiana.example.org')
    .refine(
      (value) => new URL(value).pathname === '/',
      'Write an address with no path, like https://louisiana.example.org.',
    )
    .optional(),
});

/** One of the organization's own pages, such as "About us" or the accessibility statement. */
export const pageContent = z.object({
  /** The page's title, shown as its heading and in the browser tab. */
  title: text('the title, like About us', 120),
  /** One or two sentences for search results and link previews. */
  description: text('one or two sentences for search results and link previews', 300),
});

export type PetitionContent = z.infer<typeof petitionContent>;
export type EventContent = z.infer<typeof eventContent>;
export type SpotlightContent = z.infer<typeof spotlightContent>;
export type MicrositeContent = z.infer<typeof micrositeContent>;
