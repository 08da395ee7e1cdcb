/**
 * Events and the door: each event's RSVPs, waitlist and attendance (the dashboard's `events`
 * figure), an event's RSVP list (kept in IndexedDB, so the check-in screen searches it with no
 * signal), and the outbox of check-ins and walk-ins. Each tap is queued in IndexedDB first, with
 * an Idempotency-Key made at that moment, then sent; what cannot be sent waits and is sent again
 * when the connection returns. The API carries out each key once, so a send repeated after a lost
 * answer is counted once (docs/api.md, “Who came”).
 */
import { clear, createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { ApiProblem, apiUrl, request } from './api.ts';
import type { Dashboard } from './dashboard.ts';

/** One event as the Events screen lists it. */
export interface EventFigures {
  event: string;
  title: string;
  start_at: string;
  capacity: number | null;
  rsvps: number;
  waitlisted: number;
  attended: number;
}

/** One RSVP on the door's list. */
export interface Rsvp {
  id: string;
  given_name: string | null;
  family_name: string | null;
  /** Empty for a walk-in added without one. */
  email: string;
  status: 'accepted' | 'waitlisted' | 'cancelled';
  attended: boolean | null;
}

/** What the check-in screen keeps of an event, to open with no signal. */
export interface DoorList {
  event: string;
  title: string;
  start_at: string | null;
  rsvps: Rsvp[];
  /** When the API gave it. */
  fetchedAt: string;
}

/** A check-in or walk-in waiting to be sent, under the key made when it was tapped. */
export type Queued =
  | {
      key: string;
      kind: 'check-in';
      event: string;
      attendance: string;
      attended: boolean | null;
      queuedAt: number;
    }
  | {
      key: string;
      kind: 'walk-in';
      event: string;
      walkIn: { given_name: string; family_name?: string; email?: string; phone?: string };
      queuedAt: number;
    };

let stores: { lists: UseStore; outbox: UseStore } | undefined;
// Two databases, as idb-keyval keeps one store in each.
const db = () =>
  (stores ??= {
    lists: createStore('rally-console-lists', 'lists'),
    outbox: createStore('rally-console-outbox', 'outbox'),
  });

/** Whether an error means the API could not be reached (no signal), not that it refused. */
export const unreachable = (error: unknown) => error instanceof ApiProblem && error.status === 0;

/** The events held from a year ago, and those to come, with their figures; kept for offline. */
export async function loadEvents(): Promise<{ events: EventFigures[]; offline: boolean }> {
  try {
    // Only the events figure: the rest of the dashboard is not counted for this list.
    const dashboard = await request<Dashboard>('/reports/dashboard', {
      query: { figures: 'events' },
    });
    const events = (dashboard.figures.events ?? []) as unknown as EventFigures[];
    await set('events', events, db().lists).catch(() => undefined);
    return { events, offline: false };
  } catch (error) {
    const kept = unreachable(error)
      ? await get<EventFigures[]>('events', db().lists).catch(() => undefined)
      : undefined;
    if (kept) return { events: kept, offline: true };
    throw error;
  }
}

interface AttendancePage {
  total_pages?: number;
  _embedded?: {
    'osdi:attendances'?: {
      identifiers: string[];
      status: Rsvp['status'];
      attended: boolean | null;
      _embedded?: {
        'osdi:person'?: {
          given_name: string | null;
          family_name: string | null;
          email_addresses?: { address: string }[];
        };
      };
    }[];
  };
}

interface EventResource {
  title: string;
  start_date: string;
}

/** Every RSVP of the event, oldest first, each page asked for in turn. */
async function fetchRsvps(event: string): Promise<Rsvp[]> {
  const rsvps: Rsvp[] = [];
  for (let page = 1, pages = 1; page <= pages; page += 1) {
    const answer = await request<AttendancePage>(
      `/events/${encodeURIComponent(event)}/attendances`,
      { query: { page: String(page), per_page: '100' } },
    );
    pages = Math.min(answer.total_pages ?? 1, 200);
    for (const item of answer._embedded?.['osdi:attendances'] ?? []) {
      const person = item._embedded?.['osdi:person'];
      rsvps.push({
        id: (item.identifiers.find((id) => id.startsWith('rally:')) ?? '').slice('rally:'.length),
        given_name: person?.given_name ?? null,
        family_name: person?.family_name ?? null,
        email: person?.email_addresses?.[0]?.address ?? '',
        status: item.status,
        attended: item.attended,
      });
    }
  }
  return rsvps;
}

/** The event's door list from the API, kept for offline; with no signal, the one kept. */
export async function loadDoorList(event: string): Promise<{ list: DoorList; offline: boolean }> {
  try {
    const [resource, rsvps] = await Promise.all([
      request<EventResource>(`/events/${encodeURIComponent(event)}`),
      fetchRsvps(event),
    ]);
    const list: DoorList = {
      event,
      title: resource.title,
      start_at: resource.start_date,
      rsvps,
      fetchedAt: new Date().toISOString(),
    };
    await set(`door:${event}`, list, db().lists).catch(() => undefined);
    return { list, offline: false };
  } catch (error) {
    const kept = unreachable(error)
      ? await get<DoorList>(`door:${event}`, db().lists).catch(() => undefined)
      : undefined;
    if (kept) return { list: kept, offline: true };
    throw error;
  }
}

/**
 * Deletes the lists kept on the device (names and emails of those who RSVPed), on signing out: a
 * shared tablet keeps no one's list for the next person. What waits to be sent stays until sent.
 */
export async function forgetLists(): Promise<void> {
  await clear(db().lists).catch(() => undefined);
}

/** Everything waiting to be sent, oldest first. */
export async function waiting(): Promise<Queued[]> {
  return (await entries<string, Queued>(db().outbox))
    .map(([, entry]) => entry)
    .sort((a, b) => a.queuedAt - b.queuedAt);
}

let lastQueuedAt = 0;

/**
 * When a tap is queued, always later than the one before: two taps within one millisecond would
 * otherwise be sent in the order of their random keys, not the order they were made in.
 */
function nextQueuedAt(): number {
  lastQueuedAt = Math.max(Date.now(), lastQueuedAt + 1);
  return lastQueuedAt;
}

/** A new key for one tap: the same key however often that tap is sent. */
const newKey = () => crypto.randomUUID();

/** Queues a check-in (true), a correction (null clears it) for one RSVP. */
export async function queueCheckIn(
  event: string,
  attendance: string,
  attended: boolean | null,
): Promise<Queued> {
  const entry: Queued = {
    key: newKey(),
    kind: 'check-in',
    event,
    attendance,
    attended,
    queuedAt: nextQueuedAt(),
  };
  await set(entry.key, entry, db().outbox);
  return entry;
}

/** Queues a walk-in: the person and their attendance. */
export async function queueWalkIn(
  event: string,
  walkIn: Extract<Queued, { kind: 'walk-in' }>['walkIn'],
): Promise<Queued> {
  const entry: Queued = { key: newKey(), kind: 'walk-in', event, walkIn, queuedAt: nextQueuedAt() };
  await set(entry.key, entry, db().outbox);
  return entry;
}

/** Sends one queued entry under its key; throws `ApiProblem` as `request` does. */
export async function send(entry: Queued): Promise<void> {
  const path =
    entry.kind === 'check-in'
      ? `/events/${encodeURIComponent(entry.event)}/attendances/${encodeURIComponent(entry.attendance)}`
      : `/events/${encodeURIComponent(entry.event)}/walk-ins`;
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: entry.kind === 'check-in' ? 'PUT' : 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Idempotency-Key': entry.key,
      },
      body: JSON.stringify(entry.kind === 'check-in' ? { attended: entry.attended } : entry.walkIn),
    });
  } catch {
    throw new ApiProblem(0, '');
  }
  if (!response.ok) {
    let detail = '';
    try {
      detail = ((await response.json()) as { detail?: string }).detail ?? '';
    } catch {
      // Not problem+json: the status says enough.
    }
    throw new ApiProblem(response.status, detail || `${response.status} ${response.statusText}`);
  }
}

