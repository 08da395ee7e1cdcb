/**
 * A piece's history, from the console: unpublishing it (its files removed, the removal committed),
 * the commits that changed it, and restoring it as it was at one of them — published again,
 * through the same checks as any publication, as a new commit. History is git's: where the
 * content folder is no repository of its own there is none, and nothing to restore from.
 */
import type { Context, Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { pieceId, type Collection } from '@rally/content';
import { locales } from '@rally/core';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { readJson } from '../http/body.ts';
import { HttpProblem } from '../http/problems.ts';
import { jsonResponse, problemResponse, requestSchema } from '../openapi.ts';
import { audit } from '../staff/audit.ts';
import { requireSession } from '../staff/require-staff.ts';
import { commitNamed, historyOf, isContentRepository } from './git.ts';
import { publishable, publishPiece } from './publish.ts';
import { pieceAt, piecePath } from './restore.ts';
import {
  authorOf,
  cannotPublish,
  collectionOf,
  collectionParameter,
  idParameter,
  inEachLanguage,
  mayPublish,
  publicationAnswer,
  publishedAnswer,
  staffLanguage,
  staffWords,
} from './route-parts.ts';
import { unpublishPiece } from './unpublish.ts';

const unpublishedAnswer = publishedAnswer.extend({
  files: z.array(z.string()).describe('The files removed, under the content folder'),
});
const historyAnswer = z.object({
  history: z
    .array(
      z.object({
        commit: z.string(),
        author: z.object({ name: z.string(), email: z.string() }),
        date: z.string().describe('When it was made, ISO 8601'),
        message: z.string(),
      }),
    )
    .describe('The commits that changed any of its files, newest first'),
});
const restoreRequests = inEachLanguage((words) =>
  z.object({ commit: z.string().regex(/^[0-9a-f]{7,40}$/i, words.request.commit) }),
);

export function historyRoutes(routes: Hono<AppContext>, folder: (c: Context) => string): void {
  routes.delete(
    '/:collection/:id',
    describeRoute({
      summary:
        'Unpublish a piece: its files in every language are removed and the removal committed (communications, admin)',
      description:
        "The sites leave it out from their next build, and the API stops serving it at once; its signatures and RSVPs are kept, and its history keeps every version to restore. A region or sector that other pieces still name cannot be unpublished (409, still-named) until they name another; nor can the organization's own pages, which the sites are not built without (409, always-published).",
      parameters: [collectionParameter, idParameter],
      responses: {
        200: jsonResponse('Unpublished', 'Unpublished', unpublishedAnswer),
        404: problemResponse('No such kind of content, or nothing published under that id'),
        409: problemResponse(
          'Other pieces still name this region or sector (`still-named`), it is one of the organization’s own pages (`always-published`), or another file of the content folder cannot be read (`content-unreadable`)',
        ),
        503: problemResponse('Publishing is off: the API has no content folder'),
      },
    }),
    requireSession,
    mayPublish,
    async (c) => {
      const dir = folder(c);
      const { collection, id } = pieceOf(c);
      const words = staffWords(c);
      if (collection === 'pages')
        throw new HttpProblem(409, words.alwaysPublished(id), { kind: 'always-published' });
      const unpublished = await unpublishPiece({
        db: c.var.db,
        contentDir: dir,
        collection,
        id,
        author: await authorOf(c),
        siteBuilds: c.var.siteBuilds,
        lang: staffLanguage(c),
      });
      if (unpublished === null) throw nothingPublished(c, collection, id);
      if (!unpublished.ok)
        throw 'unreadable' in unpublished
          ? new HttpProblem(409, unpublished.unreadable, { kind: 'content-unreadable' })
          : new HttpProblem(409, words.stillNamed(collection, id, unpublished.namedBy), {
              kind: 'still-named',
            });
      const answer = publicationAnswer(dir, collection, id, unpublished);
      await audit(c, {
        action: 'content-unpublished',
        subjectKind: 'content',
        subjectId: `${collection}/${id}`,
        detail: { files: answer.files, commit: answer.commit },
      });
      return c.json(answer);
    },
  );

  routes.get(
    '/:collection/:id/history',
    describeRoute({
      summary:
        'The commits that changed a piece, newest first, with author and date (communications, admin)',
      parameters: [collectionParameter, idParameter],
      responses: {
        200: jsonResponse('Its history', 'ContentHistory', historyAnswer),
        404: problemResponse('No such kind of content, or an id no piece can have'),
        409: problemResponse(
          'The content folder keeps no history: it is no git repository of its own',
        ),
        503: problemResponse('Publishing is off: the API has no content folder'),
      },
    }),
    requireSession,
    mayPublish,
    async (c) => {
      const dir = await withHistory(c, folder(c));
      const { collection, id } = pieceOf(c);
      const paths = locales.map((lang) => piecePath(collection, id, lang));
      return c.json({ history: await historyOf(dir, paths) });
    },
  );

  routes.post(
    '/:collection/:id/restore',
    describeRoute({
      summary:
        'Publish a piece again as it was at a commit of its history, as a new commit (communications, admin)',
      description:
        'Each language it had at that commit is checked as any publication is and written as it was then; languages it did not have then keep their files. Answered as a publication, and refused as one, every problem in a 422’s `errors`.',
      parameters: [collectionParameter, idParameter],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: requestSchema('RestoreRequest', restoreRequests.en) },
        },
      },
      responses: {
        200: jsonResponse('Published as it was', 'Restored', publishedAnswer),
        400: problemResponse('The body is not valid JSON.'),
        404: problemResponse('No such kind of content, or an id no piece can have'),
        409: problemResponse(
          'The content folder keeps no history: it is no git repository of its own',
        ),
        415: problemResponse('The body is not JSON.'),
        422: problemResponse(
          'No such commit, the piece had no files then, or what keeps it from being published, in `errors`',
        ),
        503: problemResponse('Publishing is off: the API has no content folder'),
      },
    }),
    requireSession,
    mayPublish,
    async (c) => {
      const dir = await withHistory(c, folder(c));
      const { collection, id } = pieceOf(c);
      const wordedIn = staffLanguage(c);
      const words = staffWords(c);
      const request = await readJson(c, restoreRequests[wordedIn], wordedIn);
      const commit = await commitNamed(dir, request.commit.toLowerCase());
      if (commit === null) throw commitProblem(words.noCommit(request.commit));
      const piece = await pieceAt(dir, collection, id, commit);
      const languages = locales.filter((lang) => piece[lang] !== undefined);
      if (languages.length === 0)
        throw commitProblem(words.noFilesAt(collection, id, commit.slice(0, 7)));
      const published = await publishPiece({
        db: c.var.db,
        contentDir: dir,
        collection,
        id,
        piece,
        author: await authorOf(c),
        siteBuilds: c.var.siteBuilds,
        settings: c.var.settings,
        message: `Restore ${publishable[collection]} ${id} (${languages.join(', ')}) from ${commit.slice(0, 7)}`,
        lang: wordedIn,
      });
      if (!published.ok) throw cannotPublish(collection, published.problems, 'restored', wordedIn);
      await audit(c, {
        action: 'content-restored',
        subjectKind: 'content',
        subjectId: `${collection}/${id}`,
        detail: { languages, from: commit, commit: published.committed?.commit ?? null },
      });
      return c.json(publicationAnswer(dir, collection, id, published));
    },
  );
}

/** The collection and id in the path; an id no piece can have names nothing (404). */
function pieceOf(c: Context<AppContext>): { collection: Collection; id: string } {
  const collection = collectionOf(c);
  const id = c.req.param('id') ?? '';
  if (!pieceId.test(id)) throw nothingPublished(c, collection, id);
  return { collection, id };
}

const nothingPublished = (c: Context, collection: Collection, id: string) =>
  new HttpProblem(404, staffWords(c).nothingPublished(collection, id));

/** The content folder, where it keeps a history (it is a git repository of its own). */
async function withHistory(c: Context, dir: string): Promise<string> {
  if (!(await isContentRepository(dir)))
    throw new HttpProblem(409, staffWords(c).noHistory, { kind: 'no-history' });
  return dir;
}

const commitProblem = (message: string) =>
  new HttpProblem(422, message, { errors: [{ path: 'commit', code: 'invalid', message }] });
