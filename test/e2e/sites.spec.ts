/**
 * The generated sites as visitors meet them: every microsite's key pages in every language, each
 * on its own origin, checked by axe; what a Spanish reader sees when a story is not translated;
 * pages without widgets shipping no JavaScript; and a join credited to the microsite it came from.
 */
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { defaultLocale, locales, type Locale } from '@rally/core';
import { micrositeSlugs } from '../../sites/integrations/microsites.ts';
import { micrositeUrl, ports, staffToken } from '../../playwright.config.ts';

const hub = `http://localhost:${ports.site}`;
const api = `http://127.0.0.1:${ports.api}/api/v1`;

/** A language's folder on a site: none for the default language, `/es` for Spanish. */
const folderOf = (lang: Locale) => (lang === defaultLocale ? '' : `/${lang}`);

/** The words the tests find a microsite's pages by, in each language. */
const words: Record<
  Locale,
  { petitions: RegExp; events: RegExp; storyPages: string; olderStories: string }
> = {
  en: {
    petitions: /Open petitions/,
    events: /Upcoming events/,
    storyPages: 'Pages of member stories',
    olderStories: 'Older stories',
  },
  es: {
    petitions: /Peticiones abiertas/,
    events: /Próximos eventos/,
    storyPages: 'Páginas de historias',
    olderStories: 'Historias anteriores',
  },
};

/** A title names the page and the site it is on, and the site only once. */
async function expectTitled(page: Page) {
  const title = await page.title();
  const site = (await page.locator('.brand-site').textContent())!.trim();
  expect(title.split(' · ').length, title).toBeGreaterThan(1);
  expect(title.split(site).length - 1, title).toBe(1);
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.violations, page.url()).toEqual([]);
}

/** The links of the current page's first list after a heading, as absolute addresses. */
async function firstLinkUnder(page: Page, heading: RegExp): Promise<string | undefined> {
  const section = page.getByRole('heading', { level: 2, name: heading });
  if ((await section.count()) === 0) return undefined;
  const link = page
    .locator('h2', { hasText: heading })
    .locator('xpath=following-sibling::ul[1]//a');
  return (await link.count()) > 0
    ? await link.first().evaluate((a) => (a as HTMLAnchorElement).href)
    : undefined;
}

test.describe('every microsite, in every language', () => {
  // Eight pages, each checked by axe.
  test.describe.configure({ timeout: 120_000 });
  for (const slug of micrositeSlugs()) {
    for (const lang of locales) {
      // One pass over every page is enough (desktop only); phones get their own checks.
      test(
        `${slug} (${lang}): home, join, stories, a story, a petition and an event are there and accessible`,
        {
          tag: '@once',
        },
        async ({ page }) => {
          const base = `${micrositeUrl(slug)}${folderOf(lang)}/`;
          await page.goto(base);
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', base);
          for (const other of locales.filter((code) => code !== defaultLocale))
            await expect(page.locator(`link[hreflang=${other}]`)).toHaveAttribute(
              'href',
              `${micrositeUrl(slug)}/${other}/`,
            );
          await expectTitled(page);
          await expect(page).toHaveTitle(
            `${await page.getByRole('heading', { level: 1 }).textContent()} · Gulf Coast Workers United`,
          );
          await expectAccessible(page);
          const petition = await firstLinkUnder(page, words[lang].petitions);
          const event = await firstLinkUnder(page, words[lang].events);

          let story: string | undefined;
          for (const path of ['join/', 'spotlights/', 'about/', 'accessibility/']) {
            await page.goto(`${base}${path}`);
            await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
            await expectTitled(page);
            await expectAccessible(page);
            if (path === 'spotlights/')
              story = await page
                .locator('.cards a')
                .first()
                .evaluate((a) => (a as HTMLAnchorElement).href);
          }
          for (const address of [story, petition, event].filter(Boolean) as string[]) {
            expect(new URL(address).origin).toBe(micrositeUrl(slug));
            await page.goto(address);
            await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
            await expectTitled(page);
            await expectAccessible(page);
          }
        },
      );
    }
  }
});

