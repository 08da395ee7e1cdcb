/**
 * Reads a widget's data (the petition, the event, the dues choices, the spotlights) with Lit's
 * Task: again whenever its address changes (another `petition`, `event`, `lang`, `api`…), and
 * aborting a read still under way, so a late answer never replaces a newer one. A read that fails
 * keeps what the same address gave before (a refresh while the signal is gone); one that leaves
 * nothing to show fires `rally-error`, and the widget's live region says it could not load.
 */
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { ApiError, getJson } from '../api/client.ts';
import { RallyErrorEvent } from '../events/rally-error-event.ts';

export type ResourceTask<Resource> = Task<[string | undefined], Resource>;

/**
 * `url` gives the address to read, or nothing while the widget lacks its attributes;
 * `onComplete` hears of each value read.
 */
export function resourceTask<Resource>(
  host: ReactiveControllerHost & HTMLElement,
  url: () => string | undefined,
  onComplete?: (value: Resource) => void,
): ResourceTask<Resource> {
  let last: { url: string; value: Resource } | undefined;
  return new Task(host, {
    args: () => [url()],
    task: async ([address], { signal }) => {
      if (!address) return initialState;
      try {
        const value = await getJson<Resource>(address, signal);
        last = { url: address, value };
        return value;
      } catch (error) {
        // Replaced by a newer read: its answer is the one that counts, and says any failure.
        if (signal.aborted) throw error;
        if (last?.url === address) return last.value;
        host.dispatchEvent(
          new RallyErrorEvent(
            error instanceof ApiError
              ? { reason: 'refused', status: error.status }
              : { reason: 'unreachable' },
          ),
        );
        throw error;
      }
    },
    onComplete,
  });
}

/** Whether the widget's data could not be loaded, with nothing loaded before to show instead. */
export function loadFailed(task: ResourceTask<unknown>): boolean {
  return task.status === TaskStatus.ERROR;
}
