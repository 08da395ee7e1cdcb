/** Dates as people read them: in the page's language and the event's own time zone. */
import type { EventContent } from '@rally/core';
import type { Locale } from './i18n.ts';

/**
 * "Saturday, January 16, 2027, 10:00 AM – 12:30 PM (Central Standard Time)", in the event's time
 * zone, worded as the event widget words it: short zone names are unknown in some languages
 * ("GMT-6" in Spanish), and a page that says it one way above a form that says it another leaves
 * readers wondering whether the two are the same time.
 */
export function formatEventDate(
  event: Pick<EventContent, 'start' | 'end' | 'timezone'>,
  lang: Locale,
) {
  return (
    new Intl.DateTimeFormat(lang, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: event.timezone,
    }).formatRange(event.start, event.end) + ` (${zoneName(event, lang)})`
  );
}

function zoneName(event: Pick<EventContent, 'start' | 'timezone'>, lang: Locale): string {
  return (
    new Intl.DateTimeFormat(lang, { timeZone: event.timezone, timeZoneName: 'long' })
      .formatToParts(event.start)
      .find((part) => part.type === 'timeZoneName')?.value ?? event.timezone
  );
}

/**
 * One formatter per language: making an `Intl.DateTimeFormat` costs far more than using one, and
 * every story card on every index page dates its story (1.3 s of a 30 s build of 1,000 stories).
 */
const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A publication date, like "November 12, 2026". */
export function formatDay(date: Date, lang: Locale): string {
  let format = dayFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    dayFormats.set(lang, format);
  }
  return format.format(date);
}
