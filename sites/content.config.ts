/** The content collections the microsites are built from; each reads MDX files under content/. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { locales } from '@rally/core';

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

export const collections = { pages };
