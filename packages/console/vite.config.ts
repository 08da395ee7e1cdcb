/**
 * Builds the staff console into dist/console: index.html and its hashed assets under /console/,
 * where the API serves them (packages/api/src/console/serve-console.ts). Nothing inline: the
 * console's Content-Security-Policy allows scripts and styles from its own origin only. Also sw.js,
 * the service worker that keeps those files for the door with no signal (service-worker.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { serviceWorkerSource } from './service-worker.ts';

const publicDir = fileURLToPath(new URL('public', import.meta.url));

/**
 * Writes sw.js beside index.html: the service worker with the list of every file this build made
 * (source maps left out) and the public ones (manifest, icons), under a version that changes when
 * any of them does.
 */
function serviceWorker(): Plugin {
  return {
    name: 'rally-console-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle).filter((name) => !name.endsWith('.map'));
      const kept = readdirSync(publicDir);
      const hash = createHash('sha256');
      for (const name of [...built].sort()) hash.update(name);
      for (const name of [...kept].sort())
        hash.update(name).update(readFileSync(`${publicDir}/${name}`));
      const files = [...built, ...kept]
        .filter((name) => name !== 'index.html')
        .map((name) => `/console/${name}`);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: serviceWorkerSource(files, hash.digest('hex').slice(0, 12)),
      });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  publicDir,
  plugins: [serviceWorker()],
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
