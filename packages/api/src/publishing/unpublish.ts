/**
 * Unpublishing a piece: its files, in every language, are removed from the content folder and the
 * removal committed, so the sites leave it out from their next build. The API stops serving it at
 * once: its row is kept, so signatures and RSVPs keep their meaning, and marked unpublished
 * (content-sync.ts, unpublished.ts). Its history keeps every version, for restoring one.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import {
  ContentError,
  contentFiles,
  frontMatter,
  pieceFile,
  readContent,
  readPiece,
  sitesTouched,
  type Collection,
} from '@rally/content';
import { locales, type Locale } from '@rally/core';
import { syncContent } from '../content-sync.ts';
import type { Database } from '../database.ts';
import { commitContent, type Author, type Committed } from './git.ts';
import { oneAtATime, publishable, unreadableContent } from './publish.ts';
import type { SiteBuild, SiteBuilds } from './site-builds.ts';

export type Unpublished =
  | {
      ok: true;
      files: string[];
      committed: Committed | null;
      /** The sites it showed on (`hub` too); undefined: every one. */
      sites: string[] | undefined;
      /** The build that takes it off those sites, where the API builds them. */
      build: SiteBuild | null;
    }
  /** Other pieces still name this region or sector, which the sites could not build without. */
  | { ok: false; namedBy: string[] }
  /** Another file of the content folder cannot be read: what to tell the publisher. */
  | { ok: false; unreadable: string };

/** Removes the piece's files and commits it; null when it has none to remove. */
export function unpublishPiece(options: {
  db: Database;
  contentDir: string;
  collection: Collection;
  id: string;
  author: Author;
  /** Where the API builds the sites (`pnpm start`): the change is built into them next. */
  siteBuilds?: SiteBuilds | undefined;
  /** The language a refusal is worded in, the publisher's; English unless told. */
  lang?: Locale | undefined;
}): Promise<Unpublished | null> {
  return oneAtATime(async () => {
    try {
      return await unpublish(options);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      return {
        ok: false,
        unreadable: unreadableContent(error, options.contentDir, options.lang ?? 'en'),
      };
    }
  });
}

async function unpublish(
  options: Parameters<typeof unpublishPiece>[0],
): Promise<Unpublished | null> {
  const { db, contentDir, collection, id, author } = options;
  const piece = await readPiece(contentDir, collection, id);
  const languages = locales.filter((lang) => piece[lang] !== undefined);
  if (languages.length === 0) return null;
  const namedBy = await piecesNaming(contentDir, collection, id);
  if (namedBy.length > 0) return { ok: false, namedBy };
  const files = languages.map((lang) => pieceFile(contentDir, collection, id, lang));
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  await Promise.all(files.map((file) => rm(file)));
  try {
    // Read back as the API reads it at start-up: what it serves now, without this piece.
    await syncContent(db, await readContent(contentDir), { unpublishMissing: true });
  } catch (error) {
    await Promise.all(files.map((file, i) => writeFile(file, texts[i]!)));
    throw error;
  }
  const committed = await commitContent(
    contentDir,
    files,
    author,
    `Unpublish ${publishable[collection]} ${id} (${languages.join(', ')})`,
  );
  const sites = sitesTouched(collection, id, piece);
  const build = options.siteBuilds?.request(sites, `${collection}/${id}`) ?? null;
  return { ok: true, files, committed, sites, build };
}

/** The pieces (`spotlights/marisol-reyes`) that name the region or sector `id`. */
async function piecesNaming(contentDir: string, collection: Collection, id: string) {
  if (collection !== 'regions' && collection !== 'sectors') return [];
  const field = collection === 'regions' ? 'region' : 'sector';
  const naming = new Set<string>();
  for (const kind of ['petitions', 'events', 'spotlights'] as const)
    for (const file of contentFiles(contentDir, kind)) {
      const data = frontMatter(await readFile(file.file, 'utf8'), file.file) as Record<
        string,
        unknown
      >;
      if (data[field] === id) naming.add(`${kind}/${file.id}`);
    }
  return [...naming].sort();
}
