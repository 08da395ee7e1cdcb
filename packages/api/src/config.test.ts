import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locales } from '@rally/core';
import { describe, expect, it } from 'vitest';
import { ConfigError, readServerConfig, siteOrigins, settingsFrom } from './config.ts';
import { testContent } from './testing.ts';

function configFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rally-config-')), 'rally.config.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const minimal = configFile({ organization: { name: 'Gulf Coast Workers United' } });

describe('readServerConfig', () => {
  it('runs on the embedded database in .data, port 8787, when nothing is set', () => {
    const config = readServerConfig({}, minimal);
    expect(config).toMatchObject({
      port: 8787,
      dataDir: '.data',
      databaseUrl: undefined,
      durability: 'fsync',
      contentDir: 'content',
      publishing: true,
      sitesBuildCommand: undefined,
    });
    expect(config.settings.languages).toEqual(locales);
  });

  it('publishes from one instance: the others are started with RALLY_PUBLISHING=off', () => {
    expect(readServerConfig({ RALLY_PUBLISHING: 'off' }, minimal).publishing).toBe(false);
    expect(readServerConfig({ RALLY_PUBLISHING: 'on' }, minimal).publishing).toBe(true);
    expect(() => readServerConfig({ RALLY_PUBLISHING: 'no' }, minimal)).toThrow(
      'RALLY_PUBLISHING must be on or off; it is "no".',
    );
  });

  it('reads the environment', () => {
    const config = readServerConfig(
      {
        PORT: '9000',
        RALLY_DATA_DIR: '/var/lib/rally',
        DATABASE_URL: 'postgres://rally@db:5432/rally',
        RALLY_ADMIN_TOKEN: 'a-long-enough-random-token-0123',
      },
      minimal,
    );
    expect(config).toMatchObject({
      port: 9000,
      dataDir: '/var/lib/rally',
      databaseUrl: 'postgres://rally@db:5432/rally',
      adminToken: 'a-long-enough-random-token-0123',
    });
  });

  it('allows the sites, the partners, RALLY_ALLOWED_ORIGINS and, in development, the local site', () => {
    const file = configFile({
      organization: { name: 'Test' },
      site_origins: ['https://gulfsouth.example.org'],
      partners: [
        { source: 'riverside', name: 'Riverside', origins: ['https://riverside.example'] },
      ],
    });
    const env = { RALLY_ALLOWED_ORIGINS: 'https://extra.example, https://more.example' };
    const origins = readServerConfig(env, file).settings.allowedOrigins;
    expect([...origins].sort()).toEqual([
      'http://127.0.0.1:4321',
      'http://localhost:4321',
      'https://extra.example',
      'https://gulfsouth.example.org',
      'https://more.example',
      'https://riverside.example',
    ]);
    const production = readServerConfig({ ...env, NODE_ENV: 'production' }, file);
    expect(production.settings.allowedOrigins.has('http://localhost:4321')).toBe(false);
    expect(production.settings.partnerSources.get('https://riverside.example')).toBe('riverside');
  });

  it('takes the sites’ addresses from the environment only where it builds the sites itself', () => {
    const local = {
      RALLY_HUB_URL: 'http://localhost:9999',
      RALLY_MICROSITE_URL: 'http://{site}.localhost:4321',
      NODE_ENV: 'production',
    };
    // Left in a production environment, they move nothing.
    const hosted = readServerConfig(local, minimal).settings;
    expect(hosted.sites.hub_url).not.toBe('http://localhost:9999');
    expect(hosted.micrositesOnPattern).toBe(false);
    const building = readServerConfig(
      { ...local, RALLY_SITES_BUILD_COMMAND: 'build' },
      minimal,
    ).settings;
    expect(building.sites.hub_url).toBe('http://localhost:9999');
    expect(building.micrositesOnPattern).toBe(true);
    // An address of another scheme has the origin "null", which any sandboxed frame sends.
    expect(() =>
      readServerConfig(
        { RALLY_SITES_BUILD_COMMAND: 'build', RALLY_MICROSITE_URL: 'data:{site}' },
        minimal,
      ),
    ).toThrow(/^RALLY_MICROSITE_URL: /);
  });

  it.each([
    [{ PORT: 'eighty' }, minimal, /^PORT must be a whole number/],
    [{ PORT: '70000' }, minimal, /^PORT must be a whole number/],
    [{ DATABASE_URL: 'mysql://db/rally' }, minimal, /^DATABASE_URL must be a postgres:\/\/ URL/],
    [{ RALLY_ADMIN_TOKEN: 'short' }, minimal, /^RALLY_ADMIN_TOKEN must be at least 24/],
    [
      { RALLY_EMBEDDED_DURABILITY: 'maybe' },
      minimal,
      /^RALLY_EMBEDDED_DURABILITY must be fsync or os/,
    ],
    [{ RALLY_ALLOWED_ORIGINS: 'https://ok.example/path' }, minimal, /^RALLY_ALLOWED_ORIGINS: /],
    [{}, configFile('{ not json'), /is not valid JSON/],
    [{}, configFile({}), /^rally\.config\.json: organization: /],
    [
      {},
      configFile({ organization: { name: 'x' }, site_origins: ['https://a.example/'] }),
      /^rally\.config\.json: site_origins\.0: Write an origin only/,
    ],
    [{}, '/nonexistent/rally.config.json', /is missing/],
  ])('stops with a message naming the setting: %o', (env, file, message) => {
    expect(() => readServerConfig(env, file)).toThrow(ConfigError);
    expect(() => readServerConfig(env, file)).toThrow(message);
  });
});

