/** The console's entry: its shell, which loads every screen, and its service worker. */
import './console-app.ts';
import { watchForNewVersion } from './new-version.ts';

// The service worker keeps the console's files, so the check-in screen opens at a door with no
// signal (service-worker.ts). Left out where the browser has none; the console works without it.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // Before registering: whether a worker already controls this page tells an update from a first
  // install.
  watchForNewVersion(navigator.serviceWorker);
  void navigator.serviceWorker.register('/console/sw.js', { scope: '/console/' }).catch(() => {
    // Not registered (a private window, a policy): the console works, only not offline.
  });
}
