/**
 * Drafts from the console: a piece saved as it is being written, complete or not, and kept out of
 * the content folder until it is published; or scheduled, which the API's timer publishes once its
 * time has come (scheduled.ts). A scheduled draft must be publishable when it is saved.
 */
import type { Context, Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { checkPiece } from '@rally/content';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { readJson } from '../http/body.ts';
import { jsonResponse, problemResponse, requestSchema } from '../openapi.ts';
import { audit } from '../staff/audit.ts';
import { requireSession } from '../staff/require-staff.ts';
import { deleteDraft, saveDraft } from './drafts.ts';
import {
  cannotPublish,
  collectionOf,
  collectionParameter,
  idParameter,
  inEachLanguage,
  mayPublish,
  staffLanguage,
  versions,
} from './route-parts.ts';

const draftRequests = inEachLanguage((words) =>
  z.object({
    versions,
    publish_at: z.iso
      .datetime({ offset: true, error: words.request.publishAt })
      .nullable()
      .optional()
      .describe('When the API publishes it by itself; null or left out: it stays a draft'),
  }),
);

const problems = z
  .array(z.object({ path: z.string(), message: z.string() }))
  .describe('What would keep it from being published now, each with where and what to do');

export const draftAnswer = z.object({
  versions,
  publish_at: z.string().nullable().describe('When it is scheduled to be published; null: not'),
  updated_at: z.string(),
  updated_by: z
    .object({ name: z.string(), email: z.string() })
    .nullable()
    .describe('Who saved it last; null once their account is gone'),
});
const savedAnswer = z.object({ draft: draftAnswer, problems });

export function draftRoutes(routes: Hono<AppContext>, folder: (c: Context) => string): void {
  routes.put(
    '/:collection/:id/draft',
    describeRoute({
      summary: 'Save a piece’s draft, or schedule it to be published (communications, admin)',
      description:
        'Replaces the piece’s draft. A plain draft is saved as it is, and the answer lists in `problems` what would keep it from being published now. With `publish_at`, it is checked as a publication is, and refused with every problem in a 422’s `errors` unless there is none; the API publishes it as the staff member who saved it within a minute of that time, then removes it.',
      parameters: [collectionParameter, idParameter],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: requestSchema('DraftRequest', draftRequests.en) },
        },
      },
      responses: {
        200: jsonResponse('Saved', 'SavedDraft', savedAnswer),
        400: problemResponse('The body is not valid JSON.'),
        404: problemResponse('No such kind of content'),
        415: problemResponse('The body is not JSON.'),
        422: problemResponse(
          'The id cannot be a piece’s, or a scheduled draft could not be published: each problem in `errors`',
        ),
        503: problemResponse('Publishing is off: the API has no content folder'),
      },
    }),
    requireSession,
    mayPublish,
    async (c) => {
      const dir = folder(c);
      const collection = collectionOf(c);
      const id = c.req.param('id');
      const lang = staffLanguage(c);
      const request = await readJson(c, draftRequests[lang], lang);
      const publishAt = request.publish_at ? new Date(request.publish_at) : null;
      const found = await checkPiece(dir, collection, id, request.versions, lang);
      if (publishAt !== null && found.length > 0)
        throw cannotPublish(collection, found, 'scheduled', lang);
      // A draft under a name no piece may have (a page the sites have no route for, a region
      // named as a sector is) could never be published.
      const misnamed = found.filter((problem) => problem.path === 'id');
      if (misnamed.length > 0) throw cannotPublish(collection, misnamed, 'saved', lang);
      const draft = await saveDraft(c.var.db, {
        collection,
        id,
        versions: request.versions,
        publishAt,
        accountId: c.var.staff.id,
      });
      await audit(c, {
        action: 'draft-saved',
        subjectKind: 'content',
        subjectId: `${collection}/${id}`,
        detail: { scheduled: publishAt?.toISOString() ?? null },
      });
      return c.json({ draft, problems: found });
    },
  );

  routes.delete(
    '/:collection/:id/draft',
    describeRoute({
      summary: 'Discard a piece’s draft, and its schedule (communications, admin)',
      description: 'What is published stays as it is. Answered the same when there was no draft.',
      parameters: [collectionParameter, idParameter],
      responses: {
        204: { description: 'Discarded' },
        404: problemResponse('No such kind of content'),
      },
    }),
    requireSession,
    mayPublish,
    async (c) => {
      const collection = collectionOf(c);
      const id = c.req.param('id');
      if (await deleteDraft(c.var.db, collection, id))
        await audit(c, {
          action: 'draft-discarded',
          subjectKind: 'content',
          subjectId: `${collection}/${id}`,
        });
      return c.body(null, 204);
    },
  );
}
