/** RFC 9457 problem details: the one shape every API error takes. */

/** A stable code per failed field, so widgets can translate the message. */
export type FieldErrorCode =
  | 'required'
  | 'invalid'
  | 'invalid_type'
  | 'invalid_email'
  | 'too_short'
  | 'too_long'
  | 'too_many'
  | 'not_allowed';

export interface FieldError {
  /** Dotted path of the field in the JSON body (`person.email_addresses.0.address`). */
  path: string;
  code: FieldErrorCode;
  /** An English explanation that says what to do. */
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}
