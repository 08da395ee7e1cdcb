import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, openTestApi, type TestApi } from './testing.ts';

describe.each(databases)('the API on %s', (_kind, open) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(open);
  });
  afterAll(() => api.close());

  it('reports itself healthy when the database answers', async () => {
    const response = await api.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: api.db.kind });
  });

  it('is an OSDI entry point in HAL+JSON with absolute links', async () => {
    const response = await api.app.request('http://rally.test/api/v1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/hal\+json/);
    const body = await response.json();
    expect(body.osdi_version).toBe('1.1');
    expect(body._links.self.href).toBe('http://rally.test/api/v1');
    expect(body._links['osdi:petitions'].href).toBe('http://rally.test/api/v1/petitions');
  });

  it('names both curies, so HAL clients can expand osdi: and rally: relations', async () => {
    const body = await (await api.app.request('http://rally.test/api/v1')).json();
    expect(body._links.curies).toEqual([
      { name: 'osdi', href: 'https://opensupporter.github.io/osdi-docs/{rel}', templated: true },
      {
        name: 'rally',
        href: 'http://rally.test/api/v1/openapi.json#/x-rally-relations/{rel}',
        templated: true,
      },
    ]);
  });

  it('answers with a trailing slash as without it, keeping the query', async () => {
    for (const path of ['/api/v1', '/api/v1/petitions?per_page=1', '/healthz']) {
      const slashed = path.replace(/(\?|$)/, '/$1');
      const plain = await api.app.request(`http://rally.test${path}`);
      const withSlash = await api.app.request(`http://rally.test${slashed}`);
      expect(withSlash.status).toBe(200);
      expect(await withSlash.json()).toEqual(await plain.json());
    }
    const signup = await api.app.request('http://rally.test/api/v1/people/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ person: { email_addresses: [{ address: 'slash@example.org' }] } }),
    });
    expect(signup.status).toBe(201);
  });

  it('answers unknown paths with problem+json', async () => {
    const response = await api.app.request('/api/v1/nowhere');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).title).toBe('Not found');
  });
});

describe('GET /healthz', () => {
  it('answers 503 when the database is gone', async () => {
    const api = await openTestApi(databases[0]![1]);
    await api.close();
    const response = await api.app.request('/healthz');
    expect(response.status).toBe(503);
  });
});
