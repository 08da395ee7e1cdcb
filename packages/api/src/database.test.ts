import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { againAfterDeadlock, openDatabase, sqlState } from './database.ts';
import { migrate } from './migrate.ts';
import { databases, openTestPGlite, openTestPostgres } from './testing.ts';

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

describe('the embedded database on disk', () => {
  const onDisk = () => join(mkdtempSync(join(tmpdir(), 'rally-data-')), 'db');

  it('with fsync durability, forces the log to the disk when a write commits, never after a read', async () => {
    const db = await openDatabase({ dataDir: onDisk(), durability: 'fsync' });
    try {
      await db.exec('create table kept (n int primary key)');
      const synced = async (work: () => Promise<unknown>) => {
        const before = await db.syncs!();
        await work();
        return (await db.syncs!()) - before;
      };
      expect(await synced(() => db.query('insert into kept values (1)'))).toBeGreaterThan(0);
      expect(
        await synced(() =>
          db.transaction(async (tx) => {
            await tx.query('insert into kept values (2)');
            await tx.query('update kept set n = 3 where n = 1');
          }),
        ),
      ).toBeGreaterThan(0);
      expect(
        await synced(async () => {
          for (let i = 0; i < 50; i++) await db.query('select n from kept where n = $1', [2]);
          await db.transaction((tx) => tx.query('select count(*) from kept'));
        }),
      ).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('with os durability, forces nothing', async () => {
    const db = await openDatabase({ dataDir: onDisk(), durability: 'os' });
    try {
      await db.exec('create table kept (n int primary key)');
      await db.query('insert into kept values (1)');
      expect(await db.syncs!()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('keeps every answered commit when its process is killed', async () => {
    const dataDir = onDisk();
    const database = new URL('./database.ts', import.meta.url).href;
    // A process of its own, as the API is, writing and then killed without a chance to close.
    const writer = join(mkdtempSync(join(tmpdir(), 'rally-writer-')), 'writer.mjs');
    writeFileSync(
      writer,
      `import { openDatabase } from ${JSON.stringify(database)};
       const db = await openDatabase({ dataDir: ${JSON.stringify(dataDir)}, durability: 'fsync' });
       await db.exec('create table kept (n int primary key)');
       await db.query('insert into kept values (1)');
       await db.transaction((tx) => tx.query('insert into kept values (2)'));
       console.log('committed');
       setInterval(() => {}, 1000);`,
    );
    const child = spawn(process.execPath, [writer], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('committed')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`The writer stopped early (${code}).`)));
    });
    const killed = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await killed;
    const db = await openDatabase({ dataDir, durability: 'fsync' });
    try {
      expect(await db.query('select n from kept order by n')).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      await db.close();
    }
  }, 60_000);
});

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

  it('report a refused statement with its SQLSTATE and the constraint it broke', async () => {
    const db = await open();
    try {
      await db.query(`insert into counters (name, value) values ('a', 1)`);
      const refused = await db
        .query(`insert into counters (name, value) values ('a', 2)`)
        .catch((error: unknown) => error as Error & { constraint?: string });
      expect(refused).toBeInstanceOf(Error);
      expect(sqlState(refused)).toBe('23505');
      expect((refused as { constraint?: string }).constraint).toBe('counters_pkey');
      expect((refused as Error).message).toMatch(/duplicate key/);
      // After the error, the database goes on answering, a transaction included.
      await expect(
        db.transaction(async (tx) => tx.query(`select value::int as value from counters`)),
      ).resolves.toEqual([{ value: 1 }]);
    } finally {
      await db.close();
    }
  });
});

describe('the embedded database', () => {
  it("runs beside the API's thread, which goes on answering during a long statement", async () => {
    const db = await openTestPGlite();
    try {
      const events: string[] = [];
      const long = db
        .query('select count(*)::int as n from generate_series(1, 3000000)')
        .then(() => events.push('statement done'));
      // A timer on this thread fires while the database is still counting, not after it.
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push('timer fired');
      await long;
      expect(events).toEqual(['timer fired', 'statement done']);
    } finally {
      await db.close();
    }
  });

  it('refuses statements once closed, with a clear error', async () => {
    // Opened here, not from the tests' own (reused) ones: the closing is what is tested.
    const db = await openDatabase({ dataDir: 'memory://' });
    await db.close();
    await expect(db.query('select 1')).rejects.toThrow('The embedded database has stopped.');
  });
});

describe('a write PostgreSQL ends to break a deadlock', () => {
  it('runs again, and is kept once the other writer is done', async () => {
    const db = await openTestPostgres();
    try {
      await db.exec('create table deadlocked (id int primary key, n int not null default 0)');
      await db.exec('insert into deadlocked (id) values (1), (2)');
      let attempts = 0;
      let firstHolds!: () => void;
      let secondHolds!: () => void;
      const firstHeld = new Promise<void>((resolve) => (firstHolds = resolve));
      const secondHeld = new Promise<void>((resolve) => (secondHolds = resolve));
      // The first writer takes row 1, then row 2; the second, wrapped, takes row 2, then row 1.
      // The second asks first for what the other holds, so it is the one PostgreSQL ends.
      const first = db.transaction(async (tx) => {
        await tx.query('update deadlocked set n = n + 1 where id = 1');
        firstHolds();
        await secondHeld;
        await new Promise((resolve) => setTimeout(resolve, 300));
        await tx.query('update deadlocked set n = n + 1 where id = 2');
      });
      await firstHeld;
      const second = againAfterDeadlock(() =>
        db.transaction(async (tx) => {
          attempts++;
          await tx.query('update deadlocked set n = n + 10 where id = 2');
          secondHolds();
          await tx.query('update deadlocked set n = n + 10 where id = 1');
        }),
      );
      await Promise.all([first, second]);
      expect(attempts).toBe(2);
      // Each writer's work once: the ended attempt kept nothing.
      expect(await db.query('select id, n from deadlocked order by id')).toEqual([
        { id: 1, n: 11 },
        { id: 2, n: 11 },
      ]);
    } finally {
      // The test database is reused: it goes back as it came.
      await db.exec('drop table if exists deadlocked');
      await db.close();
    }
  });

  it('is not run again for any other refusal', async () => {
    let attempts = 0;
    const db = await openTestPGlite();
    try {
      await expect(
        againAfterDeadlock(() => {
          attempts++;
          return db.query('select 1 / 0');
        }),
      ).rejects.toMatchObject({ code: '22012' });
      expect(attempts).toBe(1);
    } finally {
      await db.close();
    }
  });
});
