/** What the content package's tests share: a copy of the project's content to write into. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A copy of the project's content, in a folder of its own. */
export function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rally-content-'));
  cpSync('content', dir, { recursive: true });
  return dir;
}
