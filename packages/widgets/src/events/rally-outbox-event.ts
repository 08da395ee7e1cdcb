/**
 * Fired on `document` when a submission saved offline (an action first announced with
 * `queued: true`) reaches the API: `rally-outbox-sent` once the API records it, with the new
 * record's identifiers; `rally-outbox-refused` when the API refuses it for good (with its HTTP
 * `status`), so it is dropped. The outbox sends from any page with a Rally form, so no element is
 * there to fire them. Carries ids, never personal data.
 */
export type RallyOutboxEventType = 'rally-outbox-sent' | 'rally-outbox-refused';

export class RallyOutboxEvent extends Event {
  /** Which action it was: `join`, `sign` or `rsvp`. */
  readonly kind: 'join' | 'sign' | 'rsvp';
  /** The API's identifiers of the new record; empty when refused. */
  readonly identifiers: string[];
  /** The API's HTTP status when it refused the submission. */
  readonly status: number | undefined;

  constructor(
    type: RallyOutboxEventType,
    {
      kind,
      identifiers = [],
      status,
    }: { kind: RallyOutboxEvent['kind']; identifiers?: string[]; status?: number },
  ) {
    super(type, { bubbles: true, composed: true });
    this.kind = kind;
    this.identifiers = identifiers;
    this.status = status;
  }
}

declare global {
  interface DocumentEventMap {
    'rally-outbox-sent': RallyOutboxEvent;
    'rally-outbox-refused': RallyOutboxEvent;
  }
}
