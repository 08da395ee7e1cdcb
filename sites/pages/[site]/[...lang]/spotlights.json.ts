/**
 * A microsite's member stories as JSON for the carousel, in the shape of the API's spotlight
 * collection, with absolute addresses of resized photos: a carousel on any page can read it.
 */
import type { APIContext } from 'astro';
import type { SpotlightResource } from '@rally/core';
import { inLanguage, photoOf, spotlightsOf } from '../../../lib/content.ts';
import { photoWidths, sizedPhoto } from '../../../lib/images.ts';
import { localPath } from '../../../lib/links.ts';
import { micrositePaths, type MicrositePage } from '../../../lib/paths.ts';

export const getStaticPaths = micrositePaths;

export async function GET({ props }: APIContext) {
  const { site, lang } = props as MicrositePage;
  const spotlights: (SpotlightResource & { url: string })[] = [];
  for (const { id, versions } of await spotlightsOf(site)) {
    const { entry, lang: written } = inLanguage(versions, lang);
    // One of the widths the pages use, so a visitor's browser may have it already.
    const photo = await sizedPhoto(photoOf(entry), { width: photoWidths[2]!, format: 'webp' });
    spotlights.push({
      identifiers: [`rally:${id}`],
      name: entry.data.name,
      kind: entry.data.kind,
      region: entry.data.region,
      sector: entry.data.sector,
      photo: { src: new URL(photo.src, site.url).href, alt: entry.data.photo.alt },
      quote: entry.data.quote,
      lang: written,
      date: entry.data.date.toISOString().slice(0, 10),
      url: new URL(localPath(lang, `spotlights/${id}/`), site.url).href,
    });
  }
  const self = new URL(localPath(lang, 'spotlights.json'), site.url).href;
  return Response.json({
    total_records: spotlights.length,
    _links: { self: { href: self } },
    _embedded: { 'rally:spotlights': spotlights },
  });
}
