import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { composeApi, type Api } from './compose.ts';
import { openDatabase } from './database.ts';
import { hashToken, installEnvironmentToken } from './staff/require-staff.ts';
import { testContent, testSettings } from './testing.ts';

const serverUrl = process.env.RALLY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const migrationFiles = (await readdir(new URL('../migrations/', import.meta.url))).filter((name) =>
  name.endsWith('.sql'),
);

/** An empty schema, as a new deployment's database is, and a URL that works in it. */
async function emptySchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `rally_start_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

/** An instance put together as server.ts does it, on a connection pool of its own as each has. */
function startInstance(url: string, token: string): Promise<Api> {
  return composeApi({
    database: () => openDatabase({ url, poolSize: 2 }),
    settings: testSettings(),
    content: testContent,
    adminToken: token,
  });
}

describe('API instances started together on one PostgreSQL database', () => {
  it('all come up, round after round, each on an empty database', async () => {
    const token = 'a-token-every-instance-is-given-0123';
    for (let round = 0; round < 10; round++) {
      const { url, drop } = await emptySchema();
      try {
        const started = await Promise.allSettled(
          Array.from({ length: 4 }, () => startInstance(url, token)),
        );
        const failures = started.flatMap((result) =>
          result.status === 'rejected' ? [(result.reason as Error).message] : [],
        );
        for (const result of started) if (result.status === 'fulfilled') await result.value.close();
        expect(failures, `round ${round + 1}`).toEqual([]);

        const check = await openDatabase({ url, poolSize: 1 });
        try {
          const migrations = await check.query('select name from schema_migrations');
          expect(migrations).toHaveLength(migrationFiles.length);
          expect(await check.query('select token_hash from api_tokens')).toEqual([
            { token_hash: hashToken(token) },
          ]);
        } finally {
          await check.close();
        }
      } finally {
        await drop();
      }
    }
  }, 120_000);

  it('keep only the token of the last to start when the token changes', async () => {
    const { url, drop } = await emptySchema();
    try {
      const first = await startInstance(url, 'the-old-token-0123456789abcdef');
      const second = await startInstance(url, 'the-new-token-0123456789abcdef');
      expect(await second.db.query('select token_hash from api_tokens')).toEqual([
        { token_hash: hashToken('the-new-token-0123456789abcdef') },
      ]);
      // Without a token, nothing from the environment is valid any more.
      await installEnvironmentToken(second.db, undefined);
      expect(await second.db.query('select 1 from api_tokens')).toEqual([]);
      await first.close();
      await second.close();
    } finally {
      await drop();
    }
  }, 60_000);
});
