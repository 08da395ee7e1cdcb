/**
 * Property-based tests: random and hostile payloads thrown at every public write. Whatever arrives,
 * the API never answers 5xx, and nothing is stored from a request it rejected.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, openTestApi, person, postJson, testOrigins, type TestApi } from '../testing.ts';

const writes = [
  '/api/v1/people',
  '/api/v1/petitions/fair-wages/signatures',
  '/api/v1/events/union-meeting/attendances',
];

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b@example.org',
    "'; drop table people; --",
    '<script>alert(1)</script>',
    '=cmd|calc!A1',
    '\ud800',
    '𝕽𝖆𝖑𝖑𝖞',
    'x'.repeat(5000),
    '../../etc/passwd',
    '__proto__',
  ),
);

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor')),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

/** A valid submission with one field, somewhere, replaced by something hostile. */
const mutatedSubmission = fc
  .record({
    path: fc.constantFrom(
      ['person', 'given_name'],
      ['person', 'email_addresses'],
      ['person', 'email_addresses', 0, 'address'],
      ['person', 'phone_numbers'],
      ['person', 'postal_addresses', 0],
      ['person', 'custom_fields'],
      ['person', 'languages_spoken'],
      ['comments'],
      ['add_tags'],
      ['referrer_data'],
      ['referrer_data', 'url'],
      ['consent'],
      ['consent', 'given_at'],
      ['region'],
      ['form_started_at'],
      ['person'],
    ),
    value: jsonValue,
    email: fc.emailAddress(),
  })
  .map(({ path, value, email }) => {
    const body: Record<string, unknown> = {
      person: person(email, { postal_addresses: [{ postal_code: '70112' }] }),
      consent: { text: 'I agree.' },
    };
    let node = body as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) {
      node = (node[key] ??= {}) as Record<string | number, unknown>;
    }
    node[path.at(-1)!] = value;
    return JSON.stringify(body);
  });

const body = fc.oneof(
  mutatedSubmission,
  jsonValue.map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
);

async function storedRows(api: TestApi): Promise<number> {
  const [row] = await api.db.query<{ n: number }>(
    `select (select count(*) from people) + (select count(*) from signatures)
          + (select count(*) from attendances) + (select count(*) from consents)
          + (select count(*) from idempotency_keys) as n`,
  );
  return Number(row!.n);
}

describe.each(databases)('hostile input on %s', (_kind, open) => {
  let api: TestApi;
  beforeAll(async () => {
    // Limits high enough that the flood of generated requests is judged on content alone.
    api = await openTestApi(open);
  });
  afterAll(() => api.close());

  it.each(writes)('POST %s never answers 5xx and stores nothing it rejects', async (path) => {
    await fc.assert(
      fc.asyncProperty(body, contentType, fc.option(hostileString), async (text, type, key) => {
        const before = await storedRows(api);
        const headers: Record<string, string> = { 'Content-Type': type, Origin: testOrigins.site };
        if (key !== null) headers['Idempotency-Key'] = key;
        let response: Response;
        try {
          response = await api.app.request(path, { method: 'POST', headers, body: text });
        } catch (error) {
          // A header value the Fetch API itself refuses never reaches a server.
          if (error instanceof TypeError) return;
          throw error;
        }
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(await storedRows(api)).toBe(before);
      }),
      { numRuns: 120 },
    );
  });
});

describe.each(databases)('consent times, on %s', (_kind, open) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(open);
  });
  afterAll(() => api.close());

  it.each(['0000-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2999-01-01T00:00:00Z'])(
    'refuses a consent given at %s with a 422 naming the field, and stores nothing',
    async (givenAt) => {
      const response = await postJson(api, writes[1]!, {
        person: person('rosa@example.org'),
        consent: { text: 'I agree.', given_at: givenAt },
      });
      expect(response.status).toBe(422);
      expect((await response.json()).errors).toContainEqual(
        expect.objectContaining({ path: 'consent.given_at' }),
      );
      expect(await storedRows(api)).toBe(0);
    },
  );
});

