/**
 * Builds one Astro project and prints how long it took and its peak memory, as JSON on the last
 * line; run in its own process so each build's memory is its own.
 *
 *   node test/bench/build-once.ts <project root>
 */
import { build } from 'astro';

const root = process.argv[2];
if (!root) throw new Error('Give the project root to build.');
const started = performance.now();
await build({ root, logLevel: 'error' });
const seconds = (performance.now() - started) / 1000;
// maxRSS is in kilobytes.
console.log(JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024 }));
