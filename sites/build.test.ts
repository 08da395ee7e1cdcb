/**
 * The built sites, read from disk, as a build for the organization's real domains leaves them
 * while dues are off (no STRIPE_PUBLISHABLE_KEY): nothing leads to a dues page nobody can pay on;
 * every form links the site's privacy notice; event pages leave the event's details to the page;
 * every member story ends with a next step. One build of a copy of the project serves them all.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { defaultLocale, locales, type Locale } from '@rally/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, project } from './testing.ts';

let root = '';
let sites = '';
/** The environment the build ran in: `pnpm build`'s, without the test runner's own. */
let buildEnv: NodeJS.ProcessEnv = {};

beforeAll(() => {
  root = copyProject('rally-build-');
  // As `pnpm build` runs it, without what the test runner sets for itself (MODE, DEV, NODE_ENV…),
  // which would build the pages for the preview, and without the overrides of a local build.
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(VITEST|MODE$|DEV$|PROD$|SSR$|TEST$|BASE_URL$|NODE_ENV$)/.test(name),
    ),
  );
  for (const name of [
    'STRIPE_PUBLISHABLE_KEY',
    'RALLY_HUB_URL',
    'RALLY_MICROSITE_URL',
    'RALLY_API_URL',
    'RALLY_CONTENT_DIR',
  ])
    delete env[name];
  buildEnv = env;
  const build = spawnSync(join(project, 'node_modules/.bin/astro'), ['build'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  sites = join(root, 'dist/sites');
}, 180_000);

afterAll(() => {
  if (root && !process.env.KEEP) rmSync(root, { recursive: true, force: true });
});

