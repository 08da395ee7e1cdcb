/** Fired when a widget could not do what the person asked; `status` is the API's HTTP status, if any. */
export class RallyErrorEvent extends Event {
  readonly status: number | undefined;
  readonly reason: 'invalid' | 'refused' | 'unreachable';

  constructor({ reason, status }: { reason: RallyErrorEvent['reason']; status?: number }) {
    super('rally-error', { bubbles: true, composed: true });
    this.reason = reason;
    this.status = status;
  }
}

declare global {
  interface HTMLElementEventMap {
    'rally-error': RallyErrorEvent;
  }
}
