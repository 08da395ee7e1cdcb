import { describe, expect, it } from 'vitest';
import { sitesTouched } from './sites-touched.ts';

const story = (region?: string, sector?: string) => ({
  en: { data: { name: 'Ana', ...(region && { region }), ...(sector && { sector }) }, body: '' },
});

describe('the sites a change shows on', () => {
  it('are its region’s, its sector’s and the hub, before and after it moved', () => {
    expect(sitesTouched('spotlights', story('louisiana', 'education'))).toEqual([
      'education',
      'hub',
      'louisiana',
    ]);
    expect(
      sitesTouched('events', story('louisiana', 'education'), story('texas-gulf', 'education')),
    ).toEqual(['education', 'hub', 'louisiana', 'texas-gulf']);
    expect(sitesTouched('petitions', undefined, story('florida-gulf'))).toEqual([
      'florida-gulf',
      'hub',
    ]);
  });

  it('are every site for a piece that names neither, and for a region or a sector', () => {
    expect(sitesTouched('spotlights', story())).toBeUndefined();
    expect(sitesTouched('spotlights', story('louisiana'), story())).toBeUndefined();
    expect(sitesTouched('regions', story())).toBeUndefined();
    expect(sitesTouched('sectors', story('louisiana'))).toBeUndefined();
  });
});
