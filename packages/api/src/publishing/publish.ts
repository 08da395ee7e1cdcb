/**
 * Publishing a piece of content from the console: checked as the build checks it, written into the
 * content folder, read back with everything else there, served by the API at once, and committed
 * where the folder is a repository. One publication at a time in this process, so two never
 * interleave their files or commits; an API that publishes runs as the content folder's one writer.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { sep } from 'node:path';
import {
  checkPiece,
  ContentError,
  readContent,
  writePiece,
  pieceFile,
  readPiece,
  sitesTouched,
  type Collection,
  type ContentProblem,
  type Piece,
} from '@rally/content';
import { locales, micrositeAddress, type Locale } from '@rally/core';
import { allowSiteOrigins, type RallySettings } from '../config.ts';
import { syncContent } from '../content-sync.ts';
import type { Database } from '../database.ts';
import { commitContent, type Author, type Committed } from './git.ts';
import type { SiteBuild, SiteBuilds } from './site-builds.ts';
import { one } from './words/en.ts';
import { publishingWords } from './words/index.ts';

/** The collections staff publish from the console, and what one piece of each is called. */
export const publishable = one;

export type Published =
  | {
      ok: true;
      files: string[];
      committed: Committed | null;
      /** The sites the change shows on, before it and after (`hub` too); undefined: every one. */
      sites: string[] | undefined;
      /** The build that puts it on those sites, where the API builds them. */
      build: SiteBuild | null;
    }
  | { ok: false; problems: ContentProblem[] };

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` after every publication (or unpublication) before it has finished, whatever became
 * of them.
 */
export function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

export function publishPiece(options: {
  db: Database;
  contentDir: string;
  collection: Collection;
  id: string;
  piece: Piece;
  author: Author;
  /** The commit's message; by default `Publish spotlight rosa-nueva (es)`. */
  message?: string;
  /** Where the API builds the sites (`pnpm start`): the change is built into them next. */
  siteBuilds?: SiteBuilds | undefined;
  /** The language its problems are worded in, the publisher's; English unless told. */
  lang?: Locale | undefined;
  /** The API's settings: a new region's or sector's microsite becomes an allowed origin. */
  settings?: RallySettings | undefined;
}): Promise<Published> {
  return oneAtATime(async () => {
    const { db, contentDir, collection, id, piece, author } = options;
    const problems = [
      ...(await checkPiece(contentDir, collection, id, piece, options.lang)),
      ...siteAddressProblems(options, collection, id, piece),
    ];
    if (problems.length > 0) return { ok: false, problems };
    const before = await filesBefore(contentDir, collection, id, piece);
    const published = await readPiece(contentDir, collection, id);
    const files = await writePiece(contentDir, collection, id, piece);
    try {
      // Read back with everything else, as the API reads it at start-up: what it serves now.
      const content = await readContent(contentDir);
      await syncContent(db, content, { unpublishMissing: true });
      if (options.settings) allowSiteOrigins(options.settings, content.microsites);
    } catch (error) {
      await restore(before);
      if (!(error instanceof ContentError)) throw error;
      const message = unreadableContent(error, contentDir, options.lang ?? 'en');
      return { ok: false, problems: [{ path: 'content', message }] };
    }
    const languages = locales.filter((lang) => piece[lang] !== undefined);
    const committed = await commitContent(
      contentDir,
      files,
      author,
      options.message ?? `Publish ${publishable[collection]} ${id} (${languages.join(', ')})`,
    );
    const sites = sitesTouched(collection, id, published, piece);
    const build = options.siteBuilds?.request(sites, `${collection}/${id}`) ?? null;
    return { ok: true, files, committed, sites, build };
  });
}

/** The texts the piece's files had before (null: no file), to put back if publishing fails. */
async function filesBefore(contentDir: string, collection: Collection, id: string, piece: Piece) {
  const before = new Map<string, string | null>();
  for (const lang of locales) {
    if (piece[lang] === undefined) continue;
    const file = pieceFile(contentDir, collection, id, lang);
    before.set(file, await readFile(file, 'utf8').catch(() => null));
  }
  return before;
}

async function restore(before: Map<string, string | null>): Promise<void> {
  for (const [file, text] of before) {
    if (text === null) await rm(file, { force: true });
    else await writeFile(file, text);
  }
}

/**
 * A region's or sector's own address (`url`) becomes an origin the API takes writes from, so it
 * must be one this Rally takes writes from already (rally.config.json's `site_origins`, or the
 * file it replaces), or the configured pattern's: choosing which sites speak for the organization
 * is an admin's, not a publisher's. Without settings (a script), nothing is checked here.
 */
function siteAddressProblems(
  options: { settings?: RallySettings | undefined; lang?: Locale | undefined },
  collection: Collection,
  id: string,
  piece: Piece,
): ContentProblem[] {
  const { settings } = options;
  if (!settings || (collection !== 'regions' && collection !== 'sectors')) return [];
  const pattern = micrositeAddress(settings.sites.microsite_url, id).href;
  const problems: ContentProblem[] = [];
  for (const lang of locales) {
    const url = piece[lang]?.data.url;
    if (typeof url !== 'string' || !URL.canParse(url)) continue;
    const origin = new URL(url).origin;
    if (settings.allowedOrigins.has(origin) || origin === new URL(pattern).origin) continue;
    problems.push({
      path: `${lang}.url`,
      message: publishingWords[options.lang ?? 'en'].notOurSite(origin, pattern),
    });
  }
  return problems;
}

/**
 * What stops a publication (or an unpublication) when another file of the content folder cannot
 * be read back, for the publisher: the file named as staff know it, from the content folder, not
 * by where it is on the server.
 */
export function unreadableContent(error: ContentError, contentDir: string, lang: Locale): string {
  const named = (text: string) => text.replaceAll(`${contentDir.replace(/[/\\]$/, '')}${sep}`, '');
  return publishingWords[lang].unreadable(named(error.file), named(error.detail));
}