/** What a send of the outbox came to. */
export interface FlushResult {
  sent: number;
  /** Entries the API refused for good (they could never succeed), with its sentence. */
  refused: string[];
  /** Whether some are still waiting: no signal, or the API failing for now. */
  stillWaiting: boolean;
  /** Whether the API asked for a sign-in (the session ended while they waited). */
  signIn: boolean;
}

let flushing: Promise<FlushResult> | undefined;

/**
 * Sends everything waiting, oldest first, stopping at the first that cannot get through (no
 * signal, a session that ended, or the API failing or limiting for now) so the order of taps
 * holds. An entry the API refuses for good (another 4xx) is dropped and its sentence returned.
 */
export function flush(): Promise<FlushResult> {
  flushing ??= (async () => {
    const result: FlushResult = { sent: 0, refused: [], stillWaiting: false, signIn: false };
    try {
      for (const entry of await waiting()) {
        try {
          await send(entry);
          result.sent += 1;
        } catch (error) {
          const status = error instanceof ApiProblem ? error.status : 0;
          // Signed out meanwhile (401) or refused for now: kept until someone signs in again.
          const forNow = [0, 401, 403, 408, 429].includes(status) || status >= 500;
          if (forNow) {
            result.stillWaiting = true;
            if (status === 401 || status === 403) result.signIn = true;
            break;
          }
          result.refused.push(error instanceof ApiProblem ? error.detail : String(error));
        }
        await del(entry.key, db().outbox);
      }
    } finally {
      flushing = undefined;
    }
    return result;
  })();
  return flushing;
}
