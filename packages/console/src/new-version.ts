/**
 * Notices a new build of the console. Its service worker takes over open pages at once (skipWaiting
 * and clients.claim in service-worker.ts) and deletes the cache of the build before, so a page
 * opened before keeps running the old code while the screens it has not loaded yet may no longer
 * be there. When a worker takes control of a page that already had one, this says so
 * (`NewVersionEvent`); the first worker taking control of a page that loaded without one
 * brings the same build, and is no news.
 */
import { NewVersionEvent } from './events/new-version-event.ts';

let ready = false;

/** Whether a new version took over this page, for a notice shown after the event. */
export function newVersionReady(): boolean {
  return ready;
}

/** What this reads of `navigator.serviceWorker`: who controls the page, and when that changes. */
export type WorkerContainer = Pick<ServiceWorkerContainer, 'controller'> & EventTarget;

export function watchForNewVersion(container: WorkerContainer, target: EventTarget = window): void {
  let controlled = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    ready = true;
    target.dispatchEvent(new NewVersionEvent());
  });
}
