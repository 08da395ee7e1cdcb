/**
 * The API's settings: the environment for what differs per machine, `rally.config.json` for what
 * the organization decides. Start-up stops at the first invalid setting, naming it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { micrositeAddress, rallyConfig, type RallyConfig } from '@rally/core';
import type { StripeSettings } from './dues/stripe-client.ts';

export interface ServerConfig {
  /** TCP port the API listens on (`PORT`). */
  port: number;
  /** PostgreSQL server URL (`DATABASE_URL`); the embedded database when absent. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database (`RALLY_DATA_DIR`). */
  dataDir: string;
  /** When an embedded commit counts as done (`RALLY_EMBEDDED_DURABILITY`: `fsync` or `os`). */
  durability: 'fsync' | 'os';
  /** Staff token from `RALLY_ADMIN_TOKEN`; stored hashed, never kept in plain text. */
  adminToken: string | undefined;
  /** Folder of the staff-written MDX (`RALLY_CONTENT_DIR`). */
  contentDir: string;
  /**
   * What builds the sites again after staff publish (`RALLY_SITES_BUILD_COMMAND`, set by `pnpm
   * start`): a program and its first arguments, to which the sites and pieces are added.
   */
  sitesBuildCommand: string | undefined;
  /**
   * Whether this instance publishes into its content folder (`RALLY_PUBLISHING`, on unless `off`):
   * one instance does — the console's publications and the scheduled ones are written there — and
   * every other is started with it off, answering publishing routes with 503.
   */
  publishing: boolean;
  /** Redis for rate-limit counts shared by several instances (`REDIS_URL`). */
  redisUrl: string | undefined;
  /** Whether to believe X-Forwarded-For (`RALLY_TRUST_PROXY=1`, behind a load balancer). */
  trustProxy: boolean;
  /** Stripe's keys, from `STRIPE_SECRET_KEY`, `STRIPE_PUBLISHABLE_KEY`, `STRIPE_WEBHOOK_SECRET`, `STRIPE_API_BASE`. */
  stripe: StripeSettings;
  /** The organization's settings. */
  settings: RallySettings;
}

/** The organization's settings with every allowed origin worked out. */
export interface RallySettings extends RallyConfig {
  /** Origins whose pages may write to the API: sites, partners, `RALLY_ALLOWED_ORIGINS`, dev. */
  allowedOrigins: Set<string>;
  /** Partner source code by origin, to credit what a partner's page brings in. */
  partnerSources: Map<string, string>;
  /** Every microsite on `sites.microsite_url`, its own domain or not (`RALLY_MICROSITE_URL`). */
  micrositesOnPattern: boolean;
}

/** A setting that cannot be used; the message names the setting and says what to do. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Where the microsite runs under `pnpm dev` and `pnpm start`. */
const developmentOrigins = ['http://localhost:4321', 'http://127.0.0.1:4321'];

export function readServerConfig(
  env: Record<string, string | undefined>,
  configFile = resolve(env.RALLY_CONFIG ?? 'rally.config.json'),
): ServerConfig {
  return {
    port: readPort(env.PORT),
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    dataDir: env.RALLY_DATA_DIR?.trim() || '.data',
    durability: readDurability(env.RALLY_EMBEDDED_DURABILITY),
    adminToken: readAdminToken(env.RALLY_ADMIN_TOKEN),
    contentDir: env.RALLY_CONTENT_DIR?.trim() || 'content',
    sitesBuildCommand: env.RALLY_SITES_BUILD_COMMAND?.trim() || undefined,
    publishing: readPublishing(env.RALLY_PUBLISHING),
    trustProxy: env.RALLY_TRUST_PROXY === '1',
    redisUrl: readRedisUrl(env.REDIS_URL),
    stripe: readStripeSettings(env),
    settings: settingsFrom(readConfigFile(configFile), {
      extraOrigins: env.RALLY_ALLOWED_ORIGINS,
      production: env.NODE_ENV === 'production',
      // The addresses the sites are built for, where this API builds them (`pnpm start`): read
      // only then, so that one left in a production environment cannot move the allowed origins.
      ...(env.RALLY_SITES_BUILD_COMMAND?.trim()
        ? {
            hubUrl: env.RALLY_HUB_URL?.trim() || undefined,
            micrositeUrl: env.RALLY_MICROSITE_URL?.trim() || undefined,
          }
        : {}),
    }),
  };
}

/** An http or https address: any other scheme's origin is "null", which sandboxed frames send. */
function isWebAddress(value: string): boolean {
  return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}

function readPublishing(value: string | undefined): boolean {
  const setting = value?.trim().toLowerCase() ?? '';
  if (setting === '' || setting === 'on') return true;
  if (setting === 'off') return false;
  throw new ConfigError(`RALLY_PUBLISHING must be on or off; it is "${value}".`);
}

