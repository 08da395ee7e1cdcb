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
import { pageLocale } from '../http/pages.ts';
import { HttpProblem } from '../http/problems.ts';
import { pathParameter } from '../openapi.ts';
import { findAccount } from '../staff/accounts.ts';
import { requireRole } from '../staff/require-staff.ts';
import type { Author } from './git.ts';
import { siteBuild } from './build-routes.ts';
import { publishable, type Published } from './publish.ts';

export const pieceVersion = z.object({
  data: z.record(z.string(), z.unknown()),
  // Both languages of a piece fit in one request, under the API's 64 KB for any write.
  body: z.string().max(20_000, 'Keep the story under 20,000 characters.'),
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

/** The content folder, or a 503 where the API was started without one: publishing is off. */
export function contentFolder(contentDir: string | undefined): string {
  if (contentDir === undefined)
    throw new HttpProblem(
      503,
      'Publishing is off: this API was started without a content folder to publish into.',
      { kind: 'publishing-off' },
    );
  return contentDir;
}

export function collectionOf(c: Context<AppContext>): Collection {
  const name = c.req.param('collection') ?? '';
  if (!(name in publishable))
    throw new HttpProblem(
      404,
      `There is no kind of content named ${name}: use one of ${Object.keys(publishable).join(', ')}.`,
    );
  return name as Collection;
}

/** The signed-in staff member, as the author of what they publish. */
export async function authorOf(c: Context<AppContext>): Promise<Author> {
  const account = await findAccount(c.var.db, c.var.staff.id);
  return { name: account.name || account.email, email: account.email };
}

/**
 * The language the staff member reads the console in, which says so in `Accept-Language`: what
 * keeps a piece from being published is worded in it. One Rally is built in; else the default.
 */
export function staffLanguage(c: Context<AppContext>): Locale {
  return pageLocale(undefined, c.req.header('accept-language'));
}

type Doing = 'published' | 'scheduled' | 'saved' | 'restored' | 'previewed';

/** The sentence above a refusal's problems, by language: what cannot be done, and how many. */
const refusal: Record<Locale, (collection: Collection, doing: Doing, count: number) => string> = {
  en: (collection, doing, count) =>
    `This ${publishable[collection]} cannot be ${doing} yet: ${count === 1 ? 'one thing needs' : `${count} things need`} changing.`,
  es: (collection, doing, count) =>
    `${
      {
        petitions: 'Esta petición',
        events: 'Este evento',
        spotlights: 'Esta historia de miembro',
        regions: 'Esta región',
        sectors: 'Este sector',
        pages: 'Esta página',
      }[collection]
    } todavía no se puede ${
      {
        published: 'publicar',
        scheduled: 'programar',
        saved: 'guardar',
        restored: 'restaurar',
        previewed: 'ver en vista previa',
      }[doing]
    }: hay que cambiar ${count === 1 ? 'una cosa' : `${count} cosas`}.`,
};

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
  return new HttpProblem(422, refusal[lang](collection, doing, problems.length), {
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
