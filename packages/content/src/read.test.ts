import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, readContent } from './read.ts';

function contentDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rally-content-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('readContent', () => {
  it('reads the project’s own content, each piece in every language it is written in', async () => {
    const content = await readContent('content');
    const petition = content.petitions.get('fair-wages-home-care')!;
    expect(petition.map(([lang]) => lang)).toEqual(['en', 'es']);
    expect(petition[0]![1].goal).toBe(2500);
    expect(petition[1]![1].title).toMatch(/salario digno/);
    expect(content.events.get('new-orleans-home-care-meeting')![0]![1].timezone).toBe(
      'America/Chicago',
    );
    expect(content.petitions.size).toBeGreaterThanOrEqual(4);
    expect(content.events.size).toBeGreaterThanOrEqual(6);
    expect(content.spotlights.size).toBeGreaterThanOrEqual(12);
    expect([...content.microsites.keys()]).toEqual(
      expect.arrayContaining(['louisiana', 'texas-gulf', 'domestic-work', 'education']),
    );
  });

  it('names the file and the field when a file is wrong', async () => {
    const dir = contentDir({
      'petitions/en/broken.mdx':
        '---\ntitle: Broken\ndescription: x\ntarget: []\ngoal: 10\n---\nBody',
    });
    await expect(readContent(dir)).rejects.toThrow(ContentError);
    await expect(readContent(dir)).rejects.toThrow(/petitions\/en\/broken\.mdx: target: /);
  });

  it('refuses a time without its offset from UTC, which it would read in its own time zone', async () => {
    const dir = contentDir({
      'events/en/town-hall.mdx': [
        '---',
        'title: Town hall',
        'description: Plan the next year.',
        'start: 2027-03-13T09:00:00',
        'end: 2027-03-13T12:00:00-06:00',
        'timezone: America/Chicago',
        'online_url: https://meet.example.org/town-hall',
        '---',
      ].join('\n'),
    });
    await expect(readContent(dir)).rejects.toThrow(
      /events\/en\/town-hall\.mdx: start: Write the date and time with its offset from UTC/,
    );
  });

  it('names the file when its front matter is missing or not YAML', async () => {
    await expect(
      readContent(contentDir({ 'events/en/none.mdx': '# No front matter' })),
    ).rejects.toThrow(/events\/en\/none\.mdx: no front matter/);
    await expect(
      readContent(contentDir({ 'spotlights/es/bad.mdx': '---\nname: [unclosed\n---\n' })),
    ).rejects.toThrow(/spotlights\/es\/bad\.mdx: the front matter is not valid YAML/);
  });

  it('asks for a language folder when a file sits outside one', async () => {
    await expect(
      readContent(contentDir({ 'petitions/loose.mdx': '---\ntitle: x\n---\n' })),
    ).rejects.toThrow(/petitions\/loose\.mdx: put it in a folder named for its language/);
  });

  it('refuses translations whose facts disagree, naming both files', async () => {
    const petition = (goal: number) =>
      `---\ntitle: T\ndescription: D\ntarget:\n  - name: Council\ngoal: ${goal}\n---\n`;
    const dir = contentDir({
      'petitions/en/wages.mdx': petition(2500),
      'petitions/es/wages.mdx': petition(3000),
    });
    await expect(readContent(dir)).rejects.toThrow(
      /petitions\/es\/wages\.mdx: goal: differs from .*petitions\/en\/wages\.mdx/,
    );
  });
});
