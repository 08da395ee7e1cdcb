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
    });
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
