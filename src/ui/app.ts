/**
 * The app controller: the header (title, language) that stays, and one screen at a time in
 * <main>. Switching language relabels the current screen in place; nothing reloads.
 */
import type { i18n } from 'i18next';
import { changeLanguage, currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { currentPlayer, setPlayer as savePlayer } from '../storage/player';
import { playerResults } from '../storage/player-results';
import type { ResultStore } from '../storage/result-store';
import { el, focusScreenStart } from './dom';
import { createHomeScreen } from './home-screen';
import { createLanguageSwitcher } from './language-switcher';
import type { AppContext, Screen } from './screen';
import { startApplyingSettings } from './settings-apply';
import { createSettingsDialog } from './settings-dialog';

export interface StartOptions {
  /** A scenario to open at once (the one on screen before an update's reload). */
  readonly reopenScenario?: string;
}

export async function startApp(
  instance: i18n,
  mount: HTMLElement,
  store: ResultStore,
  options: StartOptions = {},
): Promise<void> {
  const skipLink = el('a', { className: 'skip-link', attrs: { href: '#main' } });
  const title = el('h1', { className: 'app-title' });
  const tagline = el('p', { className: 'tagline' });
  const main = el('main', { attrs: { id: 'main', tabindex: '-1' } });
  let current: Screen | undefined;
  startApplyingSettings();
  const settings = createSettingsDialog({ i18n: instance });

  const relabelChrome = () => {
    const t = instance.t;
    document.title = t('app.title');
    document.querySelector('meta[name="description"]')?.setAttribute('content', t('app.tagline'));
    skipLink.textContent = t('app.skipToContent');
    title.textContent = t('app.title');
    tagline.textContent = t('app.tagline');
    switcher.relabel(t, currentLanguage(instance));
    settings.relabel();
  };

  const switcher = createLanguageSwitcher(async (language: Language) => {
    await changeLanguage(instance, language);
    relabelChrome();
    await current?.relabel();
  });

  // Every screen but the first is a chunk of its own, fetched when it is opened, so the first
  // screen arrives with as little code as it needs. When two are asked for in quick
  // succession, only the last one asked for is shown.
  let wanted = 0;
  const open = (load: () => Promise<Screen>) => {
    const ticket = ++wanted;
    load().then(
      (screen) => {
        if (ticket === wanted) context.show(screen);
        else screen.destroy();
      },
      (error: unknown) => {
        // Only a half-updated or damaged install gets here; the current screen stays.
        console.error('Red Flags: a screen could not be loaded.', error);
      },
    );
  };

  let player = currentPlayer();
  const context: AppContext = {
    i18n: instance,
    store,
    results: playerResults(store, () => player),
    player: () => player,
    setPlayer(next) {
      player = next;
      savePlayer(next);
    },
    language: () => currentLanguage(instance),
    show(screen) {
      current?.destroy();
      current = screen;
      main.replaceChildren(screen.root);
      focusScreenStart(screen.heading);
    },
    goHome() {
      open(() => createHomeScreen(context));
    },
    openScenario(scenarioId) {
      // The play screen fetches Phaser in turn, once the story is on its way.
      open(() => import('./play-screen').then((m) => m.createPlayScreen(context, scenarioId)));
    },
    openSpotCheck() {
      open(() => import('./spot-check-screen').then((m) => m.createSpotCheckScreen(context)));
    },
    openJoin() {
      open(() => import('./join-screen').then((m) => m.createJoinScreen(context)));
    },
    openShare() {
      open(() => import('./share-screen').then((m) => m.createShareScreen(context)));
    },
    openTeacher() {
      // The teacher screens never load Phaser.
      open(() =>
        import('./teacher/teacher-home-screen').then((m) => m.createTeacherHomeScreen(context)),
      );
    },
  };

  mount.replaceChildren(
    skipLink,
    el('header', { className: 'app-header' }, [
      el('div', { className: 'brand' }, [title, tagline]),
      el('div', { className: 'header-tools' }, [switcher.root, settings.button]),
    ]),
    main,
    settings.dialog,
  );
  relabelChrome();
  const home = await createHomeScreen(context);
  current = home;
  main.replaceChildren(home.root);
  // Its saved progress makes it ask "Continue where you left off?".
  if (options.reopenScenario) context.openScenario(options.reopenScenario);
}
