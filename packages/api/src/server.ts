/** Starts the API on its own HTTP server: `pnpm api`. */
import { serve } from '@hono/node-server';
import { ContentError, readContent } from '@rally/content';
import { apiBasePath } from '@rally/core';
import { createApp } from './app.ts';
import { ConfigError, readServerConfig, siteOrigins, type ServerConfig } from './config.ts';
import { syncContent } from './content-sync.ts';
import { openDatabase } from './database.ts';
import { duesUnavailableReason } from './dues/stripe-client.ts';
import { databaseRateLimiter, memoryRateLimiter, redisRateLimiter } from './http/rate-limits.ts';
import { linkSecret } from './link-secret.ts';
import { schedulePurges } from './maintenance.ts';
import { migrate } from './migrate.ts';
import { installEnvironmentToken } from './staff/require-staff.ts';

let config: ServerConfig;
let content;
try {
  config = readServerConfig(process.env);
  content = await readContent(config.contentDir);
  for (const origin of siteOrigins(config.settings, content.microsites))
    config.settings.allowedOrigins.add(origin);
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof ContentError)) throw error;
  console.error(`Rally API cannot start: ${error.message}`);
  process.exit(1);
}

const db = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.dataDir,
  durability: config.durability,
}).catch((error: Error) => {
  const where = config.databaseUrl ? 'on the PostgreSQL server' : `in ${config.dataDir}`;
  console.error(`Rally API cannot open its database ${where}: ${error.message}`);
  process.exit(1);
});
const applied = await migrate(db);
if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
await syncContent(db, content);
await installEnvironmentToken(db, config.adminToken);
const stopPurges = schedulePurges(db);
if (!config.adminToken) {
  console.warn('RALLY_ADMIN_TOKEN is not set: the staff endpoints will refuse every request.');
}

// One embedded API is always alone, so memory suffices; instances sharing a server share counts.
const rateLimiter = config.redisUrl
  ? await redisRateLimiter(config.redisUrl)
  : config.databaseUrl
    ? databaseRateLimiter(db)
    : memoryRateLimiter();

const app = createApp({
  db,
  rateLimiter,
  settings: config.settings,
  linkSecret: await linkSecret(db),
  trustProxy: config.trustProxy,
  stripe: config.stripe,
});
const duesOff = duesUnavailableReason(config.stripe, config.settings.dues);
if (duesOff) console.warn(`Dues are off (${duesOff}); every other widget works.`);
const where = config.databaseUrl ? 'PostgreSQL server' : `embedded, in ${config.dataDir}`;
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Rally API: http://localhost:${info.port}${apiBasePath} (database: ${where})`);
});

// Finish in-flight requests, then close the database so nothing committed is left unflushed.
// Once only: Ctrl-C in a terminal signals both `pnpm start` and this API, which `pnpm start` then
// stops too, and a second close of the database would fail.
let stopping = false;
function shutDown() {
  if (stopping) return;
  stopping = true;
  server.close(async () => {
    await stopPurges();
    await rateLimiter.close();
    await db.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutDown);
process.on('SIGTERM', shutDown);
