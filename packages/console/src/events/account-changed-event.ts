/**
 * `account-changed`: the person changed their own account (their name), or signed in again to
 * confirm it is them; the console reads who is signed in again, so the header and the session
 * shown are current.
 */
export class AccountChangedEvent extends Event {
  constructor() {
    super('account-changed', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'account-changed': AccountChangedEvent;
  }
}
