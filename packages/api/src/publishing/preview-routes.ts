/**
 * Previews (`/api/v1/staff/content/previews`): a piece as it is being written, shown on the pages
 * of its microsites in each language before it is published. The API copies the content folder,
 * writes the piece into the copy, and has the sites it shows on built from it into a folder of
 * their own (the same build as after a publication, in turn with those); then serves those pages
 * here, on its own origin, to the staff member who may publish — with the sites' addresses turned
 * into this folder's, no script run, and never indexed. Only where the API builds the sites.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { checkPiece, readPiece, sitesTouched, writePiece, type Collection } from '@rally/content';
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { readJson } from '../http/body.ts';
import { HttpProblem } from '../http/problems.ts';
import { mediaTypeOf, readIfFile } from '../http/static-files.ts';
import { jsonResponse, pathParameter, problemResponse, requestSchema } from '../openapi.ts';
import { audit } from '../staff/audit.ts';
import { requireSession, sameSiteWrites } from '../staff/require-staff.ts';
import { siteBuild } from './build-routes.ts';
import { publishable } from './publish.ts';
import {
  cannotPublish,
  contentFolder,
  mayPublish,
  staffLanguage,
  staffWords,
  versions,
} from './route-parts.ts';
import type { SiteBuild, SiteBuilds } from './site-builds.ts';

const previewRequest = z.object({
  collection: z.enum(Object.keys(publishable) as [Collection, ...Collection[]]),
  id: z.string(),
  versions,
});
const previewAnswer = z.object({ preview: siteBuild });

/** How many previews are kept on disk: the oldest done go as new ones are made. */
const previewsKept = 10;

/** How many previews may wait for their build: more are refused until those are done. */
const previewsWaiting = 3;

const basePath = '/api/v1/staff/content/previews';

/**
 * A preview's page is the sites' page, read-only: its styles and images from here, no script, no
 * form sent anywhere, shown in the console's frame or a tab of its own, and never indexed.
 */
const previewHeaders = {
  'Content-Security-Policy':
    "default-src 'none'; img-src 'self' data:; style-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
  'X-Robots-Tag': 'noindex, nofollow',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

export function previewRoutes(
  contentDir: string | undefined,
  builds: SiteBuilds | undefined,
): Hono<AppContext> {
  const routes = new Hono<AppContext>();
  routes.use(sameSiteWrites);
  const home = contentDir === undefined ? '' : previewsHome(contentDir);

  function builder(c: Context): SiteBuilds {
    if (!builds) throw new HttpProblem(503, staffWords(c).previews.off, { kind: 'previews-off' });
    return builds;
  }

  routes.post(
    '/',
    describeRoute({
      summary:
        'Preview a piece on the pages of its microsites, in each language, before it is published (communications, admin)',
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: requestSchema('PreviewRequest', previewRequest) },
        },
      },
      responses: {
        202: jsonResponse(
          'The preview’s build, to follow at /previews/:id; its pages once done',
          'Preview',
          previewAnswer,
        ),
        400: problemResponse('The body is not valid JSON.'),
        415: problemResponse('The body is not JSON.'),
        422: problemResponse('What keeps it from being built, each problem in `errors`'),
        429: problemResponse('Three previews wait for their build already (`previews-busy`)'),
        503: problemResponse('This API builds no sites, or has no content folder'),
      },
    }),
    requireSession,
    mayPublish,
    async (c) => {
      const dir = contentFolder(contentDir, c);
      const sites = builder(c);
      const lang = staffLanguage(c);
      const { collection, id, versions: piece } = await readJson(c, previewRequest, lang);
      const problems = await checkPiece(dir, collection, id, piece, lang);
      if (problems.length > 0) throw cannotPublish(collection, problems, 'previewed', lang);
      if (sites.waiting('preview') >= previewsWaiting)
        throw new HttpProblem(429, staffWords(c).previews.busy, {
          kind: 'previews-busy',
          headers: { 'Retry-After': '10' },
        });
      await forgetOldPreviews(home, sites);
      const folder = await mkdtemp(join(home, 'preview-'));
      const content = join(folder, 'content');
      await cp(dir, content, {
        recursive: true,
        filter: (source) => !source.includes(`${sep}.git`),
      });
      const published = await readPiece(dir, collection, id);
      await writePiece(content, collection, id, piece);
      const build = sites.preview(
        sitesTouched(collection, id, published, piece),
        `${collection}/${id}`,
        {
          content,
          out: join(folder, 'sites'),
        },
      );
      await audit(c, {
        action: 'content-previewed',
        subjectKind: 'content',
        subjectId: `${collection}/${id}`,
        detail: { preview: build.id },
      });
      return c.json({ preview: asPreview(build) }, 202);
    },
  );

  routes.get(
    '/:id',
    describeRoute({
      summary: 'How a preview is going, and its pages once built (communications, admin)',
      parameters: [pathParameter('id', 'The preview’s id.')],
      responses: {
        200: jsonResponse('The preview', 'Preview', previewAnswer),
        404: problemResponse('No such preview, or one no longer kept'),
      },
    }),
    requireSession,
    mayPublish,
    (c) => c.json({ preview: asPreview(previewBuild(c, builds)) }),
  );

  routes.get(
    '/:id/:site/*',
    describeRoute({
      summary: 'A page (or its style or image) of a preview (communications, admin)',
      parameters: [
        pathParameter('id', 'The preview’s id.'),
        pathParameter('site', 'The site: a region’s or sector’s slug, or hub.'),
      ],
      responses: {
        200: { description: 'The file, its addresses turned into the preview’s' },
        404: problemResponse('No such preview, or no such page in it'),
      },
    }),
    requireSession,
    mayPublish,
    async (c) => {
      const build = previewBuild(c, builds);
      const site = c.req.param('site') ?? '';
      // A site's folder is named by its slug: nothing else (`..%2F..`, decoded) names a folder.
      const noPage = () => new HttpProblem(404, staffWords(c).previews.noPage);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(site)) throw noPage();
      const root = resolve(builds!.previewFolder(build.id) ?? home, site);
      const asked = c.req.path.slice(`${basePath}/${build.id}/${site}/`.length);
      let file = resolve(root, decodeURIComponent(asked));
      // Nothing outside the site's folder: `..`, however it is written, finds nothing.
      if (build.status !== 'done' || (file !== root && !file.startsWith(root + sep)))
        throw noPage();
      const body =
        (await readIfFile(file)) ?? (await readIfFile((file = join(file, 'index.html'))));
      const type = mediaTypeOf(file);
      if (!body || !type) throw noPage();
      const prefix = `${basePath}/${build.id}/${site}`;
      const text = type.startsWith('text/html')
        ? htmlInPreview(body.toString('utf8'), prefix)
        : type.startsWith('text/css')
          ? cssInPreview(body.toString('utf8'), prefix)
          : undefined;
      return c.body(text ?? new Uint8Array(body), 200, { 'Content-Type': type, ...previewHeaders });
    },
  );

  return routes;
}

