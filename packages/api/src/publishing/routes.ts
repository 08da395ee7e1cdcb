/**
 * Publishing from the console (`/api/v1/staff/content/…`): communications staff and admins, signed
 * in, list the pieces of each kind of content, open one in every language it is written in, and
 * publish it — checked as the build checks it, each problem named by where it is, then written into
 * the content folder, served at once and committed with them as its author. Every publication is in
 * the audit log.
 */
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import { contentFiles, readPiece, type Collection } from '@rally/content';
import { locales } from '@rally/core';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { readJson } from '../http/body.ts';
import { HttpProblem } from '../http/problems.ts';
import { jsonResponse, pathParameter, problemResponse, requestSchema } from '../openapi.ts';
import { findAccount } from '../staff/accounts.ts';
import { audit } from '../staff/audit.ts';
import { requireRole, requireSession, sameSiteWrites } from '../staff/require-staff.ts';
import { publishable, publishPiece } from './publish.ts';

const pieceVersion = z.object({
  data: z.record(z.string(), z.unknown()),
  // Both languages of a piece fit in one request, under the API's 64 KB for any write.
  body: z.string().max(20_000, 'Keep the story under 20,000 characters.'),
});
const versions = z.partialRecord(z.enum(locales), pieceVersion);
const publishRequest = z.object({ versions });

const pieceAnswer = z.object({ collection: z.string(), id: z.string(), versions });
const pieceList = z.object({
  collection: z.string(),
  pieces: z.array(z.object({ id: z.string(), languages: z.array(z.string()), title: z.string() })),
});
const publishedAnswer = z.object({
  collection: z.string(),
  id: z.string(),
  files: z.array(z.string()).describe('The files written, under the content folder'),
  commit: z.string().nullable().describe('The commit, where the content folder is a repository'),
  pushed: z.boolean().nullable().describe('Whether the commit reached the remote; null: none set'),
});

/** Communications staff and admins, signed in: a publication has a person as its author. */
const mayPublish = requireRole(['admin', 'communications'], 'publishing content');

const collectionParameter = pathParameter(
  'collection',
  `The kind of content: ${Object.keys(publishable).join(', ')}.`,
);
const idParameter = pathParameter('id', 'The piece’s file name without .mdx, like marisol-reyes.');

/** The routes, for the content folder the API reads; without one, publishing is off. */
export function publishingRoutes(contentDir: string | undefined): Hono<AppContext> {
  const routes = new Hono<AppContext>();
  // Publishing as someone from another site's page is refused, as every staff write is.
  routes.use(sameSiteWrites);

  function folder(): string {
    if (contentDir === undefined)
      throw new HttpProblem(
        503,
        'Publishing is off: this API was started without a content folder to publish into.',
        { kind: 'publishing-off' },
      );
    return contentDir;
  }

  routes.get(
    '/:collection',
    describeRoute({
      summary: 'The pieces of one kind of content, with their languages (communications, admin)',
      parameters: [collectionParameter],
      responses: {
        200: jsonResponse('Each piece once, in id order', 'ContentList', pieceList),
        404: problemResponse('No such kind of content'),
      },
    }),
    requireSession,
    mayPublish,
    (c) => {
      const dir = folder();
      const collection = collectionOf(c);
      const pieces = new Map<string, { id: string; languages: string[]; title: string }>();
      for (const file of contentFiles(dir, collection)) {
        const piece = pieces.get(file.id) ?? { id: file.id, languages: [], title: file.id };
        piece.languages.push(file.lang);
        pieces.set(file.id, piece);
      }
      return c.json({
        collection,
        pieces: [...pieces.values()].sort((a, b) => a.id.localeCompare(b.id)),
      });
    },
  );

  routes.get(
    '/:collection/:id',
    describeRoute({
      summary: 'One piece in every language it is written in (communications, admin)',
      parameters: [collectionParameter, idParameter],
      responses: {
        200: jsonResponse('Its front matter and story, by language', 'ContentPiece', pieceAnswer),
        404: problemResponse('No such kind of content, or no such piece'),
      },
    }),
    requireSession,
    mayPublish,
    async (c) => {
      const collection = collectionOf(c);
      const id = c.req.param('id');
      const piece = await readPiece(folder(), collection, id);
      if (Object.keys(piece).length === 0)
        throw new HttpProblem(404, `There is no ${publishable[collection]} named ${id}.`);
      return c.json({ collection, id, versions: piece });
    },
  );

  routes.put(
    '/:collection/:id',
    describeRoute({
      summary:
        'Publish a piece: each language given is checked as the build checks it, written, served at once and committed (communications, admin)',
      description:
        'Languages left out keep their files. Every problem is answered at once in `errors`, each with its `path` (`es.photo.alt`, `es.body`, `id`) and what to do; nothing is written unless there is none. Where the content folder is a git repository of its own, the publication is a commit with the staff member as author, pushed when a remote is set.',
      parameters: [collectionParameter, idParameter],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: requestSchema('PublishRequest', publishRequest) },
        },
      },
      responses: {
        200: jsonResponse('Published', 'Published', publishedAnswer),
        400: problemResponse('The body is not valid JSON.'),
        404: problemResponse('No such kind of content'),
        415: problemResponse('The body is not JSON.'),
        422: problemResponse('What keeps it from being published, each problem in `errors`'),
        503: problemResponse('Publishing is off: the API has no content folder'),
      },
    }),
    requireSession,
    mayPublish,
    async (c) => {
      const dir = folder();
      const collection = collectionOf(c);
      const id = c.req.param('id');
      const { versions: piece } = await readJson(c, publishRequest);
      const account = await findAccount(c.var.db, c.var.staff.id);
      const published = await publishPiece({
        db: c.var.db,
        contentDir: dir,
        collection,
        id,
        piece,
        author: { name: account.name || account.email, email: account.email },
      });
      if (!published.ok)
        throw new HttpProblem(
          422,
          `This ${publishable[collection]} cannot be published yet: ${published.problems.length === 1 ? 'one thing needs' : `${published.problems.length} things need`} changing.`,
          {
            errors: published.problems.map((problem) => ({ ...problem, code: 'invalid' })),
          },
        );
      const languages = locales.filter((lang) => piece[lang] !== undefined);
      await audit(c, {
        action: 'content-published',
        subjectKind: 'content',
        subjectId: `${collection}/${id}`,
        detail: { languages, commit: published.committed?.commit ?? null },
      });
      return c.json({
        collection,
        id,
        files: published.files.map((file) => file.slice(dir.length).replace(/^[/\\]/, '')),
        commit: published.committed?.commit ?? null,
        pushed: published.committed?.pushed ?? null,
      });
    },
  );

  return routes;
}

function collectionOf(c: Context<AppContext>): Collection {
  const name = c.req.param('collection') ?? '';
  if (!(name in publishable))
    throw new HttpProblem(
      404,
      `There is no kind of content named ${name}: use one of ${Object.keys(publishable).join(', ')}.`,
    );
  return name as Collection;
}
