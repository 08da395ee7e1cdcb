/**
 * Versioning what staff publish: where the content folder is a git repository of its own, each
 * publication is a commit with the staff member as its author, pushed when the repository has a
 * remote. Where it is not (the demo's content, inside the project's own repository), the files are
 * written and nothing is committed: publishing never commits into a repository it was not given.
 */
import { realpath } from 'node:fs/promises';
import { relative } from 'node:path';
import { simpleGit } from 'simple-git';

export interface Author {
  name: string;
  email: string;
}

export interface Committed {
  /** The commit's id. */
  commit: string;
  /** Whether it reached the remote; null when there is none. */
  pushed: boolean | null;
}

/** Whether `contentDir` is the top of a git repository's working tree. */
export async function isContentRepository(contentDir: string): Promise<boolean> {
  const git = simpleGit(contentDir);
  try {
    const top = (await git.revparse(['--show-toplevel'])).trim();
    return (await realpath(top)) === (await realpath(contentDir));
  } catch {
    return false; // Not in a repository at all.
  }
}

/**
 * Commits `files` (paths under the content folder) as `author`, with `message`, and pushes when a
 * remote is set; null where the content folder is not a repository of its own.
 */
export async function commitContent(
  contentDir: string,
  files: string[],
  author: Author,
  message: string,
): Promise<Committed | null> {
  if (!(await isContentRepository(contentDir))) return null;
  const root = await realpath(contentDir);
  const paths = await Promise.all(files.map(async (file) => relative(root, await real(file))));
  // The staff member is the author and, unless the repository says who commits, the committer.
  const git = simpleGit(contentDir).env({
    ...gitEnvironment(),
    GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? author.name,
    GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? author.email,
  });
  await git.add(paths);
  await git.commit(message, paths, { '--author': `${author.name} <${author.email}>` });
  const commit = (await git.revparse(['HEAD'])).trim();
  const remotes = await git.getRemotes();
  if (remotes.length === 0) return { commit, pushed: null };
  try {
    await git.push();
    return { commit, pushed: true };
  } catch {
    // Published here all the same; the next publication's push carries this commit too.
    return { commit, pushed: false };
  }
}

/** A file's real path; a file just removed has none, and its own path is used. */
async function real(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return file;
  }
}

/** One commit in a piece's history. */
export interface Change {
  commit: string;
  author: Author;
  /** When it was authored, as ISO 8601. */
  date: string;
  message: string;
}

/** The commits that changed any of `paths` (under the content folder), newest first. */
export async function historyOf(contentDir: string, paths: string[]): Promise<Change[]> {
  // Fields apart by the unit separator, which no name, email or subject holds.
  const log = await simpleGit(contentDir).raw([
    'log',
    '--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%s',
    '--',
    ...paths,
  ]);
  return log
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [commit, name, email, date, message] = line.split('\x1f') as [
        string,
        string,
        string,
        string,
        string,
      ];
      return { commit, author: { name, email }, date, message };
    });
}

/** The full id of `commit` (any unambiguous prefix), or null when the repository has none. */
export async function commitNamed(contentDir: string, commit: string): Promise<string | null> {
  try {
    const full = await simpleGit(contentDir).raw([
      'rev-parse',
      '--verify',
      '--quiet',
      `${commit}^{commit}`,
    ]);
    return full.trim() || null;
  } catch {
    return null;
  }
}

/** The text `path` (under the content folder) had at `commit`; null: it had no such file. */
export async function textAt(
  contentDir: string,
  commit: string,
  path: string,
): Promise<string | null> {
  try {
    return await simpleGit(contentDir).show([`${commit}:${path}`]);
  } catch {
    return null;
  }
}

/**
 * What git is given of the API's environment: where programs and the home folder are (a remote's
 * key comes from ~/.ssh/config or the agent) — not the rest, which simple-git refuses where it
 * could run another program (`EDITOR`, `GIT_SSH_COMMAND`…), and which git has no need of.
 */
function gitEnvironment(): Record<string, string> {
  const kept = ['PATH', 'HOME', 'LANG', 'SSH_AUTH_SOCK'];
  return Object.fromEntries(
    kept.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]!]])),
  );
}
