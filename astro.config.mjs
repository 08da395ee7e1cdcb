// @ts-check
import { access, cp } from 'node:fs/promises';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

const widgetBundle = new URL('./dist/widgets/', import.meta.url);

/** Every microsite serves the embeddable widget bundle at /widgets/rally.js. */
function serveWidgets() {
  return {
    name: 'rally:widgets',
    hooks: {
      /** @param {{ dir: URL }} options */
      'astro:build:done': async ({ dir }) => {
        try {
          await access(new URL('rally.js', widgetBundle));
        } catch {
          throw new Error(
            'dist/widgets/rally.js is missing: build with `pnpm build`, which builds the widgets first.',
          );
        }
        await cp(widgetBundle, new URL('widgets/', dir), { recursive: true });
      },
    },
  };
}

// The microsites' Astro sources live in sites/, their MDX content in content/.
export default defineConfig({
  srcDir: './sites',
  outDir: './dist/site',
  site: process.env.RALLY_SITE_URL ?? 'http://localhost:4321',
  integrations: [mdx(), serveWidgets()],
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
