/**
 * The content collections the sites are built from. Each reads MDX files under content/ (or the
 * folder lib/content-dir.ts names), one folder per language (`content/spotlights/es/marisol-reyes.mdx`),
 * so an entry's id is `es/marisol-reyes`.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  eventContent,
  micrositeContent,
  pageContent,
  petitionContent,
  spotlightContent,
} from '@rally/core';
import { contentDir } from './lib/content-dir.ts';

const mdx = (folder: string) => glob({ pattern: '*/*.mdx', base: `${contentDir}/${folder}` });

// Petitions, events and spotlights are also read by the API, with these same schemas.
export const collections = {
  pages: defineCollection({ loader: mdx('pages'), schema: pageContent }),
  regions: defineCollection({ loader: mdx('regions'), schema: micrositeContent }),
  sectors: defineCollection({ loader: mdx('sectors'), schema: micrositeContent }),
  petitions: defineCollection({ loader: mdx('petitions'), schema: petitionContent }),
  events: defineCollection({ loader: mdx('events'), schema: eventContent }),
  spotlights: defineCollection({ loader: mdx('spotlights'), schema: spotlightContent }),
};
