/**
 * Writes a piece of content — its front matter and its story, in each language it is written in —
 * into content/, after the checks the build would make, so that nothing written here can stop the
 * sites' build: the schemas the reader and the sites read with, the facts translations share, the
 * regions, sectors and photos it names, and the MDX of its story, compiled by the same compiler as
 * the sites' (satteri, through @astrojs/mdx). Every problem found is given back at once, each with
 * where it is (`es.photo.alt`) and what to do, worded for the staff who write, not for developers.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  contentSchemas,
  differingFact,
  locales,
  organizationPages,
  reservedSiteSlugs,
  sharedFacts,
  type Locale,
} from '@rally/core';
import { stringify } from 'yaml';
import type { z } from 'zod';
import { contentFiles, contentIds, type Collection } from './files.ts';
import { problemWords } from './problem-words/index.ts';
import { frontMatter } from './read.ts';
import { storyProblems } from './story.ts';

/** Each collection's schema, its messages in `lang`: what its front matter must hold. */
function collectionSchema(collection: Collection, lang: Locale = 'en'): z.ZodType {
  return contentSchemas(lang)[collection];
}

/** One language's file of a piece: its front matter, and its story below it. */
export interface PieceVersion {
  data: Record<string, unknown>;
  body: string;
}

/** A piece in the languages it is written in. */
export type Piece = Partial<Record<Locale, PieceVersion>>;

/** What stops a piece from being published: where (`es.photo.alt`, `id`), and what to do. */
export interface ContentProblem {
  path: string;
  message: string;
}

/** What a piece's file name (its id) may be: as its address on the sites. */
export const pieceId = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** The path of a piece's file in one language. */
export function pieceFile(contentDir: string, collection: Collection, id: string, lang: Locale) {
  return join(contentDir, collection, lang, `${id}.mdx`);
}

/** A content file's text: the front matter as YAML between --- lines, a blank line, the story. */
export function pieceText(version: PieceVersion): string {
  return `---\n${stringify(version.data)}---\n\n${version.body.trim()}\n`;
}

/** A piece as it is in content/, in each language it has a file in. */
export async function readPiece(
  contentDir: string,
  collection: Collection,
  id: string,
): Promise<Piece> {
  const piece: Piece = {};
  for (const file of contentFiles(contentDir, collection)) {
    if (file.id !== id) continue;
    piece[file.lang] = pieceVersionOf(await readFile(file.file, 'utf8'), file.file);
  }
  return piece;
}

/** A content file's text as its front matter and its story; `file` names it in any error. */
export function pieceVersionOf(text: string, file: string): PieceVersion {
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '').trim();
  return { data: frontMatter(text, file) as Record<string, unknown>, body };
}

/**
 * Every problem that would keep the piece from the sites, or an empty list, each worded in
 * `wordedIn`: the language of whoever is writing (English unless told), not the piece's, whose
 * languages are `piece`'s keys. The languages not given keep their files, so the facts the given
 * ones share are checked against those too.
 */
export async function checkPiece(
  contentDir: string,
  collection: Collection,
  id: string,
  piece: Piece,
  wordedIn: Locale = 'en',
): Promise<ContentProblem[]> {
  const w = problemWords[wordedIn].piece;
  const schema = collectionSchema(collection, wordedIn);
  const problems: ContentProblem[] = [];
  if (!pieceId.test(id)) problems.push({ path: 'id', message: w.fileName });
  problems.push(...siteNameProblems(contentDir, collection, id, wordedIn));
  if (collection === 'pages' && !(organizationPages as readonly string[]).includes(id))
    problems.push({ path: 'id', message: w.notAPage(organizationPages) });
  const given = locales.filter((lang) => piece[lang] !== undefined);
  if (given.length === 0) problems.push({ path: 'versions', message: w.noLanguage });
  const kept = await readPiece(contentDir, collection, id);
  const checked: [Locale, Record<string, unknown>][] = [];
  for (const lang of given) {
    const version = piece[lang]!;
    const parsed = schema.safeParse(version.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ path: [lang, ...issue.path].join('.'), message: issue.message });
    } else {
      checked.push([lang, parsed.data as Record<string, unknown>]);
      problems.push(
        ...references(contentDir, lang, parsed.data as Record<string, unknown>, wordedIn),
      );
    }
    for (const message of storyProblems(version.body, wordedIn))
      problems.push({ path: `${lang}.body`, message });
  }
  // Translations share their facts: each given language is held to a file kept in another
  // language, which is not being changed, or else to the first language given.
  const keptLang = locales.find((lang) => piece[lang] === undefined && kept[lang] !== undefined);
  // Compared as the reader compares them: both as the schema reads them.
  const keptData = (lang: Locale) =>
    schema.safeParse(kept[lang]!.data).data as Record<string, unknown>;
  const reference: [Locale, Record<string, unknown>] | undefined =
    keptLang === undefined ? checked[0] : [keptLang, keptData(keptLang) ?? {}];
  for (const [lang, data] of checked) {
    if (reference === undefined || lang === reference[0]) continue;
    const fact = differingFact(sharedFacts[collection], reference[1], data);
    if (fact)
      problems.push({
        path: `${lang}.${fact}`,
        message: w.sameFact(languageName(reference[0], wordedIn), fact),
      });
  }
  return problems;
}

