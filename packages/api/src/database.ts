/**
 * The one door to storage: a thin adapter so the rest of the API speaks plain SQL without
 * knowing whether it runs on embedded PostgreSQL (PGlite) or on a PostgreSQL server.
 */
import { PGlite } from '@electric-sql/pglite';

export interface Database {
  /** Which engine answers: the embedded default or a server. */
  readonly kind: 'pglite' | 'postgres';
  /** Runs one parameterized statement (`$1`, `$2`, …) and returns its rows. */
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Closes the connection; pending statements finish first. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Folder of the embedded database, or `memory://` for a throwaway one (tests). */
  dataDir: string;
}

/** Opens the embedded PostgreSQL in `dataDir`, creating it on first use. */
export async function openDatabase({ dataDir }: DatabaseOptions): Promise<Database> {
  const pglite = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await pglite.query<Row>(sql, params);
      return result.rows;
    },
    close: () => pglite.close(),
  };
}
