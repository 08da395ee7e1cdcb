import { describe, expect, it } from 'vitest';
import { quickSteps, runSteps, steps } from './test.ts';

describe('pnpm test', () => {
  it('stops at the first step that fails, and says how long each step took', () => {
    const lines: string[] = [];
    const failed = runSteps(
      [
        ['passes', 'node -e "process.exit(0)"'],
        ['fails', 'node -e "process.exit(3)"'],
        ['never runs', 'node -e "process.exit(0)"'],
      ],
      (line) => lines.push(line),
    );
    expect(failed).toBe('fails');
    const report = lines.join('\n');
    expect(report).toMatch(/\d+(\.\d)? s {2}passes\n/);
    expect(report).toMatch(/\d+(\.\d)? s {2}fails\n/);
    expect(report).not.toContain('never runs');
    expect(report).toMatch(/\d+(\.\d)? s {2}in all$/);
  });

  it('ends with the browser tests, after every static check and build', () => {
    const commands = steps.map(([, command]) => command);
    expect(commands.at(-1)).toBe('playwright test');
    expect(commands.at(-2)).toBe('vitest run');
    expect(commands.indexOf('tsc --noEmit')).toBeGreaterThan(commands.indexOf('astro sync'));
  });

  it('has a quick check of the static checks and the unit project, which builds and opens nothing', () => {
    const commands = quickSteps.map(([, command]) => command);
    expect(commands).toEqual([
      'prettier --check .',
      'eslint . --max-warnings=0',
      'astro sync',
      'tsc --noEmit',
      'vitest run --project unit',
    ]);
  });
});
