/**
 * `navigate`: a screen sends the console to another one after an action that leaves nothing to
 * show where it was (a person erased), with a sentence the console's status region then says.
 */
export class NavigateEvent extends Event {
  /** The path under /console/. */
  readonly path: string;
  /** What happened, said politely on the screen opened. */
  readonly notice: string;

  constructor(path: string, notice = '') {
    super('navigate', { bubbles: true, composed: true });
    this.path = path;
    this.notice = notice;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    navigate: NavigateEvent;
  }
}
