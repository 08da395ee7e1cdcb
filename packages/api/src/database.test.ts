import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, sqlState } from './database.ts';
import { migrate } from './migrate.ts';
import { databases } from './testing.ts';

describe.each(['fsync', 'os'] as const)(
  'the embedded database with %s durability',
  (durability) => {
    it('keeps what it committed across restarts', async () => {
      // A folder whose parents do not exist yet, as on a fresh server.
      const dataDir = join(mkdtempSync(join(tmpdir(), 'rally-data-')), 'var', 'rally', 'db');
      const first = await openDatabase({ dataDir, durability });
      await migrate(first);
      await first.query(`insert into counters (name, value) values ('kept', 42)`);
      await first.close();

      const second = await openDatabase({ dataDir, durability });
      expect(await migrate(second)).toEqual([]);
      expect(await second.query('select value::int as value from counters')).toEqual([
        { value: 42 },
      ]);
      await second.close();
    });
  },
);

describe.each(databases)('transactions on %s', (_kind, open) => {
  it('commit all of their work, or none of it', async () => {
    const db = await open();
    try {
      await db.transaction(async (tx) => {
        await tx.query(`insert into counters (name, value) values ('a', 1)`);
      });
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`insert into counters (name, value) values ('b', 1)`);
          await tx.query(`insert into counters (name, value) values ('a', 2)`);
        }),
      ).rejects.toSatisfy((error) => sqlState(error) === '23505');
      expect(await db.query('select name from counters order by name')).toEqual([{ name: 'a' }]);
    } finally {
      await db.close();
    }
  });
});