function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`${path} is missing: copy the example in docs/configuration.md.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The settings of rally.config.json, with the origins worked out. `hubUrl` and `micrositeUrl` are
 * where the sites are when they are built for somewhere else than the file says (`pnpm start`
 * builds them for this computer, `RALLY_HUB_URL` and `RALLY_MICROSITE_URL`): as in the sites'
 * build, every microsite is then on the pattern, its own domain or not.
 */
export function settingsFrom(
  file: unknown,
  {
    extraOrigins,
    production = false,
    hubUrl,
    micrositeUrl,
  }: {
    extraOrigins?: string | undefined;
    production?: boolean;
    hubUrl?: string | undefined;
    micrositeUrl?: string | undefined;
  },
): RallySettings {
  const parsed = rallyConfig.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(
      `rally.config.json: ${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
  }
  const config = parsed.data;
  if (hubUrl !== undefined) {
    if (!isWebAddress(hubUrl))
      throw new ConfigError(
        `RALLY_HUB_URL: "${hubUrl}" is not an address; write one like https://example.org.`,
      );
    config.sites.hub_url = hubUrl;
  }
  if (micrositeUrl !== undefined) {
    if (!micrositeUrl.includes('{site}') || !isWebAddress(micrositeUrl.replace('{site}', 'x')))
      throw new ConfigError(
        `RALLY_MICROSITE_URL: "${micrositeUrl}" is not an address with {site} where the slug goes; write one like https://{site}.example.org.`,
      );
    config.sites.microsite_url = micrositeUrl;
  }
  const extra = (extraOrigins ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of extra) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new ConfigError(
        `RALLY_ALLOWED_ORIGINS: "${origin}" is not an origin; write scheme, host and port, like https://example.org.`,
      );
    }
  }
  const partnerSources = new Map(
    config.partners.flatMap((partner) => partner.origins.map((o) => [o, partner.source] as const)),
  );
  return {
    ...config,
    micrositesOnPattern: micrositeUrl !== undefined,
    allowedOrigins: new Set([
      ...config.site_origins,
      ...partnerSources.keys(),
      ...extra,
      ...(production ? [] : developmentOrigins),
    ]),
    partnerSources,
  };
}

function readPort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535; it is "${value}".`);
  }
  return port;
}

function readDurability(value: string | undefined): 'fsync' | 'os' {
  if (value === undefined || value === '' || value === 'fsync') return 'fsync';
  if (value === 'os') return 'os';
  throw new ConfigError(`RALLY_EMBEDDED_DURABILITY must be fsync or os; it is "${value}".`);
}

function readDatabaseUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  if (!/^postgres(ql)?:\/\//.test(value) || !URL.canParse(value)) {
    throw new ConfigError(
      'DATABASE_URL must be a postgres:// URL, like postgres://user@host:5432/rally.',
    );
  }
  return value;
}

function readRedisUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  if (!/^rediss?:\/\//.test(value) || !URL.canParse(value)) {
    throw new ConfigError('REDIS_URL must be a redis:// URL, like redis://127.0.0.1:6379.');
  }
  return value;
}

function readStripeSettings(env: Record<string, string | undefined>): StripeSettings {
  const value = (name: string) => env[name]?.trim() || undefined;
  const stripe = {
    secretKey: value('STRIPE_SECRET_KEY'),
    publishableKey: value('STRIPE_PUBLISHABLE_KEY'),
    webhookSecret: value('STRIPE_WEBHOOK_SECRET'),
    apiBase: value('STRIPE_API_BASE'),
  };
  const expect = (name: string, key: string | undefined, prefixes: string[]) => {
    if (key && !prefixes.some((prefix) => key.startsWith(prefix)))
      throw new ConfigError(
        `${name} should start with ${prefixes.join(' or ')}; copy it from the Stripe dashboard.`,
      );
  };
  expect('STRIPE_SECRET_KEY', stripe.secretKey, ['sk_', 'rk_']);
  expect('STRIPE_PUBLISHABLE_KEY', stripe.publishableKey, ['pk_']);
  expect('STRIPE_WEBHOOK_SECRET', stripe.webhookSecret, ['whsec_']);
  if (stripe.apiBase && !/^https?:\/\//.test(stripe.apiBase))
    throw new ConfigError(
      `STRIPE_API_BASE must be an http(s) URL, like http://127.0.0.1:12111; it is "${stripe.apiBase}".`,
    );
  return stripe;
}

function readAdminToken(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 24) {
    throw new ConfigError(
      'RALLY_ADMIN_TOKEN must be at least 24 characters; generate a random one.',
    );
  }
  return value;
}

/**
 * Allows the widgets on every site of the content to write: at start, and again after a region or
 * a sector is published, whose new microsite's widgets would otherwise be refused until a restart.
 */
export function allowSiteOrigins(
  settings: RallySettings,
  microsites: Parameters<typeof siteOrigins>[1],
): void {
  for (const origin of siteOrigins(settings, microsites)) settings.allowedOrigins.add(origin);
}

/**
 * The origins of the hub and of every region's and sector's microsite, from the configured
 * addresses and the content: adding a region file is all it takes for its widgets to be allowed.
 */
export function siteOrigins(
  settings: RallySettings,
  microsites: Iterable<[slug: string, versions: [unknown, { url?: string | undefined }][]]>,
): string[] {
  const origins = [new URL(settings.sites.hub_url).origin];
  for (const [slug, versions] of microsites) {
    try {
      origins.push(
        micrositeAddress(
          settings.sites.microsite_url,
          slug,
          settings.micrositesOnPattern ? undefined : versions[0]?.[1].url,
        ).origin,
      );
    } catch {
      throw new ConfigError(
        `rally.config.json: sites.microsite_url: with "${slug}" in place of {site} it is not an address; write one like https://{site}.example.org.`,
      );
    }
  }
  return origins;
}
