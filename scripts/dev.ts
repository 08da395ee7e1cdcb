/**
 * `pnpm dev`: previews every site while staff write content. Astro's dev server reloads a page as
 * soon as its MDX file changes; the hub is at http://localhost:4321/ and each microsite under its
 * slug (http://localhost:4321/louisiana/). The widget bundle is built once and the API runs on
 * its embedded database, so widgets on the pages work too.
 */
import { execFileSync, spawn } from 'node:child_process';
import { requireFreePorts } from './ports.ts';

const apiPort = Number(process.env.PORT ?? 8787);
const sitePort = Number(process.env.RALLY_SITES_PORT ?? 4321);
// Before building anything: `pnpm start` may be serving on these already.
await requireFreePorts([sitePort, apiPort], 'pnpm dev');
Object.assign(process.env, {
  RALLY_API_URL: `http://localhost:${apiPort}`,
  RALLY_HUB_URL: `http://localhost:${sitePort}`,
  RALLY_MICROSITE_URL: `http://localhost:${sitePort}/{site}`,
});

// In its own process: a build in this one would leave NODE_ENV=production for the dev server.
execFileSync('node_modules/.bin/vite', ['build', '--config', 'packages/widgets/vite.config.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
// The API allows the site's local origins in development without being told.
const api = spawn(process.execPath, ['packages/api/src/server.ts'], {
  env: { ...process.env, PORT: String(apiPort) },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const { dev } = await import('astro');
// Never another port: the guide's addresses would then show another server's pages, or none.
const server = await dev({ server: { port: sitePort }, vite: { server: { strictPort: true } } });

// The API first: a terminal's Ctrl-C reaches it anyway, but a stop sent to this process alone
// must not leave it running on its port.
async function stop() {
  api.kill('SIGTERM');
  await server.stop();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
