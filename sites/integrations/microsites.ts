/**
 * Turns Astro's one build of every site into one folder per site under dist/sites/: the hub and
 * each region and sector microsite, each deployable alone at the root of its own domain. Astro
 * builds them together (content is read and compiled once); this moves each microsite's pages out
 * of its slug folder, gives every site public/, the assets its pages use and the widget bundle, and writes
 * each site's sitemap.xml and robots.txt from the canonical addresses its pages declare.
 */
import { access, cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const root = fileURLToPath(new URL('../../', import.meta.url));
const widgetsDir = join(root, 'dist/widgets');
export const sitesDir = join(root, 'dist/sites');

export function microsites(): AstroIntegration {
  return {
    name: 'rally:microsites',
    hooks: {
      // `pnpm dev` serves every site from one server; the widget bundle comes from its own build.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/widgets/', (request, response, next) => {
          const file = join(widgetsDir, (request.url ?? '/').split('?')[0]!);
          if (!file.startsWith(widgetsDir)) return next();
          access(file).then(
            () => {
              response.setHeader('Content-Type', 'text/javascript');
              createReadStream(file).pipe(response);
            },
            () => next(),
          );
        });
      },
      'astro:build:done': async ({ dir }) => {
        await splitSites(fileURLToPath(dir));
      },
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Slugs of the microsites: the file names of content/regions and content/sectors. */
export function micrositeSlugs(): string[] {
  const slugs = new Set<string>();
  for (const kind of ['regions', 'sectors']) {
    const base = join(root, 'content', kind);
    const langs = existsSync(base) ? readdirSync(base) : [];
    for (const lang of langs) {
      for (const name of readdirSync(join(base, lang))) {
        if (name.endsWith('.mdx')) slugs.add(name.slice(0, -4));
      }
    }
  }
  return [...slugs];
}

async function splitSites(build: string): Promise<void> {
  if (!(await exists(join(widgetsDir, 'rally.js'))))
    throw new Error(
      'dist/widgets/rally.js is missing: build with `pnpm build`, which builds the widgets first.',
    );
  await rm(sitesDir, { recursive: true, force: true });
  await mkdir(sitesDir, { recursive: true });
  const assets = join(build, '_astro');
  const sites: string[] = [];
  for (const slug of micrositeSlugs()) {
    await rename(join(build, slug), join(sitesDir, slug));
    // Astro put public/ (the icon) at the build's root, which becomes the hub; each site needs it.
    if (await exists(join(root, 'public')))
      await cp(join(root, 'public'), join(sitesDir, slug), { recursive: true });
    sites.push(join(sitesDir, slug));
  }
  // What is left is the hub, and the assets every site draws from.
  await rename(assets, join(root, 'dist/.assets'));
  await rename(build, join(sitesDir, 'hub'));
  sites.push(join(sitesDir, 'hub'));
  for (const site of sites) {
    await copyUsedAssets(site, join(root, 'dist/.assets'));
    await cp(widgetsDir, join(site, 'widgets'), { recursive: true });
    await writeSitemap(site);
  }
  await rm(join(root, 'dist/.assets'), { recursive: true, force: true });
}

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const textTypes = new Set(['.html', '.css', '.json', '.xml', '.js']);

/** Copies the files under /_astro/ that the site's pages, styles and feeds refer to. */
async function copyUsedAssets(site: string, assets: string): Promise<void> {
  const used = new Set<string>();
  for (const file of await filesOf(site)) {
    if (!textTypes.has(extname(file))) continue;
    for (const match of (await readFile(file, 'utf8')).matchAll(/\/_astro\/([\w.@-]+)/g))
      used.add(match[1]!);
  }
  await mkdir(join(site, '_astro'), { recursive: true });
  for (const name of used) await cp(join(assets, name), join(site, '_astro', name));
}

/** sitemap.xml with every page and its translations, and robots.txt pointing to it. */
async function writeSitemap(site: string): Promise<void> {
  const urls: string[] = [];
  let origin = '';
  for (const file of (await filesOf(site)).filter((f) => f.endsWith('.html')).sort()) {
    const html = await readFile(file, 'utf8');
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    if (!canonical) continue; // A page that does not want to be found, such as the 404 page.
    if (relative(site, dirname(file)) === '') origin = new URL(canonical).origin;
    const alternates = [
      ...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g),
    ]
      .map(
        ([, lang, href]) => `    <xhtml:link rel="alternate" hreflang="${lang}" href="${href}"/>`,
      )
      .join('\n');
    urls.push(`  <url>\n    <loc>${canonical}</loc>\n${alternates}\n  </url>`);
  }
  await writeFile(
    join(site, 'sitemap.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`,
  );
  await writeFile(
    join(site, 'robots.txt'),
    `User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`,
  );
}
