/**
 * What the publishing routes share: who may publish, the collection and piece named in the path,
 * the pieces' schema, the folder published into, the language a refusal is worded in, and how a
 * publication is answered or refused.
 */
import type { Context } from 'hono';
import type { Collection, ContentProblem } from '@rally/content';
import { locales, type Locale } from '@rally/core';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { HttpProblem } from '../http/problems.ts';
import { pathParameter } from '../openapi.ts';
import { findAccount } from '../staff/accounts.ts';
import { requireRole } from '../staff/require-staff.ts';
import type { Author } from './git.ts';
import { siteBuild } from './build-routes.ts';
import { publishable, type Published } from './publish.ts';
import { publishingWords, staffWords, type Doing, type PublishingWords } from './words/index.ts';

export { staffLanguage, staffWords } from './words/index.ts';

export const pieceVersion = z.object({
  data: z.record(z.string(), z.unknown()),
  // Both languages of a piece fit in one request, under the API's 64 KB for any write. A story
  // over it is told its limit as any field is, in the staff member's language.
  body: z.string().max(20_000),
});
export const versions = z.partialRecord(z.enum(locales), pieceVersion);

export const publishedAnswer = z.object({
  collection: z.string(),
  id: z.string(),
  files: z.array(z.string()).describe('The files written, under the content folder'),
  commit: z.string().nullable().describe('The commit, where the content folder is a repository'),
  pushed: z.boolean().nullable().describe('Whether the commit reached the remote; null: none set'),
  build: siteBuild
    .nullable()
    .describe(
      'The build that puts it on the sites it shows on, to follow at /builds/:id; null where the sites are built elsewhere',
    ),
});

/** Communications staff and admins, signed in: a publication has a person as its author. */
export const mayPublish = requireRole(['admin', 'communications'], 'publishing content');

export const collectionParameter = pathParameter(
  'collection',
  `The kind of content: ${Object.keys(publishable).join(', ')}.`,
);
export const idParameter = pathParameter(
  'id',
  'The piece’s file name without .mdx, like marisol-reyes.',
);

/**
 * A request's schema in each language, its own fields' messages in that language's words: read
 * the staff member's with `readJson(c, schemas[lang], lang)`.
 */
export function inEachLanguage<Schema>(
  schema: (words: PublishingWords) => Schema,
): Record<Locale, Schema> {
  return Object.fromEntries(
    Object.entries(publishingWords).map(([lang, words]) => [lang, schema(words)]),
  ) as Record<Locale, Schema>;
}

/**
 * The content folder, or a 503 where the API was started without one: publishing is off, said in
 * the staff member's language.
 */
export function contentFolder(contentDir: string | undefined, c: Context): string {
  if (contentDir === undefined)
    throw new HttpProblem(503, staffWords(c).off, { kind: 'publishing-off' });
  return contentDir;
}

export function collectionOf(c: Context<AppContext>): Collection {
  const name = c.req.param('collection') ?? '';
  if (!(name in publishable))
    throw new HttpProblem(404, staffWords(c).noKind(name, Object.keys(publishable)));
  return name as Collection;
}

/** The signed-in staff member, as the author of what they publish. */
export async function authorOf(c: Context<AppContext>): Promise<Author> {
  const account = await findAccount(c.var.db, c.var.staff.id);
  return { name: account.name || account.email, email: account.email };
}

/**
 * The 422 that names everything keeping a piece from being published (or scheduled, saved), its
 * sentence in `lang` as its problems are.
 */
export function cannotPublish(
  collection: Collection,
  problems: ContentProblem[],
  doing: Doing = 'published',
  lang: Locale = 'en',
): HttpProblem {
  return new HttpProblem(422, publishingWords[lang].refusal(collection, doing, problems.length), {
    errors: problems.map((problem) => ({ ...problem, code: 'invalid' })),
  });
}

/** A publication's (or unpublication's) answer: the files under the content folder, and the commit. */
export function publicationAnswer(
  contentDir: string,
  collection: Collection,
  id: string,
  published: Pick<Extract<Published, { ok: true }>, 'files' | 'committed' | 'build'>,
): z.infer<typeof publishedAnswer> {
  return {
    collection,
    id,
    files: published.files.map((file) => file.slice(contentDir.length).replace(/^[/\\]/, '')),
    commit: published.committed?.commit ?? null,
    pushed: published.committed?.pushed ?? null,
    build: published.build,
  };
}
