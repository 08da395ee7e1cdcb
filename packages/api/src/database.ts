/**
 * The one door to storage: a thin adapter so the rest of the API speaks plain SQL without knowing
 * whether it runs on embedded PostgreSQL (PGlite, the default) or on a PostgreSQL server.
 */
import { closeSync, fdatasyncSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What can run statements: the database, or one transaction on it. */
export interface Queryable {
  /** Runs one parameterized statement (`$1`, `$2`, …) and returns its rows. */
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** Which engine answers: the embedded default or a server. */
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the connections; statements already sent finish first. */
  close(): Promise<void>;
  /** A copy of the whole embedded database (PGlite only). */
  dump?: () => Promise<Blob>;
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

async function openPGlite({
  dataDir = 'memory://',
  loadDataDir,
  durability = 'fsync',
}: DatabaseOptions): Promise<Database> {
  const onDisk = !dataDir.includes('://');
  if (onDisk) mkdirSync(dataDir, { recursive: true }); // PGlite creates only the last folder.
  const db = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  // PGlite never calls fsync itself; flushing the write-ahead log after each statement is enough
  // for PostgreSQL's crash recovery to bring back every commit.
  const flush = durability === 'fsync' && onDisk ? () => flushWal(dataDir) : () => {};
  return {
    kind: 'pglite',
    dump: () => db.dumpDataDir('none'),
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const { rows } = await db.query<Row>(sql, params);
      flush();
      return rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
      flush();
    },
    async transaction(work) {
      const result = await db.transaction((tx) =>
        work({
          query: async <Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
            (await tx.query<Row>(sql, params)).rows,
          exec: async (sql: string) => void (await tx.exec(sql)),
        }),
      );
      flush();
      return result;
    },
    close: () => db.close(),
  };
}

/** Forces the embedded database's write-ahead log segments to the disk. */
function flushWal(dataDir: string): void {
  const walDir = join(dataDir, 'pg_wal');
  for (const name of readdirSync(walDir)) {
    if (!/^[0-9A-F]{24}$/.test(name)) continue;
    const fd = openSync(join(walDir, name), 'r+');
    try {
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
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
    close: () => pool.end(),
  };
}

/** The SQLSTATE of a database error, if it has one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
