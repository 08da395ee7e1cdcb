/**
 * Calls to the Rally API from the console, on its own origin with the session cookie. A refusal
 * becomes an `ApiProblem` carrying the API's own `detail` (problem+json), which the screen shows
 * next to what caused it.
 */

/** One field the API could not take (problem+json `errors`): its dotted path and why. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * A refusal from the API: its status, the sentence it gave, the fields it named, and what went
 * wrong in a word where the screen acts on it (`sign-in-again`: the last part of its `type`).
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly detail: string;
  readonly errors: readonly FieldProblem[];
  readonly kind: string;

  constructor(status: number, detail: string, errors: readonly FieldProblem[] = [], kind = '') {
    super(detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.detail = detail;
    this.errors = errors;
    this.kind = kind;
  }
}

export const apiBase = '/api/v1';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | undefined>;
}

/** The address of an API path with its query, leaving out empty values. */
export function apiUrl(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return `${apiBase}${path}${search ? `?${search}` : ''}`;
}

/**
 * The console's language (`lang` on the page, which `applyLocale` sets), for the API to word what
 * it refuses in: a piece's problems under its fields.
 */
export function consoleLanguage(): { 'Accept-Language'?: string } {
  const lang = document.documentElement.lang;
  return lang ? { 'Accept-Language': lang } : {};
}

/** Sends a request and reads its JSON answer; throws `ApiProblem` on any refusal. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query } = options;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...consoleLanguage(),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiProblem(0, '');
  }
  if (!response.ok) {
    let detail = '';
    let errors: FieldProblem[] = [];
    let kind = '';
    try {
      const problem = (await response.json()) as {
        type?: string;
        detail?: string;
        title?: string;
        errors?: FieldProblem[];
      };
      detail = problem.detail ?? problem.title ?? '';
      if (Array.isArray(problem.errors)) errors = problem.errors;
      if (typeof problem.type === 'string') kind = problem.type.split('/').pop() ?? '';
    } catch {
      // Not problem+json (a proxy's page): the status says enough.
    }
    throw new ApiProblem(
      response.status,
      detail || `${response.status} ${response.statusText}`,
      errors,
      kind,
    );
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The message to show for an error: the API's detail, or `fallback` when it gave none. */
export function problemText(error: unknown, unreachable: string): string {
  if (error instanceof ApiProblem) return error.detail || unreachable;
  return error instanceof Error ? error.message : String(error);
}

/** What to say beside the field at `path`: the API's words for that field, else the problem's. */
export function fieldProblemText(error: unknown, path: string, unreachable: string): string {
  const field = error instanceof ApiProblem ? error.errors.find((e) => e.path === path) : null;
  return field?.message ?? problemText(error, unreachable);
}
