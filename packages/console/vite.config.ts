/**
 * Builds the staff console into dist/console: index.html and its hashed assets under /console/,
 * where the API serves them (packages/api/src/console/serve-console.ts). Nothing inline: the
 * console's Content-Security-Policy allows scripts and styles from its own origin only.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  // Lit reads NODE_ENV to leave out its development warnings.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Vite's preload helper would otherwise be an inline script the policy refuses.
    modulePreload: { polyfill: false },
    // Even small assets stay files: a data: URL stylesheet is not 'self'.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
