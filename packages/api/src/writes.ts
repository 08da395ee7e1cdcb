/**
 * Carries out public writes in batches: requests arriving together are written by one call of
 * `rally_write_batch` (sql/functions/rally_write_batch.sql), in one transaction
 * with one commit, and each is answered after that commit. A write that fails fails alone: one
 * its petition or event refuses is answered from inside the batch; any other error fails the
 * batch, and its writes are run again one by one.
 */
import { batcher } from './batcher.ts';
import type { Database } from './database.ts';

/** The database functions that carry out public writes (sql/functions/, one file each). */
export type WriteFunction =
  'rally_signup_person' | 'rally_sign_petition' | 'rally_record_attendance';

export interface Write {
  fn: WriteFunction;
  /** The function's one argument; `req.person.email` orders the batch. */
  req: { person: { email: string; referral_code: string } } & Record<string, unknown>;
}

/** A write the database refused, with its SQLSTATE in `code`, as the driver reports errors. */
export class WriteError extends Error {
  override name = 'WriteError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export type Writer = <Result>(write: Write) => Promise<Result>;

type Answer = { result: unknown } | { error: { code: string; message: string } };

/**
 * On a server, two batches at once: one runs while the other's answers go out, and the writes
 * arriving meanwhile gather into the next. A transaction alone costs the database about as much
 * as three writes in it, so four at once, with batches half as large, made each write dearer
 * (measured: 10% fewer signatures per second). Thirty-two writes make a transaction that still
 * commits in a few milliseconds. The embedded database runs one statement at a time in its own
 * thread: one batch at once, while the next gathers here (measured: a second in flight gave no
 * more signatures per second, 0.87–1.04 of the baseline against 1.00–1.08).
 */
const batchOptions = {
  postgres: { inFlight: 2, maxBatch: 32 },
  pglite: { inFlight: 1, maxBatch: 32 },
};

export function writer(db: Database): Writer {
  const writeBatch = async (writes: Write[]): Promise<unknown[]> => {
    if (writes.length === 1) {
      // Alone, a write needs no savepoint: its own function, its own transaction.
      const { fn, req } = writes[0]!;
      const [row] = await db.query<{ result: unknown }>(`select ${fn}($1::jsonb) as result`, [
        JSON.stringify(req),
      ]);
      return [row!.result];
    }
    // People are written in the order of their email in every batch, so two batches writing the
    // same people take their row locks in the same order and never wait on each other in a circle.
    const order = writes.map((_, index) => index);
    order.sort((a, b) => (writes[a]!.req.person.email < writes[b]!.req.person.email ? -1 : 1));
    const [row] = await db.query<{ answers: Answer[] }>(
      'select rally_write_batch($1::jsonb) as answers',
      [JSON.stringify(order.map((index) => writes[index]))],
    );
    const answers = row!.answers;
    const outcomes: unknown[] = new Array(writes.length);
    order.forEach((index, position) => {
      const answer = answers[position]!;
      outcomes[index] =
        'error' in answer ? new WriteError(answer.error.code, answer.error.message) : answer.result;
    });
    return outcomes;
  };

  const batched = batcher<Write, unknown>(async (writes) => {
    try {
      return (await writeBatch(writes)) as (unknown | Error)[];
    } catch (error) {
      // The whole transaction failed and kept nothing (a reused Idempotency-Key, a deadlock with
      // another batch, a lost connection): each write is run again on its own, so one cause
      // never fails a crowd.
      if (writes.length === 1) throw error;
      return Promise.all(
        writes.map((write) =>
          writeBatch([write]).then(
            ([outcome]) => outcome,
            (failure: unknown) => (failure instanceof Error ? failure : new Error(String(failure))),
          ),
        ),
      );
    }
  }, batchOptions[db.kind]);

  return <Result>(write: Write) => batched(write) as Promise<Result>;
}
