/**
 * When the phone's game loop runs. The phone is mostly a still picture (a chat, a call screen,
 * the debrief), so drawing it 60 times a second wastes the CPU and battery of a school
 * Chromebook. The loop wakes when something changes (`touch`), keeps running while anything
 * animates, and goes to sleep a few rendered frames after the last change, once nothing
 * animates: those frames let the change reach the screen (a resize or a new text texture can
 * take a frame or two to settle). Something that changes by itself without animating, such as a
 * call's running clock, names the time of its next change, and the loop wakes for it then.
 *
 * Pure: no Phaser here. The stage (scenes/phone-stage.ts) passes Phaser's `game.loop`, calls
 * `frameRendered` after each rendered frame and `touch` on every change it knows of.
 */

/** What this needs of a game loop (Phaser's TimeStep has all of it). */
export interface SleepyLoop {
  sleep(): void;
  /** `seamless`: the loop's clock carries on from where it stopped, so tweens do not jump. */
  wake(seamless?: boolean): void;
  readonly running?: boolean;
}

/** Timers, injectable for tests. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface RenderOnDemandOptions {
  readonly loop: SleepyLoop;
  /** Whether anything animates right now (running tweens, pending timer events). */
  readonly busy: () => boolean;
  /**
   * Milliseconds until the picture changes by itself without animating (a clock's next
   * second), or `undefined` if it never does. Asked each time the loop goes to sleep.
   */
  readonly nextChangeIn?: () => number | undefined;
  /** Rendered frames after the last change, with nothing animating, before sleeping (>= 1). */
  readonly idleFrames?: number;
  readonly timers?: Timers;
}

export const DEFAULT_IDLE_FRAMES = 2;

const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RenderOnDemand {
  readonly #loop: SleepyLoop;
  readonly #busy: () => boolean;
  readonly #nextChangeIn: () => number | undefined;
  readonly #idleFrames: number;
  readonly #timers: Timers;
  /** Rendered frames since the last change with nothing animating. */
  #idle = 0;
  #frames = 0;
  #asleep = false;
  #stopped = false;
  #timer: unknown;

  constructor(options: RenderOnDemandOptions) {
    this.#loop = options.loop;
    this.#busy = options.busy;
    this.#nextChangeIn = options.nextChangeIn ?? (() => undefined);
    this.#idleFrames = Math.max(1, Math.floor(options.idleFrames ?? DEFAULT_IDLE_FRAMES));
    this.#timers = options.timers ?? browserTimers;
  }

  /** Frames rendered since this was made. */
  get frames(): number {
    return this.#frames;
  }

  /** Whether the loop is asleep (by this, or by anyone else who stopped it). */
  get asleep(): boolean {
    return this.#loop.running === undefined ? this.#asleep : !this.#loop.running;
  }

  /**
   * Something changed: the loop runs (waking seamlessly if asleep) until the change has been
   * drawn. Call it after the change is made: a woken Phaser loop draws a frame at once.
   */
  touch(): void {
    if (this.#stopped) return;
    this.#idle = 0;
    this.#cancelTimer();
    if (this.asleep) {
      this.#asleep = false;
      this.#loop.wake(true);
    }
  }

  /** Call after every rendered frame: puts the loop to sleep once the picture has settled. */
  frameRendered(): void {
    this.#frames += 1;
    if (this.#stopped) return;
    if (this.#busy()) {
      this.#idle = 0;
      return;
    }
    this.#idle += 1;
    if (this.#idle < this.#idleFrames || this.asleep) return;
    this.#asleep = true;
    this.#loop.sleep();
    const next = this.#nextChangeIn();
    if (next !== undefined && Number.isFinite(next)) {
      this.#timer = this.#timers.set(
        () => {
          this.#timer = undefined;
          this.touch();
        },
        Math.max(0, next),
      );
    }
  }

  /**
   * Stops deciding and leaves the loop running (Phaser's `game.destroy` finishes on the loop's
   * next step, so a sleeping loop must be woken for it).
   */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#cancelTimer();
    if (this.asleep) {
      this.#asleep = false;
      this.#loop.wake(true);
    }
  }

  #cancelTimer(): void {
    if (this.#timer === undefined) return;
    this.#timers.clear(this.#timer);
    this.#timer = undefined;
  }
}
