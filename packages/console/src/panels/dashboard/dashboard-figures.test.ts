import { expect, test } from 'vitest';
import { expectAccessible } from '../../../../widgets/src/internal/expect-accessible.ts';
import '../../components/line-chart.ts';
import '../../components/share-bars.ts';
import { nameOfSite } from '../../data/dashboard.ts';
import { en } from '../../translations/en.ts';
import { chartOf } from './figures.ts';

const members = [
  { month: '2026-10', region: 'louisiana', members: 3, goal: 10, share_of_goal: 0.3 },
  { month: '2026-11', region: 'louisiana', members: 5, goal: 10, share_of_goal: 0.5 },
  { month: '2026-10', region: null, members: 1, goal: null, share_of_goal: null },
  { month: '2026-11', region: null, members: 2, goal: null, share_of_goal: null },
];

test('members by region: a line per region by its name, its goal as a line of its own', () => {
  const dashboard = {
    generated_at: '',
    scope: { region: null, sector: null, from: '', to: '', sources: null },
    figures: {},
    names: { louisiana: { en: 'Louisiana', es: 'Luisiana' } },
  };
  const chart = chartOf('members_by_region', members, en, (slug) =>
    nameOfSite(dashboard, slug, 'es'),
  );
  expect(chart).toEqual({
    kind: 'lines',
    x: ['2026-10', '2026-11'],
    series: [
      { label: 'Luisiana', values: [3, 5] },
      { label: 'Luisiana (goal)', values: [10, 10], goal: true },
      { label: 'none', values: [1, 2] },
    ],
  });
  // A region the API names in no language of the console's, or not at all.
  expect(nameOfSite(dashboard, 'louisiana', 'fr')).toBe('Louisiana');
  expect(nameOfSite(dashboard, 'bayou', 'es')).toBe('bayou');
});

test('participation: its share against the line, in words as well as drawn', async () => {
  const chart = chartOf(
    'participation',
    [{ as_of: '2026-11-30', members: 10, participating: 4, share: 0.4, target: 0.5 }],
    en,
  );
  if (chart.kind !== 'bars') throw new Error('Participation is drawn as bars.');
  const bars = document.createElement('rally-share-bars');
  bars.bars = chart.bars;
  bars.lineLabel = en.dashboard.line;
  document.body.append(bars);
  await bars.updateComplete;
  expect(bars.shadowRoot!.textContent).toContain('Participation: 40% (line 50%)');
  await expectAccessible(bars);
  bars.remove();
});

test('a line chart draws a canvas named for what it shows', async () => {
  const chart = document.createElement('rally-line-chart');
  chart.label = 'Members by region: chart; the same figures are in the table below.';
  chart.x = ['2026-10', '2026-11'];
  chart.series = [{ label: 'louisiana', values: [3, 5] }];
  document.body.append(chart);
  await chart.updateComplete;
  expect(chart.shadowRoot!.querySelector('canvas')).not.toBeNull();
  expect(chart.shadowRoot!.querySelector('[role="img"]')!.getAttribute('aria-label')).toContain(
    'Members by region',
  );
  await expectAccessible(chart);
  chart.remove();
});
