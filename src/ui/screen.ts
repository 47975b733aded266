/** What every screen of the app offers to the app controller. */
import type { i18n } from 'i18next';
import type { Language } from '../i18n/languages';
import type { Player } from '../storage/player';
import type { PlayerResults } from '../storage/player-results';
import type { ResultStore } from '../storage/result-store';

export interface Screen {
  /** The element to show in <main>. */
  readonly root: HTMLElement;
  /** Where focus goes when the screen appears: its heading. */
  readonly heading: HTMLElement;
  /** Redraws every text in the current language (after a language switch). */
  relabel(): void | Promise<void>;
  /** Releases timers, the Phaser game and listeners. */
  destroy(): void;
}

export interface AppContext {
  readonly i18n: i18n;
  language(): Language;
  show(screen: Screen): void;
  goHome(): void;
  openScenario(scenarioId: string): void;
  openSpotCheck(): void;
  openJoin(): void;
  openShare(): void;
  openTeacher(): void;
  /** The device's classes and results. */
  readonly store: ResultStore;
  /** The current player's results. */
  readonly results: PlayerResults;
  player(): Player;
  setPlayer(player: Player): void;
}
