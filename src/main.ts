/**
 * Entry point. Boots the light DOM shell (no Phaser here: it loads only when a scenario starts)
 * and marks `app-ready` once the first screen takes input. Then registers the service worker
 * that keeps the game for offline use (src/pwa/).
 */
// First: libraries must not try eval before the CSP-safe settings are in place.
import './pwa/no-eval';
import './styles.css';
import { createI18n, initialLanguage } from './i18n/i18n';
import { createNoticeBar } from './pwa/notice-bar';
import { registerServiceWorker } from './pwa/register';
import { takeReopenRequest } from './pwa/reopen';
import { migrateLegacyResults } from './storage/legacy-results';
import { openResultStore } from './storage/result-store';
import { applyRetention } from './teacher/retention';
import { startApp } from './ui/app';
import { startApplyingSettings } from './ui/settings-apply';

// Text size, contrast and motion are on <html> before anything is drawn.
startApplyingSettings();

async function boot(): Promise<void> {
  const mount = document.getElementById('app');
  if (!mount) throw new Error('index.html has no #app element');
  const i18nReady = createI18n(initialLanguage());
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
  registerServiceWorker({
    onUpdateReady: (activate) => notices.showUpdate(activate),
    onUpdatedElsewhere: () => notices.show('updated-elsewhere'),
  });
}

void boot();
