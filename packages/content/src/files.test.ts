import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFiles, contentIds, looseFiles } from './files.ts';

function contentDir(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'rally-content-'));
  for (const path of files) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), '---\n---\n');
  }
  return dir;
}

describe('the content files', () => {
  it('are listed a language at a time, each language’s by name, with the id each shares', () => {
    const dir = contentDir([
      'events/es/town-hall.mdx',
      'events/en/town-hall.mdx',
      'events/en/assembly.mdx',
      'events/es/only-in-spanish.md',
      'events/en/notes.txt',
    ]);
    expect(contentFiles(dir, 'events')).toEqual([
      {
        id: 'assembly',
        lang: 'en',
        name: 'assembly.mdx',
        file: join(dir, 'events/en/assembly.mdx'),
      },
      {
        id: 'town-hall',
        lang: 'en',
        name: 'town-hall.mdx',
        file: join(dir, 'events/en/town-hall.mdx'),
      },
      {
        id: 'only-in-spanish',
        lang: 'es',
        name: 'only-in-spanish.md',
        file: join(dir, 'events/es/only-in-spanish.md'),
      },
      {
        id: 'town-hall',
        lang: 'es',
        name: 'town-hall.mdx',
        file: join(dir, 'events/es/town-hall.mdx'),
      },
    ]);
    expect(contentIds(dir, 'events')).toEqual(['assembly', 'only-in-spanish', 'town-hall']);
  });

  it('are none for a collection or a language nobody has written yet', () => {
    const dir = contentDir(['regions/en/louisiana.mdx']);
    expect(contentIds(dir, 'regions')).toEqual(['louisiana']);
    expect(contentFiles(dir, 'sectors')).toEqual([]);
  });

  it('leave out a file outside a language folder, which looseFiles names', () => {
    const dir = contentDir(['petitions/loose.mdx', 'petitions/en/wages.mdx']);
    expect(contentIds(dir, 'petitions')).toEqual(['wages']);
    expect(looseFiles(dir, 'petitions')).toEqual(['loose.mdx']);
    expect(looseFiles(dir, 'events')).toEqual([]);
  });

  it('include each of the project’s own microsites once', () => {
    expect(contentIds('content', 'regions')).toEqual(
      expect.arrayContaining(['louisiana', 'texas-gulf']),
    );
    expect(new Set(contentIds('content', 'sectors')).size).toBe(
      contentIds('content', 'sectors').length,
    );
  });
});
