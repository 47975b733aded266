import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AMBIENT_FRAME_MS,
  DEFAULT_IDLE_FRAMES,
  type Motion,
  RenderOnDemand,
  type RenderOnDemandOptions,
  type Timers,
} from '../../scenes/render-on-demand';

/**
 * A loop like Phaser's TimeStep: `wake` starts it and draws one frame at once, `sleep` stops it.
 * `frame()` is one requestAnimationFrame callback: it renders only while running.
 */
class FakeLoop {
  running = true;
  sleeps = 0;
  wakes: (boolean | undefined)[] = [];
  onFrame: () => void = () => {};
  constructor(private readonly tickOnWake = true) {}
  sleep(): void {
    if (!this.running) return;
    this.running = false;
    this.sleeps += 1;
  }
  wake(seamless?: boolean): void {
    this.wakes.push(seamless);
    if (this.running) return;
    this.running = true;
    if (this.tickOnWake) this.onFrame();
  }
  frame(): void {
    if (this.running) this.onFrame();
  }
  frames(count: number): void {
    for (let i = 0; i < count; i++) this.frame();
  }
}

class FakeTimers implements Timers {
  pending = new Map<number, { callback: () => void; ms: number }>();
  #next = 1;
  set(callback: () => void, ms: number): unknown {
    const id = this.#next++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const { callback } of due) callback();
  }
}

function setup(options: Partial<RenderOnDemandOptions> & { tickOnWake?: boolean } = {}) {
  const loop = new FakeLoop(options.tickOnWake ?? true);
  const timers = new FakeTimers();
  let busy: Motion = 'still';
  const rod = new RenderOnDemand({
    loop,
    busy: () => busy,
    timers,
    ...options,
  });
  loop.onFrame = () => rod.frameRendered();
  return {
    loop,
    timers,
    rod,
    setBusy: (value: Motion) => {
      busy = value;
    },
  };
}

