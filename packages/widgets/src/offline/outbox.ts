/**
 * The outbox: submissions that could not reach the API wait in IndexedDB and are sent when the
 * connection returns, with their original Idempotency-Key, so a retry never makes a second record.
 * Loaded when someone begins on a form, or when something waits (waiting.ts): no page needs it to
 * show a form.
 */
import type { AttendanceReceipt } from '@rally/core/resources';
import { clear, createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { atom } from 'nanostores';
import { ApiError, UnreachableError } from '../api/client.ts';
import { postJson } from '../api/write.ts';
import { RallyOutboxEvent } from '../events/rally-outbox-event.ts';
import { $person } from '../state/person.ts';
import { outboxMark } from './waiting.ts';

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
  const count = (await entries(outbox())).length;
  $waiting.set(count);
  try {
    // For pages that have not loaded the outbox: something waits, so load it (waiting.ts).
    if (count > 0) localStorage.setItem(outboxMark, String(count));
    else localStorage.removeItem(outboxMark);
  } catch {
    // Storage blocked: pages find out when someone begins on a form and the outbox loads.
  }
}

/** Takes in the submissions a form kept in localStorage while this module could not be fetched. */
async function takeInKept(): Promise<void> {
  try {
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith(`${outboxMark}:`)) continue;
      const entry = JSON.parse(localStorage.getItem(key)!) as OutboxEntry;
      await set(entry.key, entry, outbox());
      localStorage.removeItem(key);
    }
  } catch {
    // Storage blocked: nothing could have been kept there.
  }
}

let flushing: Promise<void> | undefined;

/**
 * Sends everything waiting, oldest first. Stops at the first unreachable API (still offline);
 * drops an entry the API refuses for good (it can never succeed), announcing it.
 */
export function flushOutbox(): Promise<void> {
  flushing ??= (async () => {
    try {
      await takeInKept();
      const waiting = (await entries<string, OutboxEntry>(outbox()))
        .map(([, entry]) => entry)
        .sort((a, b) => a.queuedAt - b.queuedAt);
      for (const entry of waiting) {
        try {
          // A new puzzle for each attempt: an answer counts once, and the saved one may be old.
          const answer = await postJson<{ identifiers: string[] }>(
            entry.url,
            entry.body,
            entry.key,
            { proveWork: true },
          );
          await del(entry.key, outbox());
          if (entry.kind === 'rsvp') rememberRsvp(entry, answer as AttendanceReceipt);
          const { kind } = entry;
          document.dispatchEvent(
            new RallyOutboxEvent('rally-outbox-sent', { kind, identifiers: answer.identifiers }),
          );
        } catch (error) {
          if (error instanceof UnreachableError) break;
          if (error instanceof ApiError) {
            await del(entry.key, outbox());
            const { kind } = entry;
            document.dispatchEvent(
              new RallyOutboxEvent('rally-outbox-refused', { kind, status: error.status }),
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
  try {
    for (const key of Object.keys(localStorage))
      if (key.startsWith(`${outboxMark}:`)) localStorage.removeItem(key);
  } catch {
    // Storage blocked: nothing was kept there.
  }
  await countWaiting();
}
