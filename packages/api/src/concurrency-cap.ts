/**
 * A cap on how many of one kind of costly task run at once, with a short line behind it: a task
 * that would have to wait behind a full line is refused at once rather than queued, so a flood
 * costs the process no more than the cap, and the requests behind it are told to come back
 * instead of waiting for minutes. The running and the line are p-limit's (4 kB, with its one
 * dependency, and already in the workspace); what it adds is the refusal.
 */
import pLimit from 'p-limit';

export interface ConcurrencyCap {
  /** Runs `task` when one of the cap's places is free; rejects with `AtCapacity` if the line is full. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** Refused because every place was taken and the line behind them full. */
export class AtCapacity extends Error {
  constructor() {
    super('Every place is taken and the line behind them is full.');
    this.name = 'AtCapacity';
  }
}

export function concurrencyCap({
  atOnce,
  waiting,
}: {
  /** Tasks running at the same time. */
  atOnce: number;
  /** Tasks that may wait for a place; one more is refused. */
  waiting: number;
}): ConcurrencyCap {
  const limit = pLimit(atOnce);
  return {
    run(task) {
      // p-limit counts a task as active or pending from the moment it is handed one.
      if (limit.activeCount + limit.pendingCount >= atOnce + waiting) {
        return Promise.reject(new AtCapacity());
      }
      return limit(task);
    },
  };
}
