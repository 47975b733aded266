/**
 * What the player is in the middle of, read from the screen on show, so a reload (an update)
 * is never offered without saying what it does to that:
 * - 'playing': a scenario before its debrief. Its progress is saved after every choice, so the
 *   reload reopens it and offers to continue (see reopen.ts);
 * - 'restarts': something that keeps nothing until it ends (a workshop scenario, which stores
 *   nothing by design, or a spot check), so it would start again;
 * - 'idle': anything else (menus, a debrief whose result is already stored, teacher screens).
 */
export type Activity =
  | { readonly kind: 'idle' }
  | { readonly kind: 'playing'; readonly scenarioId?: string }
  | { readonly kind: 'restarts' };

/** A scenario id as the app writes them: lower-case words joined by hyphens. */
const SCENARIO_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function currentActivity(root: ParentNode = document): Activity {
  const main = root.querySelector('main') ?? root;
  const play = main.querySelector<HTMLElement>('[data-screen="play"]');
  if (play) {
    if (play.classList.contains('workshop')) return { kind: 'restarts' };
    if (play.querySelector('.debrief')) return { kind: 'idle' };
    const id = play.dataset.scenario;
    return id && SCENARIO_ID.test(id) ? { kind: 'playing', scenarioId: id } : { kind: 'playing' };
  }
  if (main.querySelector('.spot-check')) return { kind: 'restarts' };
  return { kind: 'idle' };
}

export function isScenarioId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 100 && SCENARIO_ID.test(value);
}
