/**
 * A microsite's story index, newest first, cut into pages so that a phone on a slow network never
 * downloads hundreds of cards at once: `spotlights/`, then `spotlights/page/2/` and on.
 */
import { spotlightsOf, type Microsite } from './content.ts';
import { spotlightsPerPage } from './settings.ts';

/** The path of a page of the story index, after the language. */
export function storyPagePath(page: number): string {
  return page === 1 ? 'spotlights/' : `spotlights/page/${page}/`;
}

/** The stories on one page of a microsite's index, and how many pages there are. */
export async function storyPage(site: Microsite, page: number) {
  const all = await spotlightsOf(site);
  return {
    spotlights: all.slice((page - 1) * spotlightsPerPage, page * spotlightsPerPage),
    pages: Math.max(1, Math.ceil(all.length / spotlightsPerPage)),
  };
}
