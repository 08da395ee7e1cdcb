/** Talks to the Rally API: idempotent JSON writes, problem+json errors, and nothing else. */
import type { FieldError, Problem } from '@rally/core/problem';

/** The API answered with an error the person can act on (422, 409, 429…). */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined) {
    super(problem?.detail ?? `The API answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }

  /** Errors per field, for showing beside the fields. */
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}

/** The API could not be reached (offline, no signal, server down): worth trying again later. */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
}

/** Joins the API's base URL (the `api` attribute) and a path under `/api/v1`. */
export function apiUrl(base: string, path: string): string {
  return new URL(`api/v1/${path.replace(/^\//, '')}`, base.endsWith('/') ? base : `${base}/`).href;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    // Credentials as the loader's preload asks (`crossorigin="anonymous"`), so the first read is
    // answered from it; no cookies go to an API on another origin either way.
    response = await fetch(url, { credentials: 'same-origin', signal: signal ?? null });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new UnreachableError(`Could not reach ${url}.`);
  }
  if (!response.ok) throw await apiError(response);
  return (await response.json()) as T;
}

/**
 * Posts a write with its Idempotency-Key. A server error counts as an outage (the offline queue
 * sends the write again later) unless `serverErrorIsOutage` is false, for writes that cannot wait.
 * Sending the same key again, after a lost answer or from the offline queue, replays the first
 * answer: never a second record. `proveWork` adds the answer to a puzzle of the API's, which
 * every write of a person's carries (proof-of-work.ts).
 */
export async function postJson<T>(
  url: string,
  body: unknown,
  idempotencyKey: string,
  { serverErrorIsOutage = true, proveWork = false } = {},
): Promise<T> {
  const response = await (proveWork
    ? import('./proof-of-work.ts').then(
        ({ postProved }) => postProved(url, body, idempotencyKey),
        () => Promise.reject(new UnreachableError(`Could not load the puzzle for ${url}.`)),
      )
    : post(url, body, idempotencyKey));
  // A server in trouble is like no server: the submission waits and is sent again.
  if (serverErrorIsOutage && response.status >= 500)
    throw new UnreachableError(`${url} answered ${response.status}.`);
  if (!response.ok) throw await apiError(response);
  return (await response.json()) as T;
}

/** One attempt at a write; only a connection that fails is an error here. */
export async function post(url: string, body: unknown, idempotencyKey: string): Promise<Response> {
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

async function apiError(response: Response): Promise<ApiError> {
  const isProblem = response.headers.get('content-type')?.includes('problem+json');
  return new ApiError(
    response.status,
    isProblem ? ((await response.json()) as Problem) : undefined,
  );
}
