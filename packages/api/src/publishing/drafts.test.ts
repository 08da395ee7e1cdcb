/**
 * Drafts and scheduled publication: a communications staff member saves a spotlight half-written
 * and finds it again as they left it, with what still keeps it from being published; a scheduled
 * draft must be publishable, and is published by the timer once its time has passed — once, even
 * when two API instances look at the same moment — as its author, and recorded as scheduled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleRequest, databases, openTestApi, type TestApi } from '../testing.ts';
import { publishDueDrafts } from './scheduled.ts';
import { commits, contentFolder, rosaEnEspanol, signedIn } from './testing-publishing.ts';

describe.each(databases)('drafts on %s', (_kind, open) => {
  let api: TestApi;
  let dir: string;
  let writer: string;

  const piece = '/api/v1/staff/content/spotlights/rosa-nueva';
  const saveDraft = (body: unknown, cookie = writer) =>
    consoleRequest(api, `${piece}/draft`, { cookie, method: 'PUT', body });
  const open_ = async () => (await consoleRequest(api, piece, { cookie: writer })).json();

  beforeEach(async () => {
    dir = contentFolder();
    api = await openTestApi(open, undefined, undefined, dir);
    writer = await signedIn(api, 'communications');
  });
  afterEach(() => api.close());

  it('keeps a half-written spotlight as it was left, saying what it still needs', async () => {
    const halfWritten = { es: { data: { name: 'Rosa Elena Castillo' }, body: 'Rosa Elena cuida' } };
    const response = await saveDraft({ versions: halfWritten });
    expect(response.status).toBe(200);
    const saved = await response.json();
    expect(saved.draft).toMatchObject({
      versions: halfWritten,
      publish_at: null,
      updated_by: { name: 'Lucía Pérez', email: 'communications@example.org' },
    });
    expect(saved.problems).toContainEqual({ path: 'es.quote', message: expect.any(String) });

    // Nothing reaches the content folder, but the piece can be opened and is listed.
    expect(existsSync(join(dir, 'spotlights/es/rosa-nueva.mdx'))).toBe(false);
    const opened = await open_();
    expect(opened).toMatchObject({ versions: {}, draft: { versions: halfWritten } });
    const list = await consoleRequest(api, '/api/v1/staff/content/spotlights', { cookie: writer });
    expect((await list.json()).pieces).toContainEqual({
      id: 'rosa-nueva',
      languages: [],
      title: 'Rosa Elena Castillo',
      draft: { publish_at: null },
    });

    const discarded = await consoleRequest(api, `${piece}/draft`, {
      cookie: writer,
      method: 'DELETE',
    });
    expect(discarded.status).toBe(204);
    expect((await consoleRequest(api, piece, { cookie: writer })).status).toBe(404);
    // Both in the audit log, by piece; discarding nothing records nothing.
    await consoleRequest(api, `${piece}/draft`, { cookie: writer, method: 'DELETE' });
    expect(
      await api.db.query(
        `select action, subject_id, detail from audit_log
         where action like 'draft-%' order by id`,
      ),
    ).toEqual([
      {
        action: 'draft-saved',
        subject_id: 'spotlights/rosa-nueva',
        detail: { scheduled: null },
      },
      { action: 'draft-discarded', subject_id: 'spotlights/rosa-nueva', detail: {} },
    ]);
  });

  it('schedules only what could be published, naming what could not', async () => {
    const es = rosaEnEspanol.es;
    const refused = await saveDraft({
      versions: { es: { ...es, data: { ...es.data, photo: { src: 'nadie.jpg', alt: 'Nadie' } } } },
      publish_at: '2030-01-01T09:00:00-06:00',
    });
    expect(refused.status).toBe(422);
    const problem = await refused.json();
    expect(problem.detail).toMatch(/cannot be scheduled yet/);
    expect(problem.errors).toEqual([
      { path: 'es.photo.src', code: 'invalid', message: expect.stringMatching(/upload it/) },
    ]);
    const badTime = await saveDraft({ versions: rosaEnEspanol, publish_at: 'next tuesday' });
    expect(badTime.status).toBe(422);
    expect((await badTime.json()).errors[0]).toMatchObject({ path: 'publish_at' });
    expect((await open_()).draft ?? null).toBeNull();
  });

  it('publishes a scheduled draft once its time has passed, once, as whoever scheduled it', async () => {
    const scheduled = await saveDraft({
      versions: rosaEnEspanol,
      publish_at: '2030-01-01T09:00:00-06:00',
    });
    expect(scheduled.status).toBe(200);
    expect((await scheduled.json()).draft.publish_at).toBe('2030-01-01T15:00:00.000Z');
    // Not yet: the timer leaves it alone.
    expect(await publishDueDrafts(api.db, dir)).toEqual([]);
    expect(existsSync(join(dir, 'spotlights/es/rosa-nueva.mdx'))).toBe(false);

    await api.db.query(`update content_drafts set publish_at = now() - interval '1 minute'`);
    // Two instances' timers at the same moment: one publishes it.
    const rounds = await Promise.all([
      publishDueDrafts(api.db, dir),
      publishDueDrafts(api.db, dir),
    ]);
    expect(rounds.flat()).toEqual(['spotlights/rosa-nueva']);

    expect(readFileSync(join(dir, 'spotlights/es/rosa-nueva.mdx'), 'utf8')).toMatch(
      /Juntas logramos el contrato\./,
    );
    expect(commits(dir)).toEqual([
      'Lucía Pérez <communications@example.org>|Publish spotlight rosa-nueva (es)',
      'Setup <setup@example.org>|Content',
    ]);
    const served = await api.app.request('http://api.rally.test/api/v1/spotlights/rosa-nueva');
    expect(served.status).toBe(200);
    const opened = await open_();
    expect(opened.draft).toBeNull();
    expect(opened.versions).toEqual(rosaEnEspanol);
    const entries = await api.db.query<{ detail: { scheduled?: boolean }; actor_label: string }>(
      `select detail, actor_label from audit_log where action = 'content-published'`,
    );
    expect(entries).toEqual([
      {
        actor_label: 'communications@example.org',
        detail: {
          languages: ['es'],
          commit: expect.stringMatching(/^[0-9a-f]{40}$/),
          scheduled: true,
        },
      },
    ]);
    // And the next minute, nothing more.
    expect(await publishDueDrafts(api.db, dir)).toEqual([]);
    expect(commits(dir)).toHaveLength(2);
  });

  it('keeps a due draft unpublished, as a draft, when its author may no longer publish', async () => {
    await saveDraft({ versions: rosaEnEspanol, publish_at: '2030-01-01T09:00:00Z' });
    await api.db.query(`update content_drafts set publish_at = now() - interval '1 minute'`);
    await api.db.query(`update staff_accounts set disabled_at = now()`);
    expect(await publishDueDrafts(api.db, dir)).toEqual([]);
    expect(existsSync(join(dir, 'spotlights/es/rosa-nueva.mdx'))).toBe(false);
    const [draft] = await api.db.query(`select publish_at from content_drafts`);
    expect(draft).toEqual({ publish_at: null });
  });

  it('replaces the draft with what is published from the editor', async () => {
    await saveDraft({ versions: rosaEnEspanol, publish_at: '2030-01-01T09:00:00Z' });
    const published = await consoleRequest(api, piece, {
      cookie: writer,
      method: 'PUT',
      body: { versions: rosaEnEspanol },
    });
    expect(published.status).toBe(200);
    expect((await open_()).draft).toBeNull();
  });

  it('keeps a colleague’s draft when someone else publishes the piece', async () => {
    const colleague = await signedIn(api, 'admin');
    await saveDraft({ versions: rosaEnEspanol }, colleague);
    const published = await consoleRequest(api, piece, {
      cookie: writer,
      method: 'PUT',
      body: { versions: rosaEnEspanol },
    });
    expect(published.status).toBe(200);
    expect((await open_()).draft).not.toBeNull();
  });

  it('is for communications staff and admins, from the console itself', async () => {
    const organizer = await signedIn(api, 'organizer');
    expect((await saveDraft({ versions: rosaEnEspanol }, organizer)).status).toBe(403);
    const crossSite = await consoleRequest(api, `${piece}/draft`, {
      cookie: writer,
      method: 'PUT',
      body: { versions: rosaEnEspanol },
      headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://elsewhere.example' },
    });
    expect(crossSite.status).toBe(403);
    expect(await api.db.query('select 1 from content_drafts')).toEqual([]);
  });
});
