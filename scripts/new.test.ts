import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CANCEL_SYMBOL } from '@clack/prompts';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { micrositeContent } from '@rally/core';
import { readContent } from '@rally/content';
import { newContent, type Prompts } from './new.ts';

/**
 * Runs `pnpm new` in this process, its questions answered with `answers` in turn, as a person would
 * type them (`CANCEL_SYMBOL` for Ctrl-C). `asked` holds each question, and each message shown under
 * a wrong answer, in the order they came.
 */
async function runNew(args: string[], answers: (string | typeof CANCEL_SYMBOL)[] = []) {
  const left = [...answers];
  const asked: string[] = [];
  const prompts: Prompts = {
    async text({ message, validate }) {
      asked.push(message);
      for (;;) {
        const answer = left.shift();
        if (answer === undefined) throw new Error(`No answer left for "${message}".`);
        if (typeof answer === 'symbol') return answer;
        const problem = validate(answer);
        if (!problem) return answer;
        asked.push(problem);
      }
    },
    cancel: (message) => asked.push(message),
  };
  let stdout = '';
  let stderr = '';
  const status = await newContent(args, {
    root: process.cwd(),
    prompts,
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
  });
  return { status, stdout, stderr, asked };
}

/** The command itself, in a process of its own, as `pnpm new` starts it (without a terminal). */
function spawnNew(args: string[]) {
  return spawnSync(process.execPath, ['scripts/new.ts', ...args], { encoding: 'utf8' });
}

function frontMatter(file: string): unknown {
  return parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))![1]!);
}

