/**
 * Turns Astro's one build of every site into one folder per site under dist/sites/: the hub and
 * each region and sector microsite, each deployable alone at the root of its own domain. Astro
 * builds them together (content is read and compiled once); this moves each microsite's pages out
 * of its slug folder, gives every site public/, the assets its pages use and the widget bundle, and writes
 * each site's sitemap.xml and robots.txt from the canonical addresses its pages declare.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentIds, readTimedContent } from '@rally/content';
import type { AstroIntegration } from 'astro';
import sirv from 'sirv';
import type { Plugin } from 'vite';
import { builds, sitesBuilt } from '../lib/build-scope.ts';
import { contentAlias, contentDir } from '../lib/content-dir.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const widgetsDir = join(root, 'dist/widgets');
/**
 * Where the built sites go: dist/sites/, or `RALLY_SITES_OUT_DIR` (a preview of a change, built
 * apart from the sites served).
 */
export const sitesDir = process.env.RALLY_SITES_OUT_DIR?.trim() || join(root, 'dist/sites');

export function microsites(): AstroIntegration {
  let previewing = false;
  return {
    name: 'rally:microsites',
    hooks: {
      // `pnpm dev` serves every site from one server; the widget bundle comes from its own build.
      'astro:config:setup': ({ updateConfig, command }) => {
        previewing = command === 'dev';
        updateConfig({
          vite: {
            plugins: [serveWidgetBundle()],
            resolve: { alias: { [contentAlias]: contentDir } },
          },
        });
      },
      // After Astro has checked every file against the schemas, listing each mistake.
      'astro:build:start': () => checkTimesAsTheApiReadsThem(),
      // A preview says what is wrong, at the start and at each save, and keeps running while the
      // file is fixed. (A build starts a server too; its own check above stops it.)
      'astro:server:setup': async ({ server, logger }) => {
        if (!previewing) return;
        const check = () =>
          checkTimesAsTheApiReadsThem().catch((error: Error) => logger.error(error.message));
        await check();
        server.watcher.on('change', (file) => {
          if (/^(petitions|events)[/\\]/.test(relative(contentDir, file))) void check();
        });
      },
      'astro:build:done': ({ dir }) => splitSites(fileURLToPath(dir)),
    },
  };
}

/**
 * Reads the petitions and events the way the API will, which sees the front matter as text where
 * Astro sees dates: a time written without its offset from UTC is a date to Astro, and would show
 * the wrong hour on the sites. A file the API would refuse stops the build, naming file and field.
 */
async function checkTimesAsTheApiReadsThem(): Promise<void> {
  await readTimedContent(relative(process.cwd(), contentDir) || '.');
}

function serveWidgetBundle(): Plugin {
  return {
    name: 'rally:widget-bundle',
    configureServer(server) {
      server.middlewares.use('/widgets', sirv(widgetsDir, { dev: true }));
    },
  };
}

/** Slugs of the microsites: the ids of the regions and the sectors, regions first. */
export function micrositeSlugs(): string[] {
  return (['regions', 'sectors'] as const).flatMap((kind) => contentIds(contentDir, kind));
}

/**
 * Runs once the build has written every page. Plain synchronous file calls on purpose: nothing
 * else runs at this point, and each promise-based call is a round trip through Node's thread pool:
 * for 1,000 stories, reading and copying took 0.39 s this way and 0.66 s the other.
 */
function splitSites(build: string): void {
  if (!existsSync(join(widgetsDir, 'rally.js')))
    throw new Error(
      'dist/widgets/rally.js is missing: build with `pnpm build`, which builds the widgets first.',
    );
  // Every site: made in place. Some sites (a rebuild after a publication): made aside, then each
  // swapped in for its old folder, so the others stay as they are and are served all along.
  const made = sitesBuilt === undefined ? sitesDir : `${sitesDir}.next`;
  rmSync(made, { recursive: true, force: true });
  mkdirSync(made, { recursive: true });
  const assets = join(root, 'dist/.assets');
  rmSync(assets, { recursive: true, force: true });
  const sites: string[] = [];
  for (const slug of micrositeSlugs().filter(builds)) {
    renameSync(join(build, slug), join(made, slug));
    // Hosts serve /404.html for a missing address; Astro builds the hub's there already.
    renameSync(join(made, slug, '404/index.html'), join(made, slug, '404.html'));
    rmSync(join(made, slug, '404'), { recursive: true });
    // Astro put public/ (the icon) at the build's root, which becomes the hub; each site needs it.
    if (existsSync(join(root, 'public')))
      cpSync(join(root, 'public'), join(made, slug), { recursive: true });
    sites.push(join(made, slug));
  }
  // What is left is the hub, and the assets every site draws from.
  renameSync(join(build, '_astro'), assets);
  if (builds('hub')) {
    renameSync(build, join(made, 'hub'));
    sites.push(join(made, 'hub'));
  } else rmSync(build, { recursive: true, force: true });
  for (const site of sites) finishSite(site, assets);
  rmSync(assets, { recursive: true, force: true });
  if (made !== sitesDir) swapIn(made);
}

/** Puts each site made aside in place of its old folder: one rename each, the old one removed after. */
function swapIn(made: string): void {
  const old = `${sitesDir}.old`;
  rmSync(old, { recursive: true, force: true });
  mkdirSync(old, { recursive: true });
  mkdirSync(sitesDir, { recursive: true });
  for (const slug of readdirSync(made)) {
    if (existsSync(join(sitesDir, slug))) renameSync(join(sitesDir, slug), join(old, slug));
    renameSync(join(made, slug), join(sitesDir, slug));
  }
  rmSync(old, { recursive: true, force: true });
  rmSync(made, { recursive: true, force: true });
}

const textTypes = new Set(['.html', '.css', '.json', '.xml']);

/**
 * Reads every page, style and feed of a site once: copies the files under /_astro/ they refer to,
 * and writes sitemap.xml (every page with its translations) and robots.txt pointing to it.
 */
function finishSite(site: string, assets: string): void {
  const used = new Set<string>();
  const urls: string[] = [];
  let origin = '';
  const files = readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && textTypes.has(extname(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\/_astro\/([\w.@-]+)/g)) used.add(match[1]!);
    if (!file.endsWith('.html')) continue;
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(text)?.[1];
    if (!canonical) continue; // A page that does not want to be found, such as a 404 page.
    if (relative(site, dirname(file)) === '') origin = new URL(canonical).origin;
    const alternates = [
      ...text.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g),
    ]
      .map(
        ([, lang, href]) => `    <xhtml:link rel="alternate" hreflang="${lang}" href="${href}"/>`,
      )
      .join('\n');
    urls.push(`  <url>\n    <loc>${canonical}</loc>\n${alternates}\n  </url>`);
  }
  mkdirSync(join(site, '_astro'), { recursive: true });
  for (const name of used) copyFileSync(join(assets, name), join(site, '_astro', name));
  cpSync(widgetsDir, join(site, 'widgets'), { recursive: true });
  writeFileSync(
    join(site, 'sitemap.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`,
  );
  writeFileSync(
    join(site, 'robots.txt'),
    `User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`,
  );
}
