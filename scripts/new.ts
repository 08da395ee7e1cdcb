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
 *
 * The questions are asked with @clack/prompts in a terminal. Everything else is `newContent`,
 * which takes the command line, the prompts and the folder it runs in, so the tests call it with
 * scripted answers.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as clack from '@clack/prompts';
import { contentIds, frontMatter, pieceText } from '@rally/content';
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

/** How the questions are asked: @clack/prompts in a terminal, scripted answers in the tests. */
export interface Prompts {
  /** One question; clack's cancel symbol (see `isCancel`) when the person presses Ctrl-C. */
  text(options: {
    message: string;
    /** What is wrong with an answer, shown under it before asking again; undefined if nothing. */
    validate: (answer: string | undefined) => string | undefined;
  }): Promise<string | typeof clack.CANCEL_SYMBOL>;
  /** Closes the questions when the person cancelled. */
  cancel(message: string): void;
}

/** Where `newContent` runs: the folder `--content` is found from, and where it talks. */
export interface Io {
  /** The folder it runs in: `--content` and the paths it names are relative to it. */
  root: string;
  /** None where there is no terminal to ask in: then every field must be a flag, with --yes. */
  prompts?: Prompts;
  /** A line of what was done (stdout). */
  out(line: string): void;
  /** A line of what went wrong (stderr). */
  err(line: string): void;
}

/** Ends the command: what went wrong (nothing to add when empty), and the exit code. */
class Stop extends Error {
  readonly code: number;
  constructor(message: string, code = 1) {
    super(message);
    this.code = code;
  }
}

/** A `Stop` for an answer that cannot be used, before anything is written. */
const nothingWritten = (message: string) => new Stop(`${message}\nNothing was written.`);

