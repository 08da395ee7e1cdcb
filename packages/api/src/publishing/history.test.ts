/**
 * Unpublishing, history and restoring: a spotlight taken down is gone from the folder, the API and
 * (from their next build) the sites, with its history kept; restored as it was at a commit, it is
 * published again through the same checks, as a new commit, and served at once. A petition taken
 * down keeps its signatures and takes no more. On both databases, with real git.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '@rally/content';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncContent } from '../content-sync.ts';
import {
  consoleRequest,
  databases,
  openTestApi,
  person,
  postJson,
  type TestApi,
} from '../testing.ts';
import { commits, contentFolder, git, rosaEnEspanol, signedIn } from './testing-publishing.ts';

describe.each(databases)('unpublishing, history and restoring on %s', (_kind, open) => {
  let api: TestApi;
  let dir: string;
  let writer: string;

  const staff = (path: string, options: { method?: string; body?: unknown } = {}) =>
    consoleRequest(api, `/api/v1/staff/content${path}`, { cookie: writer, ...options });
  const publicSpotlight = () =>
    api.app.request('http://api.rally.test/api/v1/spotlights/rosa-nueva');
  const rosaFile = () => join(dir, 'spotlights/es/rosa-nueva.mdx');

  beforeEach(async () => {
    dir = contentFolder();
    api = await openTestApi(open, undefined, undefined, dir);
    writer = await signedIn(api, 'communications');
  });
  afterEach(() => api.close());

  it('takes a spotlight down, keeps its history, and brings it back as it was', async () => {
    const published = await (
      await staff('/spotlights/rosa-nueva', { method: 'PUT', body: { versions: rosaEnEspanol } })
    ).json();
    const asPublished = readFileSync(rosaFile(), 'utf8');

    const unpublished = await staff('/spotlights/rosa-nueva', { method: 'DELETE' });
    expect(unpublished.status).toBe(200);
    const removal = await unpublished.json();
    expect(removal).toMatchObject({
      collection: 'spotlights',
      id: 'rosa-nueva',
      files: ['spotlights/es/rosa-nueva.mdx'],
      pushed: null,
    });
    expect(existsSync(rosaFile())).toBe(false);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    // The API stops serving it at once, alone and in the feed.
    const gone = await publicSpotlight();
    expect(gone.status).toBe(404);
    expect((await gone.json()).detail).toMatch(/no longer published/);
    const feed = await (await api.app.request('http://api.rally.test/api/v1/spotlights')).json();
    const listed = feed._embedded['rally:spotlights'].flatMap(
      (s: { identifiers: string[] }) => s.identifiers,
    );
    expect(listed).not.toContain('rally:rosa-nueva');
    expect(listed).toContain('rally:marisol-reyes');

    const history = await staff('/spotlights/rosa-nueva/history');
    expect(history.status).toBe(200);
    expect((await history.json()).history).toEqual([
      {
        commit: removal.commit,
        author: { name: 'Lucía Pérez', email: 'communications@example.org' },
        date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        message: 'Unpublish spotlight rosa-nueva (es)',
      },
      {
        commit: published.commit,
        author: { name: 'Lucía Pérez', email: 'communications@example.org' },
        date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        message: 'Publish spotlight rosa-nueva (es)',
      },
    ]);

    const restored = await staff('/spotlights/rosa-nueva/restore', {
      method: 'POST',
      body: { commit: published.commit.slice(0, 7) },
    });
    expect(restored.status).toBe(200);
    const restoration = await restored.json();
    expect(restoration).toMatchObject({ files: ['spotlights/es/rosa-nueva.mdx'] });
    expect(readFileSync(rosaFile(), 'utf8')).toBe(asPublished);
    expect(commits(dir)[0]).toBe(
      `Lucía Pérez <communications@example.org>|Restore spotlight rosa-nueva (es) from ${published.commit.slice(0, 7)}`,
    );
    const back = await publicSpotlight();
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ name: 'Rosa Elena Castillo' });

    const entries = await api.db.query<{ action: string; detail: object }>(
      `select action, detail from audit_log order by id`,
    );
    expect(entries.slice(1)).toEqual([
      {
        action: 'content-unpublished',
        detail: { files: ['spotlights/es/rosa-nueva.mdx'], commit: removal.commit },
      },
      {
        action: 'content-restored',
        detail: { languages: ['es'], from: published.commit, commit: restoration.commit },
      },
    ]);
  });

  it('says which commit it cannot restore from, and why', async () => {
    const unknown = await staff('/spotlights/rosa-nueva/restore', {
      method: 'POST',
      body: { commit: 'abcdef1' },
    });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors).toEqual([
      { path: 'commit', code: 'invalid', message: expect.stringMatching(/choose one from/) },
    ]);
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    const empty = await staff('/spotlights/rosa-nueva/restore', {
      method: 'POST',
      body: { commit: before },
    });
    expect(empty.status).toBe(422);
    expect((await empty.json()).detail).toMatch(/had no files at/);
    const option = await staff('/spotlights/rosa-nueva/restore', {
      method: 'POST',
      body: { commit: '--output=/tmp/x' },
    });
    expect(option.status).toBe(422);
    expect((await option.json()).errors[0]).toMatchObject({ path: 'commit' });
    expect(commits(dir)).toHaveLength(1);
  });

  it('keeps a region on while pieces name it, and has nothing to take down twice', async () => {
    const named = await staff('/regions/louisiana', { method: 'DELETE' });
    expect(named.status).toBe(409);
    expect((await named.json()).detail).toMatch(/still named by .*spotlights\/marisol-reyes/);
    expect(existsSync(join(dir, 'regions/en/louisiana.mdx'))).toBe(true);
    const nothing = await staff('/spotlights/nobody-here', { method: 'DELETE' });
    expect(nothing.status).toBe(404);
    const traversal = await staff('/spotlights/..%2F..%2Fpackage/history');
    expect(traversal.status).toBe(404);
  });

  it('keeps the signatures of a petition taken down, and takes no more', async () => {
    await syncContent(api.db, await readContent(dir));
    const petition = '/api/v1/petitions/fair-wages-home-care';
    expect(
      (await postJson(api, `${petition}/signatures`, { person: person('ana@example.org') })).status,
    ).toBe(201);
    const removed = await staff('/petitions/fair-wages-home-care', { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect((await api.app.request(`http://api.rally.test${petition}`)).status).toBe(404);
    const late = await postJson(api, `${petition}/signatures`, {
      person: person('ben@example.org'),
    });
    expect(late.status).toBe(404);
    const kept = await api.db.query(
      `select 1 from signatures where petition_id = 'fair-wages-home-care'`,
    );
    expect(kept).toHaveLength(1);
  });

  it('has no history where the content folder is no repository of its own', async () => {
    await api.close();
    dir = contentFolder(false);
    api = await openTestApi(open, undefined, undefined, dir);
    writer = await signedIn(api, 'communications');
    const response = await staff('/spotlights/marisol-reyes/history');
    expect(response.status).toBe(409);
    expect((await response.json()).type).toMatch(/no-history$/);
  });
});
