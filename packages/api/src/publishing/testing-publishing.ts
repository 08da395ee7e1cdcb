/**
 * What the publishing tests share: a copy of the project's content to publish into, a git
 * repository of its own unless asked otherwise, and what its history says.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signedInStaff, type TestApi } from '../testing.ts';

/** A copy of the project's content; a git repository of its own unless `repository` is false. */
export function contentFolder(repository = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'rally-publishing-'));
  cpSync('content', dir, { recursive: true });
  if (repository) {
    git(dir, 'init', '--quiet', '--initial-branch=main');
    git(dir, 'add', '.');
    git(
      dir,
      '-c',
      'user.name=Setup',
      '-c',
      'user.email=setup@example.org',
      'commit',
      '-qm',
      'Content',
    );
  }
  return dir;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
}

/** The folder's commits, newest first, as `author <email>|subject`. */
export const commits = (dir: string) => git(dir, 'log', '--format=%an <%ae>|%s').trim().split('\n');

/** A session cookie of a new staff account with `role`. */
export async function signedIn(
  api: TestApi,
  role: 'communications' | 'admin' | 'organizer',
  name = 'Lucía Pérez',
): Promise<string> {
  return signedInStaff(api.db, { email: `${role}@example.org`, role, name });
}

/** A Spanish spotlight that can be published as it is. */
export const rosaEnEspanol = {
  es: {
    data: {
      name: 'Rosa Elena Castillo',
      kind: 'member',
      region: 'louisiana',
      sector: 'domestic-work',
      photo: { src: 'rosa-elena-castillo.jpg', alt: 'Rosa Elena sonríe frente a su casa.' },
      quote: 'Juntas logramos el contrato.',
      date: '2026-12-01',
    },
    body: 'Rosa Elena cuida a dos familias en Nueva Orleans.',
  },
};
