import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  databases,
  openTestApi,
  person,
  postForm,
  postJson,
  staffGet,
  staffToken,
  testOrigins,
  testSettings,
  type TestApi,
} from '../testing.ts';

async function onlyPerson(api: TestApi) {
  const response = await staffGet(api, '/api/v1/people');
  const body = await response.json();
  expect(body.total_records).toBe(1);
  return body._embedded['osdi:people'][0];
}

describe.each(databases)('people on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  describe('signing up', () => {
    it('records the person in OSDI fields, with region, sector, tags and consent', async () => {
      const response = await postJson(api, '/api/v1/people', {
        person: person('Rosa@Example.org', {
          phone_numbers: [{ number: '+1 504 555 0134', number_type: 'Mobile' }],
          postal_addresses: [{ postal_code: '70112' }],
          languages_spoken: ['es'],
          custom_fields: { employer: 'Sunrise Home Care' },
        }),
        region: 'gulf-south',
        sector: 'domestic-work',
        add_tags: ['home-care'],
        consent: { text: 'I agree to be contacted.', version: '2026-11' },
        referrer_data: { source: 'gulf-south-site' },
      });
      expect(response.status).toBe(201);
      const body = await response.json();
      expect(body.identifiers[0]).toMatch(/^rally:/);
      expect(body.referral_code).toMatch(/^[A-Z2-9]{8}$/);

      const record = await onlyPerson(api);
      expect(record).toMatchObject({
        given_name: 'Rosa',
        family_name: 'Ortiz',
        email_addresses: [{ address: 'rosa@example.org', primary: true }],
        phone_numbers: [{ number: '+1 504 555 0134', number_type: 'Mobile' }],
        postal_addresses: [{ postal_code: '70112' }],
        languages_spoken: ['es'],
        custom_fields: { employer: 'Sunrise Home Care' },
        region: 'gulf-south',
        sector: 'domestic-work',
        tags: ['home-care'],
        source: 'gulf-south-site',
        website: testOrigins.site,
      });
      const id = record.identifiers[0].replace('rally:', '');
      const exported = await (await staffGet(api, `/api/v1/people/${id}/export`)).json();
      expect(exported.consents).toEqual([
        { text: 'I agree to be contacted.', version: '2026-11', given_at: expect.anything() },
      ]);
    });

    it('refuses a custom field named as JavaScript objects reserve, rather than drop it', async () => {
      const sent = JSON.stringify({
        person: person('rosa@example.org'),
      }).replace(
        '"given_name"',
        '"custom_fields":{"__proto__":"Sunrise","employer":"Sunrise"},"given_name"',
      );
      const response = await api.app.request('http://api.rally.test/api/v1/people', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: testOrigins.site },
        body: sent,
      });
      expect(response.status).toBe(422);
      const problem = await response.json();
      expect(problem.errors[0].path).toBe('person.custom_fields.__proto__');
      expect((await staffGet(api, '/api/v1/people')).status).toBe(200);
      const form = await postForm(api, '/api/v1/people', {
        email: 'rosa@example.org',
        'custom_fields[__proto__]': 'Sunrise',
      });
      expect(form.status).toBe(422);
      expect((await (await staffGet(api, '/api/v1/people')).json()).total_records).toBe(0);
    });

    it('matches by email, and lets a submission without a token only fill what is blank', async () => {
      await postJson(api, '/api/v1/people', {
        person: person('rosa@example.org', { phone_numbers: [{ number: '504 555 0134' }] }),
        add_tags: ['first'],
        referrer_data: { source: 'first-touch' },
        region: 'gulf-south',
      });
      // Anyone can type Rosa's address: what they send never replaces what she gave.
      await postJson(api, '/api/v1/people', {
        person: {
          given_name: 'Mallory',
          family_name: '',
          email_addresses: [{ address: ' ROSA@example.org' }],
          phone_numbers: [{ number: '900 555 0000' }],
          postal_addresses: [{ postal_code: '70112' }],
          custom_fields: { employer: 'Acme Home Care' },
        },
        add_tags: ['second'],
        referrer_data: { source: 'second-touch' },
        region: 'great-lakes',
      });
      const record = await onlyPerson(api);
      expect(record.given_name).toBe('Rosa');
      expect(record.family_name).toBe('Ortiz');
      expect(record.phone_numbers).toEqual([{ number: '504 555 0134' }]);
      expect(record.region).toBe('gulf-south');
      // Blanks are filled, and tags record what was done.
      expect(record.postal_addresses).toEqual([{ postal_code: '70112' }]);
      expect(record.custom_fields).toEqual({ employer: 'Acme Home Care' });
      expect([...record.tags].sort()).toEqual(['first', 'second']);
      expect(record.source).toBe('first-touch');
    });

    it('lets a sync tool with a staff token upsert past the limits strangers have', async () => {
      await api.close();
      api = await openTestApi(
        open,
        testSettings({
          per_ip: { max: 3, window_seconds: 600 },
          per_email: { max: 2, window_seconds: 600 },
        }),
      );
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const answer = await postJson(
          api,
          '/api/v1/people',
          { person: person('rosa@example.org', { given_name: `Rosa ${i}` }) },
          { 'OSDI-API-Token': staffToken },
        );
        statuses.push(answer.status);
      }
      expect(statuses).toEqual(Array(6).fill(201));
      expect((await onlyPerson(api)).given_name).toBe('Rosa 5');
      // Without the token, the same address is limited.
      const anonymous = await Promise.all(
        [1, 2, 3].map((i) =>
          postJson(api, '/api/v1/people', {
            person: person('ana@example.org', { given_name: `Ana ${i}` }),
          }),
        ),
      );
      expect(anonymous.map((answer) => answer.status)).toContain(429);
    });

    it('lets a caller with a staff token update a person’s details', async () => {
      await postJson(api, '/api/v1/people', { person: person('rosa@example.org') });
      const update = await postJson(
        api,
        '/api/v1/people',
        {
          person: {
            given_name: 'Rosalía',
            email_addresses: [{ address: 'rosa@example.org' }],
            phone_numbers: [{ number: '504 555 0199' }],
          },
        },
        { 'OSDI-API-Token': staffToken },
      );
      expect(update.status).toBe(201);
      const record = await onlyPerson(api);
      expect(record.given_name).toBe('Rosalía');
      expect(record.family_name).toBe('Ortiz');
      expect(record.phone_numbers).toEqual([{ number: '504 555 0199' }]);
    });

    it('answers a returning person exactly as a new one, revealing nothing on file', async () => {
      const first = await postJson(api, '/api/v1/people', { person: person('rosa@example.org') });
      const again = await postJson(api, '/api/v1/people', {
        person: { email_addresses: [{ address: 'rosa@example.org' }] },
      });
      expect(again.status).toBe(first.status);
      const body = await again.json();
      expect(Object.keys(body).sort()).toEqual(['_links', 'identifiers', 'referral_code']);
      expect(JSON.stringify(body)).not.toContain('Rosa');
    });

    it('records a signup that carries a member’s referral code as their referral', async () => {
      const referrer = await (
        await postJson(api, '/api/v1/people', { person: person('rosa@example.org') })
      ).json();
      await postJson(api, '/api/v1/people', {
        person: person('ana@example.org', { given_name: 'Ana' }),
        referrer_data: { referrer: referrer.referral_code },
      });
      // Using one's own code later does not make one's own referral.
      await postJson(api, '/api/v1/people', {
        person: person('rosa@example.org'),
        referrer_data: { referrer: referrer.referral_code },
      });
      const [ana, rosa] = await api.db.query<{ email: string; referred_by: string | null }>(
        'select email, referred_by from people order by email',
      );
      expect(ana!.referred_by).toBe(referrer.identifiers[0].replace('rally:', ''));
      expect(rosa!.referred_by).toBeNull();
    });

    it('never gives a returning person’s code back, so a share link cannot be traced to an address', async () => {
      // Rosa's share link carries the code her first answer gave her.
      const shared = (
        await (await postJson(api, '/api/v1/people', { person: person('rosa@example.org') })).json()
      ).referral_code;
      // Someone holding the link tries her address: the code that comes back is not the link's.
      const probes = await Promise.all(
        [1, 2].map(
          async () =>
            (
              await (
                await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
                  person: person('rosa@example.org'),
                })
              ).json()
            ).referral_code,
        ),
      );
      expect(probes).not.toContain(shared);
      expect(new Set(probes).size).toBe(2);
      // Each code she is given still credits her.
      await postJson(api, '/api/v1/people', {
        person: person('ana@example.org'),
        referrer_data: { referrer: probes[1] },
      });
      const [ana] = await api.db.query<{ referred_by: string }>(
        "select referred_by from people where email = 'ana@example.org'",
      );
      const [rosa] = await api.db.query<{ id: string }>(
        "select id from people where email = 'rosa@example.org'",
      );
      expect(ana!.referred_by).toBe(rosa!.id);
    });
  });

  describe('staff endpoints', () => {
    it('refuse callers without a valid token', async () => {
      expect((await api.app.request('/api/v1/people')).status).toBe(401);
      const wrong = await api.app.request('/api/v1/people', {
        headers: { Authorization: 'Bearer nope' },
      });
      expect(wrong.status).toBe(401);
      const bearer = await api.app.request('/api/v1/people', {
        headers: { Authorization: `Bearer ${staffToken}` },
      });
      expect(bearer.status).toBe(200);
    });

    it('store the token only as a hash', async () => {
      const rows = await api.db.query<{ token_hash: string }>('select token_hash from api_tokens');
      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_hash).not.toContain(staffToken);
      expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('page through people the OSDI way', async () => {
      for (let i = 0; i < 5; i++)
        await postJson(api, '/api/v1/people', { person: person(`p${i}@example.org`) });
      const page2 = await (await staffGet(api, '/api/v1/people?per_page=2&page=2')).json();
      expect(page2).toMatchObject({ total_records: 5, total_pages: 3, per_page: 2, page: 2 });
      expect(page2._embedded['osdi:people']).toHaveLength(2);
      expect(page2._links.next.href).toMatch(/page=3/);
      expect(page2._links.previous.href).toMatch(/page=1/);
      expect((await staffGet(api, '/api/v1/people?per_page=500')).status).toBe(400);
    });

    it('follow next links to every person, even when one already read is erased meanwhile', async () => {
      for (let i = 0; i < 5; i++)
        await postJson(api, '/api/v1/people', { person: person(`p${i}@example.org`) });
      type Page = {
        page: number;
        total_records: number;
        _links: { next?: { href: string } };
        _embedded: {
          'osdi:people': { identifiers: string[]; email_addresses: { address: string }[] }[];
        };
      };
      const read = async (href: string) => {
        const url = new URL(href, 'http://rally.test');
        return (await (await staffGet(api, url.pathname + url.search)).json()) as Page;
      };
      const emails = (page: Page) =>
        page._embedded['osdi:people'].map((p) => p.email_addresses[0]!.address);

      const first = await read('/api/v1/people?per_page=2');
      expect(emails(first)).toEqual(['p0@example.org', 'p1@example.org']);
      const p0 = first._embedded['osdi:people'][0]!.identifiers[0]!.replace('rally:', '');
      const erased = await api.app.request(`/api/v1/people/${p0}`, {
        method: 'DELETE',
        headers: { 'OSDI-API-Token': staffToken },
      });
      expect(erased.status).toBe(204);
      // Counting rows to skip, page 2 would now start at p3, and p2 would never be read.
      expect(emails(await read('/api/v1/people?per_page=2&page=2'))).toEqual([
        'p3@example.org',
        'p4@example.org',
      ]);
      const second = await read(first._links.next!.href);
      expect(second).toMatchObject({ page: 2, total_records: 4 });
      expect(emails(second)).toEqual(['p2@example.org', 'p3@example.org']);
      const third = await read(second._links.next!.href);
      expect(emails(third)).toEqual(['p4@example.org']);
      expect(third._links.next).toBeUndefined();
    });

    it('refuse a next link that the API did not write', async () => {
      const bad = (after: string) => staffGet(api, `/api/v1/people?after=${after}`);
      const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      for (const after of [
        'not-a-cursor',
        cursor(['2026-02-30T10:00:00.000000', '00000000-0000-4000-8000-000000000000']),
        cursor(['0000-01-01T00:00:00.000000', '00000000-0000-4000-8000-000000000000']),
        cursor(['2026-02-01T10:00:00.000000', 'robert; drop table people']),
        cursor({ time: '2026-02-01T10:00:00.000000' }),
      ]) {
        const response = await bad(after);
        expect(response.status).toBe(400);
        expect((await response.json()).detail).toMatch(/^after is not one the API gave/);
      }
      const fine = cursor(['2026-02-01T10:00:00.000000', '00000000-0000-4000-8000-000000000000']);
      expect((await bad(fine)).status).toBe(200);
    });

    it('erase a person on request, with their signatures uncounted', async () => {
      await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
        person: person('rosa@example.org'),
      });
      await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
        person: person('ana@example.org'),
      });
      const rosa = (await (await staffGet(api, '/api/v1/people')).json())._embedded[
        'osdi:people'
      ][0];
      const id = rosa.identifiers[0].replace('rally:', '');
      const erased = await api.app.request(`/api/v1/people/${id}`, {
        method: 'DELETE',
        headers: { 'OSDI-API-Token': staffToken },
      });
      expect(erased.status).toBe(204);
      expect((await staffGet(api, `/api/v1/people/${id}`)).status).toBe(404);
      const petition = await (await api.app.request('/api/v1/petitions/fair-wages')).json();
      expect(petition.total_signatures).toBe(1);
    });

    it('find a person’s signatures and RSVPs through an index on the person', async () => {
      for (const table of ['signatures', 'attendances']) {
        const used = await api.db.transaction(async (tx) => {
          // Tables this small are cheaper to read whole; the question is which index would serve.
          await tx.query('set local enable_seqscan = off');
          const [row] = await tx.query<{ 'QUERY PLAN': [{ Plan: Record<string, unknown> }] }>(
            `explain (format json) select * from ${table} where person_id = $1`,
            ['00000000-0000-4000-8000-000000000000'],
          );
          return String(JSON.stringify(row!['QUERY PLAN']).match(/"Index Name":"([^"]+)"/)?.[1]);
        });
        // Not an index that starts with another column, which would be read from end to end.
        // Each PostgreSQL test has a schema of its own with the same index names.
        const [index] = await api.db.query<{ indexdef: string }>(
          'select indexdef from pg_indexes where schemaname = current_schema() and indexname = $1',
          [used],
        );
        expect(index?.indexdef, `${table}: ${used}`).toMatch(/\(person_id[,)]/);
      }
    });
  });
});
