/**
 * A scenario to open again after an update's reload. Its progress is in localStorage already
 * (saved after every choice); this only remembers which scenario was on screen, for this tab,
 * so the reloaded game goes straight back to it and asks "Continue where you left off?".
 */
import { isScenarioId } from './activity';

const KEY = 'redflags.pwa.reopen';

function tabStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the scenario; false when this tab cannot keep it (the player opens it by hand). */
export function requestReopen(scenarioId: string): boolean {
  try {
    tabStorage()?.setItem(KEY, scenarioId);
    return tabStorage()?.getItem(KEY) === scenarioId;
  } catch {
    return false;
  }
}

/** The scenario to reopen, once: reading it forgets it, so a later reload opens the menu. */
export function takeReopenRequest(): string | undefined {
  try {
    const storage = tabStorage();
    const value = storage?.getItem(KEY) ?? undefined;
    storage?.removeItem(KEY);
    return isScenarioId(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
