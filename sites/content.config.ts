/**
 * The content collections the sites are built from. Each reads MDX files under content/, one folder
 * per language (`content/spotlights/es/marisol-reyes.mdx`), so an entry's id is `es/marisol-reyes`.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { eventContent, micrositeContent, petitionContent, spotlightContent } from '@rally/core';

const mdx = (folder: string) => glob({ pattern: '*/*.mdx', base: `./content/${folder}` });

const pages = defineCollection({
  loader: mdx('pages'),
  schema: z.object({
    /** The page's title, shown as its heading and in the browser tab. */
    title: z.string().min(1),
    /** One or two sentences for search results and link previews. */
    description: z.string().min(1),
  }),
});

// Petitions, events and spotlights are also read by the API, with these same schemas.
export const collections = {
  pages,
  regions: defineCollection({ loader: mdx('regions'), schema: micrositeContent }),
  sectors: defineCollection({ loader: mdx('sectors'), schema: micrositeContent }),
  petitions: defineCollection({ loader: mdx('petitions'), schema: petitionContent }),
  events: defineCollection({ loader: mdx('events'), schema: eventContent }),
  spotlights: defineCollection({ loader: mdx('spotlights'), schema: spotlightContent }),
};
