/** The content collections the microsites are built from; each reads MDX files under content/. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { eventContent, locales, petitionContent, spotlightContent } from '@rally/core';

const pages = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/pages' }),
  schema: z.object({
    /** The page's title, shown as its heading and in the browser tab. */
    title: z.string().min(1),
    /** One or two sentences for search results and link previews. */
    description: z.string().min(1),
    /** The language the page is written in. */
    lang: z.enum(locales),
  }),
});

// Petitions, events and spotlights are also read by the API, with these same schemas.
const petitions = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/petitions' }),
  schema: petitionContent,
});
const events = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/events' }),
  schema: eventContent,
});
const spotlights = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/spotlights' }),
  schema: spotlightContent,
});

export const collections = { pages, petitions, events, spotlights };
