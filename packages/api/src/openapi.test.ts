import { Validator } from '@seriousme/openapi-schema-validator';
import { HonoRequest } from 'hono/request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestApi,
  openTestPGlite,
  person,
  staffToken,
  testOrigins,
  type TestApi,
} from './testing.ts';

let api: TestApi;
// A parsed JSON document, navigated freely in the assertions below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let document: Record<string, any>;
beforeAll(async () => {
  api = await openTestApi(openTestPGlite);
  document = await (await api.app.request('/api/v1/openapi.json')).json();
});
afterAll(() => api.close());

describe('GET /api/v1/openapi.json', () => {
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
      if (isConsolePage(path)) continue;
      expect(documented).toContain(path);
    }
  });
});

/** The staff console's pages and files (`/console/…`): an application for people, not the API. */
function isConsolePage(path: string): boolean {
  return path === '/console' || path.startsWith('/console/');
}

/** A route as the app serves it: its method, and its path written as OpenAPI writes it. */
interface ServedRoute {
  method: string;
  path: string;
}

/** What one request to a route was answered, and which query parameters the API read for it. */
interface Observation {
  route: ServedRoute;
  variant: string;
  status: number;
  type: string;
  queryRead: string[];
}

/** Every route in `app.routes` (middleware aside), once, as `/api/v1/people/{id}`. */
function servedRoutes(app: TestApi['app']): ServedRoute[] {
  const routes = new Map<string, ServedRoute>();
  for (const { method, path } of app.routes) {
    if (method === 'ALL' || isConsolePage(path)) continue;
    const route = { method, path: path.replace(/:([a-z]+)/g, '{$1}') };
    routes.set(`${route.method} ${route.path}`, route);
  }
  return [...routes.values()];
}

