/**
 * Pages a newcomer met and was let down by, as they meet them now: a partner on the embed page
 * (told first what to ask for, copy buttons, the real ids, the guide), an event page that says
 * each detail once, a member story that ends with something to do, the privacy notice beside
 * every form, and the dues page in the menu once dues are on. Each in every language, by
 * keyboard where that is how people use it, and checked by axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readContent } from '@rally/content';
import { defaultLocale, locales, type Locale } from '@rally/core';
import { micrositeSlugs } from '../../sites/integrations/microsites.ts';
import { micrositeUrl, ports } from '../../playwright.config.ts';

const hub = `http://localhost:${ports.site}`;
/** The content the sites were built from (playwright.config.ts), whose dates lie ahead. */
const builtContent = () => readContent('test-results/e2e-content/sites');

/** A language's folder on a site: none for the default language, `/es` for Spanish. */
const folderOf = (lang: Locale) => (lang === defaultLocale ? '' : `/${lang}`);

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(results.violations, page.url()).toEqual([]);
}

test.describe('the embed page, for a partner', () => {
  const words: Record<Locale, { first: RegExp; origin: string; copyJoin: string; copied: string }> =
    {
      en: {
        first: /send us your site’s address/,
        origin: 'origin',
        copyJoin: 'Copy Join form',
        copied: 'Copied',
      },
      es: {
        first: /envíanos la dirección de tu sitio/,
        origin: 'origen',
        copyJoin: 'Copiar Formulario para unirse',
        copied: 'Copiado',
      },
    };
  for (const lang of locales) {
    test(`says first that writes need their site added, lists every petition and event id, and copies by keyboard (${lang})`, async ({
      page,
      context,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub });
      await page.goto(`${hub}${folderOf(lang)}/embed/`);

      // Up front: the one thing the partner must ask for, before any snippet.
      const first = page.getByRole('region', { name: words[lang].first });
      await expect(first).toContainText(words[lang].origin);
      const [noticeTop, codeTop] = await Promise.all([
        first.evaluate((element) => element.getBoundingClientRect().top),
        page
          .locator('pre')
          .first()
          .evaluate((element) => element.getBoundingClientRect().top),
      ]);
      expect(noticeTop).toBeLessThan(codeTop);

      // Every open petition and upcoming event, by the id the API knows it by.
      const { petitions, events } = await builtContent();
      const code = (await page.locator('pre code').allTextContents()).join('\n');
      for (const id of petitions.keys()) expect(code).toContain(`petition="${id}"`);
      for (const id of events.keys()) expect(code).toContain(`event="${id}"`);
      expect(code).toContain(`privacy-url="${hub}${folderOf(lang)}/privacy/"`);

      // A copy button for each snippet, named for it, working from the keyboard.
      const snippets = await page.locator('copy-code').count();
      await expect(page.locator('copy-code button')).toHaveCount(snippets);
      const copyJoin = page.getByRole('button', { name: words[lang].copyJoin });
      await copyJoin.focus();
      await page.keyboard.press('Enter');
      const status = page.locator('copy-code', { has: copyJoin }).getByRole('status');
      await expect(status).toHaveText(words[lang].copied);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
        new RegExp(
          `^<rally-join-form api="[^"]+" source="your-organization" lang="(${locales.join('|')})" privacy-url="[^"]+"></rally-join-form>$`,
        ),
      );
      await expectAccessible(page);

      // The guide for developers, published on the hub.
      await page.getByRole('link', { name: 'Embedding Rally’s widgets' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Embedding Rally’s widgets');
      await expect(
        page.getByRole('heading', { level: 2, name: 'Without JavaScript' }),
      ).toBeVisible();
      await expectAccessible(page);
    });
  }

  test('ships only the copy buttons’ few lines of script', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${hub}/embed/`);
    const inline = await page
      .locator('script')
      .evaluateAll((elements) =>
        elements.map((script) => (script as HTMLScriptElement).src || script.textContent!.length),
      );
    expect(scripts).toEqual([]);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toBeLessThan(1024);
  });
});

test.describe('an event page', () => {
  const zones: Record<Locale, string> = {
    en: 'Central Standard Time',
    es: 'hora estándar central',
  };
  for (const lang of locales) {
    const zone = zones[lang];
    test(`says the event’s title, time and place once, the zone in words as the form does (${lang})`, async ({
      page,
    }) => {
      await page.goto(
        `${micrositeUrl('louisiana')}${folderOf(lang)}/events/new-orleans-home-care-meeting/`,
      );
      const title = (await page.getByRole('heading', { level: 1 }).textContent())!;
      const widget = page.locator('rally-event-rsvp');
      await expect(widget).toHaveAttribute('without-details');
      await expect(widget.getByRole('button').first()).toBeVisible();
      // Once on the page, none in the widget.
      await expect(page.getByText(title, { exact: true })).toHaveCount(1);
      await expect(widget.getByText(/Union hall|Salón del sindicato/)).toHaveCount(0);
      await expect(page.locator('.facts')).toContainText(`(${zone})`);
      await expect(page.locator('.facts')).not.toContainText('GMT');
      await expectAccessible(page);
    });
  }
});

test.describe('a member story', () => {
  const words: Record<Locale, { join: string; sign: string; nextStep: string }> = {
    en: { join: 'Join us', sign: 'Sign the petition:', nextStep: 'Your next step' },
    es: { join: 'Únete', sign: 'Firma la petición:', nextStep: 'Tu siguiente paso' },
  };
  for (const lang of locales) {
    const { join, sign } = words[lang];
    test(`ends with a call to join and the microsite’s petition or event closest to it (${lang})`, async ({
      page,
    }) => {
      const story = `${micrositeUrl('louisiana')}${folderOf(lang)}/spotlights/marisol-reyes/`;
      await page.goto(story);
      const next = page.getByRole('region', { name: words[lang].nextStep });
      await expect(next).toContainText(sign);
      await expectAccessible(page);
      // Marisol is a home care worker in Louisiana: the petition for home care wages there.
      await next.getByRole('link', { name: /home care|cuidado en casa/ }).click();
      await expect(page).toHaveURL(/\/petitions\/fair-wages-home-care\/$/);
      await page.goBack();
      await next.getByRole('link', { name: join }).click();
      await expect(page).toHaveURL(`${micrositeUrl('louisiana')}${folderOf(lang)}/join/`);
    });
  }

  test(
    'on every microsite, names a petition or an event of that microsite',
    { tag: '@once' },
    async ({ page }) => {
      for (const slug of micrositeSlugs()) {
        await page.goto(`${micrositeUrl(slug)}/spotlights/`);
        await page.locator('.cards h2 a').first().click();
        const next = page.getByRole('region', { name: 'Your next step' });
        const step = next.locator('a[href*="/petitions/"], a[href*="/events/"]');
        await expect(step, slug).toHaveCount(1);
        await step.click();
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(new URL(page.url()).origin).toBe(micrositeUrl(slug));
      }
    },
  );
});

test.describe('the privacy notice', () => {
  const words: Record<
    Locale,
    { privacy: string; heading: string; copy: string; consentLink: RegExp }
  > = {
    en: {
      privacy: 'Privacy',
      heading: 'Privacy notice',
      copy: 'A copy, a correction or deletion',
      consentLink: /How we use your information/,
    },
    es: {
      privacy: 'Privacidad',
      heading: 'Aviso de privacidad',
      copy: 'Una copia, una corrección o que lo borremos',
      consentLink: /Cómo usamos tu información/,
    },
  };
  for (const lang of locales) {
    const { privacy, heading, copy } = words[lang];
    test(`is linked from every site’s footer and beside the join form’s consent (${lang})`, async ({
      page,
    }) => {
      const prefix = folderOf(lang);
      for (const site of [hub, micrositeUrl('texas-gulf')]) {
        await page.goto(`${site}${prefix}/`);
        await page.getByRole('contentinfo').getByRole('link', { name: privacy }).click();
        await expect(page).toHaveURL(`${site}${prefix}/privacy/`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await expect(page.getByRole('heading', { level: 2, name: copy })).toBeVisible();
        await expectAccessible(page);
      }
      await page.goto(`${micrositeUrl('texas-gulf')}${prefix}/join/`);
      const widget = page.locator('rally-join-form');
      await expect(widget).toHaveAttribute('privacy-url', `${prefix}/privacy/`);
      const link = widget.getByRole('link', { name: words[lang].consentLink });
      const [notice] = await Promise.all([page.waitForEvent('popup'), link.click()]);
      await expect(notice).toHaveURL(`${micrositeUrl('texas-gulf')}${prefix}/privacy/`);
    });
  }

  test('is linked by the plain form that works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${micrositeUrl('louisiana')}/es/petitions/fair-wages-home-care/`);
    await page.getByRole('link', { name: 'Cómo usamos tu información' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aviso de privacidad');
    await context.close();
  });
});

test('once dues are on, every microsite’s menu and sitemap lead to its dues page', async ({
  page,
}) => {
  await page.goto(`${micrositeUrl('florida-gulf')}/es/`);
  await page.getByRole('navigation').getByRole('link', { name: 'Cuotas' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paga tu cuota');
  await expect(page.locator('rally-dues-checkout')).toHaveCount(1);
  await expect(page.locator('meta[name=robots]')).toHaveCount(0);
  // Read by the browser, which sends *.localhost to this computer.
  const sitemap = await page.evaluate(async () => (await fetch('/sitemap.xml')).text());
  expect(sitemap).toContain(`<loc>${micrositeUrl('florida-gulf')}/es/dues/</loc>`);
});
