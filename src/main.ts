/**
 * Entry point. Boots the light DOM shell (no Phaser here: it loads only when a scenario starts)
 * and marks `app-ready` once the first screen takes input.
 */
import './styles.css';
import { createI18n, initialLanguage } from './i18n/i18n';
import { migrateLegacyResults } from './storage/legacy-results';
import { openResultStore } from './storage/result-store';
import { applyRetention } from './teacher/retention';
import { startApp } from './ui/app';

async function boot(): Promise<void> {
  const mount = document.getElementById('app');
  if (!mount) throw new Error('index.html has no #app element');
  const [instance, store] = await Promise.all([createI18n(initialLanguage()), openResultStore()]);
  await migrateLegacyResults(store);
  // Results older than the retention period the teacher set (one school year by default) go.
  await applyRetention(store, new Date());
  await startApp(instance, mount, store);
  performance.mark('app-ready');
}

void boot();