describe('render on demand', () => {
  it('sleeps after the default number of idle frames, and not before', () => {
    const { loop, rod } = setup();
    expect(DEFAULT_IDLE_FRAMES).toBe(2);
    loop.frame();
    expect(loop.running).toBe(true);
    expect(rod.asleep).toBe(false);
    loop.frame();
    expect(loop.running).toBe(false);
    expect(rod.asleep).toBe(true);
    expect(loop.sleeps).toBe(1);
    // Asleep: requestAnimationFrame no longer calls the loop, nothing is rendered.
    loop.frames(10);
    expect(rod.frames).toBe(2);
  });

  it('waits as many idle frames as it is told', () => {
    const { loop } = setup({ idleFrames: 4 });
    loop.frames(3);
    expect(loop.running).toBe(true);
    loop.frame();
    expect(loop.running).toBe(false);
  });

  it('never sleeps while anything animates, and sleeps soon after it stops', () => {
    const { loop, setBusy } = setup();
    setBusy('moving');
    loop.frames(500);
    expect(loop.running).toBe(true);
    expect(loop.sleeps).toBe(0);
    setBusy('still');
    loop.frame();
    expect(loop.running).toBe(true);
    loop.frame();
    expect(loop.running).toBe(false);
  });

  it('counts idle frames from the last animated frame', () => {
    const { loop, setBusy } = setup();
    loop.frame();
    setBusy('moving');
    loop.frame();
    setBusy('still');
    loop.frame();
    expect(loop.running).toBe(true);
    loop.frame();
    expect(loop.running).toBe(false);
  });

  it('wakes a sleeping loop on touch, seamlessly, and draws the change before sleeping again', () => {
    const { loop, rod } = setup();
    loop.frames(2);
    expect(loop.running).toBe(false);
    rod.touch();
    expect(loop.running).toBe(true);
    expect(loop.wakes).toEqual([true]);
    // Phaser's wake draws one frame at once: that is the first frame after the change.
    expect(rod.frames).toBe(3);
    loop.frame();
    expect(loop.running).toBe(false);
    expect(rod.frames).toBe(4);
  });

  it('draws at least the idle frames after a touch, even when the loop does not tick on wake', () => {
    const { loop, rod } = setup({ tickOnWake: false, idleFrames: 3 });
    loop.frames(3);
    rod.touch();
    loop.frames(2);
    expect(loop.running).toBe(true);
    loop.frame();
    expect(loop.running).toBe(false);
  });

  it('does not call wake on a running loop, but a touch restarts the idle count', () => {
    const { loop, rod } = setup();
    loop.frame();
    rod.touch();
    expect(loop.wakes).toEqual([]);
    loop.frame();
    expect(loop.running).toBe(true);
    loop.frame();
    expect(loop.running).toBe(false);
  });

  it('wakes the loop when the picture changes by itself (a clock), and only then', () => {
    let next: number | undefined = 400;
    const { loop, timers, rod } = setup({ nextChangeIn: () => next });
    loop.frames(2);
    expect(loop.running).toBe(false);
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([400]);
    timers.fireAll();
    expect(loop.running).toBe(true);
    loop.frame();
    expect(loop.running).toBe(false);
    expect(timers.pending.size).toBe(1);
    // A touch first: the timer is dropped (a new one comes with the next sleep).
    rod.touch();
    expect(timers.pending.size).toBe(0);
    next = undefined;
    loop.frames(2);
    expect(loop.running).toBe(false);
    expect(timers.pending.size).toBe(0);
  });

  it('works with a loop that does not say whether it runs', () => {
    const plain = {
      sleeps: 0,
      wakes: 0,
      sleep() {
        this.sleeps++;
      },
      wake() {
        this.wakes++;
      },
    };
    const rod = new RenderOnDemand({ loop: plain, busy: () => 'still', timers: new FakeTimers() });
    rod.frameRendered();
    rod.frameRendered();
    expect(rod.asleep).toBe(true);
    expect(plain.sleeps).toBe(1);
    rod.touch();
    rod.touch();
    expect(plain.wakes).toBe(1);
    expect(rod.asleep).toBe(false);
  });

  it('goes back to sleep after someone else woke the loop', () => {
    const { loop } = setup();
    loop.frames(2);
    loop.running = true;
    loop.frames(2);
    expect(loop.running).toBe(false);
    expect(loop.sleeps).toBe(2);
  });

  it('stop wakes a sleeping loop for good (Phaser finishes destroying on its next step)', () => {
    const { loop, timers, rod } = setup({ nextChangeIn: () => 1000 });
    loop.frames(2);
    expect(loop.running).toBe(false);
    expect(timers.pending.size).toBe(1);
    rod.stop();
    expect(loop.running).toBe(true);
    expect(timers.pending.size).toBe(0);
    loop.frames(20);
    expect(loop.running).toBe(true);
    rod.touch();
    expect(loop.wakes).toEqual([true]);
  });

  describe('ambient loops (typing dots, a ringing ripple)', () => {
    it('draws them at the calmer rate: a frame, a rest, a frame', () => {
      const { loop, timers, rod, setBusy } = setup();
      expect(DEFAULT_AMBIENT_FRAME_MS).toBeCloseTo(1000 / 30);
      setBusy('ambient');
      loop.frame();
      expect(loop.running).toBe(false);
      expect([...timers.pending.values()].map((t) => t.ms)).toEqual([DEFAULT_AMBIENT_FRAME_MS]);
      // Asleep between frames: requestAnimationFrame renders nothing.
      loop.frames(5);
      expect(rod.frames).toBe(1);
      // The rest is over: the loop wakes (seamlessly), draws one frame and rests again.
      timers.fireAll();
      expect(rod.frames).toBe(2);
      expect(loop.wakes.at(-1)).toBe(true);
      expect(loop.running).toBe(false);
      expect(timers.pending.size).toBe(1);
    });

    it('gives every frame to anything moving, even with ambient loops running', () => {
      const { loop, timers, setBusy } = setup();
      setBusy('moving');
      loop.frames(50);
      expect(loop.running).toBe(true);
      expect(timers.pending.size).toBe(0);
    });

    it('wakes at once for a change made during a rest, and drops the pending frame', () => {
      const { loop, timers, rod, setBusy } = setup();
      setBusy('ambient');
      loop.frame();
      expect(loop.running).toBe(false);
      rod.touch();
      expect(rod.frames).toBe(2);
      // The frame drawn on waking is ambient again: one rest pending, not two.
      expect(timers.pending.size).toBe(1);
    });

    it('goes back to sleeping for good once the loops stop', () => {
      const { loop, timers, rod, setBusy } = setup();
      setBusy('ambient');
      loop.frame();
      setBusy('still');
      timers.fireAll();
      loop.frame();
      expect(loop.running).toBe(false);
      expect(timers.pending.size).toBe(0);
      loop.frames(5);
      expect(rod.frames).toBe(3);
    });
  });
});
