/**
 * The API as published HAL clients see it, over real HTTP: Ketting (a HAL client) follows its
 * links from the entry point through every collection, page after page, and posts to every helper;
 * halfred (the HAL parser behind Traverson) checks each answer and expands its curies.
 */
import { createRequire } from 'node:module';
import { serve, type ServerType } from '@hono/node-server';
import { Client, NeverCache, Problem, bearerAuth, type Resource, type State } from 'ketting';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { databases, openTestApi, person, staffToken, type TestApi } from './testing.ts';

/** What halfred gives for a HAL document: links by relation, curies by name, and its complaints. */
interface HalfredResource {
  curie(name: string): { href: string; templated?: boolean } | undefined;
  reverseResolveCurie(url: string): string | undefined;
  validationIssues(): { path: string; message: string }[];
}
const halfred = createRequire(import.meta.url)('halfred') as {
  parse(json: unknown, validate?: boolean): HalfredResource;
};

type Item = { identifiers: string[]; created_date?: string; modified_date?: string };

/** Every record of a collection, read as a client reads it: page by page, by the `next` links. */
async function followToTheEnd(first: Resource) {
  const pages: State[] = [];
  let page = await first.get();
  for (;;) {
    pages.push(page);
    if (!page.links.has('next')) break;
    expect(pages.length).toBeLessThan(50); // A collection that never ends fails here, not by timeout.
    page = await page.follow('next').get();
  }
  const items = pages.flatMap((state) => state.getEmbedded().map((item) => item.data as Item));
  return { pages, items, ids: items.map((item) => item.identifiers[0]) };
}

/**
 * How the Action Network connector reads a collection: page 1, 2, 3… until a page comes back
 * with an empty list. It stops only if the pages past the end are empty.
 */
async function readUntilEmpty(client: Client, path: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page < 50; page++) {
    const state = await client.go(`${path}?page=${page}&per_page=1`).get();
    const items = state.getEmbedded();
    if (items.length === 0) return ids;
    ids.push(...items.map((item) => (item.data as Item).identifiers[0]!));
  }
  throw new Error(`${path} never came back empty`);
}

