import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuietMoments } from '../../src/pwa/quiet-moment';

describe('quiet moments (when the service worker may copy the game)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Whether the promise has settled, after pending microtasks ran. */
  async function settled(promise: Promise<void>): Promise<boolean> {
    let done = false;
    void promise.then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    return done;
  }

  it('is quiet at once when no scenario is starting', async () => {
    const moments = createQuietMoments();
    expect(await settled(moments.quietMoment(30_000))).toBe(true);
  });

  it('waits for a starting scenario to reach its first choice', async () => {
    const moments = createQuietMoments();
    const openingOver = moments.scenarioStarting();
    const quiet = moments.quietMoment(30_000);
    expect(await settled(quiet)).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await settled(quiet)).toBe(false);
    openingOver();
    expect(await settled(quiet)).toBe(true);
  });

  it('waits for every starting scenario, and a second "over" from one changes nothing', async () => {
    const moments = createQuietMoments();
    const first = moments.scenarioStarting();
    const second = moments.scenarioStarting();
    const quiet = moments.quietMoment(30_000);
    first();
    first();
    expect(await settled(quiet)).toBe(false);
    second();
    expect(await settled(quiet)).toBe(true);
  });

  it('never waits longer than the longest wait, so an early-closed tab still had its chance', async () => {
    const moments = createQuietMoments();
    moments.scenarioStarting();
    const quiet = moments.quietMoment(20_000);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(await settled(quiet)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(quiet)).toBe(true);
  });

  it('a scenario that starts after the quiet moment came does not undo it', async () => {
    const moments = createQuietMoments();
    const quiet = moments.quietMoment(30_000);
    expect(await settled(quiet)).toBe(true);
    moments.scenarioStarting();
    // The next wait is a new one.
    expect(await settled(moments.quietMoment(30_000))).toBe(false);
  });
});