describe('dues settings', () => {
  it('reads Stripe’s keys, and names a key pasted in the wrong variable', () => {
    const stripe = {
      STRIPE_SECRET_KEY: 'sk_live_abc',
      STRIPE_PUBLISHABLE_KEY: 'pk_live_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
    };
    expect(readServerConfig(stripe, minimal).stripe).toEqual({
      secretKey: 'sk_live_abc',
      publishableKey: 'pk_live_abc',
      webhookSecret: 'whsec_abc',
      apiBase: undefined,
    });
    expect(() =>
      readServerConfig({ ...stripe, STRIPE_SECRET_KEY: 'pk_live_abc' }, minimal),
    ).toThrow('STRIPE_SECRET_KEY should start with sk_ or rk_; copy it from the Stripe dashboard.');
    expect(() => readServerConfig({ STRIPE_API_BASE: 'localhost:12111' }, minimal)).toThrow(
      /STRIPE_API_BASE must be an http\(s\) URL/,
    );
  });

  it('names the dues setting that cannot be used', () => {
    const organization = { name: 'Gulf Coast Workers United' };
    const tier = { id: 'low', monthly_amount: 500, label: { en: 'Low income' } };
    expect(() => settingsFrom({ organization, dues: { currency: 'USD' } }, {})).toThrow(
      'rally.config.json: dues.currency: Write a three-letter currency code in lower case, like usd.',
    );
    expect(() => settingsFrom({ organization, dues: { tiers: [tier, tier] } }, {})).toThrow(
      'rally.config.json: dues.tiers: Give each tier its own id.',
    );
    expect(() =>
      settingsFrom({ organization, dues: { tiers: [{ ...tier, monthly_amount: 5.5 }] } }, {}),
    ).toThrow(/dues\.tiers\.0\.monthly_amount/);
    expect(() => settingsFrom({ organization, dues: { intervals: ['week'] } }, {})).toThrow(
      /dues\.intervals\.0/,
    );
  });
});

describe('siteOrigins', () => {
  const sites = {
    hub_url: 'https://gulfcoast.example.org',
    microsite_url: 'https://{site}.gulfcoast.example.org',
  };

  it('allows the hub and every region and sector file, on the pattern or its own domain', () => {
    const settings = settingsFrom({ organization: { name: 'X' }, sites }, { production: true });
    expect(siteOrigins(settings, testContent.microsites)).toEqual([
      'https://gulfcoast.example.org',
      'https://gulf-south.gulfcoast.example.org',
      'https://hogar.example.org',
    ]);
  });

  it('puts every microsite on the addresses the sites were built for, as their build does', () => {
    const settings = settingsFrom(
      { organization: { name: 'X' }, sites },
      {
        production: true,
        hubUrl: 'http://localhost:4321',
        micrositeUrl: 'http://{site}.localhost:4321',
      },
    );
    expect(siteOrigins(settings, testContent.microsites)).toEqual([
      'http://localhost:4321',
      'http://gulf-south.localhost:4321',
      // Its own domain (hogar.example.org) is not where this computer serves it.
      'http://domestic-work.localhost:4321',
    ]);
    expect(() =>
      settingsFrom({ organization: { name: 'X' } }, { micrositeUrl: 'http://localhost:4321' }),
    ).toThrow(/RALLY_MICROSITE_URL: .* with \{site\} where the slug goes/);
  });

  it('names the setting when the pattern does not make an address', () => {
    const settings = settingsFrom(
      { organization: { name: 'X' }, sites: { ...sites, microsite_url: '{site}' } },
      { production: true },
    );
    expect(() => siteOrigins(settings, testContent.microsites)).toThrow(
      /sites\.microsite_url: with "gulf-south" in place of \{site\} it is not an address/,
    );
  });
});