test.describe('a long story index', () => {
  // The end-to-end sites are built with two stories a page (playwright.config.ts).
  for (const lang of locales) {
    test(`is cut into pages that list every story once, in ${lang}`, async ({ page }) => {
      const base = `${micrositeUrl('louisiana')}${folderOf(lang)}/spotlights/`;
      await page.goto(base);
      // The site's feed lists all its stories; the browser reads it, as it resolves *.localhost.
      const total = await page.evaluate(
        async () => (await (await fetch('../spotlights.json')).json()).total_records as number,
      );
      const seen: string[] = [];
      for (let number = 1; ; number++) {
        const pages = page.getByRole('navigation', {
          name: words[lang].storyPages,
        });
        await expect(pages.locator('[aria-current="page"]')).toHaveText(String(number));
        await expectAccessible(page);
        seen.push(
          ...(await page
            .locator('.cards h2 a')
            .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))),
        );
        const older = pages.getByRole('link', {
          name: words[lang].olderStories,
        });
        if ((await older.count()) === 0) break;
        await older.click();
        await expect(page).toHaveURL(`${base}page/${number + 1}/`);
      }
      expect(seen.length).toBeGreaterThan(2);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(total);
    });
  }
});

test.describe('languages', () => {
  test('a Spanish page shows Spanish content and says when a story exists only in English', async ({
    page,
  }) => {
    await page.goto(`${micrositeUrl('louisiana')}/es/spotlights/thu-nguyen/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator('.notice')).toHaveText(
      'Esta página todavía no está traducida, así que se muestra en inglés.',
    );
    await expect(page.locator('article')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: 'Historias', exact: true })).toBeVisible();

    await page.goto(`${micrositeUrl('louisiana')}/es/spotlights/marisol-reyes/`);
    await expect(page.locator('.notice')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Marisol Reyes');

    // The story's card says so before the reader opens it; translated stories' cards say nothing.
    await page.goto(`${micrositeUrl('louisiana')}/es/`);
    const card = (name: string) => page.locator('.card').filter({ hasText: name });
    await expect(card('Thu Nguyen').locator('.card-language')).toHaveText('En inglés');
    await expect(card('Thu Nguyen').locator('.card-language')).toHaveAttribute('lang', 'es');
    await expect(card('Marisol Reyes').locator('.card-language')).toHaveCount(0);
  });

  test('the language switch leads to the same page in the other language', async ({ page }) => {
    await page.goto(`${micrositeUrl('texas-gulf')}/join/`);
    await page.getByRole('link', { name: 'Leer en español' }).click();
    await expect(page).toHaveURL(`${micrositeUrl('texas-gulf')}/es/join/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Únete: Costa del Golfo de Texas',
    );
  });

  test('the petition widget on a Spanish page speaks Spanish and leaves the text to the page', async ({
    page,
  }) => {
    await page.goto(`${micrositeUrl('louisiana')}/es/petitions/fair-wages-home-care/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      /Un salario digno para las trabajadoras/,
    );
    const widget = page.locator('rally-petition');
    await expect(widget.getByText(/^Para: /)).toBeVisible();
    await expect(widget.getByText(/\bfirmas\b/)).toBeVisible();
    await expect(widget.getByRole('button', { name: 'Firmar la petición' })).toBeVisible();
    // The title and text are the page's, once: the widget does not repeat them.
    await expect(page.getByText(/Un salario digno para las trabajadoras/)).toHaveCount(1);
  });
});

test.describe('speed and weight', () => {
  test('pages without a widget ship no JavaScript; pages with one load only the widget loader', async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    for (const path of ['/', '/spotlights/', '/spotlights/dele-okafor/', '/about/', '/es/']) {
      await page.goto(`${micrositeUrl('louisiana')}${path}`);
      await expect(page.locator('script')).toHaveCount(0);
    }
    await page.goto(`${hub}/`);
    await expect(page.locator('script')).toHaveCount(0);
    expect(scripts).toEqual([]);

    await page.goto(`${micrositeUrl('louisiana')}/join/`);
    await expect(
      page.locator('rally-join-form').getByRole('button', { name: 'Join' }),
    ).toBeVisible();
    expect(scripts[0]).toBe('/widgets/rally.js');
  });

  test('photos are resized, in a modern format, with their size set', async ({ page }) => {
    await page.goto(`${micrositeUrl('louisiana')}/spotlights/`);
    const image = page.locator('.cards img').first();
    await expect(image).toHaveAttribute('width', /\d+/);
    await expect(image).toHaveAttribute('height', /\d+/);
    const webp = page.locator('.cards source[type="image/webp"]').first();
    await expect(webp).toHaveAttribute('srcset', /240w.*480w.*720w/);
    // The story's page offers the very files its card did: opened from the card, the photo is
    // already downloaded.
    const cardSrcset = await webp.getAttribute('srcset');
    await page.locator('.cards a').first().click();
    await expect(page.locator('.spotlight source[type="image/webp"]')).toHaveAttribute(
      'srcset',
      cardSrcset!,
    );
  });
});

test.describe('the hub', () => {
  test('links every microsite at its own address', async ({ page }) => {
    await page.goto(`${hub}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Stronger together on the Gulf Coast',
    );
    for (const slug of micrositeSlugs()) {
      await expect(page.locator(`a[href="${micrositeUrl(slug)}/"]`)).toHaveCount(1);
    }
    await expectAccessible(page);
  });

  test('gives partners a copy-paste snippet for every widget, in both languages', async ({
    page,
  }) => {
    for (const path of ['/embed/', '/es/embed/']) {
      await page.goto(`${hub}${path}`);
      const code = (await page.locator('pre code').allTextContents()).join('\n');
      expect(code).toContain(`<script type="module" src="${hub}/widgets/rally.js"></script>`);
      for (const element of [
        'rally-join-form',
        'rally-petition',
        'rally-event-rsvp',
        'rally-spotlight-carousel',
        'rally-dues-checkout',
      ])
        expect(code).toContain(`<${element}`);
      await expectAccessible(page);
    }
  });

  test('lets a keyboard user skip straight to the content', async ({ page }) => {
    await page.goto(`${hub}/`);
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to content' });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });
});

test('every site links its accessibility statement from its footer, in both languages', async ({
  page,
}) => {
  for (const [base, lang, heading, contact] of [
    [hub, 'en', 'Accessibility', 'Tell us about a problem'],
    [`${hub}/es`, 'es', 'Accesibilidad', 'Avísanos de un problema'],
    [
      `${micrositeUrl('louisiana')}/events/new-orleans-home-care-meeting`,
      'en',
      'Accessibility',
      'Tell us about a problem',
    ],
    [`${micrositeUrl('education')}/es/join`, 'es', 'Accesibilidad', 'Avísanos de un problema'],
  ] as const) {
    await page.goto(`${base}/`);
    const site = new URL(page.url()).origin;
    await page.getByRole('contentinfo').getByRole('link', { name: heading }).click();
    // The statement is on the same site, in the page's language.
    expect(page.url()).toBe(`${site}${folderOf(lang)}/accessibility/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('heading', { level: 2, name: contact })).toBeVisible();
    await expect(
      page.getByRole('contentinfo').getByRole('link', { name: heading }),
    ).toHaveAttribute('aria-current', 'page');
    await expectAccessible(page);
  }
});

test('a missing address shows the site’s own page, in both languages, with status 404', async ({
  page,
}) => {
  for (const base of [micrositeUrl('louisiana'), hub]) {
    const response = await page.goto(`${base}/no-such-page/`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('heading', { name: 'Página no encontrada' })).toBeVisible();
    await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', 'noindex');
    await expectAccessible(page);
  }
});

test('a join on a microsite is credited to it and placed in its region', async ({ page }) => {
  const email = `site.${randomUUID().slice(0, 8)}@example.org`;
  await page.goto(`${micrositeUrl('texas-gulf')}/join/`);
  const form = page.locator('rally-join-form');
  await form.getByRole('textbox', { name: 'First name' }).fill('Lupe');
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('textbox', { name: /ZIP/ }).fill('77074');
  await form.getByRole('checkbox', { name: /I agree/ }).check();
  await form.getByRole('button', { name: 'Join' }).click();
  await expect(form.getByRole('status').first()).toContainText('Lupe');
  await expect
    .poll(async () => {
      const csv = await fetch(`${api}/reports/people.csv`, {
        headers: { 'OSDI-API-Token': staffToken },
      }).then((response) => response.text());
      return csv.split('\r\n').find((line) => line.includes(email)) ?? '';
    })
    .toMatch(/texas-gulf.*texas-gulf/);
});
