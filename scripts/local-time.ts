/**
 * Times as staff say them — "March 13, 9 a.m., in Chicago" — turned into the form content files
 * need, with the offset from UTC that the zone had on that day (−06:00 in winter, −05:00 in
 * summer), so nobody has to know which one applies.
 */

/** The zone's offset from UTC at a moment, like "-06:00". */
function offsetAt(zone: string, moment: number): string {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(moment)
    .find((part) => part.type === 'timeZoneName')!.value; // "GMT-06:00", or "GMT" for UTC itself
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

const minutesOf = (offset: string) =>
  (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));

/**
 * "2027-03-13 09:00" on the clocks of `zone`, as "2027-03-13T09:00:00-06:00"; undefined when the
 * text is not a day and a time. (The hour the clocks skip or repeat when they change, in the
 * night, gets one of the two offsets.)
 */
export function onTheClocksOf(zone: string, text: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [, day, hours, minutes] = match;
  const clock = `${hours!.padStart(2, '0')}:${minutes}`;
  const asIfUtc = Date.parse(`${day}T${clock}:00Z`);
  if (isNaN(asIfUtc) || Number(hours) > 23) return undefined;
  // The offset at that reading in UTC is right unless a change of offset lies between the two;
  // the offset an hour or so later, at the real moment, settles it.
  const first = offsetAt(zone, asIfUtc);
  const offset = offsetAt(zone, asIfUtc - minutesOf(first) * 60_000);
  return `${day}T${clock}:00${offset}`;
}
