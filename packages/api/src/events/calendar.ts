/**
 * An event as an RFC 5545 iCalendar file. Times are written as the event's local wall-clock time
 * with its TZID, and the time zone's rules (VTIMEZONE) are included, so every calendar shows the
 * hour the organizers meant, across daylight-saving changes.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { EventRow } from './events.ts';

export function eventCalendar(
  event: EventRow,
  pageUrl: string | undefined,
  organization: string,
): string {
  const place = event.location
    ? [
        event.location.venue,
        ...event.location.address_lines,
        event.location.locality,
        event.location.region,
      ]
        .filter(Boolean)
        .join(', ')
    : event.online_url;
  const timezone = getVtimezoneComponent(event.timezone)?.trim();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Rally//${escapeText(organization)}//${event.lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(timezone ? timezone.split(/\r?\n/) : []),
    'BEGIN:VEVENT',
    `UID:${event.id}@rally`,
    `DTSTAMP:${utcStamp(event.updated_at)}`,
    // Without rules for the zone, UTC times are still exact.
    timezone
      ? `DTSTART;TZID=${event.timezone}:${localStamp(event.start_at, event.timezone)}`
      : `DTSTART:${utcStamp(event.start_at)}`,
    timezone
      ? `DTEND;TZID=${event.timezone}:${localStamp(event.end_at, event.timezone)}`
      : `DTEND:${utcStamp(event.end_at)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText([event.description, event.online_url].filter(Boolean).join('\n\n'))}`,
    ...(place ? [`LOCATION:${escapeText(place)}`] : []),
    ...(pageUrl ? [`URL:${pageUrl}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The wall-clock time in `timeZone`, as `YYYYMMDDTHHMMSS`. */
function localStamp(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Folds a line at 75 octets, never inside a multi-byte character (RFC 5545 §3.1). */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = pieces.length === 0 ? 75 : 74; // Continuation lines start with a space.
    if (octets + size > limit) {
      pieces.push(piece);
      piece = '';
      octets = 0;
    }
    piece += char;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join('\r\n ');
}
