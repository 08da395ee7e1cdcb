/**
 * `pnpm new <spotlight|region|sector|event|petition>`: writes a new content file that is valid from
 * the start, asking for each field it was not given as a flag. The file is checked with the same
 * schema the sites and the API use before it is written, and an existing file is never replaced.
 *
 *   pnpm new spotlight
 *   pnpm new petition --title "Heat rules now" --description "…" --target "State labor board" --goal 2000
 *   pnpm new region --slug gulf-shores --name "Gulf Shores" --tagline "…" --why "…" --why "…" --yes
 *
 * `--lang es` writes the Spanish version (content/<kind>s/es/); `--yes` never prompts and fails on
 * a missing field instead.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { stringify } from 'yaml';
import type { z } from 'zod';
import {
  eventContent,
  isLocale,
  micrositeContent,
  petitionContent,
  spotlightContent,
} from '@rally/core';
import { portraitSvg } from './demo-photos.ts';

const kinds = {
  spotlight: { folder: 'spotlights', schema: spotlightContent },
  region: { folder: 'regions', schema: micrositeContent },
  sector: { folder: 'sectors', schema: micrositeContent },
  petition: { folder: 'petitions', schema: petitionContent },
  event: { folder: 'events', schema: eventContent },
} as const;
type Kind = keyof typeof kinds;

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    slug: { type: 'string' },
    lang: { type: 'string', default: 'en' },
    yes: { type: 'boolean', default: false },
    content: { type: 'string', default: 'content' },
    // Fields, named as in the front matter (with dashes for underscores).
    name: { type: 'string' },
    tagline: { type: 'string' },
    why: { type: 'string', multiple: true },
    url: { type: 'string' },
    kind: { type: 'string' },
    region: { type: 'string' },
    sector: { type: 'string' },
    photo: { type: 'string' },
    alt: { type: 'string' },
    quote: { type: 'string' },
    date: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    target: { type: 'string', multiple: true },
    goal: { type: 'string' },
    'opens-at': { type: 'string' },
    'closes-at': { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    timezone: { type: 'string' },
    venue: { type: 'string' },
    address: { type: 'string' },
    city: { type: 'string' },
    'online-url': { type: 'string' },
    capacity: { type: 'string' },
    language: { type: 'string' },
  },
});

const kind = positionals[0] as Kind | undefined;
if (!kind || !(kind in kinds)) {
  console.error(`Say what to create: pnpm new <${Object.keys(kinds).join('|')}>`);
  process.exit(2);
}
if (!isLocale(flags.lang)) {
  console.error('--lang: use en or es.');
  process.exit(2);
}

// Answers are read line by line, so they can also be piped in (one answer per line).
const prompt = flags.yes ? undefined : createInterface({ input: process.stdin });
const answers = prompt?.[Symbol.asyncIterator]();

async function readAnswer(text: string): Promise<string> {
  process.stdout.write(text);
  const next = await answers!.next();
  if (next.done) {
    console.error('\nThe answers ended before every field was given; nothing was written.');
    process.exit(2);
  }
  return next.value;
}

/** A flag's value, or the answer to a question; `optional` fields may be left empty. */
async function ask(
  flag: keyof typeof flags,
  question: string,
  optional = false,
): Promise<string | undefined> {
  const given = flags[flag];
  if (typeof given === 'string' && given !== '') return given;
  if (!prompt) {
    if (optional) return undefined;
    console.error(`--${flag} is required with --yes (${question}).`);
    process.exit(2);
  }
  for (;;) {
    const answer = (await readAnswer(`${question}${optional ? ' (optional)' : ''}: `)).trim();
    if (answer || optional) return answer || undefined;
  }
}

async function askMany(flag: 'why' | 'target', question: string, count: number): Promise<string[]> {
  if (flags[flag]?.length) return flags[flag];
  const answers: string[] = [];
  for (let i = 1; i <= count; i++) {
    const answer = await ask(flag, `${question} ${i}`, i > 1);
    if (!answer) break;
    answers.push(answer);
  }
  return answers;
}

const slugOf = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const today = new Date().toISOString().slice(0, 10);

