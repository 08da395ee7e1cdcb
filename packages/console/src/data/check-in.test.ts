/**
 * The door's outbox in Chromium's IndexedDB, with the network stubbed: each tap keeps the key made
 * when it was queued however often it is sent, the order of taps holds, nothing is lost to a
 * missing signal or an ended session, and what the API refuses for good is dropped with its reason.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flush, queueCheckIn, queueWalkIn, waiting } from './check-in.ts';

interface Sent {
  method: string;
  url: string;
  key: string | null;
  body: unknown;
}

/** Stubs fetch with `answer` for every call, recording what was sent. */
function stubFetch(answer: (call: number) => Response | Error): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      sent.push({
        method: init.method ?? 'GET',
        url,
        key: new Headers(init.headers).get('Idempotency-Key'),
        body: JSON.parse(String(init.body)),
      });
      const result = answer(sent.length);
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    }),
  );
  return sent;
}

const ok = () => new Response('{}', { status: 200 });
const problem = (status: number, detail: string) =>
  new Response(JSON.stringify({ detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

describe('the check-in outbox', () => {
  beforeEach(async () => {
    stubFetch(ok);
    await flush();
    vi.unstubAllGlobals();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends each tap once, in order, under the key made when it was queued', async () => {
    const first = await queueCheckIn('union-meeting', 'a1', true);
    const second = await queueWalkIn('union-meeting', { given_name: 'Thu', email: 't@x.org' });
    expect(first.key).not.toBe(second.key);
    expect((await waiting()).map((entry) => entry.key)).toEqual([first.key, second.key]);

    const sent = stubFetch(ok);
    expect(await flush()).toEqual({ sent: 2, refused: [], stillWaiting: false, signIn: false });
    expect(sent).toEqual([
      {
        method: 'PUT',
        url: '/api/v1/events/union-meeting/attendances/a1',
        key: first.key,
        body: { attended: true },
      },
      {
        method: 'POST',
        url: '/api/v1/events/union-meeting/walk-ins',
        key: second.key,
        body: { given_name: 'Thu', email: 't@x.org' },
      },
    ]);
    expect(await waiting()).toEqual([]);
    await flush();
    expect(sent).toHaveLength(2);
  });

  it('keeps everything, and the same keys, while there is no signal or the API fails', async () => {
    const first = await queueCheckIn('union-meeting', 'a1', true);
    await queueCheckIn('union-meeting', 'a2', true);
    for (const failure of [
      new TypeError('Failed to fetch'),
      problem(503, 'Down'),
      problem(429, 'Slow'),
    ]) {
      const sent = stubFetch(() => failure);
      expect(await flush()).toMatchObject({ sent: 0, stillWaiting: true });
      // Stopped at the first: the second is not sent before it.
      expect(sent.map((call) => call.key)).toEqual([first.key]);
      expect(await waiting()).toHaveLength(2);
    }
    const sent = stubFetch(ok);
    expect((await flush()).sent).toBe(2);
    expect(sent[0]!.key).toBe(first.key);
  });

  it('keeps what waits when the session has ended, and drops what the API refuses for good', async () => {
    await queueCheckIn('union-meeting', 'a1', true);
    stubFetch(() => problem(401, 'Sign in'));
    expect(await flush()).toMatchObject({ sent: 0, stillWaiting: true, signIn: true });
    expect(await waiting()).toHaveLength(1);

    await queueCheckIn('union-meeting', 'a2', null);
    stubFetch((call) => (call === 1 ? problem(404, 'No such RSVP') : ok()));
    expect(await flush()).toEqual({
      sent: 1,
      refused: ['No such RSVP'],
      stillWaiting: false,
      signIn: false,
    });
    expect(await waiting()).toEqual([]);
  });
});
