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
import { createJoinScreen } from './join-screen';
import { createLanguageSwitcher } from './language-switcher';
import { createPlayScreen } from './play-screen';
import type { AppContext, Screen } from './screen';
import { startApplyingSettings } from './settings-apply';
import { createSettingsDialog } from './settings-dialog';
import { createShareScreen } from './share-screen';
import { createSpotCheckScreen } from './spot-check-screen';

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
      void createHomeScreen(context).then((screen) => context.show(screen));
    },
    openScenario(scenarioId) {
      context.show(createPlayScreen(context, scenarioId));
    },
    openSpotCheck() {
      context.show(createSpotCheckScreen(context));
    },
    openJoin() {
      context.show(createJoinScreen(context));
    },
    openShare() {
      context.show(createShareScreen(context));
    },
    openTeacher() {
      // The teacher screens are their own chunk; they never load Phaser.
      void import('./teacher/teacher-home-screen').then(({ createTeacherHomeScreen }) =>
        context.show(createTeacherHomeScreen(context)),
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
