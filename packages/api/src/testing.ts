/**
 * Test support: a fresh, migrated database of each kind, so every API test runs on both PGlite
 * and a PostgreSQL server. The server is `RALLY_TEST_DATABASE_URL`, by default the local `test`
 * database; each test database is a schema of its own, dropped on close.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import pg from 'pg';
import type { Content } from '@rally/content';
import {
  eventContent,
  micrositeContent,
  petitionContent,
  spotlightContent,
  type Locale,
  type ProofOfWork,
  type SpotlightContent,
} from '@rally/core';
import { composeApi, type Api } from './compose.ts';
import type { StripeSettings } from './dues/stripe-client.ts';
import { settingsFrom, type RallySettings } from './config.ts';
import { openDatabase, type Database } from './database.ts';
import { migrate } from './migrate.ts';
import { lease } from './testing-reuse.ts';

const serverUrl = process.env.RALLY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// Creating and migrating PGlite takes seconds; loading a migrated copy takes a fraction of that.
// The test run makes the copy once (migratedPGliteFile, from the suite's global set-up) and every
// test file loads it; alone, a file makes its own.
let migratedPGlite: Promise<Blob> | undefined;

/** A migrated, empty embedded database, as a dump to start others from. */
export async function migratedPGliteDump(): Promise<Blob> {
  const template = await openDatabase({ dataDir: 'memory://' });
  await migrate(template);
  const dump = await template.dump!();
  await template.close();
  return dump;
}

/** Where the test run keeps its migrated copy, set by `makeMigratedPGliteFile`. */
const templateVariable = 'RALLY_TEST_PGLITE_TEMPLATE';

/**
 * Migrates one embedded database for the whole test run and saves it for every test file (the
 * unit project's global set-up); returns a function that removes it.
 */
export async function makeMigratedPGliteFile(): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), 'rally-pglite-'));
  const file = join(folder, 'migrated.tar.gz');
  writeFileSync(file, Buffer.from(await (await migratedPGliteDump()).arrayBuffer()));
  process.env[templateVariable] = file;
  return () => rmSync(folder, { recursive: true, force: true });
}

/** A fresh, migrated embedded database (one a test before this one emptied, when there is one). */
export function openTestPGlite(): Promise<Database> {
  return lease('pglite', openMigratedPGlite);
}

/** A fresh, migrated schema on the test server (one a test before this one emptied, when there is one). */
export function openTestPostgres(): Promise<Database> {
  return lease('postgres', openMigratedPostgres);
}

async function openMigratedPGlite(): Promise<Database> {
  const saved = process.env[templateVariable];
  migratedPGlite ??= saved
    ? Promise.resolve(new Blob([readFileSync(saved)]))
    : migratedPGliteDump();
  return openDatabase({ dataDir: 'memory://', loadDataDir: await migratedPGlite });
}

async function openMigratedPostgres(): Promise<Database> {
  const db = await openEmptyPostgres();
  await migrate(db);
  return db;
}

/** A schema of its own on the test server, with nothing in it yet; dropped on close. */
async function openEmptyPostgres(): Promise<Database> {
  const schema = `rally_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The PostgreSQL tests need a server at ${serverUrl} (set RALLY_TEST_DATABASE_URL): ${(error as Error).message}`,
      { cause: error },
    );
  }
  await admin.query(`create schema ${schema}`);
  await admin.end();

  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDatabase({ url: url.toString(), poolSize: 5 });
  return {
    ...db,
    async close() {
      await db.query(`drop schema ${schema} cascade`);
      await db.close();
    },
  };
}

/** `describe.each(databases)` runs a suite once per kind of database. */
export const databases: [kind: Database['kind'], open: () => Promise<Database>][] = [
  ['pglite', openTestPGlite],
  ['postgres', openTestPostgres],
];

/**
 * Databases of each kind with no schema at all, not migrated and never reused: for the tests of
 * a migration, which migrate them in steps.
 */
export const emptyDatabases: [kind: Database['kind'], open: () => Promise<Database>][] = [
  ['pglite', () => openDatabase({ dataDir: 'memory://' })],
  ['postgres', openEmptyPostgres],
];

