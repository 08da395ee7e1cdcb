/**
 * The one door to storage: a thin adapter so the rest of the API speaks plain SQL without knowing
 * whether it runs on embedded PostgreSQL (PGlite, the default) or on a PostgreSQL server.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import Cursor from 'pg-cursor';

/** What can run statements: the database, or one transaction on it. */
export interface Queryable {
  /** Runs one parameterized statement (`$1`, `$2`, …) and returns its rows. */
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * A long read taken in batches (`Database.batches`): `select columns from from where … order by
 * order`. The order must be unique and its columns never null, since the embedded database
 * resumes each batch after the last row's values of them.
 */
export interface BatchedQuery {
  /** What each row holds (`p.id, p.email`). */
  columns: string;
  /** The tables, with their joins (`people p left join people r on r.id = p.referred_by`). */
  from: string;
  /** Conditions, joined by `and`, with parameters `$1`, `$2`, … */
  where?: string[];
  params?: unknown[];
  /** The columns rows come in the order of, such as `p.created_at`, `p.id`. */
  order: string[];
}

export interface Database extends Queryable {
  /** Which engine answers: the embedded default or a server. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Reads a long result a batch at a time, each read only when the one before has been taken, so
   * that a large export holds one batch in memory and other statements run meanwhile. On a server
   * through a cursor, in one snapshot on one connection; embedded, one query per batch resuming
   * after the last row, so the embedded database's one thread serves others between them.
   */
  batches<Row extends Record<string, unknown>>(
    query: BatchedQuery,
    size?: number,
  ): AsyncIterable<Row[]>;
  /** Runs `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the connections; statements already sent finish first. */
  close(): Promise<void>;
  /** A copy of the whole embedded database (PGlite only). */
  dump?: () => Promise<Blob>;
  /** How many times the embedded database has forced a file to the disk (PGlite only). */
  syncs?: () => Promise<number>;
}

export interface DatabaseOptions {
  /** A `postgres://` URL for a server; when absent, the embedded database in `dataDir`. */
  url?: string | undefined;
  /** Folder of the embedded database, or `memory://` for a throwaway one (tests). */
  dataDir?: string;
  /** Connections to a server kept open at most. */
  poolSize?: number;
  /** A dump of an embedded database to start from (tests start from a migrated one). */
  loadDataDir?: Blob;
  /**
   * When an embedded commit counts as done. `fsync` (the default): once its write-ahead log is on
   * the disk, so a power cut loses nothing answered. `os`: once the operating system has it, which
   * survives a crash of the API but not of the machine, and is faster.
   */
  durability?: 'fsync' | 'os';
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 20) : openPGlite(options);
}

/** What the embedded database's thread is started with. */
export interface EmbeddedThreadOptions {
  dataDir: string;
  loadDataDir: ArrayBuffer | undefined;
  durability: 'fsync' | 'os';
  /** PGlite's PostgreSQL and initdb, compiled once for every thread of this process. */
  modules: { pglite: WebAssembly.Module; initdb: WebAssembly.Module };
}

/**
 * PGlite's two WebAssembly programs, compiled once per process: each thread that opens a database
 * then starts from the compiled code instead of compiling its own copy. That is faster (the tests
 * open well over a hundred), and V8 has a known fault, which PGlite brings out, when compiled WebAssembly is
 * made and thrown away in many threads of one process (nodejs/node#64500): a process that
 * compiles once gives it far less to go wrong on.
 */
let compiled: Promise<EmbeddedThreadOptions['modules']> | undefined;
function pgliteModules(): Promise<EmbeddedThreadOptions['modules']> {
  // Beside PGlite's entry point; found through require's resolution, which every loader of this
  // module supports (Vite's test runner has no import.meta.resolve).
  const dist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  const compile = async (name: string) => WebAssembly.compile(await readFile(join(dist, name)));
  compiled ??= Promise.all([compile('pglite.wasm'), compile('initdb.wasm')]).then(
    ([pglite, initdb]) => ({ pglite, initdb }),
  );
  return compiled;
}

/** A request to the embedded database's thread; `tx` names the transaction it belongs to. */
export type ThreadRequest = { id: number; tx?: number | undefined } & (
  | { op: 'query'; sql: string; params: unknown[] }
  | { op: 'exec'; sql: string }
  | { op: 'begin' }
  | { op: 'end'; commit: boolean }
  | { op: 'dump' }
  | { op: 'syncs' }
  | { op: 'close' }
);
type Operation = ThreadRequest extends infer R
  ? R extends unknown
    ? Omit<R, 'id'>
    : never
  : never;

/** A failed statement's error as plain fields, which a message between threads can carry. */
export interface ThreadError {
  name: string;
  message: string;
  /** The SQLSTATE, as `sqlState` reads it. */
  code?: string | undefined;
  constraint?: string | undefined;
  detail?: string | undefined;
}

/** The thread's answer to request `id` (0 announces that the database is open). */
export type ThreadAnswer = { id: number } & (
  { result: unknown; error?: undefined } | { error: ThreadError }
);

/**
 * The embedded database runs in a thread of its own (embedded-database-thread.ts): under load it
 * is most of the work, and there it runs on the second core while this thread answers HTTP.
 */
