/** RSS feed of a microsite's member stories, in one language. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { inLanguage, spotlightsOf } from '../../../lib/content.ts';
import { ui } from '../../../lib/i18n.ts';
import { localPath } from '../../../lib/links.ts';
import { micrositePaths, type MicrositePage } from '../../../lib/paths.ts';

export const getStaticPaths = micrositePaths;

export async function GET({ props }: APIContext) {
  const { site, lang } = props as MicrositePage;
  const name = inLanguage(site.versions, lang).entry.data.name;
  return rss({
    title: ui[lang].spotlightsTitle(name),
    description: ui[lang].spotlightsIntro,
    site: site.url,
    customData: `<language>${lang}</language>`,
    items: (await spotlightsOf(site)).map(({ id, versions }) => {
      const { entry } = inLanguage(versions, lang);
      return {
        title: entry.data.name,
        description: entry.data.quote,
        pubDate: entry.data.date,
        link: new URL(localPath(lang, `spotlights/${id}/`), site.url).href,
      };
    }),
  });
}
