/**
 * When the phone's game loop runs. The phone is mostly a still picture (a chat, a call screen,
 * the debrief), so drawing it 60 times a second wastes the CPU and battery of a school
 * Chromebook. The loop wakes when something changes (`touch`), keeps running while anything
 * animates, and goes to sleep a few rendered frames after the last change, once nothing
 * animates: those frames let the change reach the screen (a resize or a new text texture can
 * take a frame or two to settle). Something that changes by itself without animating, such as a
 * call's running clock, names the time of its next change, and the loop wakes for it then.
 * Endless slow loops (typing dots, a ringing ripple) are 'ambient': drawn at a calmer frame rate
 * (`ambientFrameMs`, 30 a second), which the eye does not tell from 60 on a gentle pulse but
 * which halves what a low-end laptop spends on them; anything that moves across the screen
 * (a bubble sliding in, the list scrolling) gets every frame.
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

/** What animates right now: something moving (every frame), only ambient loops, or nothing. */
export type Motion = 'moving' | 'ambient' | 'still';

export interface RenderOnDemandOptions {
  readonly loop: SleepyLoop;
  /** What animates right now (running tweens, pending timer events). */
  readonly busy: () => Motion;
  /**
   * Milliseconds until the picture changes by itself without animating (a clock's next
   * second), or `undefined` if it never does. Asked each time the loop goes to sleep.
   */
  readonly nextChangeIn?: () => number | undefined;
  /** Rendered frames after the last change, with nothing animating, before sleeping (>= 1). */
  readonly idleFrames?: number;
  /** Milliseconds between frames while only ambient loops run. */
  readonly ambientFrameMs?: number;
  readonly timers?: Timers;
}

export const DEFAULT_IDLE_FRAMES = 2;
export const DEFAULT_AMBIENT_FRAME_MS = 1000 / 30;

const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RenderOnDemand {
  readonly #loop: SleepyLoop;
  readonly #busy: () => Motion;
  readonly #ambientFrameMs: number;
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
    this.#ambientFrameMs = Math.max(0, options.ambientFrameMs ?? DEFAULT_AMBIENT_FRAME_MS);
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
    const motion = this.#busy();
    if (motion === 'ambient') {
      // Rest until the next ambient frame is due; a change in between wakes the loop at once.
      this.#idle = 0;
      if (this.asleep) return;
      this.#sleepFor(this.#ambientFrameMs);
      return;
    }
    if (motion === 'moving') {
      this.#idle = 0;
      return;
    }
    this.#idle += 1;
    if (this.#idle < this.#idleFrames || this.asleep) return;
    this.#sleepFor(this.#nextChangeIn());
  }

  /** Puts the loop to sleep, to wake after `ms` (if given): a touch from the timer. */
  #sleepFor(ms: number | undefined): void {
    this.#asleep = true;
    this.#loop.sleep();
    this.#cancelTimer();
    if (ms === undefined || !Number.isFinite(ms)) return;
    this.#timer = this.#timers.set(
      () => {
        this.#timer = undefined;
        this.touch();
      },
      Math.max(0, ms),
    );
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
