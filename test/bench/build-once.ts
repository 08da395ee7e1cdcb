/**
 * Builds one Astro project and prints how long it took and its peak memory, as JSON on the last
 * line; run in its own process so each build's memory is its own. Every build starts cold, as on a
 * fresh clone: Astro's cache is the project's own (not that of the node_modules it links to), and
 * it and the previous build's output folders (given after the root, relative to it) are removed
 * before the clock starts.
 *
 *   node test/bench/build-once.ts <project root> [output folder…]
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'astro';

const [root, ...outputs] = process.argv.slice(2);
if (!root) throw new Error('Give the project root to build.');
for (const dir of ['.bench-cache', '.astro', ...outputs])
  rmSync(join(root, dir), { recursive: true, force: true });
const started = performance.now();
await build({ root, logLevel: 'error', cacheDir: join(root, '.bench-cache') });
const seconds = (performance.now() - started) / 1000;
// maxRSS is in kilobytes.
console.log(JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024 }));
