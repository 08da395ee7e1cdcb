/**
 * The schema: the plain-SQL files in migrations/ (tables, indexes, data) in name order, each once,
 * recorded in a table; then sql/functions/, one file per function holding its current definition
 * (`create or replace`), applied whenever any of them changed, so reading a function means opening
 * one file. Both in one transaction: a migration that fills a column the functions' triggers then
 * keep (022) commits with the triggers, and no write falls between the two.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { Database, Queryable } from './database.ts';

const migrationsDir = new URL('../migrations/', import.meta.url);
const functionsDir = new URL('../sql/functions/', import.meta.url);

/** Held by whichever instance is changing the schema; every other one waits for it. */
const lock = 'select pg_advisory_xact_lock(7261001)';

export async function migrate(
  db: Database,
  options: {
    /**
     * Applies only the migration files named before this one, and no function file: the schema
     * as an older release left it, for the tests of a migration's changes to the data on file.
     */
    before?: string;
  } = {},
): Promise<string[]> {
  // Under the lock too: two sessions can both find the table missing, and the second then fails
  // on the catalog's unique key for the table's type instead of finding it there.
  await db.transaction(async (tx) => {
    await tx.query(lock);
    await tx.exec(`create table if not exists schema_migrations (
      name text primary key,
      applied_at timestamptz not null default now()
    )`);
  });
  const files = (await readdir(migrationsDir))
    .filter(
      (name) => name.endsWith('.sql') && (options.before === undefined || name < options.before),
    )
    .sort();
  const sources = await Promise.all(
    files.map(
      async (name) => [name, await readFile(new URL(name, migrationsDir), 'utf8')] as const,
    ),
  );
  // One transaction, under a lock, so API instances starting together apply each migration
  // exactly once and a failed file leaves nothing half-done.
  return db.transaction(async (tx) => {
    await tx.query(lock);
    const applied: string[] = [];
    for (const [name, sql] of sources) {
      const done = await tx.query('select 1 from schema_migrations where name = $1', [name]);
      if (done.length > 0) continue;
      try {
        await tx.exec(sql);
      } catch (error) {
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      await tx.query('insert into schema_migrations (name) values ($1)', [name]);
      applied.push(name);
    }
    if (options.before === undefined && (await applyFunctions(tx))) applied.push('sql/functions');
    return applied;
  });
}

/**
 * Applies every function file, in the migrations' transaction, unless the files are the ones
 * applied last (their hash is kept): starting an instance then writes nothing to the catalog.
 */
async function applyFunctions(tx: Queryable): Promise<boolean> {
  const names = (await readdir(functionsDir)).filter((name) => name.endsWith('.sql')).sort();
  const files = await Promise.all(
    names.map(async (name) => [name, await readFile(new URL(name, functionsDir), 'utf8')] as const),
  );
  const hash = createHash('sha256').update(JSON.stringify(files)).digest('hex');
  await tx.exec(`create table if not exists schema_functions (
    hash text not null,
    applied_at timestamptz not null default now()
  )`);
  const [current] = await tx.query<{ hash: string }>('select hash from schema_functions');
  if (current?.hash === hash) return false;
  for (const [name, sql] of files) {
    try {
      await tx.exec(sql);
    } catch (error) {
      throw new Error(`Function file ${name} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  await tx.query('delete from schema_functions');
  await tx.query('insert into schema_functions (hash) values ($1)', [hash]);
  return true;
}