/** The preview the path names, or a 404. */
function previewBuild(c: Context<AppContext>, builds: SiteBuilds | undefined): SiteBuild {
  const build = builds?.get(c.req.param('id') ?? '');
  if (build?.kind !== 'preview') throw new HttpProblem(404, staffWords(c).previews.none);
  return build;
}

/** A preview's build, its pages addressed here rather than on the sites' domains. */
function asPreview(build: SiteBuild): SiteBuild {
  return {
    ...build,
    pages: build.pages.map((page) => ({
      ...page,
      url: `${basePath}/${build.id}/${page.site}${new URL(page.url).pathname}`,
    })),
  };
}

/**
 * A page of the sites, as the preview serves it: addresses on its own site (`/_astro/…`, `/es/…`,
 * or its whole origin, which the canonical link names) turned into the preview's, so its styles,
 * photos and links to its other pages come from the preview too.
 */
export function htmlInPreview(html: string, prefix: string): string {
  const origin = /<link rel="canonical" href="(https?:\/\/[^/"]+)/.exec(html)?.[1];
  let page = html.replace(/(\s(?:href|src|action|poster)=")\/(?!\/)/g, `$1${prefix}/`);
  // A srcset lists several addresses, each after a comma.
  page = page.replace(/(\ssrcset=")([^"]*)"/g, (_, start: string, list: string) => {
    const listed = list.replace(/(^|,\s*)\/(?!\/)/g, `$1${prefix}/`);
    return `${start}${listed}"`;
  });
  return origin ? page.replaceAll(`${origin}/`, `${prefix}/`) : page;
}

/** A style sheet of the sites, its `url(/…)` turned into the preview's. */
export function cssInPreview(css: string, prefix: string): string {
  return css.replace(/url\((["']?)\/(?!\/)/g, `url($1${prefix}/`);
}

/** Where this content folder's previews are kept: apart from every other's. */
function previewsHome(contentDir: string): string {
  const key = createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 12);
  const home = join(tmpdir(), 'rally-previews', key);
  mkdirSync(home, { recursive: true });
  return home;
}

/** Removes all but the newest previews, to make room for one more; never one being made. */
async function forgetOldPreviews(home: string, builds: SiteBuilds): Promise<void> {
  const inUse = builds.previewFoldersInUse();
  const old = (await readdir(home))
    .map((name) => join(home, name))
    .filter((folder) => !inUse.has(folder))
    .map((folder) => ({ folder, time: statSync(folder).mtimeMs }))
    .sort((a, b) => b.time - a.time)
    .slice(previewsKept - 1);
  for (const { folder } of old) await rm(folder, { recursive: true, force: true });
}
