/**
 * Property-based tests for reads: random and hostile query strings on every address that reads,
 * public and staff. Whatever arrives, the API never answers 5xx, and a refusal is a problem
 * document, never an error page.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  databases,
  openTestApi,
  person,
  postJson,
  staffGet,
  staffToken,
  type TestApi,
} from '../testing.ts';

const reads = [
  '/api/v1',
  '/api/v1/petitions',
  '/api/v1/petitions/fair-wages',
  '/api/v1/petitions/fair-wages/signatures',
  '/api/v1/events',
  '/api/v1/events/union-meeting',
  '/api/v1/events/union-meeting/attendances',
  '/api/v1/events/union-meeting/calendar.ics',
  '/api/v1/spotlights',
  '/api/v1/people',
  '/api/v1/dues',
  '/api/v1/reports/summary',
  '/api/v1/reports/people.csv',
];

const hostileValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer().map(String),
  fc.constantFrom(
    '',
    '__proto__',
    'constructor',
    '-1',
    '0',
    '1e309',
    '9999999999999999999999',
    'NaN',
    '%00',
    "modified_date gt '2026-11-01'",
    "modified_date gt '2026-13-45'",
    "constructor eq '2026-11-01'",
    "__proto__ gt '2026-11-01T09:30:00Z'",
    "email_address eq 'rosa@example.org' and created_date lt '2026-11-01T25:61:00Z'",
    "'; drop table people; --",
    'x'.repeat(3000),
  ),
);

/** OSDI filters, well and badly formed, on fields that exist and that do not. */
const filter = fc.oneof(
  hostileValue,
  fc
    .tuple(
      fc.constantFrom('modified_date', 'created_date', 'email_address', 'constructor', '__proto__'),
      fc.constantFrom('eq', 'gt', 'ge', 'lt', 'le', 'ne'),
      fc.constantFrom("'2026-11-01'", "'2026-11-01T09:30:00Z'", "'rosa@example.org'", '2026'),
    )
    .map((clause) => clause.join(' ')),
);

/** Cursors of next links, made up or tampered with: well-formed ones at the calendar's edges. */
const after = fc.oneof(
  hostileValue,
  fc
    .tuple(
      fc.constantFrom(
        '0000-01-01T00:00:00.000000',
        '1969-12-31T23:59:59.999999',
        '9999-12-31T23:59:59.999999',
        '2026-02-29T00:00:00.000000',
        '2024-02-29T12:00:00.000000',
        '2026-11-01 09:30:00',
      ),
      fc.oneof(fc.uuid(), fc.constantFrom('', '00000000-0000-0000-0000-000000000000')),
    )
    .map((cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url')),
);

const query = fc.record(
  {
    page: hostileValue,
    per_page: hostileValue,
    lang: hostileValue,
    region: hostileValue,
    filter,
    after,
    cursor: hostileValue, // A parameter no address takes.
  },
  { requiredKeys: [] },
);

describe.each(databases)('hostile query strings on %s', (_kind, open) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(open);
    await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
      person: person('rosa@example.org'),
    });
  });
  afterAll(() => api.close());

  it('never answer 5xx on any read, with or without a staff token', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...reads),
        query,
        fc.boolean(),
        async (path, params, asStaff) => {
          const url = new URL(`http://api.rally.test${path}`);
          for (const [key, value] of Object.entries(params)) {
            if (value !== undefined) url.searchParams.set(key, value);
          }
          const response = await api.app.request(url.toString(), {
            headers: asStaff ? { 'OSDI-API-Token': staffToken } : {},
          });
          expect(response.status, url.toString()).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toBe('application/problem+json');
          }
          // As a client that has read enough: an export streaming from a cursor gives its
          // connection back when the reader goes, not when the whole file is read.
          await response.body?.cancel();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never answer 5xx to a next link made up or tampered with', async () => {
    const collections = reads.filter((path) => /people$|signatures$|attendances$/.test(path));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...collections), after, async (path, cursor) => {
        const response = await api.app.request(`${path}?after=${encodeURIComponent(cursor)}`, {
          headers: { 'OSDI-API-Token': staffToken },
        });
        expect(response.status, cursor).toBeLessThan(500);
        await response.body?.cancel();
      }),
      { numRuns: 100 },
    );
  });
});

/** Path segments as a hostile caller writes them, percent-encoded or not. */
const segment = fc.oneof(
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom(
    '%00',
    '%0a',
    '%0d%0aSet-Cookie:%20x',
    '%ED%A0%80',
    '%FF',
    '..',
    '%2e%2e',
    '__proto__',
  ),
);

/** A query string written by hand: names and values raw, NULs and broken escapes included. */
const rawQuery = fc
  .array(
    fc.tuple(fc.oneof(fc.constantFrom('region', 'lang', 'page', 'filter'), segment), segment),
    {
      maxLength: 4,
    },
  )
  .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('&'));

describe.each(databases)('hostile addresses on %s', (_kind, open) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(open);
  });
  afterAll(() => api.close());

  it.each([
    ['/api/v1/petitions/%00', 'path'],
    ['/api/v1/events/%00/calendar.ics', 'path'],
    ['/api/v1/events?region=%00', 'query.region'],
    ['/api/v1/spotlights?lang=es%00', 'query.lang'],
  ])('GET %s is a 400 naming the part to fix', async (path, part) => {
    const response = await api.app.request(`http://api.rally.test${path}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).errors).toEqual([expect.objectContaining({ path: part })]);
  });

  it.each([
    "modified_date gt '0000-01-01'",
    "modified_date gt '9999-12-31T23:59:59.999Z'",
    "created_date lt '0001-01-01T00:30:00+01:00'",
  ])('refuses a filter date PostgreSQL cannot hold: %s', async (filter) => {
    const response = await staffGet(api, `/api/v1/people?filter=${encodeURIComponent(filter)}`);
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'filter' })]);
    expect(problem.detail).toMatch(/0001-01-01 to 9999-12-31/);
  });

  it('still reads the first and last days a filter can name', async () => {
    for (const filter of ["modified_date gt '0001-01-01'", "modified_date lt '9999-12-31'"]) {
      const response = await staffGet(api, `/api/v1/people?filter=${encodeURIComponent(filter)}`);
      expect(response.status, filter).toBe(200);
    }
  });

  it('never answer 5xx to any path or hand-written query, with or without a staff token', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...reads),
        fc.option(segment),
        rawQuery,
        fc.boolean(),
        async (path, extra, query, asStaff) => {
          const url = `http://api.rally.test${path}${extra === null ? '' : `/${extra}`}?${query}`;
          const response = await api.app.request(url, {
            headers: asStaff ? { 'OSDI-API-Token': staffToken } : {},
          });
          expect(response.status, url).toBeLessThan(500);
          if (response.status >= 400)
            expect(response.headers.get('content-type')).toBe('application/problem+json');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe.each(databases)('a database outage on %s', (_kind, open) => {
  it('answers 503 with Retry-After, and logs a hostile address on one line', async () => {
    const api = await openTestApi(open);
    await api.db.close();
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => {
      logged.push(line);
    });
    try {
      const response = await api.app.request(
        'http://api.rally.test/api/v1/petitions/fair-wages%0aGET%20forged%20ok/signatures',
        { headers: { 'OSDI-API-Token': staffToken } },
      );
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      const health = await api.app.request('http://api.rally.test/healthz');
      expect(health.status).toBe(503);
      expect(Number(health.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).not.toMatch(/[\n\r]/);
    expect(logged.join()).toContain('fair-wages\\u000aGET forged ok');
  });
});
