/**
 * `pnpm bench:widgets`: the bytes each widget costs a page (min+gzip), checked against the budgets,
 * with Lit's own runtime built in the same run as the baseline. `--check` fails when over budget.
 * Counted twice: from the bundle (each widget's module and the files it imports, followed to the
 * end), and in a real browser on the demo partner page, until the page is idle after the first
 * render (widget-downloads.ts) — which also counts any file fetched right after the first render.
 * The page budget holds for both.
 *
 * Budgets: the loader ≤ 2 KB; one widget's own code (its module, beyond the runtime the widgets
 * share) ≤ 5 KB; a page with one widget loads ≤ 15 KB of widget code before its first render —
 * 16.75 KB for the dues checkout's choice step, whose payment steps load later with Stripe.js
 * (far larger, and not Rally's to shrink), on a page people reach already meaning to pay. (It was
 * 16.5 KB until every form proved its work instead of timing the person: 0.15 KB of the shared
 * runtime, paid by every form, which the dues checkout had no room left for.)
 * Also printed: how much of the shared runtime is Rally's own code rather than Lit's. And checked:
 * the loader asks for all of an element's files at once, so none waits to be discovered.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { measureDownloads } from './widget-downloads.ts';

const budgets = { loader: 2048, ownCode: 5120, page: 15360, duesPage: 17152 };
const widgets = ['join-form', 'petition', 'event-rsvp', 'spotlight-carousel', 'dues-checkout'];
const check = process.argv.includes('--check');

const gzipped = (code: string) => gzipSync(code, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

/** Lit alone, minified the same way: what every Lit element pays whoever writes it. */
async function litRuntime(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'rally-lit-'));
  writeFileSync(
    join(dir, 'lit.js'),
    "import { LitElement, html, css, nothing } from 'lit';\nimport { customElement, property, state, query } from 'lit/decorators.js';\nexport { LitElement, html, css, nothing, customElement, property, state, query };\n",
  );
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: process.cwd(),
    resolve: { alias: { lit: join(process.cwd(), 'packages/widgets/node_modules/lit') } },
    build: { write: false, minify: true, lib: { entry: join(dir, 'lit.js'), formats: ['es'] } },
  })) as Rollup.RollupOutput[];
  return gzipped(output[0]!.output.map((chunk) => ('code' in chunk ? chunk.code : '')).join(''));
}

/** The static imports of a built module, followed to the end: what loads before it can run. */
function staticClosure(file: string, dir: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const [, imported] of code.matchAll(/import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g)) {
    staticClosure(imported!, dir, seen);
  }
  return seen;
}

const dir = 'dist/widgets';
const sizes = new Map(
  readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => [file, gzipped(readFileSync(join(dir, file), 'utf8'))]),
);
const lit = await litRuntime();
const loader = sizes.get('rally.js')!;
const loaderCode = readFileSync(join(dir, 'rally.js'), 'utf8');

console.log(`Lit runtime alone (baseline, same build settings): ${kb(lit)}`);
console.log(`Loader rally.js: ${kb(loader)} (budget ${kb(budgets.loader)})\n`);
console.log(
  '| widget | first render loads | widget’s own module | shared runtime beyond Lit | files |',
);
console.log('| --- | ---: | ---: | ---: | --- |');
const failures: string[] = [];
if (loader > budgets.loader) failures.push(`the loader is ${kb(loader)}`);
for (const widget of widgets) {
  const files = [...staticClosure(`${widget}.js`, dir)];
  const own = sizes.get(`${widget}.js`)!;
  const shared = files
    .filter((file) => file !== `${widget}.js`)
    .reduce((sum, file) => sum + sizes.get(file)!, 0);
  const total = loader + own + shared;
  console.log(
    `| ${widget} | ${kb(total)} | ${kb(own)} | ${kb(shared - lit)} | rally.js, ${files.join(', ')} |`,
  );
  const pageBudget = widget === 'dues-checkout' ? budgets.duesPage : budgets.page;
  if (total > pageBudget) failures.push(`a page with ${widget} loads ${kb(total)}`);
  if (own > budgets.ownCode) failures.push(`${widget}'s own module is ${kb(own)}`);
  // No request chain beyond loader → element code: the loader asks for every file at once.
  const late = files.filter((file) => !loaderCode.includes(`import("./${file}")`));
  if (late.length > 0) failures.push(`${widget} waits for ${late.join(', ')} to be discovered`);
}

// In the browser: what the partner's page really downloads.
const downloads = await measureDownloads(widgets, dir);
const bytesOf = (files: Map<string, number>) => [...files.values()].reduce((a, b) => a + b, 0);
console.log('\nIn the browser, on the demo partner page, until idle after the first render:\n');
console.log(
  '| widget | downloaded | of which after the first render | on first focus in the form | files on first focus |',
);
console.log('| --- | ---: | ---: | ---: | --- |');
for (const widget of widgets) {
  const { firstRender, onFirstFocus } = downloads.get(widget)!;
  const expected = new Set(['rally.js', ...staticClosure(`${widget}.js`, dir)]);
  const later = [...firstRender.keys()].filter((file) => !expected.has(file));
  const after = later.reduce((sum, file) => sum + firstRender.get(file)!, 0);
  console.log(
    `| ${widget} | ${kb(bytesOf(firstRender))} | ${kb(after)}${later.length > 0 ? ` (${later.join(', ')})` : ''} | ${kb(bytesOf(onFirstFocus))} | ${[...onFirstFocus.keys()].join(', ')} |`,
  );
  const pageBudget = widget === 'dues-checkout' ? budgets.duesPage : budgets.page;
  if (bytesOf(firstRender) > pageBudget)
    failures.push(`in the browser, a page with ${widget} downloads ${kb(bytesOf(firstRender))}`);
  const missing = [...expected].filter((file) => !firstRender.has(file));
  if (missing.length > 0)
    failures.push(`in the browser, ${widget} was drawn without ${missing.join(', ')}`);
}

if (failures.length > 0) {
  console.log(`\nOver budget: ${failures.join('; ')}.`);
  if (check) process.exit(1);
} else {
  console.log('\nEvery budget is met.');
}
