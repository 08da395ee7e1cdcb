/**
 * Sends the Rally API a write: JSON with its Idempotency-Key and, for a person's write, the answer
 * to the API's puzzle (proof-of-work.ts). Loaded when someone begins on a form, never to show one.
 */
import { UnreachableError, apiError } from './client.ts';
import { proofFor } from './proof-of-work.ts';

export { solveAhead } from './proof-of-work.ts';

/**
 * Posts a write with its Idempotency-Key. A server error counts as an outage (the offline queue
 * sends the write again later) unless `serverErrorIsOutage` is false, for writes that cannot wait.
 * Sending the same key again, after a lost answer or from the offline queue, replays the first
 * answer: never a second record. `proveWork` adds the answer to a puzzle of the API's, which
 * every write of a person's carries.
 */
export async function postJson<T>(
  url: string,
  body: unknown,
  idempotencyKey: string,
  { serverErrorIsOutage = true, proveWork = false } = {},
): Promise<T> {
  const response = await (proveWork
    ? postProved(url, body, idempotencyKey)
    : post(url, body, idempotencyKey));
  // A server in trouble is like no server: the submission waits and is sent again.
  if (serverErrorIsOutage && response.status >= 500)
    throw new UnreachableError(`${url} answered ${response.status}.`);
  if (!response.ok) throw await apiError(response);
  return (await response.json()) as T;
}

/** One attempt at a write; only a connection that fails is an error here. */
async function post(url: string, body: unknown, idempotencyKey: string): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(body),
    });
  } catch {
    throw new UnreachableError(`Could not reach ${url}.`);
  }
}

/**
 * Sends a write with a newly solved puzzle's answer. A 428 says the answer came too late or was
 * used already (a retry): one more is solved, and the same submission sent again under its key.
 */
async function postProved(url: string, body: unknown, idempotencyKey: string): Promise<Response> {
  const attempt = async () => {
    const altcha = await proofFor(url).catch(() => {
      throw new UnreachableError(`Could not reach ${url} for a puzzle.`);
    });
    return post(url, { ...(body as object), altcha }, idempotencyKey);
  };
  const response = await attempt();
  return response.status === 428 ? attempt() : response;
}
