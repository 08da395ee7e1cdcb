/** `signed-in`: a screen has just signed someone in; the console reads who and moves on. */
export class SignedInEvent extends Event {
  constructor() {
    super('signed-in', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'signed-in': SignedInEvent;
  }
}
