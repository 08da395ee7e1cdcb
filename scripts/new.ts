/**
 * `pnpm new <spotlight|region|sector|event|petition>`: writes a new content file that is valid from
 * the start, asking for each field it was not given as a flag. The file is checked with the same
 * schema the sites and the API use before it is written, and an existing file is never replaced.
 *
 *   pnpm new spotlight
 *   pnpm new petition --title "Heat rules now" --description "…" --target "State labor board" --goal 2000
 *   pnpm new region --slug gulf-shores --name "Gulf Shores" --tagline "…" --why "…" --why "…" --yes
 *
 * `--lang es` writes the Spanish version (content/<kind>s/es/), taking the facts translations
 * share from the English file of the same `--slug`; `--yes` never prompts and fails on a missing
 * field instead.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { contentIds, frontMatter } from '@rally/content';
import { stringify } from 'yaml';
import type { z } from 'zod';
import {
  defaultLocale,
  eventContent,
  isLocale,
  locales,
  micrositeContent,
  petitionContent,
  sharedFacts,
  spotlightContent,
} from '@rally/core';
import { drawPortrait } from './demo-photos.ts';
import { onTheClocksOf } from './local-time.ts';

const kinds = {
  spotlight: { folder: 'spotlights', schema: spotlightContent },
  region: { folder: 'regions', schema: micrositeContent },
  sector: { folder: 'sectors', schema: micrositeContent },
  petition: { folder: 'petitions', schema: petitionContent },
  event: { folder: 'events', schema: eventContent },
} as const;
type Kind = keyof typeof kinds;

const usage = `pnpm new <${Object.keys(kinds).join('|')}> [flags]

Writes a new content file, asking for every field not given as a flag.

  --lang es       the Spanish version, in content/<kind>s/es/ (give the English one's --slug)
  --slug NAME     the file name, without .mdx (made from the name or title when not given)
  --yes           ask nothing; stop at the first field that is missing

The fields, by kind:
  spotlight  --name --region --sector --alt --quote [--photo FILE] [--kind organization] [--date]
  region     --name --tagline --why (up to three times) [--url]
  sector     the same as a region
  petition   --title --description --target (up to three times) --goal
             [--region] [--sector] [--opens-at] [--closes-at]
  event      --title --description --timezone --start --end, then --online-url or
             --venue --city [--address], [--capacity] [--language] [--region] [--sector]

Times are on the clocks of the event's --timezone, like "2027-03-13 09:00"; the file gets the
offset from UTC that applies on that day.`;

function parseFlags() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        slug: { type: 'string' },
        lang: { type: 'string', default: defaultLocale },
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
  } catch (error) {
    // "Unknown option '--titel'. To specify a positional argument…": the first sentence says it.
    console.error(
      `${(error as Error).message.split('. ')[0]}. Run pnpm new --help to see the flags.`,
    );
    process.exit(2);
  }
}

const { values: flags, positionals } = parseFlags();
if (flags.help) {
  console.log(usage);
  process.exit(0);
}
const kind = positionals[0] as Kind | undefined;
if (!kind || !(kind in kinds)) {
  console.error(
    `Say what to create: pnpm new <${Object.keys(kinds).join('|')}>; --help says more.`,
  );
  process.exit(2);
}
if (!isLocale(flags.lang)) {
  console.error(`--lang: use ${locales.join(' or ')}.`);
  process.exit(2);
}

// Answers are read line by line, so they can also be piped in (one answer per line).
const prompt = flags.yes ? undefined : createInterface({ input: process.stdin });
const answers = prompt?.[Symbol.asyncIterator]();

async function readAnswer(text: string): Promise<string> {
  process.stdout.write(text);
  const next = await answers!.next();
  if (next.done) stop('\nThe answers ended before every field was given.');
  return next.value;
}

function stop(message: string): never {
  prompt?.close();
  console.error(`${message}\nNothing was written.`);
  process.exit(1);
}

/** What is wrong with an answer, in the words the build would use; undefined when nothing is. */
type Check = (answer: string) => string | undefined;

/** A check by one field of a schema, on the answer as the front matter will hold it. */
const asField =
  (field: z.ZodType, convert: (answer: string) => unknown = (answer) => answer): Check =>
  (answer) => {
    const checked = field.safeParse(convert(answer));
    return checked.success ? undefined : checked.error.issues[0]!.message;
  };

