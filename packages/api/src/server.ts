/** Starts the API on its own HTTP server: `pnpm api`. */
import { serve } from '@hono/node-server';
import { apiBasePath } from '@rally/core';
import { createApp } from './app.ts';
import { ConfigError, readServerConfig } from './config.ts';
import { openDatabase } from './database.ts';

let config;
try {
  config = readServerConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Rally API cannot start: ${error.message}`);
  process.exit(1);
}

const db = await openDatabase({ dataDir: config.dataDir });
const server = serve({ fetch: createApp({ db }).fetch, port: config.port }, (info) => {
  console.log(
    `Rally API: http://localhost:${info.port}${apiBasePath} (database: ${config.dataDir})`,
  );
});

// Finish in-flight requests, then close the database so nothing committed is left unflushed.
function shutDown() {
  server.close(async () => {
    await db.close();
    process.exit(0);
  });
}
process.once('SIGINT', shutDown);
process.once('SIGTERM', shutDown);
