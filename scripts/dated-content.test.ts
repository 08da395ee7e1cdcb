import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '@rally/content';
import { bringForward, copyDated } from './dated-content.ts';

const time = (value: Date | string | null | undefined) => new Date(value!).getTime();
const day = 24 * 60 * 60 * 1000;

describe('dated content for the end-to-end tests', () => {
  it('leaves every demo event to come and every petition open, whatever the day', async () => {
    const original = await readContent('content');
    for (const now of [new Date('2027-06-01T00:00:00Z'), new Date('2034-11-20T00:00:00Z')]) {
      const copy = join(mkdtempSync(join(tmpdir(), 'rally-dated-')), 'content');
      copyDated('content', copy, now);
      // Read as the API reads it, with its schemas: the moved files are still valid content.
      const dated = await readContent(copy);
      for (const [id, versions] of dated.events) {
        const [, before] = original.events.get(id)![0]!;
        for (const [, event] of versions) {
          expect(time(event.end)).toBeGreaterThan(now.getTime() + 29 * day);
          // The same length, weekday and hour.
          expect(time(event.end) - time(event.start)).toBe(time(before.end) - time(before.start));
          expect((time(event.start) - time(before.start)) % (7 * day)).toBe(0);
        }
      }
      for (const [, versions] of dated.petitions) {
        for (const [, petition] of versions) {
          if (petition.opens_at) expect(time(petition.opens_at)).toBeLessThan(now.getTime());
          if (petition.closes_at)
            expect(time(petition.closes_at)).toBeGreaterThan(now.getTime() + 29 * day);
        }
      }
      // Every other file is copied as it is.
      expect(readFileSync(join(copy, 'spotlights/en/marisol-reyes.mdx'), 'utf8')).toBe(
        readFileSync('content/spotlights/en/marisol-reyes.mdx', 'utf8'),
      );
    }
  });

  it('moves nothing that already lies ahead, and keeps each date’s offset and quotes', () => {
    const event = [
      '---',
      'title: Assembly',
      "start: '2026-03-13T09:00:00-06:00'",
      'end: 2026-03-13T17:00:00-06:00',
      '---',
      'Starts at 2026-03-13T09:00:00-06:00 sharp.',
    ].join('\n');
    expect(bringForward(event, 'events', new Date('2026-01-01T00:00:00Z'))).toBe(event);
    expect(bringForward(event, 'events', new Date('2026-03-01T00:00:00Z'))).toBe(
      [
        '---',
        'title: Assembly',
        "start: '2027-03-12T09:00:00-06:00'",
        'end: 2027-03-12T17:00:00-06:00',
        '---',
        // The body is the writer's: only the front matter's fields move.
        'Starts at 2026-03-13T09:00:00-06:00 sharp.',
      ].join('\n'),
    );
    const petition = 'opens_at: 2026-10-01T00:00:00Z\ncloses_at: 2026-11-30T23:59:00Z\n';
    expect(bringForward(petition, 'petitions', new Date('2027-01-10T00:00:00Z'))).toBe(
      'opens_at: 2026-10-01T00:00:00Z\ncloses_at: 2027-11-29T23:59:00Z\n',
    );
  });
});
