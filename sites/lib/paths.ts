/** The pages each route builds: every microsite (or the hub) in every language. */
import { locales, type Locale } from './i18n.ts';
import { langParam } from './links.ts';
import { microsites, type Microsite } from './content.ts';

export interface MicrositePage {
  site: Microsite;
  lang: Locale;
}

export async function micrositePaths() {
  return (await microsites()).flatMap((site) =>
    locales.map((lang) => ({
      params: { site: site.slug, lang: langParam(lang) },
      props: { site, lang } satisfies MicrositePage,
    })),
  );
}

export function hubPaths() {
  return locales.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}
