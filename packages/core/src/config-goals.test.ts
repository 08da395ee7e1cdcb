/** The dashboard's goals and thresholds in rally.config.json: defaults, and what is refused. */
import { describe, expect, it } from 'vitest';
import { rallyConfig } from './config.ts';

const organization = { name: 'Gulf Coast Workers United' };

function problem(file: object): string {
  const result = rallyConfig.safeParse({ organization, ...file });
  if (result.success) return 'accepted';
  const issue = result.error.issues[0]!;
  return `${issue.path.join('.')}: ${issue.message}`;
}

describe('the dashboard settings', () => {
  it('default to half of members taking part and one in ten an activist, over 90 days', () => {
    const config = rallyConfig.parse({ organization });
    expect(config.goals).toEqual({
      members: { regions: {}, sectors: {} },
      participation: 0.5,
      activists: 0.1,
    });
    expect(config.participation).toEqual({ days: 90 });
    expect(config.activists).toEqual({ actions: 3, events_attended: 1, days: 90 });
  });

  it('take members wanted per region and sector, and lines of their own', () => {
    const config = rallyConfig.parse({
      organization,
      goals: {
        members: { regions: { louisiana: 400 }, sectors: { education: 300 } },
        participation: 0.4,
      },
      activists: { actions: 5 },
    });
    expect(config.goals).toEqual({
      members: { regions: { louisiana: 400 }, sectors: { education: 300 } },
      participation: 0.4,
      activists: 0.1,
    });
    expect(config.activists).toEqual({ actions: 5, events_attended: 1, days: 90 });
  });

  it('name the setting that cannot be used and say what to write', () => {
    expect(problem({ goals: { members: { regions: { 'Gulf South': 400 } } } })).toBe(
      "goals.members.regions.Gulf South: Write the region's slug, in lower-case letters, digits and hyphens, as its content file is named.",
    );
    expect(problem({ goals: { members: { sectors: { education: 12.5 } } } })).toBe(
      'goals.members.sectors.education: Write a whole number of members, like 400.',
    );
    expect(problem({ goals: { members: { sectors: { education: 0 } } } })).toBe(
      'goals.members.sectors.education: Write a whole number of members, like 400.',
    );
    expect(problem({ goals: { participation: 50 } })).toBe(
      'goals.participation: Write a share from 0 to 1, like 0.5 for half.',
    );
    expect(problem({ goals: { activists: -0.1 } })).toBe(
      'goals.activists: Write a share from 0 to 1, like 0.5 for half.',
    );
    expect(problem({ activists: { actions: 0 } })).toBe(
      'activists.actions: Write a whole number, like 3.',
    );
    expect(problem({ activists: { days: 0 } })).toBe(
      'activists.days: Write a whole number of days, like 90.',
    );
    expect(problem({ participation: { days: 5000 } })).toBe(
      'participation.days: Use at most 3650 days.',
    );
  });
});
