/** Errors as RFC 9457 problem details: one class to throw, one place that renders it. */
import type { FieldError, FieldErrorCode, Locale, Problem } from '@rally/core';
import type { z } from 'zod';
import { requestWords, type RequestWords } from './request-words.ts';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Invalid submission',
  428: 'Confirmation required',
  429: 'Too many requests',
  503: 'Service unavailable',
};

/** Thrown anywhere in a handler; the app turns it into a problem+json answer. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  /** What went wrong in a word, where the status alone does not say (`origin-not-allowed`). */
  readonly kind: string | undefined;

  constructor(
    status: number,
    detail: string,
    options: { errors?: FieldError[]; headers?: Record<string, string>; kind?: string } = {},
  ) {
    super(detail);
    this.status = status;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.kind = options.kind;
  }

  toJSON(): Problem {
    const title = titles[this.status] ?? 'Error';
    const kind = this.kind ?? title.toLowerCase().replaceAll(' ', '-');
    return {
      type: `https://rally.invalid/problems/${kind}`,
      title,
      status: this.status,
      detail: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

/**
 * A 422 naming every failed field of a schema check, with stable codes widgets translate; its
 * sentence and messages in `lang` (the issues' own messages are the schema's, worded in it).
 */
export function invalidSubmission(issues: z.core.$ZodIssue[], lang: Locale = 'en'): HttpProblem {
  const words = requestWords[lang];
  const errors = issues.flatMap((issue) =>
    // A field the endpoint does not take is named itself, not its parent object.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: [...issue.path, key].join('.'),
          code: 'invalid' as const,
          message: words.notHere,
        }))
      : [
          {
            path: issue.path.join('.'),
            code: fieldErrorCode(issue),
            message: fieldErrorMessage(issue, words),
          },
        ],
  );
  const fields = [...new Set(errors.map((e) => e.path || 'body'))].join(', ');
  return new HttpProblem(422, words.someFields(fields), { errors });
}

function fieldErrorCode(issue: z.core.$ZodIssue): FieldErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid_type';
    case 'too_small':
      return issue.origin === 'array' && issue.minimum === 1 ? 'required' : 'too_short';
    case 'too_big':
      return issue.origin === 'array' ? 'too_many' : 'too_long';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : 'invalid';
    default:
      return 'invalid';
  }
}

function fieldErrorMessage(issue: z.core.$ZodIssue, words: RequestWords): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return words.required;
  if (issue.code === 'too_big') return words.atMost(issue.maximum, issue.origin);
  if (issue.code === 'too_small' && issue.minimum !== 1) {
    return words.atLeast(issue.minimum, issue.origin);
  }
  return issue.message;
}

/**
 * Text safe for one line of a log: control characters (a newline from `%0a` in an address, say)
 * written as `\u000a` escapes, so nothing a request holds can forge a line of its own.
 */
export function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for.
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
