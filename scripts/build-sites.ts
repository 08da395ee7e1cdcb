/**
 * Builds the sites again after staff publish a change: `node scripts/build-sites.ts --sites
 * louisiana,education,hub --pages spotlights/rosa-nueva`. Astro makes only the sites listed (all of
 * them without `--sites`), each swapped in for its old folder under dist/sites/ when it is done,
 * while the rest stay as they were and are served all along. The last line it prints is JSON: the
 * sites made and the address of each page that shows the pieces named in `--pages`, per language,
 * which the console shows as the change's live links. The widgets' bundle must be built already
 * (`pnpm start` and `pnpm build` build it first). The API runs it when `RALLY_SITES_BUILD_COMMAND`
 * says so, as `pnpm start` does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { locales } from '@rally/core/languages';

const { values } = parseArgs({
  options: {
    sites: { type: 'string' },
    pages: { type: 'string' },
    // A preview: the sites made from another content folder, into another folder.
    content: { type: 'string' },
    out: { type: 'string' },
  },
});
const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const sites = list(values.sites);
const pieces = list(values.pages).map((piece) => {
  const [collection, id] = piece.split('/');
  return { collection: collection!, id: id! };
});

// Read by the sites' configuration as it loads: set before Astro is imported.
if (sites.length > 0) process.env.RALLY_BUILD_SITES = sites.join(',');
if (values.content) process.env.RALLY_CONTENT_DIR = values.content;
if (values.out) {
  process.env.RALLY_SITES_OUT_DIR = values.out;
  // A preview's cache is its own, and goes with it.
  process.env.RALLY_CONTENT_CACHE_DIR ??= `${values.out}.cache`;
}
const { build } = await import('astro');
const { sitesDir } = await import('../sites/integrations/microsites.ts');
await build({ logLevel: 'warn' });

export interface BuiltPage {
  site: string;
  lang: string;
  url: string;
}

/**
 * The pages that show each piece: a story's, a petition's or an event's own page on each site made;
 * a region's or a sector's home page on its own site; one of the organization's own pages on the
 * hub (or, for the about page, which the hub has not, on the first site made) rather than on each
 * of the ten sites it is the same on. Found in the files written, by their path, and addressed by
 * the canonical address each page declares.
 */
function pagesOf(made: string[]): BuiltPage[] {
  const pages: BuiltPage[] = [];
  for (const site of made) {
    const dir = join(sitesDir, site);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('index.html'),
    );
    for (const { collection, id } of pieces) {
      const own = (file: string) => {
        const parts = file.split(sep);
        if (collection === 'regions' || collection === 'sectors')
          return site === id && parts.length <= 2;
        // At the top of each language's pages: /, /es/; /about/, /es/about/.
        if (collection === 'pages') {
          const [first, ...rest] = parts.slice(0, -1);
          const path = first !== undefined && isLanguage(first) ? rest : parts.slice(0, -1);
          return id === 'home' ? path.length === 0 : path.length === 1 && path[0] === id;
        }
        return parts.at(-3) === collection && parts.at(-2) === id;
      };
      if (collection === 'pages' && site !== pageSite(id, made)) continue;
      for (const file of files.filter(own).sort()) {
        const html = readFileSync(join(dir, file), 'utf8');
        const url = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
        const lang = /<html[^>]* lang="([^"]+)"/.exec(html)?.[1];
        if (url && lang) pages.push({ site, lang, url });
      }
    }
  }
  return pages;
}

/** Where an organization's page is linked from: the hub, or the first microsite for `about`. */
function pageSite(id: string, made: string[]): string | undefined {
  return made.includes('hub') && id !== 'about' ? 'hub' : made.find((site) => site !== 'hub');
}

const isLanguage = (segment: string) => (locales as readonly string[]).includes(segment);

const made = sites.length > 0 ? sites : readdirSync(sitesDir).sort();
// Each site's pages in the order of the configured languages, the default's first.
const order = (page: BuiltPage) => locales.indexOf(page.lang as (typeof locales)[number]);
const pages = pagesOf(made).sort((a, b) => a.site.localeCompare(b.site) || order(a) - order(b));
console.log(JSON.stringify({ sites: made, pages }));
