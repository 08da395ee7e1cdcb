/**
 * Petitions and events come from staff-written files, written into the database at every start.
 * Their `modified_date` says when staff last edited them, so a sync tool that asks the public
 * lists for what changed gets the edits, not every petition after every restart. On both databases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Content } from '@rally/content';
import { syncContent } from './content-sync.ts';
import { databases, openTestApi, testContent, type TestApi } from './testing.ts';

interface Listed {
  identifiers: string[];
  title: string;
  modified_date: string;
}

async function list(api: TestApi, path: string): Promise<Listed[]> {
  const response = await api.app.request(`http://api.rally.test/api/v1/${path}`);
  expect(response.status, await response.clone().text()).toBe(200);
  const body = (await response.json()) as { _embedded: Record<string, Listed[]> };
  return Object.values(body._embedded)[0]!;
}

const since = (date: string) => `?filter=${encodeURIComponent(`modified_date gt '${date}'`)}`;

/** The test content with one petition's title changed, as when staff edit its file. */
function withEditedPetition(id: string, title: string): Content {
  const petitions = new Map(testContent.petitions);
  const [first, ...others] = petitions.get(id)!;
  const [lang, petition] = first!;
  petitions.set(id, [[lang, { ...petition, title }], ...others]);
  return { ...testContent, petitions };
}

describe.each(databases)('dates of staff-written content on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  it('keep their modified_date across a restart, and move it when a file is edited', async () => {
    const before = await list(api, 'petitions');
    const events = await list(api, 'events');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await syncContent(api.db, testContent); // What every start does.
    expect(await list(api, 'petitions')).toEqual(before);
    expect(await list(api, 'events')).toEqual(events);

    const fairWages = before.find((p) => p.identifiers[0] === 'rally:fair-wages')!;
    await syncContent(api.db, withEditedPetition('fair-wages', 'Fair wages, now'));
    const changed = await list(api, `petitions${since(fairWages.modified_date)}`);
    expect(changed.map((p) => [p.identifiers[0], p.title])).toEqual([
      ['rally:fair-wages', 'Fair wages, now'],
    ]);
    expect(await list(api, `events${since(events[0]!.modified_date)}`)).toEqual([]);
  });

  it('refuse a filter the public lists cannot read with a 400 naming it', async () => {
    for (const path of ['petitions', 'events']) {
      const response = await api.app.request(
        `http://api.rally.test/api/v1/${path}?filter=${encodeURIComponent("title eq 'x'")}`,
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe(
        'filter',
      );
    }
  });
});
