/**
 * The session cookie asks nothing for a page of another origin on the same site (a sibling
 * subdomain, which SameSite lets the cookie go to): any method, when the browser says so in
 * Sec-Fetch-Site. The console's own pages, an address typed in, and tools with an API key are
 * unaffected; a widget's write that happens to carry the cookie is still the public's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consoleRequest,
  databases,
  openTestApi,
  person,
  signedInStaff,
  staffGet,
  testOrigins,
  type TestApi,
} from '../testing.ts';

describe.each(databases)('cookie requests from another page of the site, on %s', (_kind, open) => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await openTestApi(open);
    cookie = await signedInStaff(api.db, { email: 'admin@example.org', role: 'admin' });
  });
  afterAll(() => api.close());

  it('refuses a read asked by a sibling subdomain’s page', async () => {
    for (const site of ['same-site', 'cross-site']) {
      const response = await consoleRequest(api, '/api/v1/people', {
        cookie,
        headers: { 'Sec-Fetch-Site': site },
      });
      expect(response.status, site).toBe(403);
      expect((await response.json()).detail).toMatch(/another site cannot act as you/);
    }
  });

  it('answers the console’s own reads, an address typed in, and API keys', async () => {
    const asked: Record<string, string>[] = [
      {},
      { 'Sec-Fetch-Site': 'same-origin' },
      { 'Sec-Fetch-Site': 'none' },
    ];
    for (const headers of asked) {
      const response = await consoleRequest(api, '/api/v1/staff/me', { cookie, headers });
      expect(response.status, JSON.stringify(headers)).toBe(200);
    }
    expect((await staffGet(api, '/api/v1/people')).status).toBe(200);
  });

  it('takes a widget’s write that carries the cookie as the public’s', async () => {
    const origin = testOrigins.site;
    const response = await api.app.request(
      'http://localhost:8787/api/v1/petitions/fair-wages/signatures',
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Cookie: cookie,
          Origin: origin,
          'Sec-Fetch-Site': 'same-site',
        },
        body: JSON.stringify({ person: person('widget@example.org') }),
      },
    );
    // The public path: a widget is asked for its proof of work, never refused as staff.
    expect([201, 428]).toContain(response.status);
    expect(response.status).not.toBe(403);
  });
});
