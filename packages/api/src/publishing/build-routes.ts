/**
 * How a build of the sites after a publication is going (`/api/v1/staff/content/builds/:id`), for the
 * console to show its progress and then the change's live pages. Staff who may publish only.
 */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { HttpProblem } from '../http/problems.ts';
import { jsonResponse, pathParameter, problemResponse } from '../openapi.ts';
import { requireRole, requireSession } from '../staff/require-staff.ts';
import type { SiteBuilds } from './site-builds.ts';
import { staffWords } from './words/index.ts';

export const siteBuild = z.object({
  id: z.string(),
  kind: z.enum(['publication', 'preview']),
  status: z.enum(['queued', 'building', 'done', 'failed']),
  sites: z.array(z.string()).nullable().describe('The sites it makes; null: every site'),
  pieces: z.array(z.string()).describe('The pieces it was asked for, as spotlights/rosa-nueva'),
  pages: z
    .array(z.object({ site: z.string(), lang: z.string(), url: z.string() }))
    .describe('Each piece’s pages once built'),
  requested_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  seconds: z.number().nullable(),
  problem: z
    .string()
    .nullable()
    .describe('That it failed, in a sentence naming the build; why is in the API’s log'),
});

export function buildRoutes(builds: SiteBuilds | undefined): Hono<AppContext> {
  const routes = new Hono<AppContext>();
  routes.get(
    '/:id',
    describeRoute({
      summary: 'How a build of the sites after a publication is going (communications, admin)',
      parameters: [pathParameter('id', 'The build’s id, from the publication’s answer.')],
      responses: {
        200: jsonResponse('The build', 'SiteBuildAnswer', z.object({ build: siteBuild })),
        404: problemResponse('No such build, or none remembered'),
      },
    }),
    requireSession,
    requireRole(['admin', 'communications'], 'publishing content'),
    (c) => {
      const build = builds?.get(c.req.param('id'));
      if (!build)
        throw new HttpProblem(
          404,
          builds ? staffWords(c).builds.none : staffWords(c).builds.elsewhere,
        );
      return c.json({ build });
    },
  );
  return routes;
}
