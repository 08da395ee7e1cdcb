import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { databaseRateLimiter } from '../http/rate-limits.ts';
import {
  databases,
  openTestApi,
  person,
  postForm,
  postJson,
  solvedPuzzle,
  testOrigins,
  testSettings,
  type TestApi,
} from '../testing.ts';

const signatures = '/api/v1/petitions/fair-wages/signatures';

async function totalSignatures(api: TestApi, id = 'fair-wages'): Promise<number> {
  const response = await api.app.request(`/api/v1/petitions/${id}`);
  return (await response.json()).total_signatures;
}

async function countRows(api: TestApi, table: string): Promise<number> {
  const [row] = await api.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row!.n;
}

describe.each(databases)('petitions on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  describe('reading', () => {
    it('lists petitions from the content files with their counts and status', async () => {
      const response = await api.app.request('http://api.rally.test/api/v1/petitions');
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.total_records).toBe(2);
      const [fairWages, heatRules] = body._embedded['osdi:petitions'];
      expect(fairWages).toMatchObject({
        identifiers: ['rally:fair-wages'],
        title: 'Fair wages for home care workers',
        target: [{ name: 'Louisiana Department of Health' }],
        goal: 1000,
        total_signatures: 0,
        status: 'open',
      });
      expect(fairWages._links['osdi:record_signature_helper'].href).toBe(
        'http://api.rally.test/api/v1/petitions/fair-wages/signatures',
      );
      expect(heatRules.status).toBe('closed');
    });

    it('gives a petition in the language asked for, or as written when it has no translation', async () => {
      const spanish = await (await api.app.request('/api/v1/petitions/fair-wages?lang=es')).json();
      expect(spanish).toMatchObject({
        title: 'Salarios justos para las trabajadoras del cuidado en casa',
        target: [{ name: 'Departamento de Salud de Luisiana' }],
        lang: 'es',
        goal: 1000,
      });
      const english = await (await api.app.request('/api/v1/petitions/fair-wages?lang=en')).json();
      expect(english).toMatchObject({ title: 'Fair wages for home care workers', lang: 'en' });
      const untranslated = await (
        await api.app.request('/api/v1/petitions/heat-rules?lang=en')
      ).json();
      expect(untranslated).toMatchObject({ lang: 'es' });
    });

    it('pages the petitions as OSDI does, with an empty page past the last', async () => {
      const read = async (query: string) =>
        (await api.app.request(`http://api.rally.test/api/v1/petitions${query}`)).json();
      const second = await read('?page=2&per_page=1');
      expect(second).toMatchObject({ total_pages: 2, per_page: 1, page: 2, total_records: 2 });
      expect(second._embedded['osdi:petitions'].map((p: { title: string }) => p.title)).toEqual([
        'Reglas contra el calor para trabajadores del campo',
      ]);
      expect(second._links.next).toBeUndefined();
      expect(second._links.previous).toEqual(second._links.prev);
      expect(second._links.previous.href).toBe(
        'http://api.rally.test/api/v1/petitions?page=1&per_page=1',
      );
      const first = await read('?per_page=1');
      expect(first._embedded['osdi:petitions'][0].title).toBe('Fair wages for home care workers');
      expect(first._links.prev).toBeUndefined();
      expect(first._links.last).toEqual(second._links.self);
      const second2 = await read(`?${new URL(first._links.next.href).searchParams}`);
      expect(second2._embedded).toEqual(second._embedded);

      const past = await read('?page=3&per_page=1');
      expect(past).toMatchObject({ page: 3, total_pages: 2, _embedded: { 'osdi:petitions': [] } });
      expect(past._links.next).toBeUndefined();
      expect(past._links['osdi:petitions']).toEqual([]);
      expect((await api.app.request('/api/v1/petitions?per_page=101')).status).toBe(400);
    });

    it('answers 404 with a problem for an unknown petition', async () => {
      const response = await api.app.request('/api/v1/petitions/no-such-thing');
      expect(response.status).toBe(404);
      expect((await response.json()).detail).toMatch(/No petition has the id "no-such-thing"/);
    });
  });

  describe('signing', () => {
    it('records a signature and counts it', async () => {
      const response = await postJson(api, signatures, {
        person: person('rosa@example.org'),
        comments: 'My mother did this work for 30 years.',
      });
      expect(response.status).toBe(201);
      const body = await response.json();
      expect(body.identifiers[0]).toMatch(/^rally:[0-9a-f-]{36}$/);
      expect(body.referral_code).toMatch(/^[A-Z2-9]{8}$/);
      expect(await totalSignatures(api)).toBe(1);
      const [row] = await api.db.query<{ comments: string }>('select comments from signatures');
      expect(row!.comments).toBe('My mother did this work for 30 years.');
    });

    it('signing again, in any letter case, changes nothing and still succeeds', async () => {
      const first = await (
        await postJson(api, signatures, { person: person('rosa@example.org') })
      ).json();
      const again = await postJson(api, signatures, { person: person('  ROSA@Example.org ') });
      expect(again.status).toBe(201);
      expect((await again.json()).identifiers).toEqual(first.identifiers);
      expect(await totalSignatures(api)).toBe(1);
      expect(await countRows(api, 'people')).toBe(1);
    });

    it('counts concurrent signers exactly, and one person signing many times at once once', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          postJson(api, signatures, { person: person(`p${i}@example.org`) }),
        ),
      );
      await Promise.all(
        Array.from({ length: 10 }, () =>
          postJson(api, signatures, { person: person('same@example.org') }),
        ),
      );
      expect(await totalSignatures(api)).toBe(21);
      expect(await countRows(api, 'signatures')).toBe(21);
    });

    it('refuses a closed petition with 409 and an unknown one with 404, storing nothing', async () => {
      const closed = await postJson(api, '/api/v1/petitions/heat-rules/signatures', {
        person: person('rosa@example.org'),
      });
      expect(closed.status).toBe(409);
      expect((await closed.json()).detail).toMatch(/closed/);
      const unknown = await postJson(api, '/api/v1/petitions/nope/signatures', {
        person: person('rosa@example.org'),
      });
      expect(unknown.status).toBe(404);
      expect(await countRows(api, 'people')).toBe(0);
    });
  });

  describe('bad input', () => {
    it('names each failed field with a stable code, and stores nothing', async () => {
      const response = await postJson(api, signatures, {
        person: { given_name: 'Rosa', email_addresses: [{ address: 'rosa at work' }] },
        comments: 'x'.repeat(2001),
      });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = await response.json();
      expect(problem.errors).toEqual([
        {
          path: 'person.email_addresses.0.address',
          code: 'invalid_email',
          message: expect.any(String),
        },
        { path: 'comments', code: 'too_long', message: 'Use at most 2000 characters.' },
      ]);
      expect(await countRows(api, 'people')).toBe(0);
    });

    it('says an email is required when none is given', async () => {
      const response = await postJson(api, signatures, { person: { given_name: 'Rosa' } });
      const problem = await response.json();
      expect(problem.errors).toEqual([
        { path: 'person.email_addresses', code: 'required', message: 'This field is required.' },
      ]);
    });

    it('answers 400 for broken JSON, 415 for other media types and 413 for huge bodies', async () => {
      const broken = await api.app.request(signatures, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"person": ',
      });
      expect(broken.status).toBe(400);
      const text = await api.app.request(signatures, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'rosa@example.org',
      });
      expect(text.status).toBe(415);
      const huge = await postJson(api, signatures, {
        person: person('a@example.org'),
        comments: 'x'.repeat(70_000),
      });
      expect(huge.status).toBe(413);
      // The same body with its length declared, as browsers send it: refused by the header alone.
      const declared = await postJson(
        api,
        signatures,
        { person: person('a@example.org'), comments: 'x'.repeat(70_000) },
        { 'Content-Length': '70100' },
      );
      expect(declared.status).toBe(413);
      expect((await declared.json()).detail).toMatch(/larger than 64 KB/);
      expect(await countRows(api, 'people')).toBe(0);
    });
  });

  describe('plain HTML forms', () => {
    it('records the signature and sends the person back to the page with a 303', async () => {
      const response = await postForm(api, signatures, {
        given_name: 'Rosa',
        email: 'rosa@example.org',
        postal_code: '70112',
        comments: 'Yes',
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`${testOrigins.site}/join?rally=signed`);
      expect(await totalSignatures(api)).toBe(1);
      const [row] = await api.db.query<{ postal_addresses: unknown }>(
        'select postal_addresses from people',
      );
      expect(row!.postal_addresses).toEqual([{ postal_code: '70112' }]);
    });

    it('follows a redirect field on an allowed origin, and ignores one elsewhere', async () => {
      const allowed = await postForm(api, signatures, {
        email: 'a@example.org',
        redirect: `${testOrigins.site}/gracias`,
      });
      expect(allowed.headers.get('location')).toBe(`${testOrigins.site}/gracias`);
      const elsewhere = await postForm(api, signatures, {
        email: 'b@example.org',
        redirect: 'https://phishing.example/thanks',
      });
      expect(elsewhere.headers.get('location')).toBe(`${testOrigins.site}/join?rally=signed`);
    });

    it('thanks the person on the API’s own page when the form page is not known', async () => {
      const response = await postForm(
        api,
        signatures,
        { email: 'rosa@example.org' },
        { Referer: '' },
      );
      expect(response.headers.get('location')).toBe(
        'http://api.rally.test/api/v1/thanks?rally=signed',
      );
      const page = await api.app.request('/api/v1/thanks?rally=signed&lang=es');
      expect(await page.text()).toContain('Tu firma quedó registrada.');
    });

    it.each(['constructor', 'toString', '__proto__', 'thanksTitle'])(
      'thanks plainly when the outcome is an unknown word (%s)',
      async (word) => {
        const page = await (await api.app.request(`/api/v1/thanks?rally=${word}`)).text();
        expect(page).toContain('<p>Your submission is recorded.</p>');
        expect(page).not.toMatch(/function|native code|\[object/);
      },
    );

    it.each([
      'javascript:alert(document.domain)',
      'data:text/html,<script>alert(1)</script>',
      'https://phishing.example/join',
      `ftp://${new URL(testOrigins.site).host}/join`,
    ])('links back only to a page of a trusted origin, never to %s', async (referer) => {
      const response = await postForm(
        api,
        signatures,
        { email: 'not an email' },
        { Referer: referer },
      );
      expect(response.status).toBe(422);
      const page = await response.text();
      expect(page).toContain('<strong>email</strong>');
      expect(page).not.toContain('href=');
    });

    it('shows a page naming the fields to correct, in the browser language', async () => {
      const response = await postForm(
        api,
        signatures,
        { email: 'not an email' },
        { 'Accept-Language': 'es-MX,es;q=0.9' },
      );
      expect(response.status).toBe(422);
      const page = await response.text();
      expect(page).toContain('<html lang="es">');
      expect(page).toContain('<strong>email</strong>');
      expect(page).toContain(`href="${testOrigins.site}/join"`);
      expect(await countRows(api, 'people')).toBe(0);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer and writes nothing more', async () => {
      const headers = { 'Idempotency-Key': 'a1b2c3' };
      const first = await postJson(
        api,
        signatures,
        { person: person('rosa@example.org') },
        headers,
      );
      const replay = await postJson(
        api,
        signatures,
        { person: person('rosa@example.org') },
        headers,
      );
      expect(replay.status).toBe(first.status);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await replay.json()).toEqual(await first.json());
      expect(await countRows(api, 'signatures')).toBe(1);
    });

    it('replays on another API instance sharing the database', async () => {
      const headers = { 'Idempotency-Key': 'cross-instance' };
      const first = await postJson(
        api,
        signatures,
        { person: person('rosa@example.org') },
        headers,
      );
      const otherLimiter = databaseRateLimiter(api.db);
      const other = {
        ...api,
        app: createApp({
          db: api.db,
          settings: testSettings(),
          linkSecret: 'test-link-secret',
          rateLimiter: otherLimiter,
        }),
      };
      const replay = await postJson(
        other,
        signatures,
        { person: person('rosa@example.org') },
        headers,
      );
      await otherLimiter.close();
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await replay.json()).toEqual(await first.json());
      expect(await countRows(api, 'signatures')).toBe(1);
    });

    it('refuses a key reused for a different request', async () => {
      const headers = { 'Idempotency-Key': 'reused' };
      await postJson(api, signatures, { person: person('rosa@example.org') }, headers);
      const other = await postJson(api, signatures, { person: person('ana@example.org') }, headers);
      expect(other.status).toBe(422);
      expect((await other.json()).detail).toMatch(/already used for a different request/);
      expect(await countRows(api, 'people')).toBe(1);
    });

    it('writes once when the same key arrives many times at once', async () => {
      const headers = { 'Idempotency-Key': 'retry-storm' };
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          postJson(api, signatures, { person: person('rosa@example.org') }, headers),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
      expect(await countRows(api, 'signatures')).toBe(1);
      expect(await countRows(api, 'idempotency_keys')).toBe(1);
    });
  });

  describe('who may write', () => {
    it('refuses a page on an unknown origin with 403, storing nothing', async () => {
      const response = await postJson(
        api,
        signatures,
        { person: person('rosa@example.org') },
        {
          Origin: testOrigins.stranger,
        },
      );
      expect(response.status).toBe(403);
      expect(await countRows(api, 'people')).toBe(0);
    });

    it('tells a page not yet on the list why its write was refused, in an answer it can read', async () => {
      const preflight = await api.app.request(signatures, {
        method: 'OPTIONS',
        headers: {
          Origin: testOrigins.stranger,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,idempotency-key',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(testOrigins.stranger);
      expect(preflight.headers.get('access-control-allow-headers')).not.toMatch(/OSDI-API-Token/i);
      const refused = await postJson(
        api,
        signatures,
        { person: person('rosa@example.org') },
        { Origin: testOrigins.stranger },
      );
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBe(testOrigins.stranger);
      const problem = await refused.json();
      expect(problem.type).toMatch(/\/problems\/origin-not-allowed$/);
      expect(problem.detail).toContain(`add ${testOrigins.stranger}`);
      expect(await countRows(api, 'people')).toBe(0);
    });

    it('tells a person on such a page, without JavaScript, that the form cannot send yet', async () => {
      const response = await postForm(
        api,
        signatures,
        { email: 'rosa@example.org' },
        { Origin: testOrigins.stranger, 'Accept-Language': 'es' },
      );
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toContain('todavía no puede enviarse');
      expect(await countRows(api, 'people')).toBe(0);
    });

    it('lets any page show public reads, and no page but the listed ones send a staff token', async () => {
      for (const path of [
        '/api/v1/petitions/fair-wages',
        '/api/v1/petitions',
        '/api/v1/events',
        '/api/v1/spotlights',
        '/api/v1/challenge',
      ]) {
        const read = await api.app.request(path, { headers: { Origin: testOrigins.stranger } });
        expect(read.status, path).toBe(200);
        expect(read.headers.get('access-control-allow-origin'), path).toBe('*');
      }
      const staffPreflight = await api.app.request('/api/v1/people', {
        method: 'OPTIONS',
        headers: {
          Origin: testOrigins.stranger,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'osdi-api-token',
        },
      });
      expect(staffPreflight.headers.get('access-control-allow-headers') ?? '').not.toMatch(
        /OSDI-API-Token/i,
      );
    });

    it('lets allowed origins through CORS, with the headers widgets send', async () => {
      const preflight = await api.app.request(signatures, {
        method: 'OPTIONS',
        headers: {
          Origin: testOrigins.partner,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,idempotency-key',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(testOrigins.partner);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/);
    });

    it('lets a widget on an allowed origin read every answer, refusals included', async () => {
      const fromPartner = { Origin: testOrigins.partner };
      const signed = await postJson(
        api,
        signatures,
        { person: person('rosa@example.org') },
        fromPartner,
      );
      const refused = await postJson(api, signatures, { person: {} }, fromPartner);
      const read = await api.app.request(`/api/v1/petitions/fair-wages`, { headers: fromPartner });
      expect([signed.status, refused.status, read.status]).toEqual([201, 422, 200]);
      for (const answer of [signed, refused, read]) {
        expect(answer.headers.get('access-control-allow-origin')).toBe(testOrigins.partner);
        expect(answer.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
        expect(answer.headers.get('vary')).toMatch(/Origin/);
      }
      const unknown = await api.app.request(`/api/v1/petitions/fair-wages`, {
        headers: { Origin: 'https://elsewhere.example' },
      });
      // Any other page reads public data too, without credentials and without staff headers.
      expect(unknown.status).toBe(200);
      expect(unknown.headers.get('access-control-allow-origin')).toBe('*');
      expect(unknown.headers.get('access-control-allow-credentials')).toBeNull();
    });

    it('credits a partner page by its origin', async () => {
      await postJson(
        api,
        signatures,
        { person: person('rosa@example.org'), referrer_data: { source: 'someone-else' } },
        {
          Origin: testOrigins.partner,
        },
      );
      const [row] = await api.db.query<{ source: string }>('select source from signatures');
      expect(row!.source).toBe('riverside');
    });
  });

  describe('abuse', () => {
    it('gives bots that fill the honeypot a success-looking answer and stores nothing', async () => {
      const response = await postJson(api, signatures, {
        person: person('bot@example.org'),
        nickname: 'buy now',
      });
      expect(response.status).toBe(201);
      expect((await response.json()).identifiers[0]).toMatch(/^rally:/);
      expect(await countRows(api, 'people')).toBe(0);
      const [counter] = await api.db.query<{ value: string }>(
        `select value from counters where name = 'bot_submissions'`,
      );
      expect(Number(counter!.value)).toBe(1);
    });

    it('records a form sent at once, as a browser sends a remembered or autofilled person', async () => {
      const response = await postJson(api, signatures, {
        person: person('fast@example.org'),
        form_started_at: Date.now() - 300,
      });
      expect(response.status).toBe(201);
      expect(await countRows(api, 'people')).toBe(1);
    });

    it('asks a browser to confirm a write without a proof of work, and records nothing', async () => {
      const bare = await postJson(api, signatures, {
        person: person('bot@example.org'),
        altcha: undefined,
      });
      expect(bare.status).toBe(428);
      const problem = await bare.json();
      expect(problem.detail).toMatch(/confirm/);
      expect(problem.detail).toMatch(/Nothing was recorded/);

      const proof = await solvedPuzzle(api);
      const tampered = {
        ...proof,
        solution: { ...proof.solution, derivedKey: '00'.repeat(32) },
      };
      const forged = await postJson(api, signatures, {
        person: person('bot@example.org'),
        altcha: tampered,
      });
      expect(forged.status).toBe(428);
      const garbage = await postJson(api, signatures, {
        person: person('bot@example.org'),
        altcha: {
          challenge: { parameters: { algorithm: 'MD5' }, signature: 'x' },
          solution: { counter: 1, derivedKey: 'zz' },
        },
      });
      expect(garbage.status).toBe(428);
      expect(await countRows(api, 'people')).toBe(0);

      // Solved once, it counts once: a bot cannot send one answer with a thousand submissions.
      const first = await postJson(api, signatures, {
        person: person('ana@example.org'),
        altcha: proof,
      });
      expect(first.status).toBe(201);
      const reused = await postJson(api, signatures, {
        person: person('bea@example.org'),
        altcha: proof,
      });
      expect(reused.status).toBe(428);
      expect(await countRows(api, 'people')).toBe(1);
    });

    it('takes writes from callers without a browser as before: sync tools and plain forms', async () => {
      const tool = await api.app.request(`http://api.rally.test${signatures}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ person: person('tool@example.org') }),
      });
      expect(tool.status).toBe(201);
      const form = await postForm(api, signatures, { email: 'form@example.org' });
      expect(form.status).toBe(303);
      expect(await countRows(api, 'people')).toBe(2);
    });
  });
});

describe.each(databases)('rate limits on %s', (_kind, open) => {
  it('answers 429 with Retry-After past the limit per email, and records nothing for it', async () => {
    const api = await openTestApi(
      open,
      testSettings({ per_email: { max: 2, window_seconds: 600 } }),
    );
    try {
      for (const comments of ['First', 'Second']) {
        expect(
          (await postJson(api, signatures, { person: person('rosa@example.org'), comments }))
            .status,
        ).toBe(201);
      }
      const limited = await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
        person: person('rosa@example.org', { family_name: 'Changed' }),
      });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const [row] = await api.db.query<{ family_name: string }>('select family_name from people');
      expect(row!.family_name).toBe('Ortiz');
      // Someone else is not affected.
      expect((await postJson(api, signatures, { person: person('ana@example.org') })).status).toBe(
        201,
      );
      // The counters never hold anyone's address.
      const keys = await api.db.query<{ key: string }>('select key from rate_limits');
      expect(keys.map((row) => row.key).join(' ')).not.toContain('example.org');
    } finally {
      await api.close();
    }
  });

  it('answers 50 retries of one request sent at once as one write and its replays, never 429', async () => {
    const api = await openTestApi(open, testSettings({ per_ip: { max: 30, window_seconds: 600 } }));
    try {
      const headers = { 'Idempotency-Key': 'retry-storm-1' };
      const answers = await Promise.all(
        Array.from({ length: 50 }, () =>
          postJson(api, signatures, { person: person('rosa@example.org') }, headers),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(201));
      const replays = answers.filter((a) => a.headers.get('idempotent-replayed') === 'true');
      expect(replays).toHaveLength(49);
      const bodies = new Set(await Promise.all(answers.map((a) => a.text())));
      expect(bodies.size).toBe(1);
      expect(await totalSignatures(api)).toBe(1);

      // Once the address's limit is spent, a retry of what was recorded is still a replay.
      for (let i = 0; i < 40; i++)
        await postJson(api, signatures, { person: person(`crowd${i}@example.org`) });
      const spent = await postJson(api, signatures, { person: person('new@example.org') });
      expect(spent.status).toBe(429);
      expect((await spent.json()).detail).not.toMatch(/Nothing was recorded/);
      const late = await postJson(api, signatures, { person: person('rosa@example.org') }, headers);
      expect(late.status).toBe(201);
      expect(late.headers.get('idempotent-replayed')).toBe('true');
    } finally {
      await api.close();
    }
  });

  it('lets a person act though someone sent their address over and over', async () => {
    const api = await openTestApi(
      open,
      testSettings({ per_email: { max: 5, window_seconds: 600 } }),
    );
    try {
      const stranger = { person: person('rosa@example.org', { given_name: 'Prank' }) };
      for (let i = 0; i < 30; i++) await postJson(api, signatures, stranger);
      const rosa = await postJson(api, '/api/v1/events/union-meeting/attendances', {
        person: person('rosa@example.org'),
      });
      expect(rosa.status).toBe(201);
    } finally {
      await api.close();
    }
  });

  it('lets 500 people behind one IP sign within minutes with the default limits', async () => {
    const api = await openTestApi(open);
    try {
      const statuses: number[] = [];
      for (let batch = 0; batch < 10; batch++) {
        const answers = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            postJson(api, signatures, { person: person(`crowd${batch * 50 + i}@example.org`) }),
          ),
        );
        statuses.push(...answers.map((a) => a.status));
      }
      expect(statuses.filter((s) => s !== 201)).toEqual([]);
      expect(await totalSignatures(api)).toBe(500);
    } finally {
      await api.close();
    }
  });
});
