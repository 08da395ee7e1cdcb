/**
 * Reads a write's body: JSON from widgets and API clients, or a plain HTML form (the no-JavaScript
 * path), which is mapped onto the same OSDI helper shape so one schema validates both.
 */
import type { Locale } from '@rally/core';
import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpProblem, invalidSubmission } from './problems.ts';
import { requestWords } from './request-words.ts';

export type BodyFormat = 'json' | 'form';

export interface Submission<T> {
  format: BodyFormat;
  data: T;
  /** For form posts: where the person asked to land afterwards (checked against allowed origins). */
  redirect: string | undefined;
}

export async function readSubmission<Schema extends z.ZodType>(
  c: Context,
  schema: Schema,
): Promise<Submission<z.infer<Schema>>> {
  const type = mediaType(c);
  let format: BodyFormat;
  let raw: unknown;
  let redirect: string | undefined;
  if (type === 'application/json') {
    format = 'json';
    raw = await jsonBody(c);
  } else if (type === 'application/x-www-form-urlencoded') {
    format = 'form';
    const fields = new URLSearchParams(await c.req.text());
    raw = helperFromForm(fields);
    redirect = fields.get('redirect') ?? undefined;
  } else {
    throw new HttpProblem(
      415,
      'Send application/json, or application/x-www-form-urlencoded from an HTML form.',
    );
  }
  return { format, data: validated(raw, schema), redirect };
}

/**
 * A JSON-only body, as staff tools send it, checked like any submission; refused in `lang`, the
 * staff member's where a route answers in it (publishing), else English.
 */
export async function readJson<Schema extends z.ZodType>(
  c: Context,
  schema: Schema,
  lang: Locale = 'en',
): Promise<z.infer<Schema>> {
  if (mediaType(c) !== 'application/json') throw new HttpProblem(415, requestWords[lang].sendJson);
  return validated(await jsonBody(c, lang), schema, lang);
}

function mediaType(c: Context): string | undefined {
  return c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
}

async function jsonBody(c: Context, lang: Locale = 'en'): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpProblem(400, requestWords[lang].notJson);
  }
}

/**
 * How deep a body may nest. The deepest field a helper takes sits five levels down
 * (`person.postal_addresses.0.address_lines.0`); JSON nested thousands deep would overflow the
 * stack of every recursive check after the parser, so it is refused before any of them.
 */
const maxDepth = 16;

function validated<Schema extends z.ZodType>(
  raw: unknown,
  schema: Schema,
  lang: Locale = 'en',
): z.infer<Schema> {
  const words = requestWords[lang];
  const tooDeep = pathDeeperThan(raw, maxDepth);
  if (tooDeep) {
    throw invalidSubmission(
      [{ code: 'custom', path: tooDeep, input: undefined, message: words.tooDeep(maxDepth) }],
      lang,
    );
  }
  // With the input on each issue, a missing field can be told from a wrong one; never echoed back.
  // A schema's own messages stand; zod words the rest in `lang`.
  const parsed = schema.safeParse(raw, { reportInput: true, error: words.issues });
  const unstorable = unstorableText(raw, [], lang);
  if (!parsed.success || unstorable.length > 0) {
    throw invalidSubmission([...unstorable, ...(parsed.error?.issues ?? [])], lang);
  }
  return parsed.data;
}

/**
 * The path of a field of `value` nested more than `limit` levels deep, named by its top-level
 * field (which is what a sender can find and fix; `[]` for the body itself), or `undefined`. Walked with a stack
 * of its own, so any depth is safe to measure.
 */
function pathDeeperThan(value: unknown, limit: number): PropertyKey[] | undefined {
  const pending: [node: unknown, depth: number, top: PropertyKey | undefined][] = [
    [value, 0, undefined],
  ];
  while (pending.length > 0) {
    const [node, depth, top] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return top === undefined ? [] : [top];
    for (const [key, child] of Object.entries(node)) {
      // A body that is itself an array has no field to name: the body is what is wrong.
      pending.push([child, depth + 1, top ?? (Array.isArray(node) ? undefined : key)]);
    }
  }
  return undefined;
}

/**
 * Strings PostgreSQL cannot store (a NUL character, half of a surrogate pair) would fail deep in
 * the database; they are found here instead, in any field, and named like any other bad field. So
 * is a field named `__proto__`, which every JavaScript object reserves: it would be dropped on the
 * way rather than stored.
 */
function unstorableText(
  value: unknown,
  path: PropertyKey[] = [],
  lang: Locale = 'en',
): z.core.$ZodIssue[] {
  const words = requestWords[lang];
  if (typeof value === 'string') {
    return unstorable(value) ? [{ code: 'custom', path, input: value, message: words.hidden }] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]): z.core.$ZodIssue[] =>
    // A name PostgreSQL cannot store fails like a value would, inside a custom_fields object.
    key === '__proto__' || unstorable(key)
      ? [{ code: 'custom', path: [...path, key], input: child, message: words.rename }]
      : unstorableText(child, [...path, key], lang),
  );
}

/** Text PostgreSQL refuses: a NUL character, or half of a surrogate pair. */
export function unstorable(text: string): boolean {
  return text.includes('\u0000') || !text.isWellFormed();
}

/**
 * The form field names a plain HTML form uses, and where each lands in the OSDI helper.
 * Documented for partners in docs/embedding.md; empty fields are left out.
 */
export const formFields = {
  given_name: 'person.given_name',
  family_name: 'person.family_name',
  email: 'person.email_addresses.0.address',
  phone: 'person.phone_numbers.0.number',
  postal_code: 'person.postal_addresses.0.postal_code',
  language: 'person.languages_spoken.0',
  comments: 'comments',
  region: 'region',
  sector: 'sector',
  source: 'referrer_data.source',
  referrer: 'referrer_data.referrer',
  page_url: 'referrer_data.url',
  consent_text: 'consent.text',
  consent_version: 'consent.version',
  nickname: 'nickname',
  form_started_at: 'form_started_at',
} as const;

export function helperFromForm(fields: URLSearchParams): Record<string, unknown> {
  const helper: Record<string, unknown> = {};
  for (const [field, path] of Object.entries(formFields)) {
    const value = fields.get(field);
    if (value === null || value.trim() === '') continue;
    setPath(
      helper,
      path,
      field === 'form_started_at' && /^\d+$/.test(value) ? Number(value) : value,
    );
  }
  const tags = fields.getAll('tag').filter((tag) => tag.trim() !== '');
  if (tags.length > 0) helper.add_tags = tags;
  // Every form needs a person, so an empty one yields "email required" rather than "person required".
  if (!helper.person) helper.person = { email_addresses: [] };
  const person = helper.person as Record<string, unknown>;
  person.email_addresses ??= [];
  // A ticked box posts "on" (or its value); only then does the consent text count.
  if (!fields.has('consent')) delete helper.consent;
  for (const [key, value] of fields) {
    const custom = /^custom_fields\[([a-z0-9_]{1,64})\]$/.exec(key);
    if (custom?.[1] && value.trim() !== '') {
      person.custom_fields = { ...(person.custom_fields as object), [custom[1]]: value };
    }
  }
  return helper;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> | unknown[] = target;
  keys.forEach((key, index) => {
    const last = index === keys.length - 1;
    const nextIsIndex = /^\d+$/.test(keys[index + 1] ?? '');
    const slot = node as Record<string, unknown>;
    if (last) slot[key] = value;
    else node = (slot[key] ??= nextIsIndex ? [] : {}) as Record<string, unknown> | unknown[];
  });
}
