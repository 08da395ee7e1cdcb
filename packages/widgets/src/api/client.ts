/**
 * Talks to the Rally API: reads, and the errors every answer may carry (problem+json). Writes are
 * in write.ts, which loads only when someone begins on a form.
 */
import type { Problem } from '@rally/core/problem';

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

/** The API's error answer, with its problem details when it sent them. */
export async function apiError(response: Response): Promise<ApiError> {
  const isProblem = response.headers.get('content-type')?.includes('problem+json');
  return new ApiError(
    response.status,
    isProblem ? ((await response.json()) as Problem) : undefined,
  );
}
