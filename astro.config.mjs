// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// The microsites' Astro sources live in sites/, their MDX content in content/.
export default defineConfig({
  srcDir: './sites',
  outDir: './dist/site',
  site: process.env.RALLY_SITE_URL ?? 'http://localhost:4321',
  integrations: [mdx()],
  vite: {
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
  i18n: {
    locales: ['en', 'es'],
    defaultLocale: 'en',
  },
});
