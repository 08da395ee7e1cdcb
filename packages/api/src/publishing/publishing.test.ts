/**
 * Publishing from the console: a communications staff member writes a Spanish spotlight, it is
 * checked, written into a content folder that is a git repository, served by the API at once and
 * committed with them as its author; what the build would refuse is refused with every problem
 * named and nothing written; only communications staff and admins, signed in, may publish. On both
 * databases, with real git.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  consoleRequest,
  databases,
  openTestApi,
  person,
  postJson,
  staffToken,
  testOrigins,
  testSettings,
  type TestApi,
} from '../testing.ts';
import {
  commits as log,
  contentFolder,
  rosaEnEspanol as rosaInSpanish,
  signedIn,
} from './testing-publishing.ts';

/** A Spanish story that can be published, as the console sends it. */
const rosaEnEspanol = { versions: rosaInSpanish };

describe.each(databases)('publishing from the console on %s', (_kind, open) => {
  let api: TestApi;
  let dir: string;
  let writer: string;

  const publish = (body: unknown, cookie = writer, id = 'rosa-nueva') =>
    consoleRequest(api, `/api/v1/staff/content/spotlights/${id}`, {
      cookie,
      method: 'PUT',
      body,
    });

  beforeEach(async () => {
    dir = contentFolder();
    api = await openTestApi(open, undefined, undefined, dir);
    writer = await signedIn(api, 'communications');
  });
  afterEach(() => api.close());

  it('writes, serves and commits a spotlight with its writer as author, and records it', async () => {
    const response = await publish(rosaEnEspanol);
    expect(response.status).toBe(200);
    const published = await response.json();
    expect(published).toMatchObject({
      collection: 'spotlights',
      id: 'rosa-nueva',
      files: ['spotlights/es/rosa-nueva.mdx'],
      pushed: null,
    });
    expect(published.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(readFileSync(join(dir, 'spotlights/es/rosa-nueva.mdx'), 'utf8')).toMatch(
      /alt: Rosa Elena sonríe frente a su casa\./,
    );
    expect(log(dir)[0]).toBe(
      'Lucía Pérez <communications@example.org>|Publish spotlight rosa-nueva (es)',
    );

    // Served at once, in Spanish, without restarting anything.
    const served = await api.app.request('http://api.rally.test/api/v1/spotlights/rosa-nueva');
    expect(served.status).toBe(200);
    expect(await served.json()).toMatchObject({ name: 'Rosa Elena Castillo' });

    const [entry] = await api.db.query<{ action: string; subject_id: string; detail: object }>(
      `select action, subject_id, detail from audit_log where action = 'content-published'`,
    );
    expect(entry).toEqual({
      action: 'content-published',
      subject_id: 'spotlights/rosa-nueva',
      detail: { languages: ['es'], commit: published.commit },
    });

    // Opened again, it reads as it was written.
    const opened = await consoleRequest(api, '/api/v1/staff/content/spotlights/rosa-nueva', {
      cookie: writer,
    });
    expect((await opened.json()).versions).toEqual(rosaEnEspanol.versions);
    const list = await consoleRequest(api, '/api/v1/staff/content/spotlights', { cookie: writer });
    expect((await list.json()).pieces).toContainEqual({
      id: 'rosa-nueva',
      languages: ['es'],
      title: 'Rosa Elena Castillo',
      draft: null,
    });
    // Each piece by what staff call it: a petition by its title, in its first language.
    const petitions = await consoleRequest(api, '/api/v1/staff/content/petitions', {
      cookie: writer,
    });
    expect((await petitions.json()).pieces).toContainEqual(
      expect.objectContaining({
        id: 'fair-wages-home-care',
        title: 'A living wage for home care workers',
      }),
    );
  });

  it('refuses a spotlight without alt text, saying why, and writes nothing', async () => {
    const es = rosaEnEspanol.versions.es;
    const response = await publish({
      versions: { es: { ...es, data: { ...es.data, photo: { src: es.data.photo.src, alt: '' } } } },
    });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors).toEqual([
      { path: 'es.photo.alt', code: 'invalid', message: expect.stringMatching(/photo shows/) },
    ]);
    expect(existsSync(join(dir, 'spotlights/es/rosa-nueva.mdx'))).toBe(false);
    expect(log(dir)).toHaveLength(1);
    expect(
      await api.db.query(`select 1 from audit_log where action = 'content-published'`),
    ).toEqual([]);
  });

  it('names a broken file elsewhere in the content folder as staff know it, and takes nothing back', async () => {
    // A file changed outside the console (in the repository) that the sites could not read.
    writeFileSync(join(dir, 'petitions/en/broken.mdx'), '---\ntitle: Half a petition\n---\n');
    const response = await publish(rosaEnEspanol);
    expect(response.status).toBe(422);
    const [problem] = (await response.json()).errors;
    expect(problem.path).toBe('content');
    expect(problem.message).toMatch(/^petitions\/en\/broken\.mdx: description: /);
    expect(problem.message).not.toContain(dir);
    expect(existsSync(join(dir, 'spotlights/es/rosa-nueva.mdx'))).toBe(false);
  });

  it('unpublishes nothing while another file of the folder cannot be read, and says which', async () => {
    expect((await publish(rosaEnEspanol)).status).toBe(200);
    writeFileSync(join(dir, 'petitions/en/broken.mdx'), '---\ntitle: Half a petition\n---\n');
    const refused = await consoleRequest(api, '/api/v1/staff/content/spotlights/rosa-nueva', {
      cookie: writer,
      method: 'DELETE',
      headers: { 'Accept-Language': 'es' },
    });
    expect(refused.status).toBe(409);
    const problem = await refused.json();
    expect(problem.type).toMatch(/\/content-unreadable$/);
    expect(problem.detail).toMatch(
      /^El archivo petitions\/en\/broken\.mdx se cambió fuera de la consola/,
    );
    expect(problem.detail).not.toContain(dir);
    expect(existsSync(join(dir, 'spotlights/es/rosa-nueva.mdx'))).toBe(true);
  });

  it('lets the widgets on a new region’s microsite send at once, without a restart', async () => {
    const settings = testSettings();
    await api.close();
    api = await openTestApi(open, settings, undefined, dir);
    writer = await signedIn(api, 'communications');
    const origin = new URL(settings.sites.microsite_url.replace('{site}', 'bayou')).origin;
    const sign = (email: string) =>
      postJson(
        api,
        '/api/v1/petitions/water-shade-rest/signatures',
        { person: person(email) },
        {
          Origin: origin,
        },
      );
    expect((await sign('before@example.org')).status).toBe(403);
    const region = {
      versions: {
        en: {
          data: {
            name: 'Bayou',
            tagline: 'Workers of the bayou parishes.',
            why_join: ['Fair pay'],
          },
          body: '',
        },
      },
    };
    const published = await consoleRequest(api, '/api/v1/staff/content/regions/bayou', {
      cookie: writer,
      method: 'PUT',
      body: region,
    });
    expect(published.status).toBe(200);
    expect((await sign('after@example.org')).status).toBe(201);
  });

  it('gives a region an address of its own only where the organization takes writes from it', async () => {
    const region = (url: string) => ({
      versions: {
        en: {
          data: { name: 'Bayou', tagline: 'The bayou parishes.', why_join: ['Fair pay'], url },
          body: '',
        },
      },
    });
    const put = (url: string) =>
      consoleRequest(api, '/api/v1/staff/content/regions/bayou', {
        cookie: writer,
        method: 'PUT',
        body: region(url),
      });
    // A publisher cannot make a site of their choosing one whose pages write to Rally.
    const elsewhere = await put('https://evil.example/');
    expect(elsewhere.status).toBe(422);
    expect((await elsewhere.json()).errors).toEqual([
      {
        path: 'en.url',
        code: 'invalid',
        message: expect.stringMatching(
          /^https:\/\/evil\.example is not one of this organization’s sites yet: an admin adds it to site_origins/,
        ),
      },
    ]);
    expect(existsSync(join(dir, 'regions/en/bayou.mdx'))).toBe(false);
    // One the organization lists as its own is taken.
    expect((await put(`${testOrigins.site}/`)).status).toBe(200);
  });

  it('keeps no draft under a name the sites could never publish', async () => {
    const draft = await consoleRequest(api, '/api/v1/staff/content/pages/careers/draft', {
      cookie: writer,
      method: 'PUT',
      body: { versions: { en: { data: { title: 'Careers' }, body: '' } } },
    });
    expect(draft.status).toBe(422);
    expect((await draft.json()).errors).toEqual([
      expect.objectContaining({ path: 'id', message: expect.stringMatching(/home, about/) }),
    ]);
  });

  it('changes one of the organization’s own pages, and neither adds one nor takes one off', async () => {
    const page = (title: string) => ({
      versions: {
        es: { data: { title, description: 'Quiénes somos y cómo nos gobernamos.' }, body: 'Hola.' },
      },
    });
    const about = await consoleRequest(api, '/api/v1/staff/content/pages/about', {
      cookie: writer,
      method: 'PUT',
      body: page('Quiénes somos'),
    });
    expect(about.status).toBe(200);
    expect(await about.json()).toMatchObject({ files: ['pages/es/about.mdx'] });
    expect(log(dir)[0]).toBe('Lucía Pérez <communications@example.org>|Publish page about (es)');
    const careers = await consoleRequest(api, '/api/v1/staff/content/pages/careers', {
      cookie: writer,
      method: 'PUT',
      body: page('Empleos'),
    });
    expect(careers.status).toBe(422);
    expect((await careers.json()).errors).toEqual([
      {
        path: 'id',
        code: 'invalid',
        message: expect.stringMatching(/home, about, accessibility, privacy/),
      },
    ]);
    const off = await consoleRequest(api, '/api/v1/staff/content/pages/privacy', {
      cookie: writer,
      method: 'DELETE',
    });
    expect(off.status).toBe(409);
    expect((await off.json()).type).toMatch(/\/always-published$/);
    expect(existsSync(join(dir, 'pages/en/privacy.mdx'))).toBe(true);
  });

  it('is for communications staff and admins signed in only', async () => {
    const organizer = await signedIn(api, 'organizer');
    const refused = await publish(rosaEnEspanol, organizer);
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toMatch(/publishing content/);
    // A key is no person to author a publication.
    const key = await api.app.request('http://localhost:8787/api/v1/staff/content/spotlights', {
      headers: { 'OSDI-API-Token': staffToken },
    });
    expect(key.status).toBe(401);
    // From another site's page, even with the cookie.
    const crossSite = await consoleRequest(api, '/api/v1/staff/content/spotlights/rosa-nueva', {
      cookie: writer,
      method: 'PUT',
      body: rosaEnEspanol,
      headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://elsewhere.example' },
    });
    expect(crossSite.status).toBe(403);
    expect(existsSync(join(dir, 'spotlights/es/rosa-nueva.mdx'))).toBe(false);
    const admin = await signedIn(api, 'admin', 'Dana Admin');
    expect((await publish(rosaEnEspanol, admin)).status).toBe(200);
  });

  it('writes without committing where the content folder is no repository of its own', async () => {
    await api.close();
    dir = contentFolder(false);
    api = await openTestApi(open, undefined, undefined, dir);
    writer = await signedIn(api, 'communications');
    const response = await publish(rosaEnEspanol);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ commit: null, pushed: null });
    expect(existsSync(join(dir, 'spotlights/es/rosa-nueva.mdx'))).toBe(true);
  });

  it('says which kind of content or piece it does not know', async () => {
    const kind = await consoleRequest(api, '/api/v1/staff/content/recipes', { cookie: writer });
    expect(kind.status).toBe(404);
    expect((await kind.json()).detail).toMatch(/use one of petitions, events, spotlights/);
    const piece = await consoleRequest(api, '/api/v1/staff/content/spotlights/nobody', {
      cookie: writer,
    });
    expect(piece.status).toBe(404);
  });
});
