/**
 * The app behind the entry script (src/main.ts): opens the device's results, sets up the texts,
 * shows the first screen and marks `app-ready` once it takes input. Then, in the background,
 * fetches the phone (Phaser) and, at a quiet moment, registers the service worker that keeps the
 * game for offline use (src/pwa/).
 */
import { createI18n } from './i18n/i18n';
import type { Language } from './i18n/languages';
import { createNoticeBar } from './pwa/notice-bar';
import { quietMoments } from './pwa/quiet-moment';
import { registerServiceWorker } from './pwa/register';
import { takeReopenRequest } from './pwa/reopen';
import { migrateLegacyResults } from './storage/legacy-results';
import { openResultStore, prefetchStoreCode } from './storage/result-store';
import { applyRetention } from './teacher/retention';
import { startApp } from './ui/app';
import { warmUpPhone } from './ui/phone-stage-loader';

/** However long a scenario's opening takes, the offline copy starts by then. */
const LONGEST_WAIT_FOR_QUIET_MS = 20_000;

export async function boot(language: Language): Promise<void> {
  const mount = document.getElementById('app');
  if (!mount) throw new Error('index.html has no #app element');
  const i18nReady = createI18n(language);
  // Updates, other tabs and storage trouble are told in a bar above the app.
  const notices = createNoticeBar({ i18n: i18nReady, app: mount });
  let blocked = false;
  const [instance, store] = await Promise.all([
    i18nReady,
    openResultStore({
      // Another tab opened a newer version: this tab's database is closed, so it must reload.
      onVersionChange: () => notices.show('storage-closed'),
      // An older tab holds the database: the game plays on in memory until it is closed.
      onBlocked: () => {
        blocked = true;
        notices.show('storage-blocked');
      },
    }),
  ]);
  notices.setPersistent(store.persistent);
  if (store.persistent) notices.hide('storage-blocked');
  else if (!blocked) notices.show('memory-only');
  await migrateLegacyResults(store);
  // Results older than the retention period the teacher set (one school year by default) go.
  await applyRetention(store, new Date());
  // After an update's reload, the scenario that was on screen opens again.
  await startApp(instance, mount, store, { reopenScenario: takeReopenRequest() });
  performance.mark('app-ready');
  // The store's schemas (and a lock's crypto) are small: they come first, before the phone, so a
  // result finished later is checked without the network (src/storage/result-store.ts).
  prefetchStoreCode(store);
  // The first screen had the network to itself (sharing it cost the first screen more than it
  // gained). Now the phone (Phaser) comes while the player reads the list, so the first call
  // can ring soon after Play. Then the service worker copies the rest for offline use; what the
  // page already fetched comes from the browser's cache, not over the school's network again.
  await warmUpPhone();
  // Not while a scenario loads or plays its opening: the copy would compete with it for the
  // school's network and the laptop's CPU (src/pwa/quiet-moment.ts).
  await quietMoments.quietMoment(LONGEST_WAIT_FOR_QUIET_MS);
  await registerServiceWorker({
    onUpdateReady: (activate) => notices.showUpdate(activate),
    onUpdatedElsewhere: () => notices.show('updated-elsewhere'),
  });
}
