/**
 * The embedded database's own thread. PGlite is PostgreSQL compiled to WebAssembly: it runs in
 * the thread that opened it, and under load it is most of the API's work. Here it runs beside the
 * API's thread instead of in it, so HTTP, validation and the database use the machine's two cores
 * at once, and while a long statement runs (a staff export), requests that need none are answered.
 *
 * The API's side of this conversation is `openPGlite` in database.ts; the messages are
 * `ThreadRequest` and `ThreadAnswer` there.
 */
import { closeSync, fdatasyncSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { NodeFS } from '@electric-sql/pglite/nodefs';
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

/** Files forced to the disk so far: tests read it to see that reads force nothing. */
let syncs = 0;
/** Whether PostgreSQL's syncs reach the disk: checked once open, as a PGlite upgrade could undo it. */
let syncsReachTheDisk = false;

/**
 * PGlite's files in a folder, where a file PostgreSQL syncs is synced. PGlite starts PostgreSQL
 * with fsync off, and its file system does nothing when asked to sync; with fsync on, PostgreSQL
 * syncs exactly when a commit needs it — the write-ahead log when a transaction that wrote commits,
 * the tables at a checkpoint — and never after a read.
 */
class SyncingNodeFS extends NodeFS {
  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, options);
    const syncFiles = (module: { NODEFS: EmscriptenNodeFS }) => {
      const { NODEFS } = module;
      NODEFS.stream_ops.fsync = (stream) => {
        syncs++;
        if (stream.nfd !== undefined) {
          fdatasyncSync(stream.nfd);
        } else {
          // A folder, synced so that a file just made in it (a log segment) stays there.
          const fd = openSync(NODEFS.realPath(stream.node), 'r');
          try {
            fsyncSync(fd);
          } finally {
            closeSync(fd);
          }
        }
        return 0;
      };
      syncsReachTheDisk = true;
    };
    return {
      emscriptenOpts: {
        ...emscriptenOpts,
        preRun: [...(emscriptenOpts.preRun ?? []), syncFiles as (module: unknown) => void],
      },
    };
  }
}

/** What of Emscripten's node file system this file uses (it is not in PGlite's types). */
interface EmscriptenNodeFS {
  stream_ops: { fsync?: (stream: { nfd?: number; node: unknown }) => number };
  realPath: (node: unknown) => string;
}

const syncing = durability === 'fsync' && onDisk;
const db = await PGlite.create({
  dataDir,
  ...(syncing
    ? {
        fs: new SyncingNodeFS(dataDir),
        // PGlite's own parameters, with fsync left on (`-F` turns it off), and the log synced
        // with fsync, the call the file system carries (its fdatasync does nothing).
        startParams: [
          ...PGlite.defaultStartParams.filter((parameter) => parameter !== '-F'),
          '-c',
          'wal_sync_method=fsync',
        ],
      }
    : {}),
  // Person search indexes trigrams (migration 016); PostgreSQL servers have it in their contrib.
  extensions: { pg_trgm },
  pgliteWasmModule: modules.pglite,
  initdbWasmModule: modules.initdb,
  ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
});

if (syncing && !syncsReachTheDisk) {
  throw new Error('The embedded database cannot force its files to the disk with this PGlite.');
}

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
      return { result: rows };
    }
    case 'exec':
      await on.exec(request.sql);
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
    case 'syncs':
      return { result: syncs };
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
    .then(() => {});
  // If BEGIN itself fails, `settled` rejects before the transaction has started.
  const open = await Promise.race([started, settled.then(() => undefined)]);
  return { ...open!, settled };
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
