/** Finding a person by name or email, on both databases. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpProblem } from '../http/problems.ts';
import { databases, openTestApi, person, postJson, type TestApi } from '../testing.ts';
import { searchPeople } from './search.ts';

describe.each(databases)('searching people on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
    for (const [email, given_name, family_name, joins] of [
      ['rosa.ortiz@example.org', 'Rosa', 'Ortiz', true],
      ['r.ortiz@uno.org', 'Ramón', 'Ortiz', false],
      ['ana@example.org', 'Ana', 'Morales', true],
      ['bea@example.org', 'Bea', 'Lopez_100%', true],
    ] as const) {
      const response = await postJson(
        api,
        joins ? '/api/v1/people' : '/api/v1/petitions/fair-wages/signatures',
        { person: person(email, { given_name, family_name }) },
      );
      expect(response.status).toBe(201);
    }
  });
  afterEach(() => api.close());

  const emails = async (q: string) => (await searchPeople(api.db, q)).map((match) => match.email);

  it('finds any part of a name or an email, every word, case aside', async () => {
    expect(await emails('ortiz')).toEqual(['r.ortiz@uno.org', 'rosa.ortiz@example.org']);
    expect(await emails('ORTIZ rosa')).toEqual(['rosa.ortiz@example.org']);
    expect(await emails('@uno.org')).toEqual(['r.ortiz@uno.org']);
    expect(await emails('Ramón')).toEqual(['r.ortiz@uno.org']);
    expect(await emails('nobody')).toEqual([]);
  });

  it('puts an exact email first, and says who is a member', async () => {
    const [first, second] = await searchPeople(api.db, 'r.ortiz@uno.org');
    expect(first).toMatchObject({ email: 'r.ortiz@uno.org', given_name: 'Ramón', member: false });
    expect(second).toBeUndefined();
    const [rosa] = await searchPeople(api.db, 'rosa.ortiz');
    expect(rosa).toMatchObject({ family_name: 'Ortiz', member: true, region: null });
    expect(rosa!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('searches for % and _ as themselves', async () => {
    expect(await emails('ez_100%')).toEqual(['bea@example.org']);
    // As patterns they would find "lopez_100" and "bea lopez".
    expect(await emails('ez%0')).toEqual([]);
    expect(await emails('a_l')).toEqual([]);
  });

  it('keeps to the number asked for', async () => {
    expect(await searchPeople(api.db, 'example.org', 2)).toHaveLength(2);
  });

  it('asks for three letters at least, naming q', async () => {
    for (const q of ['', '  ', 'ro', 'ro sa']) {
      const error = await searchPeople(api.db, q).catch((caught: unknown) => caught);
      expect(error, q).toBeInstanceOf(HttpProblem);
      expect((error as HttpProblem).status).toBe(400);
      expect((error as HttpProblem).errors?.[0]?.path).toBe('query.q');
    }
  });
});
