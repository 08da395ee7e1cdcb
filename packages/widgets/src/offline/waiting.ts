/**
 * What a page knows of the outbox (outbox.ts) without loading it, since no form needs the outbox
 * to be shown: whether submissions wait on this device, and a submission kept for the outbox when
 * its code cannot be fetched — the signal went after the page loaded, before anyone began on the
 * form that would have loaded it.
 */
import type { OutboxEntry } from './outbox.ts';

/**
 * The localStorage key the outbox sets while it holds submissions; `…:<Idempotency-Key>` holds a
 * submission kept for it. (IndexedDB, where the outbox keeps them, cannot be asked synchronously.)
 */
export const outboxMark = 'rally:outbox';

const loadOutbox = () => import('./outbox.ts');

/** Loads the outbox and has it send what waits, now and whenever the connection returns. */
export function watchOutbox(): Promise<void> {
  return loadOutbox().then(
    (outbox) => outbox.watchOutbox(),
    () => {}, // Offline: the next page load, or the connection's return, tries again.
  );
}

/** Whether submissions wait on this device to be sent. */
export function submissionsWaiting(): boolean {
  try {
    return Object.keys(localStorage).some((key) => key.startsWith(outboxMark));
  } catch {
    return false; // Storage blocked (sandboxed frame): the outbox could not have kept any.
  }
}

/**
 * Saves a submission for the outbox: in it when its code loads, else kept in localStorage for it to
 * take in once it can be fetched — when the connection returns on this page, or on the next page
 * with a Rally form. Resolves false when nothing could be saved.
 */
export async function saveForLater(entry: OutboxEntry): Promise<boolean> {
  try {
    await (await loadOutbox()).enqueue(entry);
    return true;
  } catch {
    try {
      localStorage.setItem(`${outboxMark}:${entry.key}`, JSON.stringify(entry));
    } catch {
      return false;
    }
    addEventListener('online', watchOutbox, { once: true });
    return true;
  }
}
