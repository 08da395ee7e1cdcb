/** Event times read the same on the page as in the event widget below it, in every language. */
import { locales } from '@rally/core';
import { describe, expect, it } from 'vitest';
import { formatEventDate } from './dates.ts';

const winter = {
  start: new Date('2027-01-16T10:00:00-06:00'),
  end: new Date('2027-01-16T12:30:00-06:00'),
  timezone: 'America/Chicago',
};

describe('an event’s date and time', () => {
  it('names the time zone in words, in the page’s language, as the widget does', () => {
    expect(formatEventDate(winter, 'en')).toMatch(/\(Central Standard Time\)$/);
    expect(formatEventDate(winter, 'es')).toMatch(/\(hora estándar central\)$/);
  });

  it('says the zone the way the event widget says it (Intl, timeZoneName long)', () => {
    for (const lang of locales) {
      const widget = new Intl.DateTimeFormat(lang, {
        timeZone: winter.timezone,
        timeZoneName: 'long',
      })
        .formatToParts(winter.start)
        .find((part) => part.type === 'timeZoneName')!.value;
      expect(formatEventDate(winter, lang)).toContain(`(${widget})`);
      expect(formatEventDate(winter, lang)).not.toMatch(/GMT|CST/);
    }
  });

  it('follows the clocks: summer time in summer', () => {
    const summer = {
      ...winter,
      start: new Date('2027-07-10T10:00:00-05:00'),
      end: new Date('2027-07-10T12:00:00-05:00'),
    };
    expect(formatEventDate(summer, 'en')).toMatch(/\(Central Daylight Time\)$/);
    expect(formatEventDate(summer, 'es')).toMatch(/\(hora de verano central\)$/);
  });
});
