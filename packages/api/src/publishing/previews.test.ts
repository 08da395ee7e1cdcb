/**
 * A preview, for real: the API copies the content, writes the story into the copy, runs the sites'
 * own build of the sites it shows on into a folder of its own, and serves those pages to staff who
 * may publish, their addresses turned into the preview's and no script allowed — while the content
 * folder and the sites served stay as they were. On the embedded database (the build is the same
 * on both); the build takes a few seconds.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consoleRequest,
  openTestApi,
  openTestPGlite,
  signedInStaff,
  type TestApi,
} from '../testing.ts';
import { cssInPreview, htmlInPreview } from './preview-routes.ts';

// The build as `pnpm build` runs it, without the test runner's own settings.
const buildCommand = [
  '/usr/bin/env',
  ...[
    'VITEST',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
    'NODE_ENV',
    'MODE',
    'DEV',
    'PROD',
    'SSR',
    'TEST',
    'BASE_URL',
  ].flatMap((name) => ['-u', name]),
  process.execPath,
  'scripts/build-sites.ts',
].join(' ');

const story = {
  collection: 'spotlights',
  id: 'rosa-vista-previa',
  versions: {
    es: {
      data: {
        name: 'Rosa Vista Previa',
        kind: 'member',
        region: 'louisiana',
        sector: 'domestic-work',
        photo: { src: 'rosa-elena-castillo.jpg', alt: 'Rosa sonríe frente a su casa.' },
        quote: 'Juntas logramos el contrato.',
        date: '2026-12-01',
      },
      body: 'Rosa cuida a dos familias en Nueva Orleans.',
    },
  },
};

describe('previewing a story before it is published', () => {
  let api: TestApi;
  let dir: string;
  let writer: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rally-previews-'));
    cpSync('content', dir, { recursive: true });
    api = await openTestApi(openTestPGlite, undefined, undefined, dir, buildCommand);
    writer = await signedInStaff(api.db, {
      email: 'lucia@example.org',
      role: 'communications',
    });
  });
  afterAll(() => api.close());

  /** The preview asked for, once built. */
  async function previewed(preview: { id: string; status: string }) {
    let done = preview;
    for (let wait = 0; wait < 600 && ['queued', 'building'].includes(done.status); wait++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      done = (
        await (
          await consoleRequest(api, `/api/v1/staff/content/previews/${preview.id}`, {
            cookie: writer,
          })
        ).json()
      ).preview;
    }
    return done as typeof preview & { problem: string | null; pages: { url: string }[] };
  }

  it('shows it on its microsites’ pages in each language, from the preview alone', async () => {
    const asked = await consoleRequest(api, '/api/v1/staff/content/previews', {
      cookie: writer,
      body: story,
    });
    expect(asked.status).toBe(202);
    const { preview } = await asked.json();
    expect(preview).toMatchObject({
      kind: 'preview',
      sites: ['domestic-work', 'hub', 'louisiana'],
    });
    const done = await previewed(preview);
    expect(done.problem).toBeNull();
    expect(done.status).toBe('done');
    const urls = done.pages.map((page: { url: string }) => page.url);
    expect(urls).toEqual([
      `/api/v1/staff/content/previews/${preview.id}/domestic-work/spotlights/rosa-vista-previa/`,
      `/api/v1/staff/content/previews/${preview.id}/domestic-work/es/spotlights/rosa-vista-previa/`,
      `/api/v1/staff/content/previews/${preview.id}/louisiana/spotlights/rosa-vista-previa/`,
      `/api/v1/staff/content/previews/${preview.id}/louisiana/es/spotlights/rosa-vista-previa/`,
    ]);

    const page = await consoleRequest(api, urls[3]!, { cookie: writer });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(page.headers.get('x-robots-tag')).toMatch(/noindex/);
    const html = await page.text();
    expect(html).toContain('Rosa cuida a dos familias en Nueva Orleans.');
    // Its styles and photo come from the preview, which serves them.
    const style = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!;
    expect(style.startsWith(`/api/v1/staff/content/previews/${preview.id}/louisiana/_astro/`)).toBe(
      true,
    );
    const css = await consoleRequest(api, style, { cookie: writer });
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);

    expect(
      await api.db.query(
        `select subject_id, detail from audit_log where action = 'content-previewed'`,
      ),
    ).toEqual([{ subject_id: 'spotlights/rosa-vista-previa', detail: { preview: preview.id } }]);

    // Nothing was published: not in the content folder, not served by the API.
    expect(existsSync(join(dir, 'spotlights/es/rosa-vista-previa.mdx'))).toBe(false);
    const served = await api.app.request(
      'http://api.rally.test/api/v1/spotlights/rosa-vista-previa',
    );
    expect(served.status).toBe(404);

    // Only staff who may publish, and nothing outside the preview's folder.
    const refused = await consoleRequest(api, urls[3]!, {
      cookie: await signedInStaff(api.db, { email: 'dana@example.org', role: 'organizer' }),
    });
    expect(refused.status).toBe(403);
    expect((await consoleRequest(api, urls[3]!)).status).toBe(401);
    for (const escape of [
      'louisiana/..%2F..%2Fcontent%2Fspotlights',
      'louisiana/%2E%2E/%2E%2E/content/regions/en/louisiana.mdx',
      // The site's own name is a folder's: decoded, it may not climb out either.
      '..%2F..%2F..%2F..%2F..%2F..%2Fetc/hostname',
      '..%2Fcontent/spotlights/en/carmen-ortiz.mdx',
    ])
      expect(
        (
          await consoleRequest(api, `/api/v1/staff/content/previews/${preview.id}/${escape}`, {
            cookie: writer,
          })
        ).status,
      ).toBe(404);
  }, 180_000);

  it('shows a change to the home page on the hub, the one site that has it', async () => {
    const home = {
      collection: 'pages',
      id: 'home',
      versions: {
        es: {
          data: { title: 'Más fuertes en la costa', description: 'Nos organizamos juntas.' },
          body: 'Todo lo bueno que tenemos en el trabajo lo ganamos **juntas**.',
        },
      },
    };
    const asked = await consoleRequest(api, '/api/v1/staff/content/previews', {
      cookie: writer,
      body: home,
    });
    expect(asked.status).toBe(202);
    const { preview } = await asked.json();
    expect(preview.sites).toEqual(['hub']);
    const done = await previewed(preview);
    expect(done.status).toBe('done');
    const urls = done.pages.map((page) => page.url);
    expect(urls).toEqual([
      `/api/v1/staff/content/previews/${preview.id}/hub/`,
      `/api/v1/staff/content/previews/${preview.id}/hub/es/`,
    ]);
    const html = await (await consoleRequest(api, urls[1]!, { cookie: writer })).text();
    expect(html).toContain('Más fuertes en la costa');
  }, 180_000);

  it('refuses what the build would refuse, saying where, and builds nothing', async () => {
    const asked = await consoleRequest(api, '/api/v1/staff/content/previews', {
      cookie: writer,
      body: {
        ...story,
        versions: { es: { ...story.versions.es, body: 'Ganamos {todo' } },
      },
    });
    expect(asked.status).toBe(422);
    expect((await asked.json()).errors).toEqual([expect.objectContaining({ path: 'es.body' })]);
  });
});