describe('the OpenAPI document and the routes the API serves', () => {
  let routes: ServedRoute[];
  const observations: Observation[] = [];
  // The query parameters read while one request is answered, whatever reads them.
  let queryRead = new Set<string>();
  const { query, queries } = HonoRequest.prototype;

  /** The documented operation of a route, and its parameters with references resolved. */
  const operation = ({ method, path }: ServedRoute) => {
    const described = document.paths[path]?.[method.toLowerCase()];
    const parameters: { name: string; in: string; required?: boolean }[] = (
      described?.parameters ?? []
    ).map((parameter: { $ref?: string }) =>
      parameter.$ref
        ? document.components.parameters[parameter.$ref.split('/').at(-1)!]
        : parameter,
    );
    return { described, parameters };
  };

  beforeAll(async () => {
    routes = servedRoutes(api.app);

    // Records every query parameter the API asks for by name: the paging, filters and options a
    // handler reads, whether or not the request sent them.
    const recording = (read: (...key: [] | [string]) => unknown) =>
      function (this: HonoRequest, ...key: [] | [string]) {
        if (key[0] !== undefined) queryRead.add(key[0]);
        return Reflect.apply(read, this, key);
      };
    HonoRequest.prototype.query = recording(query) as HonoRequest['query'];
    HonoRequest.prototype.queries = recording(queries) as HonoRequest['queries'];

    // Records a staff member can read: a person, their signature and their RSVP.
    const asStaff = async (path: string, body: object) => {
      const response = await api.app.request(`http://api.rally.test${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as {
        identifiers: string[];
        _links: Record<string, { href: string }>;
      };
    };
    const idOf = (resource: { identifiers: string[] }) => resource.identifiers[0]!.slice(6);
    const signed = await asStaff('/api/v1/petitions/fair-wages/signatures', {
      person: person('openapi@example.org'),
    });
    const rsvp = await asStaff('/api/v1/events/open-meeting/attendances', {
      person: person('openapi@example.org'),
    });
    const personId = new URL(signed._links['osdi:person']!.href).pathname.split('/').at(-1)!;
    const cancelToken = new URL(rsvp._links['rally:cancel']!.href).searchParams.get('token')!;
    // The value of each path parameter, by its name or the collection it follows.
    const values: Record<string, string> = {
      people: personId,
      petitions: 'fair-wages',
      events: 'open-meeting',
      spotlights: 'dele',
      checkouts: 'cs_test_none',
      signature: idOf(signed),
      attendance: idOf(rsvp),
      // Staff: an invitation's token, and a session, an account and a key that name nothing.
      invitations: 'not-an-invitation-token',
      sessions: '00000000-0000-4000-8000-000000000001',
      accounts: '00000000-0000-4000-8000-000000000002',
      'api-keys': '00000000-0000-4000-8000-000000000003',
    };
    // Ids that name nothing, and the closed petition and the event that is over.
    const unknown = 'nothing-here';
    const over: Record<string, string> = { petitions: 'heat-rules', events: 'past-rally' };
    const address = (path: string, ids: 'known' | 'unknown' | 'over' = 'known') => {
      const segments = path.split('/');
      const url = new URL(
        segments
          .map((segment, index) => {
            const name = /^\{(.+)\}$/.exec(segment)?.[1];
            if (!name) return segment;
            const collection = segments[index - 1]!;
            if (ids === 'unknown') return unknown;
            if (ids === 'over' && over[collection]) return over[collection];
            return values[name] ?? values[collection]!;
          })
          .join('/'),
        'http://api.rally.test',
      );
      if (path.endsWith('/cancel')) url.searchParams.set('token', cancelToken);
      return url;
    };

    const staff = { 'OSDI-API-Token': staffToken };
    const json = 'application/json';
    const form = 'application/x-www-form-urlencoded';
    /** The ways a request can come: who sends it, with what address and what body. */
    const variants: {
      name: string;
      writes?: boolean;
      headers?: Record<string, string>;
      ids?: 'unknown' | 'over';
      query?: Record<string, string>;
      body?: (route: ServedRoute) => string;
    }[] = [
      { name: 'anonymous' },
      { name: 'staff', headers: staff },
      { name: 'staff, ids that name nothing', headers: staff, ids: 'unknown' },
      {
        name: 'staff, query values it cannot read',
        headers: staff,
        query: Object.fromEntries(
          ['page', 'per_page', 'after', 'filter', 'weeks', 'standing', 'from', 'to', 'include'].map(
            (name) => [name, '0x'],
          ),
        ),
      },
      { name: 'past events, anonymous', query: { include: 'past' } },
      { name: 'NUL in the query', query: { q: '\u0000' } },
      {
        name: 'staff, a valid body',
        writes: true,
        headers: { ...staff, 'Content-Type': json },
        body: ({ method }) =>
          JSON.stringify(
            method === 'PUT'
              ? { attended: true }
              : { person: person(`openapi-${observations.length}@example.org`) },
          ),
      },
      {
        name: 'staff, a valid body, ids that name nothing',
        writes: true,
        ids: 'unknown',
        headers: { ...staff, 'Content-Type': json },
        body: () => JSON.stringify({ person: person('openapi@example.org'), attended: true }),
      },
      {
        name: 'staff, a valid body, to a closed petition or an event that is over',
        writes: true,
        ids: 'over',
        headers: { ...staff, 'Content-Type': json },
        body: () => JSON.stringify({ person: person('openapi@example.org') }),
      },
      {
        name: 'JSON from the site, without a proof of work',
        writes: true,
        headers: { Origin: testOrigins.site, 'Content-Type': json },
        body: () => JSON.stringify({ person: person('openapi@example.org') }),
      },
      {
        name: 'an empty JSON object',
        writes: true,
        headers: { 'Content-Type': json },
        body: () => '{}',
      },
      {
        name: 'a plain form',
        writes: true,
        headers: {
          Origin: testOrigins.site,
          Referer: `${testOrigins.site}/`,
          'Content-Type': form,
        },
        body: () => 'email=openapi%40example.org&given_name=Rosa',
      },
      {
        name: 'an empty plain form',
        writes: true,
        headers: { Origin: testOrigins.site, 'Content-Type': form },
        body: () => '',
      },
      { name: 'broken JSON', writes: true, headers: { 'Content-Type': json }, body: () => '{' },
      { name: 'text', writes: true, headers: { 'Content-Type': 'text/plain' }, body: () => 'hi' },
      {
        name: 'from a page not on the list',
        writes: true,
        headers: { Origin: testOrigins.stranger, 'Content-Type': json },
        body: () => '{}',
      },
      {
        name: 'a body over every limit',
        writes: true,
        headers: { 'Content-Type': json },
        body: () => `"${'x'.repeat(2 * 1024 * 1024)}"`,
      },
    ];

    // Erasures last: the person they erase is read by the other routes.
    const ordered = [...routes].sort(
      (a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'),
    );
    for (const route of ordered) {
      for (const variant of variants) {
        if (variant.writes && route.method === 'GET') continue;
        const url = address(route.path, variant.ids);
        for (const [name, value] of Object.entries(variant.query ?? {})) {
          url.searchParams.set(name, value);
        }
        queryRead = new Set();
        const response = await api.app.request(url.toString(), {
          method: route.method,
          headers: variant.headers,
          body: variant.body?.(route),
        });
        await response.arrayBuffer();
        observations.push({
          route,
          variant: variant.name,
          status: response.status,
          type: response.headers.get('content-type') ?? '',
          queryRead: [...queryRead],
        });
      }
    }
  });
  afterAll(() => {
    HonoRequest.prototype.query = query;
    HonoRequest.prototype.queries = queries;
  });

  it('describes every route it serves, with its methods and path parameters, and no other', () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const { described, parameters } = operation(route);
      expect(described, `${route.method} ${route.path}`).toBeDefined();
      const inPath = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      const declared = parameters.filter((parameter) => parameter.in === 'path');
      expect(declared.map((parameter) => parameter.name).sort()).toEqual(inPath.sort());
      expect(declared.every((parameter) => parameter.required)).toBe(true);
      expect(Object.keys(described.responses).some((status) => /^[23]/.test(status))).toBe(true);
      for (const answer of Object.values<{ description?: string }>(described.responses)) {
        expect(answer.description, `${route.method} ${route.path}`).toBeTruthy();
      }
    }
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      routes.map((route) => `${route.method} ${route.path}`).sort(),
    );
  });

  it('documents every query parameter a route reads', () => {
    expect(observations.length).toBeGreaterThan(100);
    for (const { route, variant, queryRead: read } of observations) {
      const names = operation(route)
        .parameters.filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name);
      for (const name of read) {
        expect(names, `${route.method} ${route.path} (${variant}) read ?${name}`).toContain(name);
      }
    }
  });

  it('documents every answer a route gives, each refusal as problem details', () => {
    const statuses = new Set(observations.map(({ status }) => status));
    // The battery reaches each kind of answer, so the check below means something.
    expect([...statuses].sort()).toEqual(
      expect.arrayContaining([
        200, 201, 204, 303, 400, 401, 403, 404, 409, 413, 415, 422, 428, 503,
      ]),
    );
    for (const { route, variant, status, type } of observations) {
      const responses = operation(route).described.responses;
      const what = `${route.method} ${route.path} (${variant}) answered ${status}`;
      expect(Object.keys(responses), what).toContain(String(status));
      if (type.startsWith('application/problem+json')) {
        expect(Object.keys(responses[status].content ?? {}), what).toContain(
          'application/problem+json',
        );
      }
    }
  });
});
