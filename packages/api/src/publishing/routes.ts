/**
 * Publishing from the console (`/api/v1/staff/content/…`): communications staff and admins, signed
 * in, list the pieces of each kind of content, open one in every language it is written in, and
 * publish it — checked as the build checks it, each problem named by where it is, then written into
 * the content folder, served at once and committed with them as its author. Every publication is in
 * the audit log. Drafts and their schedule are in draft-routes.ts; unpublishing, history and
 * restoring in history-routes.ts; photos in photo-routes.ts.
 */
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import { readFile } from 'node:fs/promises';
import { contentFiles, frontMatter, readPiece } from '@rally/content';
import { locales } from '@rally/core';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { readJson } from '../http/body.ts';
import { HttpProblem } from '../http/problems.ts';
import { jsonResponse, problemResponse, requestSchema } from '../openapi.ts';
import { audit } from '../staff/audit.ts';
import { requireSession, sameSiteWrites } from '../staff/require-staff.ts';
import { draftAnswer, draftRoutes } from './draft-routes.ts';
import { deleteDraft, draftsOf, readDraft } from './drafts.ts';
import { historyRoutes } from './history-routes.ts';
import { photoRoutes } from './photo-routes.ts';
import { publishPiece } from './publish.ts';
import {
  authorOf,
  cannotPublish,
  collectionOf,
  collectionParameter,
  contentFolder,
  idParameter,
  mayPublish,
  publicationAnswer,
  publishedAnswer,
  staffLanguage,
  staffWords,
  versions,
} from './route-parts.ts';

const publishRequest = z.object({ versions });

const pieceAnswer = z.object({
  collection: z.string(),
  id: z.string(),
  versions,
  draft: draftAnswer.nullable().describe('What was saved and not published yet; null: nothing'),
});
const pieceList = z.object({
  collection: z.string(),
  pieces: z.array(
    z.object({
      id: z.string(),
      languages: z.array(z.string()).describe('Published in; none for a draft never published'),
      title: z.string(),
      draft: z
        .object({ publish_at: z.string().nullable() })
        .nullable()
        .describe('Its draft, and when it is scheduled; null: none'),
    }),
  ),
});

/** The routes, for the content folder the API reads; without one, publishing is off. */
export function publishingRoutes(contentDir: string | undefined): Hono<AppContext> {
  const routes = new Hono<AppContext>();
  // Publishing as someone from another site's page is refused, as every staff write is.
  routes.use(sameSiteWrites);
  const folder = (c: Context) => contentFolder(contentDir, c);
  // Before the pieces' routes, whose `/:collection/:id` would take `/photos/:src`.
  photoRoutes(routes, folder);

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
    async (c) => {
      const dir = folder(c);
      const collection = collectionOf(c);
      const drafts = await draftsOf(c.var.db, collection);
      type Listed = z.infer<typeof pieceList>['pieces'][number];
      const pieces = new Map<string, Listed>();
      const listed = (id: string): Listed => {
        const piece = pieces.get(id) ?? {
          id,
          languages: [],
          title: id,
          draft: drafts.has(id)
            ? { publish_at: drafts.get(id)!.publish_at?.toISOString() ?? null }
            : null,
        };
        pieces.set(id, piece);
        return piece;
      };
      for (const file of contentFiles(dir, collection)) {
        const piece = listed(file.id);
        piece.languages.push(file.lang);
        // Named as staff know it: its title (a petition, an event) or name, in its first language.
        if (piece.languages.length === 1)
          piece.title = titleOf(frontMatterOf(await readFile(file.file, 'utf8')), file.id);
      }
      for (const [id, draft] of drafts) {
        const piece = listed(id);
        if (piece.languages.length === 0)
          piece.title = titleOf(Object.values(draft.versions)[0]?.data, id);
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
      summary:
        'One piece in every language it is written in, and its draft (communications, admin)',
      parameters: [collectionParameter, idParameter],
      responses: {
        200: jsonResponse(
          'Its front matter and story, by language, as published and as drafted',
          'ContentPiece',
          pieceAnswer,
        ),
        404: problemResponse('No such kind of content, or no such piece'),
      },
    }),
    requireSession,
    mayPublish,
    async (c) => {
      const collection = collectionOf(c);
      const id = c.req.param('id');
      const piece = await readPiece(folder(c), collection, id);
      const draft = await readDraft(c.var.db, collection, id);
      if (Object.keys(piece).length === 0 && draft === null)
        throw new HttpProblem(404, staffWords(c).noPiece(collection, id));
      return c.json({ collection, id, versions: piece, draft });
    },
  );

  routes.put(
    '/:collection/:id',
    describeRoute({
      summary:
        'Publish a piece: each language given is checked as the build checks it, written, served at once and committed (communications, admin)',
      description:
        'Languages left out keep their files. Every problem is answered at once in `errors`, each with its `path` (`es.photo.alt`, `es.body`, `id`) and what to do; nothing is written unless there is none. Where the content folder is a git repository of its own, the publication is a commit with the staff member as author, pushed when a remote is set. The publisher’s own draft of the piece, if any, is removed: what is published replaces it; a colleague’s stays.',
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
      const dir = folder(c);
      const collection = collectionOf(c);
      const id = c.req.param('id');
      const wordedIn = staffLanguage(c);
      const { versions: piece } = await readJson(c, publishRequest, wordedIn);
      const published = await publishPiece({
        siteBuilds: c.var.siteBuilds,
        settings: c.var.settings,
        db: c.var.db,
        contentDir: dir,
        collection,
        id,
        piece,
        author: await authorOf(c),
        lang: wordedIn,
      });
      if (!published.ok) throw cannotPublish(collection, published.problems, 'published', wordedIn);
      // What was published replaces the publisher's own draft; a colleague's newer one stays.
      await deleteDraft(c.var.db, collection, id, c.var.staff.id);
      const languages = locales.filter((lang) => piece[lang] !== undefined);
      await audit(c, {
        action: 'content-published',
        subjectKind: 'content',
        subjectId: `${collection}/${id}`,
        detail: { languages, commit: published.committed?.commit ?? null },
      });
      return c.json(publicationAnswer(dir, collection, id, published));
    },
  );

  draftRoutes(routes, folder);
  historyRoutes(routes, folder);

  return routes;
}

/** A piece's front matter, or nothing where it cannot be read (the list still names the file). */
function frontMatterOf(text: string): unknown {
  try {
    return frontMatter(text, '');
  } catch {
    return undefined;
  }
}

/** What staff call a piece: its title, or its name, else its file name. */
function titleOf(data: unknown, id: string): string {
  const { title, name } = (data ?? {}) as { title?: unknown; name?: unknown };
  const named = typeof title === 'string' ? title : typeof name === 'string' ? name : '';
  return named.trim() || id;
}
