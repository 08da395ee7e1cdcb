/**
 * `pnpm test`: every check and test, in order, stopping at the first that fails — then how long
 * each step took, so a slow step is seen where it is rather than guessed at from the total.
 * `pnpm test:quick` (`--quick`): the static checks and the unit tests only, for while working;
 * CI runs everything.
 */
import { spawnSync } from 'node:child_process';

/** Each step: what it checks, and the command (run with the project's tools on the PATH). */
export const steps: [name: string, command: string][] = [
  ['a browser to test in', 'node scripts/chromium.ts'],
  ['formatting', 'prettier --check .'],
  ['lint', 'eslint . --max-warnings=0'],
  ['custom elements manifest', 'cem analyze'],
  ['Astro types', 'astro sync'],
  ['types', 'tsc --noEmit'],
  ['Astro check', 'astro check'],
  ['widget bundle', 'vite build --config packages/widgets/vite.config.ts'],
  ['widget byte budgets', 'node test/bench/widgets.ts --check'],
  ['staff console bundle', 'vite build --config packages/console/vite.config.ts'],
  ['unit, browser and story tests', 'vitest run'],
  ['end-to-end tests', 'playwright test'],
];

/**
 * The quick check: what finds most mistakes in a few minutes — formatting, lint, types, and the
 * unit project (the API on both databases, content, scripts, sites' helpers) — without building
 * the bundles and the sites or starting a browser.
 */
export const quickSteps: [name: string, command: string][] = [
  ...steps.filter(([name]) => ['formatting', 'lint', 'Astro types', 'types'].includes(name)),
  ['unit tests', 'vitest run --project unit'],
];

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/**
 * Runs `steps` in order until one fails; prints each step's time and the total. Returns the name
 * of the step that failed, if one did.
 */
export function runSteps(
  list: [name: string, command: string][],
  log: (line: string) => void = console.log,
): string | undefined {
  const timings: string[] = [];
  const started = performance.now();
  let failed: string | undefined;
  for (const [name, command] of list) {
    const stepStarted = performance.now();
    // Through a shell, as package.json scripts run, so each command finds the project's tools.
    const { status } = spawnSync(command, { shell: true, stdio: 'inherit' });
    timings.push(`${String(seconds(stepStarted)).padStart(7)} s  ${name}`);
    if (status !== 0) {
      failed = name;
      break;
    }
  }
  log(`\n${timings.join('\n')}\n${String(seconds(started)).padStart(7)} s  in all`);
  return failed;
}

if (import.meta.main) {
  const failed = runSteps(process.argv.includes('--quick') ? quickSteps : steps);
  if (failed) {
    console.error(`\nFailed: ${failed}.`);
    process.exit(1);
  }
}