describe('a page in a preview', () => {
  const prefix = '/api/v1/staff/content/previews/p1/louisiana';
  it('has its own site’s addresses turned into the preview’s, and no other', () => {
    const html = [
      '<link rel="canonical" href="https://louisiana.example.org/es/x/">',
      '<link rel="stylesheet" href="/_astro/site.css">',
      '<a href="https://louisiana.example.org/es/join/">Únete</a>',
      '<a href="https://education.example.org/es/">Educación</a>',
      '<img src="/_astro/a.webp" srcset="/_astro/a-240.webp 240w, /_astro/a-480.webp 480w">',
      '<a href="//cdn.example.org/x">x</a>',
    ].join('\n');
    expect(htmlInPreview(html, prefix)).toBe(
      [
        `<link rel="canonical" href="${prefix}/es/x/">`,
        `<link rel="stylesheet" href="${prefix}/_astro/site.css">`,
        `<a href="${prefix}/es/join/">Únete</a>`,
        '<a href="https://education.example.org/es/">Educación</a>',
        `<img src="${prefix}/_astro/a.webp" srcset="${prefix}/_astro/a-240.webp 240w, ${prefix}/_astro/a-480.webp 480w">`,
        '<a href="//cdn.example.org/x">x</a>',
      ].join('\n'),
    );
    expect(
      cssInPreview('a{background:url(/_astro/b.svg)} b{src:url("/_astro/f.woff2")}', prefix),
    ).toBe(`a{background:url(${prefix}/_astro/b.svg)} b{src:url("${prefix}/_astro/f.woff2")}`);
  });
});
