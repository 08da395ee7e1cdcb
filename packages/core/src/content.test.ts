/**
 * What staff read when a content file has a mistake: the field's name, then what to write there.
 * Each case is a mistake people make in YAML front matter, as the API's reader hands it over (text).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  eventContent,
  micrositeContent,
  pageContent,
  petitionContent,
  spotlightContent,
} from './content.ts';

const event = {
  title: 'Town hall',
  description: 'Plan the next year together.',
  start: '2027-03-13T09:00:00-06:00',
  end: '2027-03-13T12:00:00-06:00',
  timezone: 'America/Chicago',
  location: { venue: 'Union hall', locality: 'New Orleans' },
};
const petition = {
  title: 'Water, shade and rest',
  description: 'Heat rules for every farm.',
  target: [{ name: 'State labor board' }],
  goal: 2500,
};
const spotlight = {
  name: 'Marisol Reyes',
  region: 'louisiana',
  sector: 'domestic-work',
  photo: { src: 'marisol-reyes.jpg', alt: 'Marisol at her kitchen table.' },
  quote: 'We did it together.',
  date: '2026-11-21',
};
const microsite = { name: 'Louisiana', tagline: 'Organizing together.', why_join: ['Power.'] };

/** Every message, as the build prints it: `field: message`. */
function messages(schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('a mistake in a content file', () => {
  it.each([
    [
      'a time without its offset from UTC',
      eventContent,
      { ...event, start: '2027-03-13T09:00:00' },
      'start: Write the date and time with its offset from UTC, like 2027-03-13T09:00:00-06:00.',
    ],
    [
      'a day the calendar does not have',
      eventContent,
      { ...event, start: '2027-02-30T09:00:00-06:00' },
      'start: Write the date and time with its offset from UTC, like 2027-03-13T09:00:00-06:00.',
    ],
    [
      'a time in words',
      eventContent,
      { ...event, end: 'noon' },
      'end: Write the date and time with its offset from UTC, like 2027-03-13T12:00:00-06:00.',
    ],
    [
      'a missing title',
      eventContent,
      { ...event, title: undefined },
      "title: Missing; write the event's name, like Home care workers' meeting.",
    ],
    [
      'a title YAML reads as a number',
      eventContent,
      { ...event, title: 2027 },
      'title: Put it in quotes, like "2027", so it is read as text.',
    ],
    [
      'an online link without https://',
      eventContent,
      { ...event, online_url: 'meet.example.org/assembly' },
      'online_url: Write the whole address, starting with https://, like https://meet.example.org/assembly.',
    ],
    [
      'a link that would run a script',
      eventContent,
      { ...event, online_url: 'javascript:alert(1)' },
      'online_url: Write the whole address, starting with https://, like https://meet.example.org/assembly.',
    ],
    [
      'a capacity in words',
      eventContent,
      { ...event, capacity: 'sixty' },
      'capacity: Write how many people can come, like 60.',
    ],
    [
      'a place written on one line',
      eventContent,
      { ...event, location: 'Union hall' },
      'location: Write the place as indented lines: venue:, address_lines: and locality:.',
    ],
    [
      'a goal with a thousands comma',
      petitionContent,
      { ...petition, goal: '2,500' },
      'goal: Write the number with digits only, like 2500.',
    ],
    [
      'a target written on one line',
      petitionContent,
      { ...petition, target: 'State labor board' },
      'target: List who it is addressed to, each on its own line starting with "- ".',
    ],
    [
      'a closing date before the opening',
      petitionContent,
      {
        ...petition,
        opens_at: '2027-02-01T00:00:00-06:00',
        closes_at: '2027-01-01T00:00:00-06:00',
      },
      'closes_at: closes_at must be after opens_at.',
    ],
    [
      'a title over the limit',
      petitionContent,
      { ...petition, title: 'x'.repeat(201) },
      'title: Too long: 201 characters, and the most is 200. Shorten it.',
    ],
    [
      'a region written as its name',
      spotlightContent,
      { ...spotlight, region: 'New Orleans' },
      "region: Write the region's file name without .mdx: lower-case letters, digits and dashes, like louisiana.",
    ],
    [
      'a photo written on one line',
      spotlightContent,
      { ...spotlight, photo: 'marisol-reyes.jpg' },
      'photo: Write the photo as two indented lines, src: (its file name) and alt: (what it shows).',
    ],
    [
      'no photo',
      spotlightContent,
      { ...spotlight, photo: undefined },
      'photo: Missing; write the photo as two indented lines, src: (its file name) and alt: (what it shows).',
    ],
    [
      'a date in words',
      spotlightContent,
      { ...spotlight, date: 'last Tuesday' },
      'date: Write the day as year-month-day, like 2026-11-21.',
    ],
    [
      '30 February',
      spotlightContent,
      { ...spotlight, date: '2026-02-30' },
      'date: Write the day as year-month-day, like 2026-11-21.',
    ],
    [
      'a kind that is neither',
      spotlightContent,
      { ...spotlight, kind: 'group' },
      'kind: Write member or organization.',
    ],
    [
      'reasons written as one sentence',
      micrositeContent,
      { ...microsite, why_join: 'Because we win.' },
      'why_join: List reasons to join, each on its own line starting with "- ".',
    ],
    [
      "a page's missing description",
      pageContent,
      { title: 'About us' },
      'description: Missing; write one or two sentences for search results and link previews.',
    ],
    [
      'seven reasons to join',
      micrositeContent,
      { ...microsite, why_join: Array.from({ length: 7 }, (_, i) => `Reason ${i + 1}.`) },
      'why_join: Keep it to 6 at most.',
    ],
    [
      'an address without https://',
      micrositeContent,
      { ...microsite, url: 'louisiana.example.org' },
      'url: Write the whole address, starting with https://, like https://louisiana.example.org.',
    ],
  ])('%s gets one message saying what to write', (_mistake, schema, data, message) => {
    expect(messages(schema, data)).toEqual([message]);
  });

  it('is not made by a correct file, whether its dates are text or already dates', () => {
    expect(messages(eventContent, event)).toEqual([]);
    expect(messages(petitionContent, petition)).toEqual([]);
    expect(messages(spotlightContent, spotlight)).toEqual([]);
    expect(messages(micrositeContent, microsite)).toEqual([]);
    // The sites' YAML reader turns dates into Dates before the schema sees them.
    const read = eventContent.parse({ ...event, start: new Date(event.start) });
    expect(read.start.toISOString()).toBe('2027-03-13T15:00:00.000Z');
    expect(eventContent.parse(event).start.toISOString()).toBe('2027-03-13T15:00:00.000Z');
  });
});