export const testOrigins = {
  site: 'https://gulf-south.rally.test',
  partner: 'https://riverside.partner.test',
  stranger: 'https://evil.example',
};

/** The webhook secret the tests sign Stripe events with. */
export const testStripeWebhookSecret = 'whsec_test_secret_for_rally_tests';

export const staffToken = 'staff-token-for-tests-0123456789';

/** Settings as an organization would write them, with small limits tests can reach. */
export function testSettings(abuse: Record<string, unknown> = {}): RallySettings {
  return settingsFrom(
    {
      organization: { name: 'Gulf Coast Workers United' },
      site_origins: [testOrigins.site],
      partners: [
        { source: 'riverside', name: 'Riverside Worker Center', origins: [testOrigins.partner] },
      ],
      // Puzzles a test solves in a few hashes; the real ones take a phone half a second.
      abuse: { proof_of_work: { max_counter: 20 }, ...abuse },
    },
    { production: true },
  );
}

/**
 * Content the tests rely on: an open petition written in English and Spanish, a closed one, events
 * with few places, and spotlights in either language.
 */
export const testContent: Content = {
  petitions: new Map([
    [
      'fair-wages',
      [
        [
          'en',
          petitionContent.parse({
            title: 'Fair wages for home care workers',
            description: 'Raise the state reimbursement rate so home care pays a living wage.',
            target: [{ name: 'Louisiana Department of Health' }],
            goal: 1000,
            region: 'gulf-south',
            sector: 'domestic-work',
          }),
        ],
        [
          'es',
          petitionContent.parse({
            title: 'Salarios justos para las trabajadoras del cuidado en casa',
            description:
              'Que el estado suba la tarifa para que el cuidado en casa pague un salario digno.',
            target: [{ name: 'Departamento de Salud de Luisiana' }],
            goal: 1000,
            region: 'gulf-south',
            sector: 'domestic-work',
          }),
        ],
      ],
    ],
    [
      'heat-rules',
      [
        [
          'es',
          petitionContent.parse({
            title: 'Reglas contra el calor para trabajadores del campo',
            description: 'Agua, sombra y descanso.',
            target: [{ name: 'Junta laboral del estado' }],
            goal: 500,
            closes_at: '2020-01-01T00:00:00Z',
          }),
        ],
      ],
    ],
  ]),
  events: new Map([
    [
      'union-meeting',
      [
        [
          'en',
          eventContent.parse({
            title: 'Home care union meeting',
            description: 'Plan the campaign for a living wage.',
            start: '2030-03-07T18:00:00-06:00',
            end: '2030-03-07T20:00:00-06:00',
            timezone: 'America/Chicago',
            location: {
              venue: 'Union hall',
              address_lines: ['1200 Canal St'],
              locality: 'New Orleans',
              region: 'LA',
            },
            capacity: 2,
            region: 'gulf-south',
          }),
        ],
      ],
    ],
    [
      'open-meeting',
      [
        [
          'en',
          eventContent.parse({
            title: 'Open organizing call',
            description: 'Anyone can join.',
            start: '2030-04-01T18:00:00-05:00',
            end: '2030-04-01T19:00:00-05:00',
            timezone: 'America/New_York',
            online_url: 'https://meet.example/open',
            region: 'great-lakes',
          }),
        ],
      ],
    ],
    [
      'past-rally',
      [
        [
          'es',
          eventContent.parse({
            title: 'Mitin en el capitolio',
            description: 'Ya pasó.',
            start: '2020-03-07T10:00:00-06:00',
            end: '2020-03-07T12:00:00-06:00',
            timezone: 'America/Chicago',
            online_url: 'https://meet.example/rally',
          }),
        ],
      ],
    ],
  ]),
  spotlights: new Map(
    (
      [
        ['marisol', 'gulf-south', 'domestic-work', 'es', '2026-10-01'],
        ['dele', 'gulf-south', 'food-and-farm', 'en', '2026-11-01'],
        ['coop', 'great-lakes', 'cooperatives', 'en', '2026-09-15'],
      ] as const
    ).map(([id, region, sector, lang, date]) => [
      id,
      [
        [
          lang,
          spotlightContent.parse({
            name: `Member ${id}`,
            region,
            sector,
            date,
            photo: { src: `${id}.jpg`, alt: `Portrait of member ${id}` },
            quote: 'We are stronger together.',
          }),
        ],
        // One spotlight is also written in Spanish.
        ...(id === 'coop'
          ? [
              [
                'es',
                spotlightContent.parse({
                  name: 'Socia coop',
                  region,
                  sector,
                  date,
                  photo: { src: 'coop.jpg', alt: 'Retrato de la socia coop' },
                  quote: 'Juntas somos más fuertes.',
                }),
              ] as [Locale, SpotlightContent],
            ]
          : []),
      ],
    ]),
  ),
  microsites: new Map([
    ['gulf-south', [['en', micrositeContent.parse(micrositeFile('Gulf South'))]]],
    [
      'domestic-work',
      [
        [
          'en',
          micrositeContent.parse({
            ...micrositeFile('Domestic work'),
            url: 'https://hogar.example.org',
          }),
        ],
      ],
    ],
  ]),
};