describe('pnpm new', () => {
  it('writes a spotlight, a petition and an event that the API reads as valid content', async () => {
    const content = mkdtempSync(join(tmpdir(), 'rally-new-'));
    const common = ['--content', content, '--yes'];
    const commands = [
      ['region', '--slug', 'louisiana', '--name', 'Louisiana', '--tagline', 'x', '--why', 'y'],
      ['sector', '--slug', 'education', '--name', 'Education', '--tagline', 'x', '--why', 'y'],
      [
        'spotlight',
        '--name',
        'Ana Lucía Pérez',
        '--region',
        'louisiana',
        '--sector',
        'education',
      ].concat(['--alt', 'Ana in her classroom.', '--quote', 'We won it together.']),
      ['petition', '--title', 'Heat rules now', '--description', 'Water, shade and rest.'].concat([
        '--target',
        'State labor board',
        '--goal',
        '2000',
        '--lang',
        'es',
      ]),
      ['event', '--title', 'Town hall', '--description', 'Plan the next year.']
        .concat(['--start', '2027-03-13T09:00:00-06:00', '--end', '2027-03-13T11:00:00-06:00'])
        .concat(['--timezone', 'America/Chicago', '--online-url', 'https://meet.example.org/x']),
    ];
    for (const args of commands) {
      const result = await runNew([...args, ...common]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
    const read = await readContent(content);
    expect(read.spotlights.get('ana-lucia-perez')![0]![1]).toMatchObject({
      name: 'Ana Lucía Pérez',
      photo: { src: 'ana-lucia-perez.jpg', alt: 'Ana in her classroom.' },
    });
    expect(read.petitions.get('heat-rules-now')![0]).toMatchObject(['es', { goal: 2000 }]);
    expect(read.events.get('town-hall')![0]![1].online_url).toBe('https://meet.example.org/x');
    // A spotlight without its photo gets a placeholder, so the site still builds.
    expect(existsSync(join(content, 'photos/ana-lucia-perez.jpg'))).toBe(true);
  });

  it('asks for each field in turn, an empty answer ending a list or leaving a field out', async () => {
    const content = mkdtempSync(join(tmpdir(), 'rally-new-'));
    const result = await runNew(
      ['region', '--content', content, '--slug', 'gulf-shores'],
      ['Gulf Shores', 'Beach and hotel workers, together.', 'Better pay', 'Safer shifts', '', ''],
    );
    expect(result.status).toBe(0);
    expect(result.asked).toEqual([
      'Name of the region',
      'One sentence under the name',
      'A reason to join 1',
      'A reason to join 2 (optional)',
      'A reason to join 3 (optional)',
      'Its own web address, like https://louisiana.example.org (optional)',
    ]);
    const written = micrositeContent.parse(
      frontMatter(join(content, 'regions/en/gulf-shores.mdx')),
    );
    expect(written.why_join).toEqual(['Better pay', 'Safer shifts']);
  });

  it('writes nothing and names the field when an answer is wrong', async () => {
    const content = mkdtempSync(join(tmpdir(), 'rally-new-'));
    const result = await runNew([
      'event',
      ...['--content', content, '--yes', '--title', 'Backwards', '--description', 'x'],
      ...['--start', '2027-01-01T10:00:00-06:00', '--end', '2027-01-01T09:00:00-06:00'],
      ...['--timezone', 'America/Chicago', '--online-url', 'https://meet.example.org/x'],
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('end: end must be after start.');
    expect(existsSync(join(content, 'events/en/backwards.mdx'))).toBe(false);
  });

  it('asks again when an answer is wrong, and writes an event time with its offset that day', async () => {
    const content = mkdtempSync(join(tmpdir(), 'rally-new-'));
    cpSync('content/regions', join(content, 'regions'), { recursive: true });
    const answers = [
      ...['Town hall', 'Plan the next year.'],
      ...['Chicago', 'America/Chicago'], // a city first, then the zone
      ...['March 13 at 9', '2027-03-13 09:00', '2027-03-20 11:30'],
      ...['', 'Union hall', '1200 Canal Street', 'New Orleans'],
      ...['nola', 'louisiana', ''],
    ];
    const result = await runNew(['event', '--content', content], answers);
    expect(result.stderr).toBe('');
    expect(result.asked).toContain('Write a time zone from the IANA list, like America/Chicago.');
    expect(result.asked).toContain(
      'Write the day and the time on its clocks, like 2027-03-13 09:00.',
    );
    expect(result.asked).toContain(
      'There is no region called "nola"; choose one of: florida-gulf, louisiana, mississippi-alabama, texas-gulf.',
    );
    const written = frontMatter(join(content, 'events/en/town-hall.mdx'));
    // Chicago's clocks go forward on 14 March 2027: −06:00 before, −05:00 after.
    expect(written).toMatchObject({
      start: '2027-03-13T09:00:00-06:00',
      end: '2027-03-20T11:30:00-05:00',
      timezone: 'America/Chicago',
      location: { venue: 'Union hall', locality: 'New Orleans' },
      region: 'louisiana',
    });
  });

  it('names the choices and writes nothing for a region that does not exist', async () => {
    const content = mkdtempSync(join(tmpdir(), 'rally-new-'));
    cpSync('content/regions', join(content, 'regions'), { recursive: true });
    const result = await runNew([
      'spotlight',
      ...['--content', content, '--yes', '--name', 'Ana', '--region', 'lousiana'],
      ...['--sector', 'education', '--alt', 'Ana at school.', '--quote', 'We won.'],
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      '--region: There is no region called "lousiana"; choose one of: florida-gulf, louisiana,',
    );
    expect(existsSync(join(content, 'spotlights/en/ana.mdx'))).toBe(false);
  });

  it('explains itself with --help, and names a flag it does not know', () => {
    const help = spawnNew(['--help']);
    expect(help.status).toBe(0);
    for (const kind of ['spotlight', 'region', 'sector', 'petition', 'event'])
      expect(help.stdout).toMatch(new RegExp(`^  ${kind} `, 'm'));
    const typo = spawnNew(['petition', '--titel', 'Heat rules now']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe("Unknown option '--titel'. Run pnpm new --help to see the flags.\n");
  });

  it('asks nothing where there is no terminal, and says to give the fields as flags', () => {
    const content = mkdtempSync(join(tmpdir(), 'rally-new-'));
    const result = spawnNew(['region', '--content', content, '--name', 'Gulf Shores']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'There is no terminal to ask the questions in: give every field as a flag, with --yes (pnpm new --help lists them).\n',
    );
    expect(existsSync(join(content, 'regions'))).toBe(false);
  });

  it('writes nothing when the questions are cancelled (Ctrl-C)', async () => {
    const content = mkdtempSync(join(tmpdir(), 'rally-new-'));
    const result = await runNew(['region', '--content', content], ['Gulf Shores', CANCEL_SYMBOL]);
    expect(result.status).toBe(130);
    expect(result.asked).toEqual([
      'Name of the region',
      'One sentence under the name',
      'Nothing was written.',
    ]);
    expect(result.stderr).toBe('');
    expect(existsSync(join(content, 'regions'))).toBe(false);
  });

  it('takes the facts of a translation from the other language, asking only for the words', async () => {
    const content = mkdtempSync(join(tmpdir(), 'rally-new-'));
    cpSync('content/regions', join(content, 'regions'), { recursive: true });
    cpSync('content/sectors', join(content, 'sectors'), { recursive: true });
    const english = await runNew([
      'event',
      ...['--content', content, '--yes', '--slug', 'town-hall', '--title', 'Town hall'],
      ...['--description', 'Plan the next year.', '--timezone', 'America/Chicago'],
      ...['--start', '2027-03-13 09:00', '--end', '2027-03-13 11:00', '--capacity', '80'],
      ...['--online-url', 'https://meet.example.org/town-hall', '--region', 'louisiana'],
    ]);
    expect(english.stderr).toBe('');
    // Only the words are asked for: the title, the description, then the sector, which the
    // English version leaves empty.
    const spanish = await runNew(
      ['event', '--content', content, '--lang', 'es', '--slug', 'town-hall'],
      ['Asamblea', 'Planear el año que viene.', ''],
    );
    expect(spanish.stderr).toBe('');
    expect(spanish.asked).toEqual([
      'Name of the event',
      'One or two sentences for previews',
      'Sector (optional)',
    ]);
    expect(spanish.stdout).toMatch(
      /Took start, end, timezone, capacity, online_url, region from \S*events\/en\/town-hall\.mdx\./,
    );
    const read = await readContent(content);
    const [en, es] = read.events.get('town-hall')!.map(([, event]) => event);
    expect(es!).toMatchObject({ title: 'Asamblea', capacity: 80, region: 'louisiana' });
    expect(es!.start).toEqual(en!.start);

    // A story's Spanish version shows the same photo, whatever the English file calls it.
    const story = [
      '--content',
      content,
      '--yes',
      '--slug',
      'ana',
      '--alt',
      'Ana.',
      '--quote',
      'Sí.',
    ];
    const place = ['--region', 'louisiana', '--sector', 'education', '--photo', 'ana-at-work.jpg'];
    expect((await runNew(['spotlight', ...story, '--name', 'Ana', ...place])).stderr).toBe('');
    expect((await runNew(['spotlight', ...story, '--lang', 'es', '--name', 'Ana'])).stderr).toBe(
      '',
    );
    const [enStory, esStory] = (await readContent(content)).spotlights
      .get('ana')!
      .map(([, story]) => story);
    expect(esStory!.photo.src).toBe('ana-at-work.jpg');
    expect(esStory).toMatchObject({ region: enStory!.region, date: enStory!.date });
  });

  it('never replaces an existing file', async () => {
    const content = mkdtempSync(join(tmpdir(), 'rally-new-'));
    const args = [
      'sector',
      '--content',
      content,
      '--yes',
      '--name',
      'Retail',
      '--tagline',
      'x',
      '--why',
      'y',
    ];
    expect((await runNew(args)).status).toBe(0);
    const again = await runNew(args);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/sectors\/en\/retail\.mdx already exists/);
  });
});
