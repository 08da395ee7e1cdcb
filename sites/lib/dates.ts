/** Dates as people read them: in the page's language and the event's own time zone. */
import type { EventContent } from '@rally/core';
import type { Locale } from './i18n.ts';

/** "Saturday, January 16, 2027, 10:00 AM – 12:30 PM CST", in the event's time zone. */
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
    new Intl.DateTimeFormat(lang, { timeZone: event.timezone, timeZoneName: 'short' })
      .formatToParts(event.start)
      .find((part) => part.type === 'timeZoneName')?.value ?? event.timezone
  );
}

/** A publication date, like "November 12, 2026". */
export function formatDay(date: Date, lang: Locale): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
