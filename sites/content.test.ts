/**
 * A mistake in a content file stops the build with a message that names the file and the field,
 * whether the schema catches it or only the sites can (a region that does not exist, translations
 * that disagree). Each case builds a copy of the project with one file broken.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, project } from './testing.ts';

const copies: string[] = [];
afterAll(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

/** A copy of the sites and their content, with `file` edited by `edit`. */
function projectWith(file: string, edit: (text: string) => string): string {
  const root = copyProject('rally-sites-');
  copies.push(root);
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
  return root;
}

function astro(root: string, command: 'sync' | 'build') {
  const result = spawnSync(join(project, 'node_modules/.bin/astro'), [command], {
    cwd: root,
    encoding: 'utf8',
  });
  // Colours, which a CI terminal may turn on, would split the words the tests look for.
  return { status: result.status, output: stripVTControlCharacters(result.stdout + result.stderr) };
}

describe('a broken content file', () => {
  it('stops the build at a wrong field, naming the file and the field', () => {
    const root = projectWith('content/spotlights/en/dele-okafor.mdx', (text) =>
      text.replace(/^ {2}alt: .*$/m, '  alt: ""'),
    );
    const { status, output } = astro(root, 'sync');
    expect(status).not.toBe(0);
    expect(output).toContain('spotlights → en/dele-okafor');
    expect(output).toContain(
      'photo.alt: Empty; write what the photo shows, for people who cannot see it.',
    );
    expect(output).toContain('content/spotlights/en/dele-okafor.mdx');
  });

  it('stops the build at a region that does not exist, naming the file', () => {
    const root = projectWith('content/spotlights/en/thu-nguyen.mdx', (text) =>
      text.replace(/^region: louisiana$/m, 'region: houston'),
    );
    const { status, output } = astro(root, 'build');
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/spotlights/en/thu-nguyen.mdx: region: there is no region called "houston"',
    );
  }, 120_000);

  it('stops the build at an event placed in a region that is a sector, naming the regions', () => {
    // The event would otherwise be left off every region's site without a word.
    const root = projectWith('content/events/en/biloxi-school-staff-town-hall.mdx', (text) =>
      text.replace(/^region: mississippi-alabama$/m, 'region: education'),
    );
    const { status, output } = astro(root, 'build');
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/events/en/biloxi-school-staff-town-hall.mdx: region: there is no region called "education"; use one of: florida-gulf, louisiana, mississippi-alabama, texas-gulf.',
    );
  }, 120_000);

  it('stops the build at a time without its offset from UTC, which would show the wrong hour', () => {
    // Astro reads this as 9 a.m. UTC (3 a.m. in Chicago); the API would read it in its own zone.
    const root = projectWith('content/events/en/biloxi-school-staff-town-hall.mdx', (text) =>
      text.replace(/^start: (\S+)-06:00$/m, 'start: $1'),
    );
    const { status, output } = astro(root, 'build');
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/events/en/biloxi-school-staff-town-hall.mdx: start: Write the date and time with its offset from UTC, like 2027-03-13T09:00:00-06:00.',
    );
  }, 120_000);

  it('stops the build when translations disagree on a fact, naming both files', () => {
    const root = projectWith('content/petitions/es/water-shade-rest.mdx', (text) =>
      text.replace(/^goal: 5000$/m, 'goal: 6000'),
    );
    const { status, output } = astro(root, 'build');
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/petitions/es/water-shade-rest.mdx: goal: differs from content/petitions/en/water-shade-rest.mdx',
    );
  }, 120_000);
});
