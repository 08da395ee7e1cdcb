/** Fired when a widget's form passes validation, before anything is sent. */
export class RallySubmitEvent<Payload = unknown> extends Event {
  static readonly type = 'rally-submit';

  /** What the widget is about to send, in the API's (OSDI) field names. */
  readonly payload: Payload;

  constructor(payload: Payload) {
    // Composed so host pages can listen on `document` for analytics; cancelable so they can stop it.
    super(RallySubmitEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.payload = payload;
  }
}

declare global {
  interface HTMLElementEventMap {
    'rally-submit': RallySubmitEvent;
  }
}
