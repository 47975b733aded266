/**
 * Plays out a batch of story events at the pace of a real phone (see pacing.ts): each event
 * waits its turn, with the other side "typing" meanwhile, then shows. The player can skip the
 * waits at any time (the N key or the "show now" button), and leaving cancels everything.
 */
import type { StoryEvent } from '../engine/index';
import type { RevealStep } from './pacing';

export interface PresenterHooks {
  /** One event is now visible. */
  readonly show: (event: StoryEvent) => void;
  /** The other side starts or stops typing. */
  readonly typing: (typing: boolean) => void;
  /** Every event of the batch is visible. */
  readonly done: () => void;
}

export interface Presenter {
  /** Shows `steps` one after another, then waits `settleMs` and calls `done`. */
  present(steps: readonly RevealStep[], settleMs: number): void;
  /** Shows everything still waiting, now. */
  skip(): void;
  /** Drops everything still waiting, showing nothing more (leaving the scenario). */
  cancel(): void;
  readonly busy: boolean;
}

export function createPresenter(hooks: PresenterHooks): Presenter {
  let queue: RevealStep[] = [];
  /** The step whose wait is running: shown first if the player skips. */
  let waiting: RevealStep | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let typing = false;
  let settle = 0;
  let busy = false;

  const setTyping = (value: boolean) => {
    if (typing === value) return;
    typing = value;
    hooks.typing(value);
  };

  const finish = () => {
    timer = undefined;
    busy = false;
    hooks.done();
  };

  const next = () => {
    timer = undefined;
    const step = queue.shift();
    if (!step) {
      setTyping(false);
      if (settle > 0) {
        timer = setTimeout(finish, settle);
        settle = 0;
      } else finish();
      return;
    }
    if (step.waitMs <= 0) {
      setTyping(false);
      hooks.show(step.event);
      next();
      return;
    }
    setTyping(step.typing);
    waiting = step;
    timer = setTimeout(() => {
      waiting = undefined;
      setTyping(false);
      hooks.show(step.event);
      next();
    }, step.waitMs);
  };

  return {
    present(steps, settleMs) {
      // A new batch only comes after a choice, which only shows once the last batch is done.
      queue.push(...steps);
      settle = settleMs;
      if (busy) return;
      busy = true;
      next();
    },
    skip() {
      if (!busy) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      setTyping(false);
      const rest = waiting ? [waiting, ...queue] : queue;
      waiting = undefined;
      queue = [];
      for (const step of rest) hooks.show(step.event);
      settle = 0;
      finish();
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      waiting = undefined;
      queue = [];
      busy = false;
      typing = false;
    },
    get busy() {
      return busy;
    },
  };
}
