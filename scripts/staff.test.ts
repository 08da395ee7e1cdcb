/**
 * `pnpm staff invite`: on a fresh install's embedded database and on a PostgreSQL server, it
 * prints a link that enrolls a passkey in the API that opens the same database; it names what is
 * wrong in what it was given; and the real command does the same in a process of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeApi, settingsFrom } from '@rally/api';
import {
  enrollPasskey,
  openDatabase,
  SoftwareAuthenticator,
  testContent,
} from '@rally/api/testing';
import { main } from './staff.ts';

const serverUrl = process.env.RALLY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A port nothing listens on, so the command finds no API running on this machine. */
const quietPort = String(20_000 + Math.floor(Math.random() * 20_000));

async function run(args: string[], env: Record<string, string | undefined>) {
  let out = '';
  let err = '';
  const status = await main(args, env, {
    out: (line) => (out += `${line}\n`),
    err: (line) => (err += `${line}\n`),
  });
  return { status, out, err };
}

/** The API on the database the command wrote to, as `pnpm api` would open it. */
function apiOn(database: { url?: string; dataDir: string }) {
  return composeApi({
    database: () => openDatabase({ url: database.url, dataDir: database.dataDir }),
    settings: settingsFrom({ organization: { name: 'Test Union' } }, { production: true }),
    content: testContent,
    adminToken: undefined,
    rateLimits: 'memory',
    linkSecret: 'test-link-secret',
    housekeeping: false,
  });
}

describe('pnpm staff invite', () => {
  let folder: string;
  let env: Record<string, string>;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'rally-staff-'));
    writeFileSync(
      join(folder, 'rally.config.json'),
      JSON.stringify({ organization: { name: 'Test Union' } }),
    );
    env = {
      RALLY_CONFIG: join(folder, 'rally.config.json'),
      RALLY_DATA_DIR: join(folder, 'data'),
      PORT: quietPort,
    };
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('prints a link that enrolls the first admin of a fresh embedded database', async () => {
    const { status, out, err } = await run(
      ['invite', 'First@Example.org', '--role', 'admin', '--name', 'Ana'],
      env,
    );
    expect(err).toBe('');
    expect(status).toBe(0);
    expect(out).toMatch(/^Invitation for first@example\.org \(admin\), to use once before .* UTC:/);
    const url = /http:\/\/localhost:8787\/console\/enroll#[\w-]{43}/.exec(out)?.[0];
    expect(url).toBeDefined();

    const api = await apiOn({ dataDir: env.RALLY_DATA_DIR! });
    try {
      const { response } = await enrollPasskey(api, url!, new SoftwareAuthenticator());
      expect(response.status).toBe(201);
      expect((await response.json()).account).toMatchObject({
        email: 'first@example.org',
        name: 'Ana',
        role: 'admin',
      });
      const [made] = await api.db.query<Record<string, unknown>>(
        `select actor_kind, actor_label, action from audit_log order by id limit 1`,
      );
      expect(made).toEqual({
        actor_kind: 'system',
        actor_label: 'command line',
        action: 'invitation-created',
      });
    } finally {
      await api.close();
    }
  });

  it('makes it on a PostgreSQL server, with the address RALLY_PUBLIC_API_URL gives', async () => {
    const schema = `rally_staff_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const url = new URL(serverUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    try {
      const { status, out } = await run(
        [
          'invite',
          'ops@example.org',
          '--role',
          'organizer',
          '--regions',
          'gulf-south, great-lakes',
        ],
        { ...env, DATABASE_URL: url.toString(), RALLY_PUBLIC_API_URL: 'https://api.example.org/' },
      );
      expect(status).toBe(0);
      expect(out).toMatch(/https:\/\/api\.example\.org\/console\/enroll#[\w-]{43}/);
      const rows = await admin.query(
        `select email, role, regions from ${schema}.staff_invitations`,
      );
      expect(rows.rows).toEqual([
        { email: 'ops@example.org', role: 'organizer', regions: ['gulf-south', 'great-lakes'] },
      ]);
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });

  it('says what is wrong with what it was given', async () => {
    const noRole = await run(['invite', 'a@example.org'], env);
    expect(noRole.status).toBe(2);
    expect(noRole.err).toMatch(
      /Give the role with --role: admin, organizer, communications, partner/,
    );
    const badRole = await run(['invite', 'a@example.org', '--role', 'boss'], env);
    expect(badRole.status).toBe(1);
    expect(badRole.err).toMatch(/^No invitation made: --role: /);
    const badEmail = await run(['invite', 'not-an-address', '--role', 'admin'], env);
    expect(badEmail.err).toMatch(/The email: Enter an email address/);
    const badRegion = await run(
      ['invite', 'a@example.org', '--role', 'organizer', '--regions', 'Gulf South'],
      env,
    );
    expect(badRegion.err).toMatch(/--regions: Use lower-case letters/);
    expect((await run(['remove', 'a@example.org'], env)).err).toMatch(/^Usage: pnpm staff invite/);
  });

  it('runs as the real command, in a process of its own', () => {
    const result = spawnSync(
      process.execPath,
      ['scripts/staff.ts', 'invite', 'spawned@example.org', '--role', 'admin'],
      { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/http:\/\/localhost:8787\/console\/enroll#[\w-]{43}/);
  });
});
