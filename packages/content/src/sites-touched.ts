/**
 * Which sites a change to a piece of content shows on, so that a rebuild after a publication makes
 * only those: a story, a petition or an event is on its region's and its sector's microsites and on
 * the hub (before the change and after it, when it moved), or on every site when it names neither;
 * a region or a sector changes every site, whose pages all link the others; of the organization's
 * own pages, the home page is the hub's alone, and each of the others is on every site.
 */
import type { Collection } from './files.ts';
import type { Piece } from './write.ts';

/** The slugs of the sites the change shows on (`hub` for the hub); undefined: every site. */
export function sitesTouched(
  collection: Collection,
  id: string,
  ...pieces: (Piece | undefined)[]
): string[] | undefined {
  if (collection === 'regions' || collection === 'sectors') return undefined;
  if (collection === 'pages') return id === 'home' ? ['hub'] : undefined;
  const sites = new Set<string>(['hub']);
  for (const piece of pieces) {
    for (const version of Object.values(piece ?? {})) {
      const { region, sector } = version.data as { region?: unknown; sector?: unknown };
      // A piece that names neither belongs on every microsite.
      if (typeof region !== 'string' && typeof sector !== 'string') return undefined;
      if (typeof region === 'string') sites.add(region);
      if (typeof sector === 'string') sites.add(sector);
    }
  }
  return [...sites].sort();
}
