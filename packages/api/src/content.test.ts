import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, readContent } from './content.ts';

function contentDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rally-content-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('readContent', () => {
  it('reads the project’s own content files', async () => {
    const content = await readContent('content');
    expect(content.petitions.get('fair-wages-home-care')?.goal).toBe(2500);
    expect(content.events.get('new-orleans-home-care-meeting')?.timezone).toBe('America/Chicago');
    expect(content.spotlights.size).toBeGreaterThanOrEqual(2);
  });

  it('names the file and the field when a file is wrong', async () => {
    const dir = contentDir({
      'petitions/broken.mdx':
        '---\ntitle: Broken\ndescription: x\ntarget: []\ngoal: 10\nlang: en\n---\nBody',
    });
    await expect(readContent(dir)).rejects.toThrow(ContentError);
    await expect(readContent(dir)).rejects.toThrow(/petitions\/broken\.mdx: target: /);
  });

  it('names the file when its front matter is missing or not YAML', async () => {
    await expect(
      readContent(contentDir({ 'events/none.mdx': '# No front matter' })),
    ).rejects.toThrow(/events\/none\.mdx: no front matter/);
    await expect(
      readContent(contentDir({ 'spotlights/bad.mdx': '---\nname: [unclosed\n---\n' })),
    ).rejects.toThrow(/spotlights\/bad\.mdx: the front matter is not valid YAML/);
  });
});
