/**
 * The service worker's first install copies the whole game for offline use: every scenario,
 * language and sound, about 1 MB over the school's Wi-Fi, and a write to storage for each file.
 * On a slow laptop that competes with a scenario that is loading or playing its opening (its
 * sounds come over the same network, its phone draws on the same CPU). Loading a build that
 * registered at once and one that waited, in turn with the bench's settings (4x CPU, shaped
 * network), the first chat drew 57.4 against 58.2 fps on an idle machine and 54.4 against 57.4
 * on a busy one. So the copy waits for a quiet moment: no scenario starting, which is the case
 * on any menu and once a scenario shows its first choice (the player reads, nothing moves).
 *
 * A scenario that starts says so (`scenarioStarting`) and calls the returned function when its
 * opening is over, however it ends. `quietMoment` never waits longer than `longestWaitMs`: a
 * player who closes the tab early should still have had the chance of an offline copy.
 */

export interface QuietMoments {
  /** A scenario begins its opening; call the result when it is over (more calls do nothing). */
  scenarioStarting(): () => void;
  /** Resolves when no scenario is starting, or after `longestWaitMs` at the latest. */
  quietMoment(longestWaitMs: number): Promise<void>;
}

export function createQuietMoments(
  timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
): QuietMoments {
  let starting = 0;
  let waiting: (() => void)[] = [];

  const wakeAll = () => {
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };

  return {
    scenarioStarting() {
      starting += 1;
      let over = false;
      return () => {
        if (over) return;
        over = true;
        starting -= 1;
        if (starting === 0) wakeAll();
      };
    },
    quietMoment(longestWaitMs) {
      if (starting === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = timers.setTimeout(() => {
          waiting = waiting.filter((wake) => wake !== done);
          resolve();
        }, longestWaitMs);
        const done = () => {
          timers.clearTimeout(timer);
          resolve();
        };
        waiting.push(done);
      });
    },
  };
}

/** The page's one set: the play screen reports, the service worker's registration waits. */
export const quietMoments = createQuietMoments();
