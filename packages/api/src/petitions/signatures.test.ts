/**
 * Staff, and the tools they sync with, read a petition's signatures as an OSDI collection: who
 * signed, with what comment and from which source, page by page, and only what is new since the
 * last look. On both databases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  databases,
  openTestApi,
  person,
  postJson,
  staffGet,
  staffToken,
  type TestApi,
} from '../testing.ts';

const petition = '/api/v1/petitions/fair-wages';

interface Signature {
  identifiers: string[];
  comments: string | null;
  source: string | null;
  referrer_data: Record<string, string>;
  created_date: string;
  modified_date: string;
  _links: Record<string, { href: string }>;
  _embedded: { 'osdi:person': { given_name: string; email_addresses: { address: string }[] } };
}

interface Page {
  total_records: number;
  total_pages: number;
  _links: Record<string, { href: string } | { href: string }[]>;
  _embedded: { 'osdi:signatures': Signature[] };
}

async function sign(api: TestApi, email: string, extra: Record<string, unknown> = {}) {
  const response = await postJson(api, `${petition}/signatures`, {
    person: person(email, { given_name: email.split('@')[0] }),
    ...extra,
  });
  expect(response.status).toBe(201);
  const { identifiers } = (await response.json()) as { identifiers: string[] };
  return identifiers[0]!.replace('rally:', '');
}

async function page(api: TestApi, query = ''): Promise<Page> {
  const response = await staffGet(api, `${petition}/signatures${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

const emailsOf = (signatures: Signature[]) =>
  signatures.map((s) => s._embedded['osdi:person'].email_addresses[0]!.address);

describe.each(databases)("a petition's signatures for staff on %s", (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  it('are for staff only, and no cache may keep them', async () => {
    await sign(api, 'rosa@example.org');
    expect((await api.app.request(`${petition}/signatures`)).status).toBe(401);
    const wrong = await api.app.request(`${petition}/signatures`, {
      headers: { 'OSDI-API-Token': 'not-the-token-0123456789abc' },
    });
    expect(wrong.status).toBe(401);
    const answer = await staffGet(api, `${petition}/signatures`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('content-type')).toContain('application/hal+json');
  });

  it('lists who signed, oldest first, with their comment, source and where they came from', async () => {
    await sign(api, 'rosa@example.org', {
      comments: 'My mother cared for people for thirty years.',
      referrer_data: { source: 'riverside', website: 'riverside.example' },
    });
    await sign(api, 'ana@example.org');
    const { total_records, _embedded } = await page(api);
    expect(total_records).toBe(2);
    const [first, second] = _embedded['osdi:signatures'];
    expect(emailsOf(_embedded['osdi:signatures'])).toEqual(['rosa@example.org', 'ana@example.org']);
    expect(first!.comments).toBe('My mother cared for people for thirty years.');
    expect(first!.referrer_data).toEqual({ source: 'riverside', website: 'riverside.example' });
    expect(first!._embedded['osdi:person'].given_name).toBe('rosa');
    expect(first!.modified_date).toBe(first!.created_date);
    expect(second!.comments).toBeNull();
  });

  it('counts a person who signs twice once', async () => {
    const first = await sign(api, 'rosa@example.org');
    const again = await sign(api, ' ROSA@example.org ');
    expect(again).toBe(first);
    expect((await page(api)).total_records).toBe(1);
  });

  it('pages with next and previous links that carry the filter along', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await sign(api, `${name}@example.org`);
    const filter = `&filter=${encodeURIComponent("created_date gt '2020-01-01'")}`;
    const one = await page(api, `?per_page=2${filter}`);
    expect(one.total_records).toBe(5);
    expect(one.total_pages).toBe(3);
    expect(emailsOf(one._embedded['osdi:signatures'])).toEqual(['a@example.org', 'b@example.org']);
    const next = (one._links['next'] as { href: string }).href;
    expect(new URL(next).searchParams.get('filter')).toBe("created_date gt '2020-01-01'");
    const two = (await (
      await api.app.request(next, { headers: { 'OSDI-API-Token': staffToken } })
    ).json()) as Page;
    expect(emailsOf(two._embedded['osdi:signatures'])).toEqual(['c@example.org', 'd@example.org']);
    expect(two._links['previous']).toBeDefined();
  });

  it('gives only the signatures made after the last one a sync tool saw', async () => {
    await sign(api, 'a@example.org');
    await sign(api, 'b@example.org');
    const seen = (await page(api))._embedded['osdi:signatures'].at(-1)!;
    await sign(api, 'c@example.org');
    const since = await page(
      api,
      `?filter=${encodeURIComponent(`modified_date gt '${seen.modified_date}'`)}`,
    );
    expect(emailsOf(since._embedded['osdi:signatures'])).toEqual(['c@example.org']);
    const upTo = await page(
      api,
      `?filter=${encodeURIComponent(`modified_date le '${seen.modified_date}'`)}`,
    );
    expect(emailsOf(upTo._embedded['osdi:signatures'])).toEqual(['a@example.org', 'b@example.org']);
  });

  it('answers each signature at its own address, which the petition links to', async () => {
    const id = await sign(api, 'rosa@example.org', { comments: 'Yes.' });
    const listed = (await page(api))._embedded['osdi:signatures'][0]!;
    const self = listed._links['self']!.href;
    expect(self).toBe(`http://api.rally.test${petition}/signatures/${id}`);
    const one = await api.app.request(self, { headers: { 'OSDI-API-Token': staffToken } });
    expect(one.status).toBe(200);
    // Alone, it carries the curies a page carries once for all it embeds.
    const alone = (await one.json()) as typeof listed;
    const { curies, ...links } = alone._links as typeof listed._links & { curies?: unknown };
    expect(curies).toHaveLength(2);
    expect({ ...alone, _links: links }).toEqual(listed);
    expect(listed._links['osdi:petition']!.href).toBe(`http://api.rally.test${petition}`);
    const personLink = await api.app.request(listed._links['osdi:person']!.href, {
      headers: { 'OSDI-API-Token': staffToken },
    });
    expect(personLink.status).toBe(200);

    const resource = (await (await api.app.request(`http://api.rally.test${petition}`)).json()) as {
      _links: Record<string, { href: string }>;
    };
    expect(resource._links['osdi:signatures']!.href).toBe(
      `http://api.rally.test${petition}/signatures`,
    );
  });

  it('answers 404 for an unknown petition, another petition’s signature or a made-up id', async () => {
    const id = await sign(api, 'rosa@example.org');
    expect((await staffGet(api, '/api/v1/petitions/no-such-petition/signatures')).status).toBe(404);
    expect((await staffGet(api, `/api/v1/petitions/heat-rules/signatures/${id}`)).status).toBe(404);
    const madeUp = await staffGet(api, `${petition}/signatures/not-an-id`);
    expect(madeUp.status).toBe(404);
    expect(((await madeUp.json()) as { detail: string }).detail).toContain('not-an-id');
    expect(
      (await staffGet(api, `${petition}/signatures/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
  });

  it("are linked from each signer's record, beside the events they RSVPed to", async () => {
    await sign(api, 'rosa@example.org', { comments: 'For my mother.' });
    await sign(api, 'ana@example.org');
    const rsvp = await postJson(api, '/api/v1/events/union-meeting/attendances', {
      person: person('rosa@example.org'),
    });
    expect(rsvp.status).toBe(201);
    const rosa = (await page(api))._embedded['osdi:signatures'][0]!;
    const record = (await (
      await api.app.request(rosa._links['osdi:person']!.href, {
        headers: { 'OSDI-API-Token': staffToken },
      })
    ).json()) as { _links: Record<string, { href: string }> };
    const staffRead = (href: string) =>
      api.app.request(href, { headers: { 'OSDI-API-Token': staffToken } });

    const signed = (await (await staffRead(record._links['osdi:signatures']!.href)).json()) as Page;
    expect(signed.total_records).toBe(1);
    expect(signed._embedded['osdi:signatures']).toEqual([rosa]);
    const went = (await (await staffRead(record._links['osdi:attendances']!.href)).json()) as {
      total_records: number;
      _embedded: {
        'osdi:attendances': { status: string; _links: Record<string, { href: string }> }[];
      };
    };
    expect(went.total_records).toBe(1);
    expect(went._embedded['osdi:attendances'][0]!.status).toBe('accepted');
    expect(went._embedded['osdi:attendances'][0]!._links['osdi:event']!.href).toBe(
      'http://api.rally.test/api/v1/events/union-meeting',
    );

    const later = `?filter=${encodeURIComponent(`created_date gt '${rosa.created_date}'`)}`;
    const none = (await (
      await staffRead(`${record._links['osdi:signatures']!.href}${later}`)
    ).json()) as Page;
    expect(none._embedded['osdi:signatures']).toEqual([]);
    expect((await api.app.request(record._links['osdi:signatures']!.href)).status).toBe(401);
    expect((await staffGet(api, '/api/v1/people/not-an-id/signatures')).status).toBe(404);
  });

  it('no longer lists a person erased on request', async () => {
    await sign(api, 'rosa@example.org');
    await sign(api, 'ana@example.org');
    const rosa = (await page(api))._embedded['osdi:signatures'][0]!;
    const erased = await api.app.request(rosa._links['osdi:person']!.href, {
      method: 'DELETE',
      headers: { 'OSDI-API-Token': staffToken },
    });
    expect(erased.status).toBe(204);
    const after = await page(api);
    expect(after.total_records).toBe(1);
    expect(emailsOf(after._embedded['osdi:signatures'])).toEqual(['ana@example.org']);
  });
});
