/**
 * Copies content/ to another folder with the demo's dates brought forward, so that on whatever day
 * the end-to-end tests run, every demo event is still to come and every petition still open: the
 * tests RSVP and sign, and the dates in the files do not move. Each date moves by whole 52-week
 * steps, which keep its weekday, its hour and its offset from UTC; a petition keeps the day it
 * opened, so it stays open.
 *
 *   node scripts/dated-content.ts <folder>
 *
 * Build the sites and start the API with `RALLY_CONTENT_DIR=<folder>` to use the copy.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { contentFiles } from '@rally/content';

const day = 24 * 60 * 60 * 1000;
const step = 52 * 7 * day;
/** How long a moved date stays ahead: long enough for a test run, and for one started tomorrow. */
const margin = 30 * day;

/** The fields that move in each collection; the first is the one that must lie ahead. */
const moving = { events: ['end', 'start'], petitions: ['closes_at'] } as const;

const dateLine = (field: string) =>
  new RegExp(
    `^(${field}: *)(['"]?)(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+)(Z|[+-]\\d\\d:\\d\\d)\\2 *$`,
    'm',
  );

/**
 * One file's text with its dates brought forward to lie at least `margin` after `now`; the same
 * text when they already do, or when the file has none.
 */
export function bringForward(
  text: string,
  collection: keyof typeof moving,
  now: Date = new Date(),
): string {
  const fields = moving[collection];
  const found = dateLine(fields[0]).exec(text);
  if (!found) return text;
  const behind = now.getTime() + margin - Date.parse(found[3]! + found[4]!);
  const steps = Math.max(0, Math.ceil(behind / step));
  if (steps === 0) return text;
  for (const field of fields)
    text = text.replace(
      dateLine(field),
      (_, key: string, quote: string, local: string, offset: string) =>
        `${key}${quote}${moved(local, offset, steps * step)}${quote}`,
    );
  return text;
}

/**
 * A local date and time, `by` milliseconds later. Its offset from UTC stays as written, so moving
 * the wall time read as if it were UTC moves the instant by the same amount.
 */
function moved(local: string, offset: string, by: number): string {
  const wall = new Date(Date.parse(`${local}Z`) + by).toISOString();
  return `${wall.slice(0, local.length)}${offset}`;
}

/** Copies `from` to `to` (replacing it), bringing the events' and petitions' dates forward. */
export function copyDated(from: string, to: string, now: Date = new Date()): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  for (const collection of Object.keys(moving) as (keyof typeof moving)[]) {
    for (const { file } of contentFiles(to, collection)) {
      const text = readFileSync(file, 'utf8');
      const dated = bringForward(text, collection, now);
      if (dated !== text) writeFileSync(file, dated);
    }
  }
}

if (import.meta.main) {
  const [to] = process.argv.slice(2);
  if (!to) {
    console.error('Usage: node scripts/dated-content.ts <folder>');
    process.exit(2);
  }
  // Counted from the start of the day, so that copies made moments apart agree.
  const today = new Date(Math.floor(Date.now() / day) * day);
  copyDated('content', to, today);
}
