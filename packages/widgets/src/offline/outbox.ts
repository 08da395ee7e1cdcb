/**
 * The outbox: submissions that could not reach the API wait in IndexedDB and are sent when the
 * connection returns, with their original Idempotency-Key, so a retry never makes a second record.
 */
import type { AttendanceReceipt } from '@rally/core/resources';
import { clear, createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { atom } from 'nanostores';
import { ApiError, postJson, UnreachableError } from '../api/client.ts';
import { $person } from '../state/person.ts';

export interface OutboxEntry {
  /** The submission's Idempotency-Key. */
  key: string;
  url: string;
  body: unknown;
  /** Which widget made it, for the event fired when it is sent. */
  kind: 'join' | 'sign' | 'rsvp';
  queuedAt: number;
}

/** How many submissions are waiting on this device to be sent. */
export const $waiting = atom(0);

let store: UseStore | undefined;
const outbox = () => (store ??= createStore('rally', 'outbox'));

export async function enqueue(entry: OutboxEntry): Promise<void> {
  await set(entry.key, entry, outbox());
  await countWaiting();
}

async function countWaiting(): Promise<void> {
  $waiting.set((await entries(outbox())).length);
}

let flushing: Promise<void> | undefined;

/**
 * Sends everything waiting, oldest first. Stops at the first unreachable API (still offline);
 * drops an entry the API refuses for good (it can never succeed), announcing it.
 */
export function flushOutbox(): Promise<void> {
  flushing ??= (async () => {
    try {
      const waiting = (await entries<string, OutboxEntry>(outbox()))
        .map(([, entry]) => entry)
        .sort((a, b) => a.queuedAt - b.queuedAt);
      for (const entry of waiting) {
        try {
          // A new puzzle for each attempt: an answer counts once, and the saved one may be old.
          const answer = await postJson(entry.url, entry.body, entry.key, { proveWork: true });
          await del(entry.key, outbox());
          if (entry.kind === 'rsvp') rememberRsvp(entry, answer as AttendanceReceipt);
          document.dispatchEvent(
            new CustomEvent('rally-outbox-sent', { detail: { entry, answer } }),
          );
        } catch (error) {
          if (error instanceof UnreachableError) break;
          if (error instanceof ApiError) {
            await del(entry.key, outbox());
            document.dispatchEvent(
              new CustomEvent('rally-outbox-refused', { detail: { entry, error } }),
            );
          } else throw error;
        }
      }
    } finally {
      await countWaiting();
      flushing = undefined;
    }
  })();
  return flushing;
}

/**
 * An RSVP sent from the outbox is remembered with the person who made it, as one sent at once is
 * (event-rsvp/rsvp-answer.ts), so that they find it, and its cancel button, when they come back.
 */
function rememberRsvp(entry: OutboxEntry, receipt: AttendanceReceipt): void {
  const person = $person.get();
  const event = /\/events\/([^/]+)\/attendances$/.exec(new URL(entry.url).pathname)?.[1];
  const email = (entry.body as { person?: { email_addresses?: { address?: string }[] } }).person
    ?.email_addresses?.[0]?.address;
  // Only while the person who made it is the one known on this device.
  if (!person || !event || email !== person.email) return;
  const rsvp = { status: receipt.status, cancel: receipt._links['rally:cancel'].href };
  $person.set({ ...person, rsvps: { ...person.rsvps, [decodeURIComponent(event)]: rsvp } });
}

let watching = false;

/** Sends the outbox now and whenever the browser says the connection is back. */
export function watchOutbox(): void {
  if (watching) return;
  watching = true;
  window.addEventListener('online', () => void flushOutbox());
  void flushOutbox();
}

/** Empties the outbox (tests, and a person clearing their device). */
export async function clearOutbox(): Promise<void> {
  await clear(outbox());
  await countWaiting();
}
