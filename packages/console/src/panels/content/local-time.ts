/**
 * An event's times as people there read a clock (`2027-03-13T09:00` in a date-and-time input) and
 * as the content files keep them, with the offset from UTC that applies on that day in the event's
 * time zone (`2027-03-13T09:00:00-06:00`), as `pnpm new event` writes them: without it a time
 * would mean a different hour to each computer that reads it.
 */

const withOffset = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The clock time a stored moment shows (what a date-and-time input holds), or ''. */
export function clockTime(value: unknown): string {
  if (typeof value !== 'string') return '';
  return withOffset.exec(value.trim())?.[1] ?? '';
}

/** The offset a stored moment carries (`-06:00`), if it has one. */
export function offsetOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const offset = withOffset.exec(value.trim())?.[4];
  return offset === 'Z' ? '+00:00' : offset;
}

/** Whether the browser knows the time zone. */
export function knownZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes the zone's clocks are ahead of UTC at the instant `utc` (milliseconds). */
function zoneOffsetAt(utc: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utc));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((each) => each.type === type)?.value);
  const asIfUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
  );
  return Math.round((asIfUtc - Math.floor(utc / 60_000) * 60_000) / 60_000);
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `+HH:MM` for minutes ahead of UTC. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const whole = Math.abs(minutes);
  return `${sign}${twoDigits(Math.floor(whole / 60))}:${twoDigits(whole % 60)}`;
}

/** The offset the zone's clocks have at that clock time there (`2027-03-13T09:00`). */
export function offsetIn(clock: string, zone: string): string {
  const [date, time] = clock.split('T') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Twice: the first guess may fall on the other side of a change of the clocks.
  let offset = zoneOffsetAt(asIfUtc, zone);
  offset = zoneOffsetAt(asIfUtc - offset * 60_000, zone);
  return offsetText(offset);
}

/**
 * The moment to store for a clock time: with the offset of `zone` that day when the zone is known,
 * else with the offset the value had before; without either, the clock time alone, which the
 * schema then asks to complete.
 */
export function momentFor(clock: string, zone: unknown, before: unknown): string | undefined {
  if (!clock) return undefined;
  const offset = knownZone(zone) ? offsetIn(clock, zone) : offsetOf(before);
  return offset ? `${clock}:00${offset}` : clock;
}

/** The browser's own time zone, for moments of content that names none (a petition's dates). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
