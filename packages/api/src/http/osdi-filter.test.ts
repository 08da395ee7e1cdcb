/**
 * OSDI's `filter`, as sync tools send it to the staff collections (people here; RSVPs and
 * signatures read it the same way): what changed or was created since a moment, or one email.
 * On both databases.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, openTestApi, person, postJson, staffGet, type TestApi } from '../testing.ts';

interface Person {
  email_addresses: { address: string }[];
  created_date: string;
  modified_date: string;
}

async function join(api: TestApi, email: string, extra: Record<string, unknown> = {}) {
  const response = await postJson(api, '/api/v1/people', { person: person(email, extra) });
  expect(response.status).toBe(201);
}

function filtered(api: TestApi, filter: string) {
  return staffGet(api, `/api/v1/people?per_page=100&filter=${encodeURIComponent(filter)}`);
}

async function emails(api: TestApi, filter: string): Promise<string[]> {
  const response = await filtered(api, filter);
  expect(response.status, await response.clone().text()).toBe(200);
  const page = (await response.json()) as { _embedded: { 'osdi:people': Person[] } };
  return page._embedded['osdi:people'].map((p) => p.email_addresses[0]!.address);
}

async function everyone(api: TestApi): Promise<Person[]> {
  const response = await staffGet(api, '/api/v1/people?per_page=100');
  return ((await response.json()) as { _embedded: { 'osdi:people': Person[] } })._embedded[
    'osdi:people'
  ];
}

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

describe.each(databases)('filtering the people collection on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  it('finds one person by email, whatever its case or spaces', async () => {
    await join(api, 'rosa@example.org');
    await join(api, 'ana@example.org');
    expect(await emails(api, "email_address eq ' Rosa@Example.org '")).toEqual([
      'rosa@example.org',
    ]);
    expect(await emails(api, "email_address eq 'nobody@example.org'")).toEqual([]);
  });

  it('tells what changed since a moment apart from what was created since', async () => {
    await join(api, 'rosa@example.org');
    await join(api, 'ana@example.org');
    const ana = (await everyone(api))[1]!;
    // Rosa comes back with a phone number: her record changes, she is not new.
    await join(api, 'rosa@example.org', { phone_numbers: [{ number: '+15045550100' }] });
    expect(await emails(api, `modified_date gt '${ana.modified_date}'`)).toEqual([
      'rosa@example.org',
    ]);
    expect(await emails(api, `created_date gt '${ana.created_date}'`)).toEqual([]);
    expect(await emails(api, `created_date le '${ana.created_date}'`)).toEqual([
      'rosa@example.org',
      'ana@example.org',
    ]);
  });

  it('reads a day alone as the moment it begins, and with eq as the whole day', async () => {
    await join(api, 'rosa@example.org');
    const today = day(Date.now());
    const tomorrow = day(Date.now() + 86_400_000);
    expect(await emails(api, `created_date eq '${today}'`)).toEqual(['rosa@example.org']);
    expect(await emails(api, `created_date gt '${today}'`)).toEqual(['rosa@example.org']);
    expect(await emails(api, `created_date lt '${today}'`)).toEqual([]);
    expect(await emails(api, `created_date ge '${tomorrow}'`)).toEqual([]);
    expect(
      await emails(api, `created_date ge '${today}' AND modified_date lt '${tomorrow}'`),
    ).toEqual(['rosa@example.org']);
  });

  it('refuses what it cannot read with a 400 that names the filter and what it accepts', async () => {
    await join(api, 'rosa@example.org');
    for (const filter of [
      "given_name eq 'Rosa'",
      "constructor eq '2026-11-01'",
      "__proto__ gt '2026-11-01'",
      `email_address eq '${'x'.repeat(1000)}'`,
      "modified_date ne '2026-11-01'",
      "modified_date gt 'yesterday'",
      "modified_date gt '2026-02-30'",
      "modified_date gt '2026-11-01T25:00:00Z'",
      'modified_date gt 2026-11-01',
      "email_address gt 'a@example.org'",
      "modified_date gt '2026-11-01' or created_date gt '2026-11-01'",
      Array(9).fill("created_date gt '2026-11-01'").join(' and '),
    ]) {
      const response = await filtered(api, filter);
      expect(response.status, filter).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await response.json()) as {
        errors: { path: string; code: string; message: string }[];
      };
      expect(problem.errors).toHaveLength(1);
      expect(problem.errors[0]).toMatchObject({ path: 'filter', code: 'invalid' });
      expect(problem.errors[0]!.message).toContain('modified_date (gt, ge, lt, le, eq)');
      expect(problem.errors[0]!.message).toContain('email_address (eq)');
    }
  });

  it('keeps a quote inside a value, doubled as OData writes it', async () => {
    await join(api, "o'brien@example.org");
    expect(await emails(api, "email_address eq 'o''brien@example.org'")).toEqual([
      "o'brien@example.org",
    ]);
  });

  it('gives exactly the people whose dates, as shown, meet every condition', async () => {
    for (const name of ['a', 'b', 'c']) await join(api, `${name}@example.org`);
    await join(api, 'a@example.org', { given_name: 'Ada' });
    const people = await everyone(api);
    const times = people.flatMap((p) => [p.created_date, p.modified_date].map(Date.parse));
    const field = fc.constantFrom('created_date', 'modified_date');
    const op = fc.constantFrom('eq', 'gt', 'ge', 'lt', 'le');
    // Each person's own dates, a millisecond either side, and the days around them.
    const value = fc.oneof(
      fc
        .tuple(fc.constantFrom(...times), fc.constantFrom(-1, 0, 1))
        .map(([time, shift]) => new Date(time + shift).toISOString()),
      fc.constantFrom(...times).map((time) => day(time)),
      fc.constantFrom(-1, 1).map((shift) => day(times[0]! + shift * 86_400_000)),
    );
    const condition = fc.record({ field, op, value });
    type Condition = { field: string; op: 'eq' | 'gt' | 'ge' | 'lt' | 'le'; value: string };
    const holds = (p: Person, { field, op, value }: Condition) => {
      const shown = Date.parse(p[field as 'created_date']);
      if (value.length === 10 && op === 'eq') return p[field as 'created_date'].startsWith(value);
      const at = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
      return { eq: shown === at, gt: shown > at, ge: shown >= at, lt: shown < at, le: shown <= at }[
        op
      ];
    };
    await fc.assert(
      fc.asyncProperty(fc.array(condition, { minLength: 1, maxLength: 3 }), async (conditions) => {
        const filter = conditions.map((c) => `${c.field} ${c.op} '${c.value}'`).join(' and ');
        const expected = people
          .filter((p) => conditions.every((c) => holds(p, c)))
          .map((p) => p.email_addresses[0]!.address);
        expect(await emails(api, filter)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('never fails with a 5xx, whatever the filter', async () => {
    await join(api, 'rosa@example.org');
    const pieces = fc.constantFrom(
      'modified_date',
      'created_date',
      'email_address',
      'constructor',
      '__proto__',
      ' eq ',
      ' gt ',
      ' and ',
      "'",
      "''",
      '2026-11-01',
      'T09:30:00Z',
      '(',
      ')',
      ' ',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')),
        ),
        async (filter) => {
          const response = await filtered(api, filter);
          expect([200, 400], filter).toContain(response.status);
        },
      ),
      { numRuns: 150 },
    );
  });
});
