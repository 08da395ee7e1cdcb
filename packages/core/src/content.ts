/**
 * Schemas of the content staff write as MDX front matter. The sites build pages from these files
 * and the API serves the same files, so both validate with these schemas.
 *
 * Every file lives in a folder named for its language — `content/petitions/es/fair-wages.mdx` is the
 * Spanish text of the petition `fair-wages` — so no schema here asks for the language.
 */
import { z } from 'zod';
import { contentWords, type ContentWords } from './content-words/index.ts';
import { locales } from './languages.ts';
import type { Locale } from './locale.ts';

/*
 * Staff read these messages when a build stops: it names the file and prints each mistake as
 * `field: message`; and under each field of the console's editor, in the console's language. So
 * each message says what to write there, with an example, rather than what a parser expected. Its
 * words are in content-words/, one file per language (`w` below); the rules are here, the same in
 * every language.
 */

/*
 * `.meta({ input })` tells a form generated from these schemas which input a field wants where its
 * type alone does not say (a day, a moment, a region, a photo); it changes no validation.
 */

/** The message for a field that is missing or not what `how` asks for ("Write …."). */
function needs(w: ContentWords, how: string) {
  return ({ input }: { input?: unknown }) => (input === undefined ? w.missing(how) : how);
}

/** Required text of at most `max` characters; `what` finishes "Write …". */
function text(w: ContentWords, what: string, max: number) {
  const how = needs(w, w.write(what));
  return z
    .string({
      // YAML reads `title: 2027` or `quote: true` as a number or a yes/no; quotes keep the words.
      error: ({ input }) =>
        typeof input === 'number' || typeof input === 'boolean'
          ? w.inQuotes(String(input))
          : how({ input }),
    })
    .trim()
    .min(1, w.empty(what))
    .max(max, { error: ({ input }) => w.tooLong(String(input).length, max) });
}

/** A whole number above zero; `what` finishes "Write …". */
function count(w: ContentWords, what: string) {
  const how = needs(w, w.write(what));
  return z
    .number({
      error: ({ input }) =>
        typeof input === 'string' && /^[\d,. ]+$/.test(input)
          ? w.digitsOnly(input.replace(/\D/g, ''))
          : how({ input }),
    })
    .int(w.wholeNumber)
    .positive(w.aboveZero);
}

/** A YAML list of `least` to `most` items; `what` says what the items are. */
function list<Item extends z.ZodType>(
  w: ContentWords,
  item: Item,
  what: string,
  least: number,
  most: number,
) {
  // Refinements, not .min() and .max(): those also measure a string written where the list goes.
  return z
    .array(item, { error: needs(w, w.list(what)) })
    .refine((items) => items.length >= least, w.listAtLeast(what, least))
    .refine((items) => items.length <= most, w.listAtMost(most));
}

/** A web address on http or https (a `javascript:` link in a page would run, not open). */
function webAddress(w: ContentWords, example: string) {
  return z.url({
    protocol: /^https?$/,
    abort: true,
    error: needs(w, w.webAddress(example)),
  });
}