async function openPGlite({
  dataDir = 'memory://',
  loadDataDir,
  durability = 'fsync',
}: DatabaseOptions): Promise<Database> {
  const workerData: EmbeddedThreadOptions = {
    dataDir,
    loadDataDir: loadDataDir && (await loadDataDir.arrayBuffer()),
    durability,
    modules: await pgliteModules(),
  };
  const thread = new Worker(new URL('./embedded-database-thread.ts', import.meta.url), {
    workerData,
    transferList: workerData.loadDataDir ? [workerData.loadDataDir] : [],
  });
  const waiting = new Map<
    number,
    { resolve: (result: unknown) => void; reject: (e: Error) => void }
  >();
  let lastId = 0;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  // The thread keeps the process alive only while a statement is waiting for it.
  const send = <Result>(operation: Operation, id = ++lastId): Promise<Result> => {
    if (failure) return Promise.reject(failure);
    return new Promise<Result>((resolve, reject) => {
      // Throws, before anything is waiting, for a parameter a message cannot carry.
      thread.postMessage({ ...operation, id } as ThreadRequest);
      waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      thread.ref();
    });
  };
  const opened = new Promise<void>((resolve, reject) => {
    waiting.set(0, { resolve: () => resolve(), reject });
  });
  thread.on('message', (answer: ThreadAnswer) => {
    const caller = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (waiting.size === 0) thread.unref();
    if (answer.error) caller?.reject(Object.assign(new Error(answer.error.message), answer.error));
    else caller?.resolve(answer.result);
  });
  let closing = false;
  let isOpen = false;
  thread.on('error', fail);
  thread.on('exit', (code) => {
    // A thread that could not open the database told its caller why; one that stops later
    // leaves the API without a database, which the log must say.
    if (isOpen && !closing) console.error(`The embedded database stopped (exit code ${code}).`);
    fail(new Error('The embedded database has stopped.'));
  });
  await opened;
  isOpen = true;

  const on = (tx?: number): Queryable => ({
    query: <Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      send<Row[]>({ op: 'query', sql, params, tx }),
    exec: (sql: string) => send<void>({ op: 'exec', sql, tx }),
  });
  const outside = on();
  return {
    kind: 'pglite',
    ...outside,
    batches: (query, size) => pagedBatches(outside, query, size),
    async dump() {
      return new Blob([await send<ArrayBuffer>({ op: 'dump' })]);
    },
    syncs: () => send<number>({ op: 'syncs' }),
    async transaction(work) {
      const tx = ++lastId;
      await send<void>({ op: 'begin' }, tx);
      let result;
      try {
        result = await work(on(tx));
      } catch (error) {
        await send<void>({ op: 'end', tx, commit: false }).catch(() => {});
        throw error;
      }
      await send<void>({ op: 'end', tx, commit: true });
      return result;
    },
    async close() {
      closing = true;
      await send<void>({ op: 'close' });
      await thread.terminate();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that drops must not crash the API; the next query reconnects.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  await pool.query('select 1');
  return {
    kind: 'postgres',
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await pool.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          query: async <Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
            (await client.query<Row>(sql, params)).rows,
          exec: async (sql: string) => void (await client.query(sql)),
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async *batches<Row extends Record<string, unknown>>(
      { columns, from, where = [], params = [], order }: BatchedQuery,
      size = batchSize,
    ) {
      const client = await pool.connect();
      const cursor = client.query(
        new Cursor<Row>(
          `select ${columns} from ${from} ${whereClause(where)} order by ${order.join(', ')}`,
          params,
        ),
      );
      let failed = false;
      try {
        for (;;) {
          const rows = await cursor.read(size);
          if (rows.length === 0) return;
          yield rows;
        }
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        // Also when the reader stops early (a download cut short): the cursor's snapshot and the
        // connection go back at once. A connection whose cursor failed is not reused.
        await cursor.close().catch(() => (failed = true));
        client.release(failed);
      }
    },
    close: () => pool.end(),
  };
}

/** Rows a batch holds unless told: an export of 100,000 people is a hundred reads. */
const batchSize = 1000;

function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
}

/**
 * Batches as separate queries, each resuming after the last row of the one before (keyset
 * paging): nothing stays open between them, so every other statement waiting for the embedded
 * database runs in between. The order's values of each last row are read as text, which carries
 * a timestamp to the microsecond where a `Date` would stop at the millisecond.
 */
async function* pagedBatches<Row extends Record<string, unknown>>(
  db: Queryable,
  { columns, from, where = [], params = [], order }: BatchedQuery,
  size = batchSize,
): AsyncGenerator<Row[]> {
  const keys = order.map((column, i) => `(${column})::text as batch_key_${i}`).join(', ');
  const next = (n: number) => order.map((_, i) => `$${n + i + 1}`).join(', ');
  let after: string[] | undefined;
  for (;;) {
    const conditions = after
      ? [...where, `(${order.join(', ')}) > (${next(params.length)})`]
      : where;
    const rows = await db.query<Row>(
      `select ${columns}, ${keys} from ${from} ${whereClause(conditions)}
       order by ${order.join(', ')} limit ${size}`,
      after ? [...params, ...after] : params,
    );
    if (rows.length === 0) return;
    const last = rows.at(-1)!;
    after = order.map((_, i) => last[`batch_key_${i}`] as string);
    for (const row of rows) for (let i = 0; i < order.length; i++) delete row[`batch_key_${i}`];
    yield rows;
    if (rows.length < size) return;
  }
}

/** The SQLSTATE of a database error, if it has one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs `write` again when PostgreSQL ended it to break a deadlock (which keeps nothing of it), up
 * to twice more: for a write that gives the same result however often it runs.
 */
export async function againAfterDeadlock<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (sqlState(error) !== '40P01' || attempt === 3) throw error;
    }
  }
}
