/**
 * Teaches the API the petitions, events and spotlights that staff write as MDX in content/,
 * validated with the same schemas the sites build with, so there is never a second copy to keep.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  eventContent,
  petitionContent,
  spotlightContent,
  type EventContent,
  type PetitionContent,
  type SpotlightContent,
} from '@rally/core';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { Database } from './database.ts';

export interface Content {
  petitions: Map<string, PetitionContent>;
  events: Map<string, EventContent>;
  spotlights: Map<string, SpotlightContent>;
}

/** A content file that cannot be used; the message names the file and the field. */
export class ContentError extends Error {
  override name = 'ContentError';
}

export async function readContent(contentDir: string): Promise<Content> {
  return {
    petitions: await readCollection(join(contentDir, 'petitions'), petitionContent),
    events: await readCollection(join(contentDir, 'events'), eventContent),
    spotlights: await readCollection(join(contentDir, 'spotlights'), spotlightContent),
  };
}

async function readCollection<Schema extends z.ZodType>(
  dir: string,
  schema: Schema,
): Promise<Map<string, z.infer<Schema>>> {
  const entries = new Map<string, z.infer<Schema>>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return entries; // A collection nobody has written yet.
  }
  for (const name of names.filter((n) => /^[a-z0-9][a-z0-9-]*\.mdx?$/.test(n)).sort()) {
    const file = join(dir, name);
    const parsed = schema.safeParse(frontMatter(await readFile(file, 'utf8'), file));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ContentError(
        `${file}: ${issue.path.join('.') || 'front matter'}: ${issue.message}`,
      );
    }
    entries.set(name.replace(/\.mdx?$/, ''), parsed.data);
  }
  return entries;
}

function frontMatter(text: string, file: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match?.[1]) throw new ContentError(`${file}: no front matter between --- lines at the top.`);
  try {
    return parseYaml(match[1]);
  } catch (error) {
    throw new ContentError(
      `${file}: the front matter is not valid YAML: ${(error as Error).message}`,
    );
  }
}

/**
 * Writes the content into the database. Signatures, RSVPs and counters are the database's own and
 * are kept; an entry whose file was removed stays, so its records keep their meaning.
 */
export async function syncContent(db: Database, content: Content): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [id, p] of content.petitions) {
      await tx.query(
        `insert into petitions (id, title, description, targets, goal, lang, region, sector, opens_at, closes_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (id) do update set title = $2, description = $3, targets = $4, goal = $5,
           lang = $6, region = $7, sector = $8, opens_at = $9, closes_at = $10, updated_at = now()`,
        [
          id,
          p.title,
          p.description,
          JSON.stringify(p.target),
          p.goal,
          p.lang,
          p.region ?? null,
          p.sector ?? null,
          p.opens_at ?? null,
          p.closes_at ?? null,
        ],
      );
    }
    for (const [id, e] of content.events) {
      await tx.query(
        `insert into events (id, title, description, start_at, end_at, timezone, location, online_url,
           capacity, lang, region, sector)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         on conflict (id) do update set title = $2, description = $3, start_at = $4, end_at = $5,
           timezone = $6, location = $7, online_url = $8, capacity = $9, lang = $10, region = $11,
           sector = $12, updated_at = now()`,
        [
          id,
          e.title,
          e.description,
          e.start,
          e.end,
          e.timezone,
          e.location ? JSON.stringify(e.location) : null,
          e.online_url ?? null,
          e.capacity ?? null,
          e.lang,
          e.region ?? null,
          e.sector ?? null,
        ],
      );
    }
    for (const [id, s] of content.spotlights) {
      await tx.query(
        `insert into spotlights (id, name, kind, region, sector, photo, quote, lang, published_on)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         on conflict (id) do update set name = $2, kind = $3, region = $4, sector = $5, photo = $6,
           quote = $7, lang = $8, published_on = $9, updated_at = now()`,
        [id, s.name, s.kind, s.region, s.sector, JSON.stringify(s.photo), s.quote, s.lang, s.date],
      );
    }
  });
}
