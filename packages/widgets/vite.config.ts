/**
 * Builds the embeddable bundle: `dist/widgets/rally.js` (the loader) and one module per element,
 * sharing Lit through common chunks, for partners to load with one script tag.
 */
import { fileURLToPath } from 'node:url';
import { languagesDefine } from '@rally/core/languages';
import { defineConfig } from 'vite';
import { parallelElementImports } from './build/parallel-element-imports.ts';

const source = (path: string) => fileURLToPath(new URL(`src/${path}`, import.meta.url));

export default defineConfig({
  plugins: [parallelElementImports('rally.js')],
  // Library builds leave `process.env.NODE_ENV` to the consumer; partner pages have no `process`.
  // The languages from rally.config.json are written in, for the same reason.
  define: { 'process.env.NODE_ENV': JSON.stringify('production'), ...languagesDefine },
  build: {
    outDir: fileURLToPath(new URL('../../dist/widgets', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Library builds keep code readable by default; these bytes are paid by every partner page.
    minify: true,
    rolldownOptions: {
      output: { chunkFileNames: 'shared-[hash].js', minify: true },
    },
    lib: {
      entry: {
        rally: source('loader.ts'),
        'join-form': source('join-form/join-form.ts'),
        petition: source('petition/petition.ts'),
        'event-rsvp': source('event-rsvp/event-rsvp.ts'),
        'spotlight-carousel': source('spotlight-carousel/spotlight-carousel.ts'),
        'dues-checkout': source('dues-checkout/dues-checkout.ts'),
      },
      formats: ['es'],
    },
  },
});
