/** RFC 9457 problem details: the one shape every API error takes. */
import { z } from 'zod';

/** Stable codes per failed field, so widgets can translate the message. */
export const fieldErrorCode = z.enum([
  'required',
  'invalid',
  'invalid_type',
  'invalid_email',
  'too_short',
  'too_long',
  'too_many',
]);

export const fieldError = z.object({
  /** Dotted path of the field in the JSON body (`person.email_addresses.0.address`). */
  path: z.string(),
  code: fieldErrorCode,
  /** An English explanation that says what to do. */
  message: z.string(),
});

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  /** For 422: every field that failed, each with its path and code. */
  errors: z.array(fieldError).optional(),
});

export type FieldErrorCode = z.infer<typeof fieldErrorCode>;
export type FieldError = z.infer<typeof fieldError>;
export type Problem = z.infer<typeof problem>;
