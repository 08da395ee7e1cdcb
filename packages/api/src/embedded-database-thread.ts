/**
 * The embedded database's own thread. PGlite is PostgreSQL compiled to WebAssembly: it runs in
 * the thread that opened it, and under load it is most of the API's work. Here it runs beside the
 * API's thread instead of in it, so HTTP, validation and the database use the machine's two cores
 * at once, and while a long statement runs (a staff export), requests that need none are answered.
 *
 * The API's side of this conversation is `openPGlite` in database.ts; the messages are
 * `ThreadRequest` and `ThreadAnswer` there.
 */
import { closeSync, fdatasyncSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type {
  EmbeddedThreadOptions,
  ThreadAnswer,
  ThreadError,
  ThreadRequest,
} from './database.ts';

const { dataDir, loadDataDir, durability, modules } = workerData as EmbeddedThreadOptions;
const port = parentPort!;

const onDisk = !dataDir.includes('://');
if (onDisk) mkdirSync(dataDir, { recursive: true }); // PGlite creates only the last folder.
const db = await PGlite.create(dataDir, {
  pgliteWasmModule: modules.pglite,
  initdbWasmModule: modules.initdb,
  ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
});
// PGlite never calls fsync itself; flushing the write-ahead log after each statement is enough
// for PostgreSQL's crash recovery to bring back every commit.
const flush = durability === 'fsync' && onDisk ? () => flushWal(dataDir) : () => {};

/** A transaction the API has begun: its statements run on `tx` until it calls `end`. */
interface OpenTransaction {
  tx: Transaction;
  end: (commit: boolean) => void;
  /** Settles once PGlite has committed or rolled back. */
  settled: Promise<void>;
}
const transactions = new Map<number, OpenTransaction>();
const rolledBack = new Error("rolled back at the API's request");

async function answer(
  request: ThreadRequest,
): Promise<{ result: unknown; transfer?: ArrayBuffer[] }> {
  const on = request.tx === undefined ? db : transactions.get(request.tx)?.tx;
  if (!on) throw new Error('The transaction has already ended.');
  switch (request.op) {
    case 'query': {
      const { rows } = await on.query(request.sql, request.params);
      if (on === db) flush();
      return { result: rows };
    }
    case 'exec':
      await on.exec(request.sql);
      if (on === db) flush();
      return { result: undefined };
    case 'begin':
      transactions.set(request.id, await begin());
      return { result: undefined };
    case 'end': {
      const open = transactions.get(request.tx!)!;
      transactions.delete(request.tx!);
      open.end(request.commit);
      await open.settled.catch((error: unknown) => {
        if (error !== rolledBack) throw error;
      });
      return { result: undefined };
    }
    case 'dump': {
      const buffer = await (await db.dumpDataDir('none')).arrayBuffer();
      return { result: buffer, transfer: [buffer] };
    }
    case 'close':
      await db.close();
      return { result: undefined };
  }
}

/**
 * Begins a transaction that stays open, holding PGlite's lock so that other statements wait, until
 * the API ends it: PGlite commits when the promise it runs resolves and rolls back when it rejects.
 */
async function begin(): Promise<OpenTransaction> {
  let begun!: (open: Omit<OpenTransaction, 'settled'>) => void;
  const started = new Promise<Omit<OpenTransaction, 'settled'>>((resolve) => (begun = resolve));
  const settled = db
    .transaction(
      (tx) =>
        new Promise<void>((commit, rollBack) =>
          begun({ tx, end: (ok) => (ok ? commit() : rollBack(rolledBack)) }),
        ),
    )
    .then(flush);
  // If BEGIN itself fails, `settled` rejects before the transaction has started.
  const open = await Promise.race([started, settled.then(() => undefined)]);
  return { ...open!, settled };
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

port.on('message', (request: ThreadRequest) => {
  answer(request).then(
    ({ result, transfer }) =>
      port.postMessage({ id: request.id, result } satisfies ThreadAnswer, transfer ?? []),
    (error: unknown) =>
      port.postMessage({ id: request.id, error: describeError(error) } satisfies ThreadAnswer),
  );
});
port.postMessage({ id: 0, result: 'ready' } satisfies ThreadAnswer);

/** An error as plain fields: the API's thread rebuilds it with the SQLSTATE and constraint. */
function describeError(error: unknown): ThreadError {
  const fields = (error ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === 'string' ? fields[key] : undefined);
  return {
    name: text('name') ?? 'Error',
    message: text('message') ?? String(error),
    code: text('code'),
    constraint: text('constraint'),
    detail: text('detail'),
  };
}
