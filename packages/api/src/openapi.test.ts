import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, openTestPGlite, type TestApi } from './testing.ts';

describe('GET /api/v1/openapi.json', () => {
  let api: TestApi;
  // A parsed JSON document, navigated freely in the assertions below.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let document: Record<string, any>;
  beforeAll(async () => {
    api = await openTestApi(openTestPGlite);
    document = await (await api.app.request('/api/v1/openapi.json')).json();
  });
  afterAll(() => api.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every write with the same rules the API enforces', () => {
    const signup = document.components.schemas.PersonSignup;
    expect(signup.required).toEqual(['person']);
    const email = signup.properties.person.properties.email_addresses;
    expect(email.minItems).toBe(1);
    expect(email.items.properties.address.format).toBe('email');
    expect(document.components.schemas.SignatureSubmission.properties.comments.maxLength).toBe(
      2000,
    );
    const helper = document.paths['/api/v1/petitions/{id}/signatures'].post;
    expect(Object.keys(helper.requestBody.content)).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
    ]);
    expect(Object.keys(helper.responses)).toEqual(
      expect.arrayContaining([
        '201',
        '303',
        '400',
        '403',
        '404',
        '409',
        '413',
        '415',
        '422',
        '429',
      ]),
    );
  });

  it('lists every route the API serves', () => {
    const documented = Object.keys(document.paths).map((path) =>
      path.replace(/\{[^}]+\}/g, ':param'),
    );
    const served = api.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => route.path.replace(/:[a-z]+/g, ':param').replace(/\/$/, ''));
    for (const path of new Set(served)) {
      if (path === '/api/v1/thanks') continue; // A page for people, not an API resource.
      expect(documented).toContain(path);
    }
  });
});
