import { describe, expect, it } from 'vitest';
import { sitesTouched } from './sites-touched.ts';

const story = (region?: string, sector?: string) => ({
  en: { data: { name: 'Ana', ...(region && { region }), ...(sector && { sector }) }, body: '' },
});

describe('the sites a change shows on', () => {
  it('are its region’s, its sector’s and the hub, before and after it moved', () => {
    expect(sitesTouched('spotlights', 'x', story('louisiana', 'education'))).toEqual([
      'education',
      'hub',
      'louisiana',
    ]);
    expect(
      sitesTouched(
        'events',
        'x',
        story('louisiana', 'education'),
        story('texas-gulf', 'education'),
      ),
    ).toEqual(['education', 'hub', 'louisiana', 'texas-gulf']);
    expect(sitesTouched('petitions', 'x', undefined, story('florida-gulf'))).toEqual([
      'florida-gulf',
      'hub',
    ]);
  });

  it('are every site for a piece that names neither, and for a region or a sector', () => {
    expect(sitesTouched('spotlights', 'x', story())).toBeUndefined();
    expect(sitesTouched('spotlights', 'x', story('louisiana'), story())).toBeUndefined();
    expect(sitesTouched('regions', 'x', story())).toBeUndefined();
    expect(sitesTouched('sectors', 'x', story('louisiana'))).toBeUndefined();
  });

  it('are the hub for its home page, and every site for the organization’s other pages', () => {
    const page = { en: { data: { title: 'About us', description: 'Who we are.' }, body: '' } };
    expect(sitesTouched('pages', 'home', page)).toEqual(['hub']);
    expect(sitesTouched('pages', 'about', page)).toBeUndefined();
    expect(sitesTouched('pages', 'privacy', page)).toBeUndefined();
  });
});
