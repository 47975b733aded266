/**
 * Registers the service worker that vite-plugin-pwa generates (Workbox, see vite.config.ts)
 * and reports what the page needs to know:
 * - a new version is installed and waiting: `onUpdateReady(activate)`. It stays waiting (the
 *   old one keeps serving the old files to every open page) until the player accepts; then
 *   `activate()` tells it to take over and the page reloads once it has;
 * - another tab accepted an update: `onUpdatedElsewhere()`. This page still runs the old code
 *   while the new worker serves the new files, so it must reload before loading anything else.
 *
 * Only in a production build: the dev server serves changing files and needs no worker.
 * workbox-window is fetched here, after the first screen, not with the app: every visit would
 * otherwise compile it before the first screen shows.
 */
import type { Workbox } from 'workbox-window';
import { trustedServiceWorkerUrl } from './trusted-types';

export interface ServiceWorkerHooks {
  onUpdateReady(activate: () => void): void;
  onUpdatedElsewhere(): void;
}

/** How often an open game asks for a new version (a class can keep a tab open for days). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** If the new worker never takes over (it was replaced meanwhile), reload all the same. */
const ACTIVATE_TIMEOUT_MS = 10_000;

const OFFLINE_UNAVAILABLE = 'Red Flags: this browser will not keep the game for offline use.';

export async function registerServiceWorker(hooks: ServiceWorkerHooks): Promise<void> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container || !import.meta.env.PROD) return;
  const controlled = container.controller !== null;
  let accepted = false;
  let reloading = false;

  const reload = () => {
    if (reloading) return;
    reloading = true;
    globalThis.location.reload();
  };

  let workbox: Workbox;
  try {
    // Offline on a first visit the module may not come; the game plays on without the worker.
    const { Workbox } = await import('workbox-window');
    // A TrustedScriptURL: the page's CSP requires Trusted Types for script URLs.
    workbox = new Workbox(trustedServiceWorkerUrl(), { scope: './' });
  } catch (error) {
    console.warn(OFFLINE_UNAVAILABLE, error);
    return;
  }

  const activate = () => {
    accepted = true;
    workbox.messageSkipWaiting();
    setTimeout(reload, ACTIVATE_TIMEOUT_MS);
  };

  // Fired for an update found by this page and for one another tab installed; also at start-up
  // when a version was already waiting (the player chose "Later" before).
  workbox.addEventListener('waiting', () => hooks.onUpdateReady(activate));

  // A page the old worker never controlled (the first visit) sees no controllerchange.
  workbox.addEventListener('activated', () => {
    if (accepted) reload();
  });
  container.addEventListener('controllerchange', () => {
    // An uncontrolled page (the first visit) is never taken over: no clientsClaim.
    if (!controlled) return;
    if (accepted) reload();
    else hooks.onUpdatedElsewhere();
  });

  workbox.register().catch((error: unknown) => {
    console.warn(OFFLINE_UNAVAILABLE, error);
  });
  setInterval(() => {
    // Offline, or the server is away: try again next time.
    workbox.update().catch(() => undefined);
  }, UPDATE_CHECK_MS);
}
