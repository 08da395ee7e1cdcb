/** What the browser benchmarks share: starting a server and scoring a page with Lighthouse. */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromiumPath } from '../../scripts/chromium.ts';

/** Starts a process and resolves once its output matches `ready`. */
export function start(
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (ready.test(chunk.toString())) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

export type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';

/** Lighthouse's report of one page, mobile profile (its default), in a fresh local Chromium. */
export async function runLighthouse(url: string, categories: Category[]) {
  // Loaded here: the widget benchmark starts servers too, and runs in the test command.
  const [{ launch }, { default: lighthouse }] = await Promise.all([
    import('chrome-launcher'),
    import('lighthouse'),
  ]);
  const chrome = await launch({
    chromePath: chromiumPath(),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: categories,
      logLevel: 'error',
    });
    return result!.lhr;
  } finally {
    chrome.kill();
  }
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const regions = ['louisiana', 'texas-gulf', 'mississippi-alabama', 'florida-gulf'];
const sectors = ['domestic-work', 'food-and-farm', 'cooperatives', 'education'];
const trades = ['home care', 'harvest', 'the plant', 'the school', 'the cooperative kitchen'];

/** A synthetic member story (MDX) for the benchmarks that build many: `index` makes it its own. */
export function syntheticStory(index: number): string {
  const trade = trades[index % trades.length];
  return `---
name: Member ${index}
kind: member
region: ${regions[index % regions.length]}
sector: ${sectors[Math.floor(index / regions.length) % sectors.length]}
photo:
  src: marisol-reyes.jpg
  alt: Portrait of member ${index}.
quote: Number ${index} of us, and we did it together.
date: 2026-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}
---

Member ${index} has worked in ${trade} for ${(index % 20) + 2} years. When the schedule changed
without notice, **they** talked to every coworker on the shift, one conversation at a time.

## What changed

- A written schedule, two weeks ahead.
- Paid time for training.
- A steward on every shift.

Today member ${index} welcomes new coworkers and tells them where the meeting is.
`;
}
