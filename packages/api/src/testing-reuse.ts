/**
 * Test databases reused within a test file. Opening a migrated database costs a test about a
 * second (a thread and a database loaded from the template, or a schema migrated on the server);
 * emptying one costs a tenth of that. So a database a test closes is kept, emptied, and handed to
 * the next test of the same file, which finds it exactly as freshly migrated: every table empty
 * but the record of what was applied, every identity restarted. The unit project's set-up file
 * (testing-after-file.ts) turns this on and closes the kept ones once the file is done; elsewhere
 * (the browser tests' API, a script) each database opened is a new one, closed for real.
 */
import type { Database } from './database.ts';

const kept: Record<Database['kind'], Database[]> = { pglite: [], postgres: [] };
let reusing = false;

/** Keeps the databases this test file's tests close, for its next tests. */
export function reuseTestDatabases(): void {
  reusing = true;
}

/** A database of `kind`: one a test before emptied, or else a new one from `open`. */
export async function lease(
  kind: Database['kind'],
  open: () => Promise<Database>,
): Promise<Database> {
  if (!reusing) return open();
  const reused = kept[kind].pop();
  const db = reused ?? (await open());
  if (reused) await empty(db);
  let closed = false;
  const whileOpen =
    <A extends unknown[], R>(call: (...args: A) => R) =>
    (...args: A): R => {
      // A test that closes its database and goes on expects every statement to fail, as after a
      // real close (the outage tests): so they do, while the database itself waits for reuse.
      if (closed) throw new Error('The test database was closed.');
      return call(...args);
    };
  const leased: Database = {
    kind: db.kind,
    query: whileOpen((sql, params) => db.query(sql, params)),
    exec: whileOpen((sql) => db.exec(sql)),
    batches: whileOpen((query, size) => db.batches(query, size)),
    transaction: whileOpen((work) => db.transaction(work)),
    async close() {
      if (closed) return;
      closed = true;
      kept[kind].push(db);
    },
  };
  if (db.dump) leased.dump = whileOpen(db.dump);
  if (db.syncs) leased.syncs = whileOpen(db.syncs);
  return leased;
}

/** Tables a migrated database has rows in: the record of what was applied. */
const bookkeeping = ['schema_migrations', 'schema_functions'];

async function empty(db: Database): Promise<void> {
  const tables = await db.query<{ name: string }>(
    `select quote_ident(tablename) as name from pg_tables
      where schemaname = current_schema() and tablename <> all($1)`,
    [bookkeeping],
  );
  await db.exec(`truncate ${tables.map((t) => t.name).join(', ')} restart identity cascade`);
}

/** Closes the databases kept for reuse. */
export async function closeKeptTestDatabases(): Promise<void> {
  const all = [...kept.pglite.splice(0), ...kept.postgres.splice(0)];
  await Promise.all(all.map((db) => db.close()));
}
