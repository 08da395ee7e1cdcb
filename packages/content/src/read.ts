/**
 * Reads the petitions, events, spotlights, regions and sectors that staff write as MDX in content/,
 * validated with the same schemas the sites build with, so there is never a second copy to keep.
 * The API loads what this reads into its database; the sites' build reads the timed content here
 * too, and the scripts that write or copy content check it with it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  differingFact,
  eventContent,
  micrositeContent,
  petitionContent,
  sharedFacts,
  spotlightContent,
  type EventContent,
  type Locale,
  type MicrositeContent,
  type PetitionContent,
  type SpotlightContent,
} from '@rally/core';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { contentFiles, looseFiles, type Collection } from './files.ts';

/** One piece of content in each language it is written in, first language first. */
export type Versions<Data> = Map<string, [Locale, Data][]>;

export interface Content {
  petitions: Versions<PetitionContent>;
  events: Versions<EventContent>;
  spotlights: Versions<SpotlightContent>;
  /** Regions and sectors: each is a microsite whose pages may write to the API. */
  microsites: Versions<MicrositeContent>;
}

/**
 * A content file that cannot be used: its message names the file, then what is wrong (the field,
 * in English); `file` and `detail` are the two apart, for a message of another's words.
 */
export class ContentError extends Error {
  override name = 'ContentError';
  readonly file: string;
  readonly detail: string;

  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.file = file;
    this.detail = detail;
  }
}

export async function readContent(contentDir: string): Promise<Content> {
  return {
    petitions: await readCollection(contentDir, 'petitions', petitionContent),
    events: await readCollection(contentDir, 'events', eventContent),
    spotlights: await readCollection(contentDir, 'spotlights', spotlightContent),
    microsites: new Map([
      ...(await readCollection(contentDir, 'regions', micrositeContent)),
      ...(await readCollection(contentDir, 'sectors', micrositeContent)),
    ]),
  };
}

/**
 * Reads the petitions and events alone: the content with times in it, which the sites' build reads
 * here too, since only a reader that sees the text can tell a time without its offset from UTC.
 */
export async function readTimedContent(contentDir: string): Promise<void> {
  await readCollection(contentDir, 'petitions', petitionContent);
  await readCollection(contentDir, 'events', eventContent);
}

/**
 * Reads `<collection>/<language>/<id>.mdx`. The same id in two language folders is one piece of
 * content translated, so its facts must agree.
 */
async function readCollection<Schema extends z.ZodType>(
  contentDir: string,
  collection: Collection,
  schema: Schema,
): Promise<Versions<z.infer<Schema>>> {
  const dir = join(contentDir, collection);
  const entries: Versions<z.infer<Schema>> = new Map();
  const files = new Map<string, string>();
  const [loose] = looseFiles(contentDir, collection);
  if (loose)
    throw new ContentError(
      join(dir, loose),
      `put it in a folder named for its language, like ${join(dir, 'en', loose)}.`,
    );
  for (const { id, lang, name, file } of contentFiles(contentDir, collection)) {
    if (!/^[a-z0-9][a-z0-9-]*\.mdx?$/.test(name))
      throw new ContentError(
        file,
        'name the file with lower-case letters, digits and dashes, like fair-wages.mdx.',
      );
    const parsed = schema.safeParse(frontMatter(await readFile(file, 'utf8'), file));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ContentError(file, `${issue.path.join('.') || 'front matter'}: ${issue.message}`);
    }
    const versions = entries.get(id) ?? [];
    const first = versions[0];
    if (first) {
      const key = differingFact(
        sharedFacts[collection],
        first[1] as Record<string, unknown>,
        parsed.data as Record<string, unknown>,
      );
      if (key)
        throw new ContentError(
          file,
          `${key}: differs from ${files.get(id)}; translations share their facts, so make them the same.`,
        );
    } else files.set(id, file);
    versions.push([lang, parsed.data]);
    entries.set(id, versions);
  }
  return entries;
}

/** A content file's front matter, read as the API reads it; a ContentError names what is wrong. */
export function frontMatter(text: string, file: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match?.[1]) throw new ContentError(file, 'no front matter between --- lines at the top.');
  try {
    return parseYaml(match[1]);
  } catch (error) {
    throw new ContentError(file, `the front matter is not valid YAML: ${(error as Error).message}`);
  }
}