function parseFlags(args: string[]) {
  try {
    return parseArgs({
      args,
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
    throw new Stop(
      `${(error as Error).message.split('. ')[0]}. Run pnpm new --help to see the flags.`,
      2,
    );
  }
}
type Flags = ReturnType<typeof parseFlags>['values'];

/** What is wrong with an answer, in the words the build would use; undefined when nothing is. */
type Check = (answer: string) => string | undefined;

/** A check by one field of a schema, on the answer as the front matter will hold it. */
const asField =
  (field: z.ZodType, convert: (answer: string) => unknown = (answer) => answer): Check =>
  (answer) => {
    const checked = field.safeParse(convert(answer));
    return checked.success ? undefined : checked.error.issues[0]!.message;
  };

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

const slugOf = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The facts of this piece's file in another language, when there is one. */
interface Translation {
  file?: string;
  facts: Record<string, unknown>;
  /** A story's photo, the same in every language unless one is given. */
  photo?: string;
}

/**
 * The facts translations share (a date, a goal, a region), from this piece's file in the other
 * language when there is one: a Spanish version translates the English one's words, and retyping
 * its facts would only invite a difference that stops the build.
 */
function factsOfTranslation(content: string, kind: Kind, flags: Flags): Translation {
  if (!flags.slug) return { facts: {} };
  const { folder } = kinds[kind];
  for (const lang of locales.filter((other) => other !== flags.lang)) {
    const file = join(content, folder, lang, `${flags.slug}.mdx`);
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

/** The questions of one run: each field from its flag, the other language's file, or an answer. */
function questions(flags: Flags, shared: Record<string, unknown>, content: string, io: Io) {
  const prompts = flags.yes ? undefined : io.prompts;

  /**
   * A flag's value, or the answer to a question; `optional` fields may be left empty. An answer
   * is checked as soon as it is given and asked again when wrong, so one typo does not cost the
   * rest.
   */
  async function ask(
    flag: keyof Flags,
    question: string,
    { optional = false, check }: { optional?: boolean; check?: Check } = {},
  ): Promise<string | undefined> {
    const given = flags[flag];
    if (typeof given === 'string' && given !== '') {
      const problem = check?.(given);
      if (problem) throw nothingWritten(`--${flag}: ${problem}`);
      return given;
    }
    const fact = shared[flag.replaceAll('-', '_')];
    if (fact !== undefined) return String(fact);
    if (!prompts) {
      if (optional) return undefined;
      throw nothingWritten(`--${flag} is required with --yes (${question}).`);
    }
    const answer = await prompts.text({
      message: `${question}${optional ? ' (optional)' : ''}`,
      validate: (value) => {
        const answer = value?.trim() ?? '';
        if (!answer) return optional ? undefined : 'This one is needed.';
        return check?.(answer);
      },
    });
    if (clack.isCancel(answer)) {
      prompts.cancel('Nothing was written.');
      throw new Stop('', 130);
    }
    return answer.trim() || undefined;
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
        if (problem) throw nothingWritten(`--${flag}: ${problem}`);
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
    const names = contentIds(content, which === 'region' ? 'regions' : 'sectors');
    return (answer) =>
      names.length === 0
        ? `There is no ${which} yet; create one first with pnpm new ${which}.`
        : names.includes(answer)
          ? undefined
          : `There is no ${which} called "${answer}"; choose one of: ${names.join(', ')}.`;
  }

  return { ask, askMany, oneOf };
}

/** The front matter, as the person described it. */
async function describe(
  kind: Kind,
  flags: Flags,
  translation: Translation,
  { ask, askMany, oneOf }: ReturnType<typeof questions>,
): Promise<Record<string, unknown>> {
  const shared = translation.facts;
  switch (kind) {
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
        date: flags.date ?? shared.date ?? new Date().toISOString().slice(0, 10),
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

/** The whole command, on its command line (`args`, without `pnpm new`); stops with a `Stop`. */
async function run(args: string[], io: Io): Promise<void> {
  const { values: flags, positionals } = parseFlags(args);
  if (flags.help) {
    io.out(usage);
    return;
  }
  const kind = positionals[0] as Kind | undefined;
  if (!kind || !(kind in kinds)) {
    throw new Stop(
      `Say what to create: pnpm new <${Object.keys(kinds).join('|')}>; --help says more.`,
      2,
    );
  }
  if (!isLocale(flags.lang)) throw new Stop(`--lang: use ${locales.join(' or ')}.`, 2);
  if (!flags.yes && !io.prompts) {
    throw new Stop(
      'There is no terminal to ask the questions in: give every field as a flag, with --yes (pnpm new --help lists them).',
      2,
    );
  }

  const content = resolve(io.root, flags.content);
  const translation = factsOfTranslation(content, kind, flags);
  const shared = translation.facts;
  const described = await describe(kind, flags, translation, questions(flags, shared, content, io));
  const data = JSON.parse(JSON.stringify(described)) as Record<string, unknown>; // Drops the empty fields.
  const { folder, schema } = kinds[kind];
  const checked = (schema as z.ZodType).safeParse(data);
  if (!checked.success) {
    throw new Stop(
      [
        ...checked.error.issues.map((issue) => `${issue.path.join('.') || kind}: ${issue.message}`),
        'Nothing was written; run it again with these corrected.',
      ].join('\n'),
    );
  }
  const slug = flags.slug ?? slugOf(String(data.name ?? data.title ?? ''));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug))
    throw new Stop('--slug: use lower-case letters, digits and dashes, like gulf-shores.');
  const file = join(flags.content, folder, flags.lang, `${slug}.mdx`);
  const path = resolve(io.root, file);
  if (existsSync(path))
    throw new Stop(`${file} already exists; choose another --slug or edit that file.`);

  const body =
    kind === 'spotlight'
      ? '{/* Write their story here, in a few short paragraphs. */}'
      : kind === 'petition'
        ? '{/* Write the full text of the petition here: the problem, and what you ask for. */}'
        : '{/* Write what people should know here. */}';
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, pieceText({ data, body }));
  io.out(`Wrote ${relative(io.root, path)}.`);
  if (translation.file && Object.keys(shared).length > 0)
    io.out(`Took ${Object.keys(shared).join(', ')} from ${relative(io.root, translation.file)}.`);

  if (kind === 'spotlight') {
    const photo = join(content, 'photos', (data.photo as { src: string }).src);
    if (!existsSync(photo)) {
      mkdirSync(dirname(photo), { recursive: true });
      await drawPortrait(slug, photo);
      // The alt text describes the real photo, so the drawing must not be published with it.
      io.out(
        `Drew a placeholder at ${relative(io.root, photo)}: put the real photo there under the same name before publishing, as your description is of the photo, not of the drawing.`,
      );
    }
  }
}

/**
 * `pnpm new`, given its command line (without `pnpm new`), how to ask, and the folder it runs in:
 * writes the file and says so through `io`, and resolves to the exit code (0 when written).
 */
export async function newContent(args: string[], io: Io): Promise<number> {
  try {
    await run(args, io);
    return 0;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    if (error.message) io.err(error.message);
    return error.code;
  }
}

if (import.meta.main) {
  process.exitCode = await newContent(process.argv.slice(2), {
    root: process.cwd(),
    // clack reads keys from a terminal; piped answers would leave it waiting.
    prompts: process.stdin.isTTY ? clack : undefined,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
