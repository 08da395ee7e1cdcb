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

  it('documents the same paging on every collection, and Rally’s own relations', () => {
    const collections = [
      '/api/v1/people',
      '/api/v1/people/{id}/signatures',
      '/api/v1/people/{id}/attendances',
      '/api/v1/petitions',
      '/api/v1/petitions/{id}/signatures',
      '/api/v1/events',
      '/api/v1/events/{id}/attendances',
      '/api/v1/spotlights',
    ];
    for (const path of collections) {
      const read = document.paths[path].get;
      expect(read.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['page', 'per_page', 'after', 'filter']),
      );
      const page = read.responses[200].content['application/hal+json'].schema.$ref
        .split('/')
        .at(-1);
      const schema = document.components.schemas[page];
      expect(schema.required).toEqual(
        expect.arrayContaining(['total_pages', 'per_page', 'page', 'total_records', '_embedded']),
      );
      expect(Object.keys(schema.properties._links.properties)).toEqual(
        expect.arrayContaining(['curies', 'self', 'first', 'last', 'next', 'previous', 'prev']),
      );
    }
    const events = document.paths['/api/v1/events'].get.parameters;
    expect(events.find((p: { name: string }) => p.name === 'include').schema.enum).toEqual([
      'past',
    ]);
    expect(Object.keys(document['x-rally-relations']).sort()).toEqual([
      'calendar',
      'cancel',
      'dues',
      'health',
      'openapi',
      'reports',
      'spotlights',
    ]);
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