describe.each(databases)('text PostgreSQL cannot store, on %s', (_kind, open) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(open);
  });
  afterAll(() => api.close());

  it.each([
    ['a NUL character', 'Ro\u0000sa'],
    ['a lone surrogate', 'Ro\ud800sa'],
  ])('is refused with 422 naming the field when it holds %s', async (_name, text) => {
    for (const path of writes) {
      const response = await api.app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: testOrigins.site },
        body: JSON.stringify({
          person: person('rosa@example.org', { given_name: text }),
          comments: text,
        }),
      });
      expect(response.status).toBe(422);
      const problem = await response.json();
      expect(problem.errors).toContainEqual(
        expect.objectContaining({ path: 'person.given_name', code: 'invalid' }),
      );
    }
    expect(await storedRows(api)).toBe(0);
  });
});

/** JSON nested `depth` levels deep, as text: parsing it is fine, walking it recursively is not. */
const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

describe.each(databases)(
  'bodies nested deep, and ids PostgreSQL cannot hold, on %s',
  (_kind, open) => {
    let api: TestApi;
    beforeAll(async () => {
      api = await openTestApi(open);
    });
    afterAll(() => api.close());

    it.each(writes)(
      'POST %s refuses JSON nested 2,000 deep with a 422 naming the field',
      async (path) => {
        const deepField = `{"person":${JSON.stringify(person('rosa@example.org'))},"comments":${nested(2000)}}`;
        for (const [body, part] of [
          [nested(2000), 'body'],
          [deepField, 'comments'],
        ] as const) {
          expect(body.length).toBeLessThan(64 * 1024);
          const response = await api.app.request(path, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: testOrigins.site },
            body,
          });
          expect(response.status).toBe(422);
          const problem = await response.json();
          expect(problem.detail).toContain(part);
        }
        expect(await storedRows(api)).toBe(0);
      },
    );

    it('never answers 5xx to nesting of any depth, anywhere in the body', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 3000 }),
          fc.constantFrom('top', 'comments', 'custom_fields', 'consent'),
          fc.constantFrom('[', '{"a":'),
          async (depth, where, opener) => {
            const closer = opener === '[' ? ']' : '}';
            const deep = opener.repeat(depth) + '1' + closer.repeat(depth);
            const submission = {
              person: person('rosa@example.org'),
              consent: { text: 'I agree.' },
            };
            const body =
              where === 'top'
                ? deep
                : JSON.stringify(submission).replace(
                    where === 'custom_fields' ? '"given_name"' : '"person"',
                    where === 'custom_fields'
                      ? `"custom_fields":{"x":${deep}},"given_name"`
                      : `"${where}":${deep},"person"`,
                  );
            const before = await storedRows(api);
            const response = await api.app.request(writes[1]!, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Origin: testOrigins.site },
              body,
            });
            expect(response.status).toBeLessThan(500);
            if (response.status >= 400) expect(await storedRows(api)).toBe(before);
          },
        ),
        { numRuns: 60 },
      );
    });

    it("refuses a NUL in a write's id with a 400, while writes sent with it are recorded", async () => {
      const sign = (id: string, email: string) =>
        postJson(api, `/api/v1/petitions/${id}/signatures`, { person: person(email) });
      // Sent together, so the good ones would share a batch with the bad one if it got that far.
      const answers = await Promise.all([
        sign('fair-wages', 'ana@example.org'),
        sign('%00', 'nul@example.org'),
        sign('fair%00wages', 'nul2@example.org'),
        sign('fair-wages', 'bea@example.org'),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 400, 400, 201]);
      expect((await answers[1]!.json()).errors).toEqual([
        expect.objectContaining({ path: 'path' }),
      ]);
      const signers = await api.db.query<{ email: string }>(
        `select email from people where email in ('ana@example.org', 'bea@example.org',
         'nul@example.org', 'nul2@example.org') order by email`,
      );
      expect(signers.map((row) => row.email)).toEqual(['ana@example.org', 'bea@example.org']);
    });
  },
);
