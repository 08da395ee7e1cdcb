import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, openTestApi, person, postJson, staffToken, type TestApi } from '../testing.ts';

/** The three OSDI helpers, and what each answers in full besides OSDI's common fields. */
const helpers = [
  {
    path: '/api/v1/people',
    full: (email: string) => ({ email_addresses: [{ address: email, primary: true }] }),
  },
  {
    path: '/api/v1/petitions/fair-wages/signatures',
    full: (email: string) => ({
      comments: null,
      _embedded: { 'osdi:person': { email_addresses: [{ address: email, primary: true }] } },
    }),
  },
  {
    path: '/api/v1/events/open-meeting/attendances',
    full: (email: string) => ({
      status: 'accepted',
      _embedded: { 'osdi:person': { email_addresses: [{ address: email, primary: true }] } },
    }),
  },
];

describe.each(databases)('what the helpers answer, on %s', (_kind, open) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(open);
  });
  afterAll(() => api.close());

  async function count(table: string): Promise<number> {
    const [row] = await api.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    return row!.n;
  }

  it.each(helpers)('$path: a receipt to a widget, revealing nothing on file', async ({ path }) => {
    const response = await postJson(api, path, { person: person('anyone@example.org') });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBeNull();
    const body = await response.json();
    expect(body).not.toHaveProperty('created_date');
    expect(JSON.stringify(body)).not.toContain('Rosa');
    expect(body._links.curies.map((curie: { name: string }) => curie.name)).toEqual([
      'osdi',
      'rally',
    ]);
    expect(body._links.self.href).toMatch(/^http:\/\/api\.rally\.test\/api\/v1\//);
  });

  it.each(helpers)('$path: the resource recorded, in full, to staff', async ({ path, full }) => {
    const email = `staff-${path.length}@example.org`;
    const receipt = await (await postJson(api, path, { person: person(email) })).json();
    const tokens: Record<string, string>[] = [
      { 'OSDI-API-Token': staffToken },
      { Authorization: `Bearer ${staffToken}` },
    ];
    for (const headers of tokens) {
      const response = await postJson(api, path, { person: person(email) }, headers);
      expect(response.status).toBe(201);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = await response.json();
      expect(body).toMatchObject({
        identifiers: receipt.identifiers,
        origin_system: 'Rally',
        created_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        modified_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        ...full(email),
      });
      expect(body._links.self).toEqual(receipt._links.self);
      expect(response.headers.get('location')).toBe(body._links.self.href);
      // The same resource as staff read it at its address.
      const read = await api.app.request(body._links.self.href, {
        headers: { 'OSDI-API-Token': staffToken },
      });
      expect(await read.json()).toMatchObject({
        identifiers: body.identifiers,
        created_date: body.created_date,
      });
    }
  });

  it('keeps the cancellation link in an RSVP answered in full', async () => {
    const response = await postJson(
      api,
      '/api/v1/events/union-meeting/attendances',
      { person: person('cancel@example.org') },
      { 'OSDI-API-Token': staffToken },
    );
    const body = await response.json();
    expect(body._links['rally:cancel'].href).toMatch(/\/cancel\?token=/);
    expect(body._embedded['osdi:person']._links.self).toEqual(body._links['osdi:person']);
  });

  it.each(helpers)(
    '$path: a token that is not valid is refused, and nothing written',
    async ({ path }) => {
      const before = await Promise.all(['people', 'signatures', 'attendances'].map(count));
      const wrong: Record<string, string>[] = [
        { 'OSDI-API-Token': 'not-the-token' },
        { Authorization: 'Bearer x' },
      ];
      for (const headers of wrong) {
        const response = await postJson(api, path, { person: person('who@example.org') }, headers);
        expect(response.status).toBe(401);
      }
      expect(await Promise.all(['people', 'signatures', 'attendances'].map(count))).toEqual(before);
    },
  );
});