describe.each(databases)('OSDI and HAL clients against the API on %s', (_kind, open) => {
  let api: TestApi;
  let server: ServerType;
  let base: string;
  /** A client as anyone, and one as staff: Ketting keeps no copies, so each read asks the API. */
  let anyone: Client;
  let staff: Client;

  beforeAll(async () => {
    api = await openTestApi(open);
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(started),
      );
    });
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    anyone = new Client(`${base}/api/v1`);
    anyone.cache = new NeverCache();
    staff = new Client(`${base}/api/v1`);
    staff.cache = new NeverCache();
    staff.use(bearerAuth(staffToken));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  });

  // Ketting warns of what it cannot read (an embedded resource without its own `self`) and
  // leaves it out: every answer must reach it whole.
  let warned: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warned = vi.spyOn(console, 'warn');
  });
  afterEach(() => {
    expect(warned).not.toHaveBeenCalled();
    warned.mockRestore();
  });

  /** The raw HAL document, for halfred. */
  async function raw(url: string, headers: Record<string, string> = {}) {
    return (await fetch(url, { headers })).json();
  }

  it('reads the entry point with and without its trailing slash, and expands both curies', async () => {
    for (const address of [`${base}/api/v1`, `${base}/api/v1/`]) {
      const entry = await new Client(address).go().get();
      expect(entry.data).toMatchObject({ osdi_version: '1.1', namespace: 'rally' });
      const petitions = await entry.follow('osdi:petitions').get();
      expect(petitions.uri).toBe(`${base}/api/v1/petitions`);

      const parsed = halfred.parse(await raw(address), true);
      expect(parsed.validationIssues()).toEqual([]);
      expect(
        parsed.reverseResolveCurie('https://opensupporter.github.io/osdi-docs/petitions'),
      ).toBe('osdi:petitions');
      const rally = parsed.curie('rally')!;
      expect(rally.templated).toBe(true);
      for (const rel of ['spotlights', 'dues', 'reports', 'openapi', 'health']) {
        const explained = rally.href.replace('{rel}', rel);
        expect(parsed.reverseResolveCurie(explained)).toBe(`rally:${rel}`);
      }
      // Each `rally:` relation, here or on an event or an RSVP, is explained where the curie says:
      // in the API's own OpenAPI document.
      const document = await raw(rally.href.split('#')[0]!);
      for (const rel of [
        'spotlights',
        'dues',
        'reports',
        'openapi',
        'health',
        'calendar',
        'cancel',
      ]) {
        const pointer = new URL(rally.href.replace('{rel}', rel)).hash.slice(2).split('/');
        const explained = pointer.reduce<Record<string, unknown> | undefined>(
          (node, key) => node?.[key] as Record<string, unknown> | undefined,
          document,
        );
        expect(explained).toHaveProperty('description');
      }
    }
  });

  it('reads every public collection to its last page, by next links and by page numbers', async () => {
    const expected = {
      'osdi:petitions': ['rally:fair-wages', 'rally:heat-rules'],
      'osdi:events': ['rally:union-meeting', 'rally:open-meeting'],
      'rally:spotlights': ['rally:dele', 'rally:marisol', 'rally:coop'],
    };
    const entry = await anyone.go().get();
    for (const [rel, ids] of Object.entries(expected)) {
      const path = new URL(entry.links.get(rel)!.href).pathname;
      const walked = await followToTheEnd(anyone.go(`${path}?per_page=1`));
      expect(walked.ids).toEqual(ids);
      expect(walked.pages.map((page) => page.data)).toEqual(
        ids.map((_, i) => ({
          total_pages: ids.length,
          per_page: 1,
          page: i + 1,
          total_records: ids.length,
        })),
      );
      const last = walked.pages.at(-1)!;
      expect(last.links.get('previous')?.href).toBe(last.links.get('prev')?.href);
      expect(new URL(last.links.get('last')!.href).searchParams.get('page')).toBe(
        String(ids.length),
      );
      await expect(readUntilEmpty(anyone, path)).resolves.toEqual(ids);
      await expect(readUntilEmpty(anyone, `${path}/`)).resolves.toEqual(ids);
      for (const page of walked.pages) {
        expect(halfred.parse(await raw(page.uri), true).validationIssues()).toEqual([]);
      }
    }
  });

  it('answers each helper with a receipt to anyone, and in full to staff', async () => {
    const entry = await anyone.go().get();
    const petition = await (await entry.follow('osdi:petitions').follow('osdi:petitions')).get();
    const event = await (await entry.follow('osdi:events').follow('osdi:events')).get();
    const helpers = [
      entry.follow('osdi:person_signup_helper'),
      petition.follow('osdi:record_signature_helper'),
      event.follow('osdi:record_attendance_helper'),
    ];
    for (const [i, helper] of helpers.entries()) {
      const data = { person: person(`helper-${i}@example.org`) };
      const receipt = await helper.post({ data });
      expect(Object.keys(receipt.data as object)).not.toContain('created_date');
      expect(receipt.links.has('self')).toBe(true);

      const asStaff = staff.go(helper.uri);
      const full = await asStaff.post({ data });
      expect(full.data).toMatchObject({
        identifiers: (receipt.data as Item).identifiers,
        created_date: expect.any(String),
        modified_date: expect.any(String),
      });
      // The resource answered is the one at its self link, and at `Location` (Ketting's postFollow).
      const recorded = await (await asStaff.postFollow({ data })).get();
      expect(recorded.uri).toBe(full.links.get('self')!.href);
      expect((recorded.data as Item).created_date).toBe((full.data as Item).created_date);

      const wrong = new Client(`${base}/api/v1`);
      wrong.use(bearerAuth('not-the-staff-token-at-all-0000'));
      const refused = await wrong
        .go(helper.uri)
        .post({ data: { person: person(`nobody-${i}@example.org`) } })
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(Problem);
      expect((refused as Problem).status).toBe(401);
    }
    const [nobody] = await api.db.query(`select 1 from people where email like 'nobody-%'`);
    expect(nobody).toBeUndefined();
  });

  it('reads the staff collections with a filter, by next links, to the end', async () => {
    for (let i = 0; i < 5; i++) {
      await staff.go('/api/v1/petitions/fair-wages/signatures').post({
        data: { person: person(`signer-${i}@example.org`) },
      });
      await staff.go('/api/v1/events/open-meeting/attendances').post({
        data: { person: person(`signer-${i}@example.org`) },
      });
    }
    const since = "modified_date ge '2000-01-01'";
    const query = `?per_page=2&filter=${encodeURIComponent(since)}`;
    const entry = await staff.go().get();
    const people = await followToTheEnd(
      staff.go(`${new URL(entry.links.get('osdi:people')!.href).pathname}${query}`),
    );
    const [{ count }] = (await api.db.query<{ count: number }>(
      'select count(*)::int as count from people',
    )) as [{ count: number }];
    expect(people.items).toHaveLength(count);
    expect(new Set(people.ids).size).toBe(count);
    for (const page of people.pages) expect(page.uri).toContain('filter=');

    const signed = await followToTheEnd(
      staff.go(`/api/v1/petitions/fair-wages/signatures${query}`),
    );
    expect(signed.items.length).toBeGreaterThanOrEqual(5);
    const rsvps = await followToTheEnd(staff.go(`/api/v1/events/open-meeting/attendances${query}`));
    expect(rsvps.items.length).toBeGreaterThanOrEqual(5);

    // A person's own actions, from their record.
    const rosa = await staff.go(people.pages[0]!.getEmbedded()[0]!.uri).get();
    await followToTheEnd(rosa.follow('osdi:signatures'));
    await followToTheEnd(rosa.follow('osdi:attendances'));

    // Past events, with who came to them, for staff only.
    const [someone] = await api.db.query<{ id: string }>('select id from people limit 1');
    await api.db.query(
      `insert into attendances (event_id, person_id, status) values ('past-rally', $1, 'accepted')`,
      [someone!.id],
    );
    const all = await followToTheEnd(staff.go('/api/v1/events?include=past&per_page=2'));
    expect(all.ids).toContain('rally:past-rally');
    const past = all.pages
      .flatMap((page) => page.getEmbedded())
      .find((event) => (event.data as Item).identifiers[0] === 'rally:past-rally')!;
    const came = await followToTheEnd(past.follow('osdi:attendances'));
    expect(came.items).toHaveLength(1);
    const refused = await anyone
      .go('/api/v1/events?include=past')
      .get()
      .catch((error: unknown) => error);
    expect((refused as Problem).status).toBe(401);
  });
});