function micrositeFile(name: string) {
  return { name, tagline: `${name}, organizing together.`, why_join: ['Better pay.'] };
}

export interface TestApi {
  app: Api['app'];
  db: Database;
  close(): Promise<void>;
}

/** The API put together as the server does it (compose.ts), on a test database and content. */
export async function openTestApi(
  open: () => Promise<Database>,
  settings = testSettings(),
  stripe: StripeSettings = {},
  /** A content folder to publish into, for the tests of publishing. */
  contentDir?: string,
  /** What builds the sites after a publication or for a preview, for the tests of those. */
  sitesBuildCommand?: string,
): Promise<TestApi> {
  return composeApi({
    contentDir,
    sitesBuildCommand,
    database: open,
    migrate: false, // Every test database comes migrated.
    settings,
    content: testContent,
    adminToken: staffToken,
    rateLimits: 'database',
    linkSecret: 'test-link-secret',
    stripe: { webhookSecret: testStripeWebhookSecret, ...stripe },
    housekeeping: false,
  });
}

/**
 * A JSON write as a widget on the microsite sends it: with the answer to a puzzle of the API's,
 * unless the body already says what to send as `altcha` (a test of the proof itself).
 */
export async function postJson(
  api: TestApi,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const proved =
    body !== null && typeof body === 'object' && !Array.isArray(body) && !('altcha' in body)
      ? { ...body, altcha: await solvedPuzzle(api) }
      : body;
  return api.app.request(`http://api.rally.test${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: testOrigins.site, ...headers },
    body: JSON.stringify(proved),
  });
}

/** A puzzle from the API, solved as a widget solves it. */
export async function solvedPuzzle(api: TestApi): Promise<ProofOfWork> {
  const challenge = (await (
    await api.app.request('http://api.rally.test/api/v1/challenge')
  ).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('The puzzle could not be solved.');
  return { challenge: challenge as unknown as ProofOfWork['challenge'], solution };
}

/** A plain HTML form post, as a browser without JavaScript sends it. */
export function postForm(
  api: TestApi,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    api.app.request(`http://api.rally.test${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: testOrigins.site,
        Referer: `${testOrigins.site}/join`,
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

export function staffGet(api: TestApi, path: string): Promise<Response> {
  return Promise.resolve(
    api.app.request(`http://api.rally.test${path}`, { headers: { 'OSDI-API-Token': staffToken } }),
  );
}

/** A person payload as the join form sends it. */
export function person(email: string, extra: Record<string, unknown> = {}) {
  return {
    given_name: 'Rosa',
    family_name: 'Ortiz',
    email_addresses: [{ address: email }],
    ...extra,
  };
}

/** Opens a database as the server does: for tests of a script that writes to the server's. */
export { openDatabase } from './database.ts';

export {
  addStaffAccount,
  addStaffSession,
  cbor,
  consoleOrigin,
  consoleRequest,
  enrollPasskey,
  sessionCookieOf,
  signedInStaff,
  signInWithPasskey,
  SoftwareAuthenticator,
  type Ceremony,
  type SoftwarePasskey,
  type TestStaffAccount,
} from './testing-staff.ts';
