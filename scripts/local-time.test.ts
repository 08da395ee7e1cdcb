import { describe, expect, it } from 'vitest';
import { onTheClocksOf } from './local-time.ts';

describe('a time on the clocks of a zone', () => {
  it('gets the offset the zone has on that day, winter or summer', () => {
    expect(onTheClocksOf('America/Chicago', '2027-03-13 09:00')).toBe('2027-03-13T09:00:00-06:00');
    expect(onTheClocksOf('America/Chicago', '2027-03-15 9:30')).toBe('2027-03-15T09:30:00-05:00');
    expect(onTheClocksOf('America/New_York', '2027-07-04T18:00')).toBe('2027-07-04T18:00:00-04:00');
    expect(onTheClocksOf('Asia/Kolkata', '2027-01-10 10:00')).toBe('2027-01-10T10:00:00+05:30');
    expect(onTheClocksOf('UTC', '2027-01-10 10:00')).toBe('2027-01-10T10:00:00+00:00');
  });

  it('reads the day the clocks change by the offset in force at that hour', () => {
    // Chicago moves from −06:00 to −05:00 at 2 a.m. on 14 March 2027.
    expect(onTheClocksOf('America/Chicago', '2027-03-14 01:00')).toBe('2027-03-14T01:00:00-06:00');
    expect(onTheClocksOf('America/Chicago', '2027-03-14 10:00')).toBe('2027-03-14T10:00:00-05:00');
  });

  it('is nothing for text that is not a day and a time', () => {
    for (const text of ['noon', '2027-03-13', '2027-13-01 09:00', '2027-03-13 25:00', '9:00'])
      expect(onTheClocksOf('America/Chicago', text)).toBeUndefined();
  });
});