/** A date the front matter gives as text, or as a date the sites' YAML reader already made of it. */
function dateFrom(w: ContentWords, textIsValid: (text: string) => boolean, how: string) {
  return z
    .custom<Date | string>(
      (value) =>
        value instanceof Date
          ? !isNaN(value.getTime())
          : typeof value === 'string' && textIsValid(value.trim()),
      { error: needs(w, how) },
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
const moment = (w: ContentWords, example: string) =>
  dateFrom(
    w,
    (text) => withOffset.test(text) && onTheCalendar(text) && !isNaN(Date.parse(text)),
    w.moment(example),
  ).meta({ input: 'moment' });

/** A calendar day, like a story's publication date. */
const day = (w: ContentWords, example: string) =>
  dateFrom(
    w,
    (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && onTheCalendar(text),
    w.day(example),
  ).meta({ input: 'day' });

/** The file name of a region or a sector in content/regions/ or content/sectors/. */
function siteSlug(w: ContentWords, kind: 'region' | 'sector', example: string) {
  return z
    .string({ error: needs(w, w.siteName(kind, example)) })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, w.siteNameLetters(kind, example))
    .meta({ input: kind });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every schema, its messages worded with `w`: what `contentSchemas` builds once per language. */
function schemasIn(w: ContentWords) {
  /** A decision maker a petition is addressed to. */
  const petitionTarget = z.object(
    {
      /** The person or body, e.g. "Louisiana Workforce Commission". */
      name: text(w, w.target.name, 200),
      /** Their role, when the name alone does not say it. */
      title: text(w, w.target.title, 200).optional(),
    },
    { error: w.target.notAnItem },
  );

  const petitionContent = z
    .object({
      /** The petition's headline. */
      title: text(w, w.petition.title, 200),
      /** One or two sentences for previews and the widget's intro. */
      description: text(w, w.petition.description, 500),
      /** Who the petition is addressed to. */
      target: list(w, petitionTarget, w.petition.target, 1, 10),
      /** Signatures the campaign is aiming for; shown as a goal bar. */
      goal: count(w, w.petition.goal),
      /** Region slug the petition belongs to, if any. */
      region: siteSlug(w, 'region', 'louisiana').optional(),
      /** Sector slug the petition belongs to, if any. */
      sector: siteSlug(w, 'sector', 'education').optional(),
      /** First moment signatures are accepted; open now when absent. */
      opens_at: moment(w, '2027-01-04T08:00:00-06:00').optional(),
      /** Last moment signatures are accepted; open indefinitely when absent. */
      closes_at: moment(w, '2027-01-31T23:59:00-06:00').optional(),
    })
    .refine((p) => !p.opens_at || !p.closes_at || p.opens_at < p.closes_at, {
      message: w.petition.closesAfterOpens,
      path: ['closes_at'],
    });

  /** Where an in-person event happens. */
  const eventLocation = z.object(
    {
      /** Name of the place, e.g. "Union hall". */
      venue: text(w, w.place.venue, 200),
      /** Street address lines. */
      address_lines: list(w, text(w, w.place.addressLine, 200), w.place.addressLines, 0, 4).default(
        [],
      ),
      /** City or town. */
      locality: text(w, w.place.locality, 100),
      /** State or province. */
      region: text(w, w.place.region, 100).optional(),
      /** Postal code. */
      postal_code: text(w, w.place.postalCode, 20).optional(),
    },
    { error: w.place.notIndented },
  );

  const eventContent = z
    .object({
      /** The event's name. */
      title: text(w, w.event.title, 200),
      /** One or two sentences for previews and the widget. */
      description: text(w, w.event.description, 500),
      /** Start, with its UTC offset (2026-12-05T10:00:00-06:00). */
      start: moment(w, '2027-03-13T09:00:00-06:00'),
      /** End, with its UTC offset. */
      end: moment(w, '2027-03-13T12:00:00-06:00'),
      /** IANA time zone the event happens in (America/Chicago), for calendars and display. */
      timezone: z
        .string({ error: needs(w, w.event.timezone) })
        .refine(isTimeZone, w.event.timezoneUnknown),
      /** Where it happens in person; at least this or online_url. */
      location: eventLocation.optional(),
      /** Link for joining online. */
      online_url: webAddress(w, 'https://meet.example.org/assembly').optional(),
      /** Places available; unlimited when absent. Past it, people join the waitlist. */
      capacity: count(w, w.event.capacity).optional(),
      /** Language the event is held in, when it differs from the language of this file. */
      language: z.enum(locales, { error: w.event.language(locales.join(', ')) }).optional(),
      /** Region slug, if any. */
      region: siteSlug(w, 'region', 'louisiana').optional(),
      /** Sector slug, if any. */
      sector: siteSlug(w, 'sector', 'education').optional(),
    })
    .refine((e) => e.start < e.end, { message: w.event.endAfterStart, path: ['end'] })
    .refine((e) => e.location || e.online_url, {
      message: w.event.placeOrLink,
      path: ['location'],
    });

  const spotlightContent = z.object({
    /** The member's or member organization's name as they want it shown. */
    name: text(w, w.spotlight.name, 120),
    /** Whether this spotlights one member or a member organization. */
    kind: z.enum(['member', 'organization'], { error: w.spotlight.kind }).default('member'),
    /** Region slug. */
    region: siteSlug(w, 'region', 'louisiana'),
    /** Sector slug. */
    sector: siteSlug(w, 'sector', 'education'),
    /** The photo: its file name in content/photos/, and what it shows. */
    photo: z
      .object(
        {
          src: z
            .string({ error: needs(w, w.spotlight.photoFile) })
            .regex(/^[\w-][\w.-]*\.(jpe?g|png|webp|avif)$/i, w.spotlight.photoKind),
          alt: text(w, w.spotlight.photoAlt, 300),
        },
        { error: needs(w, w.spotlight.photo) },
      )
      .meta({ input: 'photo' }),
    /** A short pull quote in the member's words. */
    quote: text(w, w.spotlight.quote, 280),
    /** Publication date; newest first in feeds. */
    date: day(w, '2026-11-21'),
  });

  /** A region or a sector: each one gets its own microsite. */
  const micrositeContent = z.object({
    /** Its name, as in "Rally Louisiana" or "Domestic workers". */
    name: text(w, w.microsite.name, 80),
    /** One sentence under the name, also used for search results and link previews. */
    tagline: text(w, w.microsite.tagline, 200),
    /** Three or so short reasons to join, shown as a list on the home page. */
    why_join: list(w, text(w, w.microsite.reason, 200), w.microsite.reasons, 1, 6),
    /** The microsite's own address (https://louisiana.example.org); built from the config when absent. */
    url: webAddress(w, 'https://louisiana.example.org')
      .refine((value) => new URL(value).pathname === '/', w.microsite.addressWithoutPath)
      .optional(),
  });

  /** One of the organization's own pages, such as "About us" or the accessibility statement. */
  const pageContent = z.object({
    /** The page's title, shown as its heading and in the browser tab. */
    title: text(w, w.page.title, 120),
    /** One or two sentences for search results and link previews. */
    description: text(w, w.page.description, 300),
  });

  return {
    petitions: petitionContent,
    events: eventContent,
    spotlights: spotlightContent,
    regions: micrositeContent,
    sectors: micrositeContent,
    pages: pageContent,
    petitionTarget,
    eventLocation,
  };
}

/** Each collection's schema (and the two parts of them a form or script reads on their own). */
export type ContentSchemas = ReturnType<typeof schemasIn>;

const built: Partial<Record<Locale, ContentSchemas>> = {};

/**
 * The schemas, their messages in `lang`: the console's editor checks with the console's
 * language, the API with the staff member's. The same rules in every language; built once each.
 */
export function contentSchemas(lang: Locale): ContentSchemas {
  return (built[lang] ??= schemasIn(contentWords[lang]));
}

/*
 * The schemas in English, as the sites' build, `pnpm new`, the API's reader and the scripts check
 * with: they print to developers' terminals, which read English.
 */
const english = contentSchemas('en');

/** A decision maker a petition is addressed to. */
export const petitionTarget = english.petitionTarget;
export const petitionContent = english.petitions;
/** Where an in-person event happens. */
export const eventLocation = english.eventLocation;
export const eventContent = english.events;
export const spotlightContent = english.spotlights;
/** A region or a sector: each one gets its own microsite. */
export const micrositeContent = english.regions;
/** One of the organization's own pages, such as "About us" or the accessibility statement. */
export const pageContent = english.pages;

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
  // An organization's own page shares nothing but its name: each language says it its own way.
  pages: [],
} as const;

/**
 * The organization's own pages, in content/pages/: the hub's home page, and the about page, the
 * accessibility statement and the privacy notice every site has. The sites have a route for each
 * and none for another, so these can be edited but not added to or taken off.
 */
export const organizationPages = ['home', 'about', 'accessibility', 'privacy'] as const;

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

export type PetitionContent = z.infer<typeof petitionContent>;
export type EventContent = z.infer<typeof eventContent>;
export type SpotlightContent = z.infer<typeof spotlightContent>;
export type MicrositeContent = z.infer<typeof micrositeContent>;
