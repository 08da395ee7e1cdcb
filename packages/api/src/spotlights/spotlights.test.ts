import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, openTestApi, type TestApi } from '../testing.ts';

describe.each(databases)('the spotlight feed on %s', (_kind, open) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(open);
  });
  afterAll(() => api.close());

  async function ids(query = '') {
    const body = await (await api.app.request(`/api/v1/spotlights${query}`)).json();
    return body._embedded['rally:spotlights'].map(
      (s: { identifiers: string[] }) => s.identifiers[0],
    );
  }

  it('lists spotlights newest first, with photo and alt text', async () => {
    const response = await api.app.request('/api/v1/spotlights');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const body = await response.json();
    expect(body.total_records).toBe(3);
    expect(body._embedded['rally:spotlights'][0]).toEqual({
      identifiers: ['rally:dele'],
      name: 'Member dele',
      kind: 'member',
      region: 'gulf-south',
      sector: 'food-and-farm',
      photo: { src: 'dele.jpg', alt: 'Portrait of member dele' },
      quote: 'We are stronger together.',
      lang: 'en',
      date: '2026-11-01',
      _links: { self: { href: 'http://localhost/api/v1/spotlights/dele' } },
    });
    const one = await api.app.request(body._embedded['rally:spotlights'][0]._links.self.href);
    expect(await one.json()).toMatchObject({ identifiers: ['rally:dele'], name: 'Member dele' });
    expect((await api.app.request('/api/v1/spotlights/nobody')).status).toBe(404);
  });

  it('pages newest first by next links, the same as by page numbers, through a day shared by several', async () => {
    // Three more stories on one day, between the others: a page may end in the middle of them.
    for (const id of ['same-day-c', 'same-day-a', 'same-day-b']) {
      await api.db.query(
        `insert into spotlights (id, name, kind, region, sector, photo, quote, lang, published_on)
         values ($1, $1, 'member', 'gulf-south', 'domestic-work', '{"src":"x.jpg","alt":"x"}',
                 'Together.', 'en', '2026-10-15')`,
        [id],
      );
    }
    try {
      const everything = await ids('?per_page=100');
      expect(everything).toEqual([
        'rally:dele',
        'rally:same-day-a',
        'rally:same-day-b',
        'rally:same-day-c',
        'rally:marisol',
        'rally:coop',
      ]);
      const followed: string[] = [];
      let page = await (await api.app.request('/api/v1/spotlights?per_page=2')).json();
      for (;;) {
        followed.push(
          ...page._embedded['rally:spotlights'].map(
            (s: { identifiers: string[] }) => s.identifiers[0],
          ),
        );
        if (!page._links.next) break;
        expect(page.page).toBeLessThan(3);
        page = await (await api.app.request(page._links.next.href)).json();
      }
      expect(followed).toEqual(everything);
      expect(page).toMatchObject({ page: 3, total_pages: 3, total_records: 6 });
    } finally {
      await api.db.query(`delete from spotlights where id like 'same-day-%'`);
    }
  });

  it('filters by region, sector and language, and pages', async () => {
    expect(await ids('?region=gulf-south')).toEqual(['rally:dele', 'rally:marisol']);
    expect(await ids('?region=gulf-south&lang=es')).toEqual(['rally:marisol']);
    expect(await ids('?sector=cooperatives')).toEqual(['rally:coop']);
    expect(await ids('?per_page=1&page=2')).toEqual(['rally:marisol']);
    expect((await api.app.request('/api/v1/spotlights?per_page=0')).status).toBe(400);
  });

  it('gives a spotlight in the language asked for when it has been translated into it', async () => {
    const response = await api.app.request('/api/v1/spotlights?sector=cooperatives&lang=es');
    const [coop] = (await response.json())._embedded['rally:spotlights'];
    expect(coop).toMatchObject({
      identifiers: ['rally:coop'],
      lang: 'es',
      quote: 'Juntas somos más fuertes.',
      photo: { src: 'coop.jpg', alt: 'Retrato de la socia coop' },
    });
    expect(await ids('?lang=es')).toEqual(['rally:marisol', 'rally:coop']);
  });
});
