/**
 * `new-version`, on the window: a new build of the console took over this page (its service
 * worker, service-worker.ts), and the files this page may still load lazily may be gone. The
 * console says so and offers to reload; it never reloads by itself.
 */
export class NewVersionEvent extends Event {
  constructor() {
    super('new-version');
  }
}

declare global {
  interface WindowEventMap {
    'new-version': NewVersionEvent;
  }
}
