/**
 * Starts the API on its own HTTP server: `pnpm api`. It reads the settings and the content, and
 * leaves putting the API together to compose.ts.
 */
import { serve } from '@hono/node-server';
import { ContentError, readContent } from '@rally/content';
import { apiBasePath } from '@rally/core';
import { composeApi } from './compose.ts';
import { ConfigError, readServerConfig, type ServerConfig } from './config.ts';
import { openDatabase } from './database.ts';
import { duesUnavailableReason } from './dues/stripe-client.ts';

let config: ServerConfig;
let content;
try {
  config = readServerConfig(process.env);
  content = await readContent(config.contentDir);
} catch (error) {
  cannotStart(error);
}

/** Stops, saying why, at a setting or a content file that cannot be used; else throws. */
function cannotStart(error: unknown): never {
  if (!(error instanceof ConfigError || error instanceof ContentError)) throw error;
  console.error(`Rally API cannot start: ${error.message}`);
  process.exit(1);
}

const api = await composeApi({
  database: () =>
    openDatabase({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      durability: config.durability,
    }).catch((error: Error) => {
      const where = config.databaseUrl ? 'on the PostgreSQL server' : `in ${config.dataDir}`;
      console.error(`Rally API cannot open its database ${where}: ${error.message}`);
      process.exit(1);
    }),
  settings: config.settings,
  content,
  // The one instance that publishes has the folder to publish into; the others have none.
  contentDir: config.publishing ? config.contentDir : undefined,
  sitesBuildCommand: config.sitesBuildCommand,
  adminToken: config.adminToken,
  // Redis when set; without it, the database when it is a server, memory when it is embedded.
  rateLimits: config.redisUrl ? { redisUrl: config.redisUrl } : undefined,
  trustProxy: config.trustProxy,
  stripe: config.stripe,
}).catch(cannotStart);
if (api.migrations.length > 0) console.log(`Applied migrations: ${api.migrations.join(', ')}`);
if (!config.adminToken) {
  const admins = await api.db.query(
    `select 1 from staff_accounts where role = 'admin' and disabled_at is null limit 1`,
  );
  if (admins.length === 0) {
    console.warn(
      'No staff admin yet, and RALLY_ADMIN_TOKEN is not set: invite the first admin with `pnpm staff invite <email> --role admin` while the API is stopped.',
    );
  }
}
const duesOff = duesUnavailableReason(config.stripe, config.settings.dues);
if (duesOff) console.warn(`Dues are off (${duesOff}); every other widget works.`);
const where = config.databaseUrl ? 'PostgreSQL server' : `embedded, in ${config.dataDir}`;
const server = serve({ fetch: api.app.fetch, port: config.port }, (info) => {
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
    await api.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutDown);
process.on('SIGTERM', shutDown);