/**
 * A region's or sector's file name is its microsite's: not one the sites use for themselves, nor
 * the other kind's, either of which stops the sites' build.
 */
function siteNameProblems(
  contentDir: string,
  collection: Collection,
  id: string,
  wordedIn: Locale,
): ContentProblem[] {
  if (collection !== 'regions' && collection !== 'sectors') return [];
  const w = problemWords[wordedIn].piece;
  const kind = collection === 'regions' ? 'region' : 'sector';
  const other = collection === 'regions' ? 'sectors' : 'regions';
  if ((reservedSiteSlugs as readonly string[]).includes(id))
    return [{ path: 'id', message: w.siteNameReserved(id, `${id}-${kind}`) }];
  if (contentIds(contentDir, other).includes(id))
    return [
      { path: 'id', message: w.siteNameTaken(other === 'regions' ? 'region' : 'sector', id) },
    ];
  return [];
}

/** The regions, sectors and photo the front matter names, which must exist to be shown. */
function references(
  contentDir: string,
  lang: Locale,
  data: Record<string, unknown>,
  wordedIn: Locale,
) {
  const w = problemWords[wordedIn].piece;
  const problems: ContentProblem[] = [];
  for (const [field, collection] of [
    ['region', 'regions'],
    ['sector', 'sectors'],
  ] as const) {
    const slug = data[field];
    if (typeof slug !== 'string') continue;
    const known = contentIds(contentDir, collection);
    if (!known.includes(slug))
      problems.push({ path: `${lang}.${field}`, message: w.noSite(field, slug, known) });
  }
  const photo = data.photo as { src?: unknown } | undefined;
  if (typeof photo?.src === 'string' && !existsSync(join(contentDir, 'photos', photo.src)))
    problems.push({ path: `${lang}.photo.src`, message: w.noPhoto(photo.src) });
  return problems;
}

/** A language's name in another, as a sentence says it: English, or inglés in Spanish. */
const languageName = (lang: Locale, wordedIn: Locale) =>
  new Intl.DisplayNames([wordedIn], { type: 'language' }).of(lang) ?? lang;

/**
 * What was written of `written`, keeping only the keys its reading by the schema (`read`) has, as
 * they were written (dates as written, not as the dates the schema makes of them).
 */
function keptAsWritten(written: unknown, read: unknown): unknown {
  if (Array.isArray(written) && Array.isArray(read))
    return written.map((item, index) => keptAsWritten(item, read[index]));
  if (isRecord(written) && isRecord(read))
    return Object.fromEntries(
      Object.entries(written)
        .filter(([key]) => key in read)
        .map(([key, value]) => [key, keptAsWritten(value, read[key])]),
    );
  return written;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Writes the piece's files, each in full or not at all (written aside, then moved in place), and
 * gives back their paths. Check it first (`checkPiece`): this writes what it is given.
 */
export async function writePiece(
  contentDir: string,
  collection: Collection,
  id: string,
  piece: Piece,
): Promise<string[]> {
  const written: string[] = [];
  for (const lang of locales) {
    const version = piece[lang];
    if (version === undefined) continue;
    const file = pieceFile(contentDir, collection, id, lang);
    await mkdir(dirname(file), { recursive: true });
    const aside = `${file}.${process.pid}.writing`;
    // Only what the schema reads: any other key of the front matter (`layout`, say, which MDX
    // would import and run when the sites are built) is left out of the file.
    const read = collectionSchema(collection).safeParse(version.data);
    const data = read.success ? keptAsWritten(version.data, read.data) : version.data;
    await writeFile(
      aside,
      pieceText({ data: data as Record<string, unknown>, body: version.body }),
    );
    await rename(aside, file);
    written.push(file);
  }
  return written;
}
