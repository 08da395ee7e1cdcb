/**
 * The composition root: the one place the API is put together. `composeApi` opens the database,
 * brings its schema up to date, copies the content and the staff token into it, chooses where
 * rate-limit counts are kept, schedules the housekeeping and builds the Hono app (app.ts) on top.
 * The server (server.ts, `pnpm api`), the unit tests (`openTestApi` in testing.ts) and the widgets'
 * browser tests (test/browser/api-server.ts) all call it, each with options of its own.
 */
import type { Content } from '@rally/content';
import { createApp, type AppOptions } from './app.ts';
import { allowSiteOrigins, type RallySettings } from './config.ts';
import { syncContent } from './content-sync.ts';
import { SiteBuilds } from './publishing/site-builds.ts';
import type { Database } from './database.ts';
import type { StripeSettings } from './dues/stripe-client.ts';
import {
  databaseRateLimiter,
  memoryRateLimiter,
  redisRateLimiter,
  type RateLimiter,
} from './http/rate-limits.ts';
import { linkSecret } from './link-secret.ts';
import { schedulePurges } from './maintenance.ts';
import { migrate } from './migrate.ts';
import { schedulePublications } from './publishing/scheduled.ts';
import { installEnvironmentToken } from './staff/require-staff.ts';

export { createApp, type AppOptions } from './app.ts';
export { settingsFrom, type RallySettings } from './config.ts';
// `pnpm staff invite` (scripts/staff.ts): the first invitation of a fresh install.
export { inviteFromCommandLine, InviteError } from './staff/invite-command.ts';
export type { StripeSettings } from './dues/stripe-client.ts';
// What the staff dashboard and the person search are made of, and the database they read: the
// reports benchmark (test/bench/reports.ts) times them one by one.
export { openDatabase, type Database } from './database.ts';
export { searchPeople } from './people/search.ts';
export { figures, type DashboardScope, type Figure } from './reports/dashboard.ts';

export interface ApiOptions {
  /** Opens the database: the server's, as its settings say; a test's, a fresh copy. */
  database: () => Promise<Database>;
  /** Bring the schema up to date first (the default); a test's database comes migrated. */
  migrate?: boolean;
  /** The organization's settings, every allowed origin worked out. */
  settings: RallySettings;
  /** What staff wrote in content/ (or a test's stand-in), written into the database. */
  content: Content;
  /** The folder that content was read from, which staff then publish into from the console. */
  contentDir?: string;
  /**
   * The command that builds the sites again after a publication (`RALLY_SITES_BUILD_COMMAND`,
   * which `pnpm start` sets): given, the API runs it for the sites each change shows on.
   */
  sitesBuildCommand?: string | undefined;
  /** The staff token (`RALLY_ADMIN_TOKEN`); without one, the staff endpoints refuse every request. */
  adminToken: string | undefined;
  /**
   * Where rate-limit counts are kept: Redis, where every instance sees them; the database; or
   * memory. By default the database when it is a PostgreSQL server, which other instances may
   * share, and memory when it is embedded: an embedded database belongs to one process, so its
   * API is always alone.
   */
  rateLimits?: { redisUrl: string } | 'database' | 'memory' | undefined;
  /** Signs links sent to people; by default the secret every instance shares through the database. */
  linkSecret?: string;
  /** Believe X-Forwarded-For for the client IP (behind a load balancer). */
  trustProxy?: boolean;
  /** Stripe's keys; dues stay off without them, and everything else works. */
  stripe?: StripeSettings;
  /**
   * Purge expired idempotency keys and rate-limit counts now and every hour, and publish the
   * scheduled drafts that are due every minute where there is a content folder (the default).
   */
  housekeeping?: boolean;
}

export interface Api {
  app: ReturnType<typeof createApp>;
  db: Database;
  /** What the app was made with: another app on the same database and counts starts from these. */
  appOptions: AppOptions;
  /** The migrations applied on the way up. */
  migrations: string[];
  /** Stops the housekeeping, shares the last rate-limit counts, then closes the database. */
  close(): Promise<void>;
}

export async function composeApi(options: ApiOptions): Promise<Api> {
  // Every site of the content may write, before anything opens: a ConfigError (an address the
  // pattern cannot make) is the server's to say.
  allowSiteOrigins(options.settings, options.content.microsites);
  const db = await options.database();
  let rateLimiter: RateLimiter | undefined;
  let stopPurges: (() => Promise<void>) | undefined;
  let stopPublications: (() => Promise<void>) | undefined;
  const close = async () => {
    await stopPurges?.();
    await stopPublications?.();
    await rateLimiter?.close();
    await db.close();
  };
  try {
    const migrations = options.migrate === false ? [] : await migrate(db);
    await syncContent(db, options.content);
    await installEnvironmentToken(db, options.adminToken);
    if (options.housekeeping !== false) stopPurges = schedulePurges(db);
    const siteBuilds = options.sitesBuildCommand
      ? new SiteBuilds(options.sitesBuildCommand)
      : undefined;
    if (options.housekeeping !== false && options.contentDir !== undefined)
      stopPublications = schedulePublications(db, options.contentDir, siteBuilds, options.settings);
    rateLimiter = await openRateLimiter(db, options.rateLimits);
    const appOptions: AppOptions = {
      db,
      settings: options.settings,
      linkSecret: options.linkSecret ?? (await linkSecret(db)),
      rateLimiter,
      trustProxy: options.trustProxy ?? false,
      stripe: options.stripe ?? {},
      contentDir: options.contentDir,
      siteBuilds,
    };
    return { app: createApp(appOptions), db, appOptions, migrations, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function openRateLimiter(
  db: Database,
  store: ApiOptions['rateLimits'],
): RateLimiter | Promise<RateLimiter> {
  store ??= db.kind === 'postgres' ? 'database' : 'memory';
  if (store === 'database') return databaseRateLimiter(db);
  if (store === 'memory') return memoryRateLimiter();
  return redisRateLimiter(store.redisUrl);
}