/**
 * A flag's value, or the answer to a question; `optional` fields may be left empty. An answer is
 * checked as soon as it is given and asked again when wrong, so one typo does not cost the rest.
 */
async function ask(
  flag: keyof typeof flags,
  question: string,
  { optional = false, check }: { optional?: boolean; check?: Check } = {},
): Promise<string | undefined> {
  const given = flags[flag];
  if (typeof given === 'string' && given !== '') {
    const problem = check?.(given);
    if (problem) stop(`--${flag}: ${problem}`);
    return given;
  }
  const fact = shared[flag.replaceAll('-', '_')];
  if (fact !== undefined) return String(fact);
  if (!prompt) {
    if (optional) return undefined;
    stop(`--${flag} is required with --yes (${question}).`);
  }
  for (;;) {
    const answer = (await readAnswer(`${question}${optional ? ' (optional)' : ''}: `)).trim();
    if (!answer && optional) return undefined;
    const problem = answer ? check?.(answer) : undefined;
    if (answer && !problem) return answer;
    if (problem) console.log(`  ${problem}`);
  }
}

async function askMany(
  flag: 'why' | 'target',
  question: string,
  count: number,
  check: Check,
): Promise<string[]> {
  if (flags[flag]?.length) {
    for (const given of flags[flag]) {
      const problem = check(given);
      if (problem) stop(`--${flag}: ${problem}`);
    }
    return flags[flag];
  }
  const answers: string[] = [];
  for (let i = 1; i <= count; i++) {
    const answer = await ask(flag, `${question} ${i}`, { optional: i > 1, check });
    if (!answer) break;
    answers.push(answer);
  }
  return answers;
}

/** A region or a sector that exists, since the build stops at one that does not. */
function oneOf(which: 'region' | 'sector'): Check {
  const names = contentIds(flags.content, which === 'region' ? 'regions' : 'sectors');
  return (answer) =>
    names.length === 0
      ? `There is no ${which} yet; create one first with pnpm new ${which}.`
      : names.includes(answer)
        ? undefined
        : `There is no ${which} called "${answer}"; choose one of: ${names.join(', ')}.`;
}

/** A time as staff give it: on the event's clocks ("2027-03-13 09:00"), or with its offset. */
const onTheClocks = (zone: string) => (answer: string) =>
  onTheClocksOf(zone, answer) ?? answer.trim();

/** A start or an end, asked for as the clocks show it (the file's form is the tool's business). */
const clockTime =
  (field: z.ZodType, zone: string): Check =>
  (answer) =>
    asField(field, onTheClocks(zone))(answer) &&
    'Write the day and the time on its clocks, like 2027-03-13 09:00.';

/** "2,500" or "2500" as the number the front matter holds; anything else as written. */
const wholeNumber = (answer: string) =>
  /^[\d,]+$/.test(answer) ? Number(answer.replaceAll(',', '')) : answer;

/**
 * The facts translations share (a date, a goal, a region), from this piece's file in the other
 * language when there is one: a Spanish version translates the English one's words, and retyping
 * its facts would only invite a difference that stops the build.
 */
