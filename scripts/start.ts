/**
 * The main job (`pnpm start`): builds the microsite, serves it, starts the API on its embedded
 * database and prints where everything is. Ctrl-C stops it all; the data stays for next time.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { build, preview } from 'astro';
import { build as buildWidgets } from 'vite';

const apiPort = Number(process.env.PORT ?? 8787);
const sitePort = 4321;

console.log('Building the widgets and the site…');
await buildWidgets({ configFile: 'packages/widgets/vite.config.ts', logLevel: 'warn' });
await build({ logLevel: 'warn' });

const api = spawn(process.execPath, ['packages/api/src/server.ts'], {
  env: { ...process.env, PORT: String(apiPort) },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const apiExited = once(api, 'exit');
const site = await preview({ logLevel: 'warn', server: { host: '127.0.0.1', port: sitePort } });

async function waitForApi(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null)
      throw new Error('The API stopped while starting; see its message above.');
    try {
      if ((await fetch(`http://127.0.0.1:${apiPort}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The API did not answer on port ${apiPort} within 30 seconds.`);
}

let stopping = false;

async function stop(code = 0): Promise<never> {
  stopping = true;
  await site.stop();
  if (api.exitCode === null) {
    api.kill('SIGTERM');
    await apiExited;
  }
  process.exit(code);
}

try {
  await waitForApi();
} catch (error) {
  console.error((error as Error).message);
  await stop(1);
}

console.log(`
Rally is running:
  Site      http://localhost:${sitePort}/
  API       http://localhost:${apiPort}/api/v1
  Health    http://localhost:${apiPort}/healthz
Press Ctrl-C to stop.`);

process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
void apiExited.then(() => {
  if (stopping) return;
  console.error('The API stopped; stopping the site too.');
  void stop(1);
});
