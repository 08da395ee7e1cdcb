/**
 * How a screen of the console loads what it lists (accounts, keys, invitations, sessions, the
 * audit log): with Lit's Task, when the screen opens and again whenever what it asks for changes
 * (`args`: an account chosen, filters), or when the screen changed something (`reload`). A load
 * overtaken by a newer one is not shown. What was loaded stays on screen while the list loads
 * again and when a reload fails; why it failed is the API's own sentence, for the screen's
 * problem region.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { problemText } from './api.ts';

export interface ListLoaderOptions<T, A extends readonly unknown[]> {
  /** Asks the API; `previous` is what was loaded before (the pages before an older one). */
  load: (args: A, previous: T | undefined) => Promise<T>;
  /** What the list depends on: a change loads it again. */
  args?: () => A;
}

export class ListLoader<T, A extends readonly unknown[] = []> {
  private readonly task: Task<A, T>;
  private loaded: T | undefined;

  constructor(host: ReactiveControllerHost, { load, args }: ListLoaderOptions<T, A>) {
    this.task = new Task<A, T>(host, {
      task: (values) => load(values, this.loaded),
      args: args ?? (() => [] as unknown as A),
      // Only the load still wanted completes: an overtaken one never replaces a newer answer.
      onComplete: (value) => (this.loaded = value),
    });
  }

  /** What was last loaded; undefined until the first load is done. */
  get value(): T | undefined {
    return this.loaded;
  }

  /** Whether a load is under way. */
  get loading(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** Why the last load failed, in the API's words (`unreachable` when it said none); else ''. */
  problem(unreachable: string): string {
    return this.task.status === TaskStatus.ERROR ? problemText(this.task.error, unreachable) : '';
  }

  /** Loads the list again, after a change the screen made; settles once it has loaded or failed. */
  reload(): Promise<void> {
    return this.task.run();
  }
}