function factsOfTranslation(): {
  file?: string;
  facts: Record<string, unknown>;
  /** A story's photo, the same in every language unless one is given. */
  photo?: string;
} {
  if (!flags.slug) return { facts: {} };
  const { folder } = kinds[kind!];
  for (const lang of locales.filter((other) => other !== flags.lang)) {
    const file = join(flags.content, folder, lang, `${flags.slug}.mdx`);
    if (!existsSync(file)) continue;
    let data: Record<string, unknown>;
    try {
      data = (frontMatter(readFileSync(file, 'utf8'), file) ?? {}) as Record<string, unknown>;
    } catch {
      return { facts: {} }; // The build names what is wrong with that file.
    }
    const facts = sharedFacts[folder].filter((key) => data[key] !== undefined);
    const photo = (data.photo as { src?: unknown } | undefined)?.src;
    return {
      file,
      facts: Object.fromEntries(facts.map((key) => [key, data[key]])),
      photo: typeof photo === 'string' ? photo : undefined,
    };
  }
  return { facts: {} };
}
const translation = factsOfTranslation();
const shared = translation.facts;

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
    case 'sector': {
      const field = micrositeContent.shape;
      return {
        name: await ask('name', `Name of the ${kind}`, { check: asField(field.name) }),
        tagline: await ask('tagline', 'One sentence under the name', {
          check: asField(field.tagline),
        }),
        why_join: await askMany(
          'why',
          'A reason to join',
          3,
          asField(field.why_join, (a) => [a]),
        ),
        url: await ask('url', 'Its own web address, like https://louisiana.example.org', {
          optional: true,
          check: asField(field.url),
        }),
      };
    }
    case 'spotlight': {
      const field = spotlightContent.shape;
      const name = await ask('name', 'Name of the member or member organization', {
        check: asField(field.name),
      });
      return {
        name,
        kind: flags.kind ?? shared.kind ?? 'member',
        region: await ask('region', 'Region (the file name in content/regions/, like louisiana)', {
          check: oneOf('region'),
        }),
        sector: await ask('sector', 'Sector (the file name in content/sectors/, like education)', {
          check: oneOf('sector'),
        }),
        photo: {
          src:
            (await ask('photo', 'Photo file name in content/photos/', {
              optional: true,
              check: asField(field.photo.shape.src),
            })) ??
            translation.photo ??
            `${slugOf(name!)}.jpg`,
          alt: await ask('alt', 'What the photo shows, for people who cannot see it', {
            check: asField(field.photo.shape.alt),
          }),
        },
        quote: await ask('quote', 'A short quote in their words', { check: asField(field.quote) }),
        date: flags.date ?? shared.date ?? today,
      };
    }
    case 'petition': {
      const field = petitionContent.shape;
      const target = asField(field.target, (name) => [{ name }]);
      return {
        title: await ask('title', 'Headline', { check: asField(field.title) }),
        description: await ask('description', 'One or two sentences for previews', {
          check: asField(field.description),
        }),
        target: (await askMany('target', 'Who it is addressed to', 3, target)).map((name) => ({
          name,
        })),
        goal: wholeNumber(
          (await ask('goal', 'Signatures you are aiming for', {
            check: asField(field.goal, wholeNumber),
          }))!,
        ),
        region: await ask('region', 'Region', { optional: true, check: oneOf('region') }),
        sector: await ask('sector', 'Sector', { optional: true, check: oneOf('sector') }),
        opens_at: flags['opens-at'] ?? shared.opens_at,
        closes_at: flags['closes-at'] ?? shared.closes_at,
      };
    }
    case 'event': {
      const field = eventContent.shape;
      const place = field.location.unwrap().shape;
      const title = await ask('title', 'Name of the event', { check: asField(field.title) });
      const description = await ask('description', 'One or two sentences for previews', {
        check: asField(field.description),
      });
      const timezone = (await ask('timezone', 'Time zone it happens in, like America/Chicago', {
        check: asField(field.timezone),
      }))!;
      const time = onTheClocks(timezone);
      const start = await ask('start', 'Start, on its clocks, like 2027-03-13 09:00', {
        check: clockTime(field.start, timezone),
      });
      const end = await ask('end', 'End, the same way', {
        check: clockTime(field.end, timezone),
      });
      const online = await ask('online-url', 'Link to join online', {
        optional: true,
        check: asField(field.online_url),
      });
      const venue =
        online && !flags.venue
          ? undefined
          : await ask('venue', 'Name of the place', { check: asField(place.venue) });
      return {
        title,
        description,
        start: time(start!),
        end: time(end!),
        timezone,
        location: venue
          ? {
              venue,
              address_lines: [await ask('address', 'Street address', { optional: true })].filter(
                Boolean,
              ),
              locality: await ask('city', 'City or town', { check: asField(place.locality) }),
            }
          : undefined,
        online_url: online,
        capacity: flags.capacity ? wholeNumber(flags.capacity) : shared.capacity,
        language: flags.language,
        region: await ask('region', 'Region', { optional: true, check: oneOf('region') }),
        sector: await ask('sector', 'Sector', { optional: true, check: oneOf('sector') }),
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
if (translation.file && Object.keys(shared).length > 0)
  console.log(`Took ${Object.keys(shared).join(', ')} from ${relative('.', translation.file)}.`);

if (kind === 'spotlight') {
  const photo = join(flags.content, 'photos', (data.photo as { src: string }).src);
  if (!existsSync(photo)) {
    mkdirSync(dirname(photo), { recursive: true });
    await drawPortrait(slug, photo);
    // The alt text describes the real photo, so the drawing must not be published with it.
    console.log(
      `Drew a placeholder at ${relative('.', photo)}: put the real photo there under the same name before publishing, as your description is of the photo, not of the drawing.`,
    );
  }
}
prompt?.close();
