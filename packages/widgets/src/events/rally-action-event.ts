/**
 * Fired when a person's action is recorded — `rally-joined`, `rally-signed`, `rally-rsvp`, `rally-dues-paid` — or saved
 * offline to be sent later (`queued: true`). Bubbles out of the shadow root for host-page analytics;
 * carries ids, never personal data.
 */
export type RallyActionType = 'rally-joined' | 'rally-signed' | 'rally-rsvp' | 'rally-dues-paid';

export class RallyActionEvent extends Event {
  /** The API's identifiers of the new record; empty while queued offline. */
  readonly identifiers: string[];
  /** True when the action is saved on the device, waiting for a connection. */
  readonly queued: boolean;

  constructor(type: RallyActionType, identifiers: string[], queued = false) {
    super(type, { bubbles: true, composed: true });
    this.identifiers = identifiers;
    this.queued = queued;
  }
}

declare global {
  interface HTMLElementEventMap {
    'rally-joined': RallyActionEvent;
    'rally-signed': RallyActionEvent;
    'rally-rsvp': RallyActionEvent;
    'rally-dues-paid': RallyActionEvent;
  }
}
