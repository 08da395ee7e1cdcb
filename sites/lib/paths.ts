/**
 * The pages each route builds: every microsite (or the hub) in every language — of the sites this
 * build makes (build-scope.ts).
 */
import { builds } from './build-scope.ts';
import { locales, type Locale } from './i18n.ts';
import { langParam } from './links.ts';
import { microsites, type Microsite } from './content.ts';
import { storyPage } from './story-pages.ts';

export interface MicrositePage {
  site: Microsite;
  lang: Locale;
}

export async function micrositePaths() {
  return (await microsites())
    .filter((site) => builds(site.slug))
    .flatMap((site) =>
      locales.map((lang) => ({
        params: { site: site.slug, lang: langParam(lang) },
        props: { site, lang } satisfies MicrositePage,
      })),
    );
}

/**
 * A page per item of each microsite, in every language: a story, a petition, an event.
 * `itemsOf` says which items a microsite has; each page gets its item as `item`.
 */
export async function micrositeItemPaths<Item extends { id: string }>(
  itemsOf: (site: Microsite) => Promise<Item[]>,
) {
  const pages = [];
  for (const { params, props } of await micrositePaths()) {
    for (const item of await itemsOf(props.site)) {
      pages.push({ params: { ...params, id: item.id }, props: { ...props, item } });
    }
  }
  return pages;
}

/** The second and further pages of each microsite's story index, in every language. */
export async function storyPagePaths() {
  const pages = [];
  for (const { params, props } of await micrositePaths()) {
    const { pages: count } = await storyPage(props.site, 1);
    for (let page = 2; page <= count; page++) {
      pages.push({ params: { ...params, page: String(page) }, props: { ...props, page } });
    }
  }
  return pages;
}

export function hubPaths() {
  if (!builds('hub')) return [];
  return locales.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}