/** Every page of every site: its site folder, its path (`es/join/index.html`) and its HTML. */
function pages() {
  return readdirSync(sites).flatMap((site) =>
    readdirSync(join(sites, site), { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.html'))
      .map((path) => ({ site, path, html: readFileSync(join(sites, site, path), 'utf8') })),
  );
}

const micrositeFolders = () => readdirSync(sites).filter((site) => site !== 'hub');
/** Every language but the default has a folder of its own (`es/join/`); the default, the root. */
const others = locales.filter((lang) => lang !== defaultLocale);
const baseOf = (lang: Locale) => (lang === defaultLocale ? '' : `${lang}/`);
/** A language's folder or none, in a pattern: `(?:(?:es)/)?`. */
const folder = `(?:(?:${others.join('|')})/)?`;
const langOf = (path: string) =>
  others.find((lang) => path.startsWith(`${lang}/`)) ?? defaultLocale;
const prefix = (path: string) => `/${baseOf(langOf(path))}`;

describe('while dues are off', () => {
  it('no menu or other page links to the dues page', () => {
    const linking = pages()
      .filter(({ path }) => !new RegExp(`^${folder}dues/`).test(path))
      .filter(({ html }) => new RegExp(`href="/${folder}dues/"`).test(html))
      .map(({ site, path }) => `${site}/${path}`);
    expect(linking).toEqual([]);
  });

  it('no sitemap lists it', () => {
    for (const site of readdirSync(sites)) {
      const sitemap = readFileSync(join(sites, site, 'sitemap.xml'), 'utf8');
      expect(sitemap).toContain('<loc>');
      expect(sitemap, site).not.toContain('/dues/');
    }
  });

  it('the page says dues are not set up, without the checkout or any script, and is not indexed', () => {
    const notSetUp: Record<Locale, string> = {
      en: 'not set up yet',
      es: 'Todavía no se pueden pagar',
    };
    for (const site of micrositeFolders()) {
      for (const lang of locales) {
        const words = notSetUp[lang];
        const html = readFileSync(join(sites, site, baseOf(lang), 'dues/index.html'), 'utf8');
        expect(html).toContain('<meta name="robots" content="noindex">');
        expect(html).not.toContain('rel="canonical"');
        expect(html).not.toContain('<rally-dues-checkout');
        expect(html).not.toContain('<script');
        expect(html).toContain(words);
      }
    }
  });

  it('the embed page offers no dues snippet', () => {
    const embed = readFileSync(join(sites, 'hub/embed/index.html'), 'utf8');
    expect(embed).toContain('rally-join-form');
    expect(embed).not.toContain('rally-dues-checkout');
  });
});

describe('the privacy notice', () => {
  it('is on every site in every language, from content, linked from every page’s footer', () => {
    const heading: Record<Locale, string> = {
      en: '<h1>Privacy notice</h1>',
      es: '<h1>Aviso de privacidad</h1>',
    };
    for (const site of readdirSync(sites)) {
      for (const lang of locales)
        expect(
          readFileSync(join(sites, site, baseOf(lang), 'privacy/index.html'), 'utf8'),
        ).toContain(heading[lang]);
    }
    const without = pages()
      .filter(({ path }) => !path.startsWith('404') && path !== '404.html')
      .filter(({ path, html }) => {
        const footer = /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';
        return !footer.includes(`href="${prefix(path)}privacy/"`);
      })
      .map(({ site, path }) => `${site}/${path}`);
    expect(without).toEqual([]);
  });

  it('is linked by every form on the sites, widget and plain form alike, in the page’s language', () => {
    let forms = 0;
    for (const { site, path, html } of pages()) {
      const privacy = `${prefix(path)}privacy/`;
      for (const [element] of html.matchAll(
        /<rally-(?:join-form|petition|event-rsvp|dues-checkout)\b[^>]*>/g,
      )) {
        forms++;
        expect(element, `${site}/${path}`).toContain(`privacy-url="${privacy}"`);
      }
      for (const [form] of html.matchAll(/<form method="post"[\s\S]*?<\/form>/g))
        expect(form, `${site}/${path}`).toContain(`href="${privacy}"`);
    }
    expect(forms).toBeGreaterThan(50);
  });
});

describe('an event page', () => {
  it('shows the event’s details once, leaving the widget only places left and the form', () => {
    const events = pages().filter(({ path }) =>
      new RegExp(`^${folder}events/[^/]+/index\\.html$`).test(path),
    );
    // The zone in words, as the widget says it, never as an offset.
    const zoneInWords: Record<Locale, RegExp> = {
      en: /\([A-Z][a-z]+ (Standard|Daylight) Time\)$/,
      es: /\(hora [^)]+\)$/,
    };
    expect(events.length).toBeGreaterThan(10);
    for (const { site, path, html } of events) {
      expect(/<rally-event-rsvp\b[^>]*>/.exec(html)![0], `${site}/${path}`).toMatch(
        /\swithout-details\b/,
      );
      const when = new RegExp(`<dd lang="(${locales.join('|')})">([^<]*)</dd>`).exec(html)!;
      expect(when[2], `${site}/${path}`).toMatch(zoneInWords[when[1] as Locale]);
    }
  });
});

describe('a member story', () => {
  it('ends with the microsite’s call to join and, where it has one, its open petition or next event', () => {
    let linked = 0;
    for (const site of micrositeFolders()) {
      for (const lang of locales) {
        const base = baseOf(lang);
        const action = `href="(/${folder}(?:petitions|events)/[^"]+)"`;
        const home = readFileSync(join(sites, site, base, 'index.html'), 'utf8');
        const actions = [...home.matchAll(new RegExp(action, 'g'))].map((m) => m[1]!);
        const stories = readdirSync(join(sites, site, base, 'spotlights')).filter(
          (name) => name !== 'index.html' && name !== 'page',
        );
        for (const story of stories) {
          const html = readFileSync(
            join(sites, site, base, 'spotlights', story, 'index.html'),
            'utf8',
          );
          const next = /<section class="next-step"[\s\S]*?<\/section>/.exec(html)?.[0];
          expect(next, `${site}/${base}spotlights/${story}`).toContain(`href="/${base}join/"`);
          const step = new RegExp(action).exec(next!)?.[1];
          if (actions.length === 0) continue;
          // One the microsite's home lists: open, or still to come, on this very site.
          expect(actions, `${site}/${base}spotlights/${story}`).toContain(step);
          linked++;
        }
      }
    }
    expect(linked).toBeGreaterThan(0);
  });
});

// Last: it builds some sites again over the others.
describe('building again after a publication', () => {
  it('makes only the sites the change shows on, with its pages, and leaves the others as they were', () => {
    const untouched = join(sites, 'texas-gulf/index.html');
    const before = statSync(untouched).mtimeMs;
    mkdirSync(join(root, 'scripts'), { recursive: true });
    cpSync(join(project, 'scripts/build-sites.ts'), join(root, 'scripts/build-sites.ts'));
    writeFileSync(
      join(root, 'content/spotlights/es/rosa-nueva.mdx'),
      [
        '---',
        'name: Rosa Nueva',
        'region: louisiana',
        'sector: domestic-work',
        'photo:',
        '  src: rosa-elena-castillo.jpg',
        '  alt: Rosa sonríe frente a su casa.',
        'quote: Juntas logramos el contrato.',
        'date: 2026-12-01',
        '---',
        '',
        'Rosa cuida a dos familias.',
        '',
      ].join('\n'),
    );
    const rebuild = spawnSync(
      process.execPath,
      [
        'scripts/build-sites.ts',
        '--sites',
        'domestic-work,hub,louisiana',
        '--pages',
        'spotlights/rosa-nueva',
      ],
      { cwd: root, env: buildEnv, encoding: 'utf8' },
    );
    expect(rebuild.status, rebuild.stdout + rebuild.stderr).toBe(0);
    const answer = JSON.parse(rebuild.stdout.trim().split('\n').at(-1)!);
    expect(answer.sites).toEqual(['domestic-work', 'hub', 'louisiana']);
    expect(answer.pages).toEqual([
      {
        site: 'domestic-work',
        lang: 'en',
        url: expect.stringMatching(/domestic-work.*\/spotlights\/rosa-nueva\/$/),
      },
      {
        site: 'domestic-work',
        lang: 'es',
        url: expect.stringMatching(/domestic-work.*\/es\/spotlights\/rosa-nueva\/$/),
      },
      {
        site: 'louisiana',
        lang: 'en',
        url: expect.stringMatching(/louisiana.*\/spotlights\/rosa-nueva\/$/),
      },
      {
        site: 'louisiana',
        lang: 'es',
        url: expect.stringMatching(/louisiana.*\/es\/spotlights\/rosa-nueva\/$/),
      },
    ]);
    // Written in Spanish only: the English page shows it with the sites' note that it is not
    // translated yet.
    const english = readFileSync(join(sites, 'louisiana/spotlights/rosa-nueva/index.html'), 'utf8');
    expect(english).toContain('Rosa cuida a dos familias.');
    expect(english).toMatch(/lang="es"/);
    // Every other site is the one built before, and still whole.
    expect(statSync(untouched).mtimeMs).toBe(before);
    expect(readdirSync(sites).sort()).toEqual([...micrositeFolders(), 'hub'].sort());
    expect(readdirSync(join(sites, 'texas-gulf/spotlights')).length).toBeGreaterThan(1);
  }, 120_000);
});
