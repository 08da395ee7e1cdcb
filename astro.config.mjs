// @ts-check
import mdx from '@astrojs/mdx';
import { defaultLocale, languagesDefine, locales } from '@rally/core/languages';
import { defineConfig } from 'astro/config';
import { microsites } from './sites/integrations/microsites.ts';
import { contentCacheDir } from './sites/lib/content-dir.ts';

// The sites' Astro sources live in sites/, their MDX content in content/. Astro builds every
// site at once into dist/.site-build/; the microsites integration splits it into dist/sites/<site>/.
export default defineConfig({
  srcDir: './sites',
  outDir: './dist/.site-build',
  integrations: [mdx(), microsites()],
  // Astro's own (node_modules/.astro), unless the content comes from another folder.
  ...(contentCacheDir && { cacheDir: contentCacheDir }),
  // Each page links to its own folder (/join/), which the sitemap and the crawl test rely on.
  trailingSlash: 'always',
  // Pages are rendered four at a time: while one waits (on a file written, an image measured),
  // another renders. Measured on 1,000 stories: 7–14% off the whole build.
  build: { concurrency: 4 },
  vite: {
    // The widgets' strings the no-JavaScript forms use read the languages as the widgets' build
    // writes them in.
    define: languagesDefine,
    build: {
      rollupOptions: {
        // MDX modules carry Astro's "use astro:head-inject" marker, which the bundler
        // reports as a dropped directive on every build; Astro handles it, so say nothing.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:'))
            return;
          warn(warning);
        },
      },
    },
  },
  // The languages from rally.config.json: the default at the root (/join/), each other under its
  // code (/es/join/).
  i18n: {
    locales: [...locales],
    defaultLocale,
    routing: { prefixDefaultLocale: false },
  },
});
