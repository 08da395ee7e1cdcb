/**
 * Where each piece of content is: `<collection>/<language>/<id>.mdx` under the content folder. The
 * one listing of the files, by which the reader, the sites' build and the scripts all go, so a
 * piece one of them sees is never missing from another.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { locales, type Locale, type sharedFacts } from '@rally/core';

/** A folder of content/ holding pieces written in each language: petitions, events, spotlights, regions, sectors. */
export type Collection = keyof typeof sharedFacts;

/** One language's file of a piece. */
export interface ContentFile {
  /** The piece's id: the file's name without .mdx, the same in each language it is written in. */
  id: string;
  lang: Locale;
  /** The file's name in its language's folder, such as fair-wages.mdx. */
  name: string;
  /** The file's path: the content folder's, then `<collection>/<lang>/<name>`. */
  file: string;
}

const contentName = /\.mdx?$/;

/**
 * A collection's files, a language at a time in the order of `locales`, each language's in name
 * order. A collection or a language nobody has written yet has none. A file outside a language
 * folder is not one of them (see `looseFiles`).
 */
export function contentFiles(contentDir: string, collection: Collection): ContentFile[] {
  return locales.flatMap((lang) => {
    const folder = join(contentDir, collection, lang);
    return namesIn(folder)
      .filter((name) => contentName.test(name))
      .sort()
      .map((name) => ({ id: name.replace(contentName, ''), lang, name, file: join(folder, name) }));
  });
}

/** The ids of a collection's pieces in order, each once however many languages it is written in. */
export function contentIds(contentDir: string, collection: Collection): string[] {
  return [...new Set(contentFiles(contentDir, collection).map((file) => file.id))].sort();
}

/**
 * The names of content files put in the collection's own folder, outside any language's: the
 * reader refuses them, naming the folder each belongs in, where a listing would leave them out.
 */
export function looseFiles(contentDir: string, collection: Collection): string[] {
  return namesIn(join(contentDir, collection)).filter((name) => contentName.test(name));
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return []; // A collection or language nobody has written yet.
  }
}