/** The front matter, as the person described it. */
async function describe(): Promise<Record<string, unknown>> {
  switch (kind!) {
    case 'region':
    case 'sector':
      return {
        name: await ask('name', `Name of the ${kind}`),
        tagline: await ask('tagline', 'One sentence under the name'),
        why_join: await askMany('why', 'A reason to join', 3),
        url: await ask('url', 'Its own web address, like https://louisiana.example.org', true),
      };
    case 'spotlight': {
      const name = await ask('name', 'Name of the member or member organization');
      return {
        name,
        kind: flags.kind ?? 'member',
        region: await ask('region', 'Region (the file name in content/regions/, like louisiana)'),
        sector: await ask('sector', 'Sector (the file name in content/sectors/, like education)'),
        photo: {
          src:
            (await ask('photo', 'Photo file name in content/photos/', true)) ??
            `${slugOf(name!)}.jpg`,
          alt: await ask('alt', 'What the photo shows, for people who cannot see it'),
        },
        quote: await ask('quote', 'A short quote in their words'),
        date: flags.date ?? today,
      };
    }
    case 'petition':
      return {
        title: await ask('title', 'Headline'),
        description: await ask('description', 'One or two sentences for previews'),
        target: (await askMany('target', 'Who it is addressed to', 3)).map((name) => ({ name })),
        goal: Number(await ask('goal', 'Signatures you are aiming for')),
        region: await ask('region', 'Region', true),
        sector: await ask('sector', 'Sector', true),
        opens_at: flags['opens-at'],
        closes_at: flags['closes-at'],
      };
    case 'event': {
      const online = await ask('online-url', 'Link to join online', true);
      const venue = online && !flags.venue ? undefined : await ask('venue', 'Name of the place');
      return {
        title: await ask('title', 'Name of the event'),
        description: await ask('description', 'One or two sentences for previews'),
        start: await ask('start', 'Start, with its UTC offset, like 2027-03-13T09:00:00-06:00'),
        end: await ask('end', 'End, the same way'),
        timezone: await ask('timezone', 'Time zone, like America/Chicago'),
        location: venue
          ? {
              venue,
              address_lines: [await ask('address', 'Street address', true)].filter(Boolean),
              locality: await ask('city', 'City or town'),
            }
          : undefined,
        online_url: online,
        capacity: flags.capacity ? Number(flags.capacity) : undefined,
        language: flags.language,
        region: await ask('region', 'Region', true),
        sector: await ask('sector', 'Sector', true),
      };
    }
  }
}

const data = JSON.parse(JSON.stringify(await describe())) as Record<string, unknown>; // Drops the empty fields.
const { folder, schema } = kinds[kind];
const checked = (schema as z.ZodType).safeParse(data);
if (!checked.success) {
  prompt?.close();
  for (const issue of checked.error.issues)
    console.error(`${issue.path.join('.') || kind}: ${issue.message}`);
  console.error('Nothing was written; run it again with these corrected.');
  process.exit(1);
}
const slug = flags.slug ?? slugOf(String(data.name ?? data.title ?? ''));
if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
  prompt?.close();
  console.error('--slug: use lower-case letters, digits and dashes, like gulf-shores.');
  process.exit(1);
}
const file = join(flags.content, folder, flags.lang, `${slug}.mdx`);
if (existsSync(file)) {
  prompt?.close();
  console.error(`${file} already exists; choose another --slug or edit that file.`);
  process.exit(1);
}

const body =
  kind === 'spotlight'
    ? '{/* Write their story here, in a few short paragraphs. */}'
    : kind === 'petition'
      ? '{/* Write the full text of the petition here: the problem, and what you ask for. */}'
      : '{/* Write what people should know here. */}';
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `---\n${stringify(data)}---\n\n${body}\n`);
console.log(`Wrote ${relative('.', file)}.`);

if (kind === 'spotlight') {
  const photo = join(flags.content, 'photos', (data.photo as { src: string }).src);
  if (!existsSync(photo)) {
    mkdirSync(dirname(photo), { recursive: true });
    await sharp(Buffer.from(portraitSvg(slug)))
      .jpeg({ quality: 80 })
      .toFile(photo);
    console.log(
      `Drew a placeholder photo at ${relative('.', photo)}: replace it with the real one.`,
    );
  }
}
prompt?.close();
