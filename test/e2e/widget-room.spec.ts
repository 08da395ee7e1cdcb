/**
 * The room a microsite keeps for each widget before the widget's code arrives: enough that nothing
 * below it moves when it draws (layout shift costs phones the most), and not so much that a blank
 * gap is left under it. Checked on every petition and event page and on a join and a dues page,
 * in every language, at a phone's width and a desktop's.
 */
import { expect, test, type Locator } from '@playwright/test';
import { readContent } from '@rally/content';
import { defaultLocale, locales } from '@rally/core';
import { micrositeUrl } from '../../playwright.config.ts';

/** More room than this left blank under a drawn widget is a gap a reader would notice. */
const largestGapRem = 12;

const content = await readContent('content');

/** Each petition and event, on the microsite of its sector (else its region; else any). */
function pagesOf(kind: 'petitions' | 'events'): { path: string; site: string }[] {
  return [...content[kind]].map(([id, versions]) => {
    const [, data] = versions[0]!;
    return { path: `${kind}/${id}/`, site: data.sector ?? data.region ?? 'louisiana' };
  });
}

const pages = [
  ...pagesOf('petitions'),
  ...pagesOf('events'),
  { path: 'join/', site: 'louisiana' },
  { path: 'dues/', site: 'louisiana' },
];

/** The widget's reserved height and the height it takes once drawn, in rem. */
async function room(widget: Locator) {
  await expect
    .poll(() =>
      widget.evaluate(
        (element) =>
          !!element.shadowRoot?.querySelector('form, p') &&
          !element.shadowRoot.querySelector('.loading'),
      ),
    )
    .toBe(true);
  return widget.evaluate((element) => {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const top = element.getBoundingClientRect().top;
    const bottom = Math.max(
      top,
      ...[...element.shadowRoot!.children, ...element.children].map(
        (child) => child.getBoundingClientRect().bottom,
      ),
    );
    return {
      drawn: (bottom - top) / rem,
      reserved: parseFloat(getComputedStyle(element).minBlockSize) / rem,
    };
  });
}

for (const lang of locales) {
  // A language's folder: none for the default language, `es/` for Spanish.
  const folder = lang === defaultLocale ? '' : `${lang}/`;
  for (const { path, site } of pages) {
    test(`${site}: ${folder}${path} keeps just enough room for its widget`, async ({ page }) => {
      await page.goto(`${micrositeUrl(site)}/${folder}${path}`);
      const { drawn, reserved } = await room(page.locator('.widget'));
      test.info().annotations.push({
        type: 'room',
        description: `drawn ${drawn.toFixed(1)}rem, reserved ${reserved.toFixed(1)}rem`,
      });
      expect(drawn, 'the widget outgrows its room: what follows it moves').toBeLessThanOrEqual(
        reserved,
      );
      expect(reserved - drawn, 'a blank gap under the widget').toBeLessThanOrEqual(largestGapRem);
    });
  }
}
