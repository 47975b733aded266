/**
 * The phone's pace: contacts type before their messages land, callers talk before the next
 * caption, the phone rings before the choices show; with reduced motion, nothing waits at all.
 * The presenter runs those steps on a clock stepped by hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScenarioRunner, type StoryEvent } from '../../src/engine/index';
import { PACE, revealSteps, settleMs } from '../../src/ui/pacing';
import { createPressureClock, formatSeconds, PRESSURE } from '../../src/ui/pressure-clock';
import { createPresenter } from '../../src/ui/story-presenter';
import { miniScenario } from '../fixtures/mini-scenario';

const beat = (value: object): StoryEvent =>
  ({ type: 'beat', node: 'n', beat: value }) as StoryEvent;
const fromContact = beat({ type: 'message', from: 'stranger', text: 'k' });
const fromPlayer = beat({ type: 'message', from: 'player', text: 'k' });
const speech = beat({ type: 'speech', from: 'stranger', text: 'k' });
const ring = beat({ type: 'caller-id', contact: 'stranger' });
const length = (n: number) => () => n;

describe('revealSteps', () => {
  it('makes a contact type before each message, longer for longer messages, within limits', () => {
    const [short] = revealSteps([fromContact], length(10), { reducedMotion: false });
    const [long] = revealSteps([fromContact], length(80), { reducedMotion: false });
    const [huge] = revealSteps([fromContact], length(5000), { reducedMotion: false });
    expect(short).toMatchObject({ typing: true });
    expect(short?.waitMs).toBeGreaterThanOrEqual(PACE.typingBaseMs);
    expect(long?.waitMs).toBeGreaterThan(short?.waitMs ?? 0);
    expect(huge?.waitMs).toBe(PACE.typingMaxMs);
  });

  it('sends the player message quickly and without typing dots, and paces speech', () => {
    const [sent, said] = revealSteps([fromPlayer, speech], length(40), { reducedMotion: false });
    expect(sent).toMatchObject({ typing: false, waitMs: PACE.sentMs });
    expect(said?.typing).toBe(false);
    expect(said?.waitMs).toBeGreaterThan(PACE.speechBaseMs);
  });

  it('shows the player own choice at once', () => {
    const runner = new ScenarioRunner(miniScenario);
    runner.start();
    const [choice] = runner.choose('accept');
    expect(choice && revealSteps([choice], length(20), { reducedMotion: false })[0]?.waitMs).toBe(
      0,
    );
  });

  it('removes every wait and every typing indicator with reduced motion', () => {
    const runner = new ScenarioRunner(miniScenario);
    const events = [...runner.start(), ...runner.choose('accept')];
    const steps = revealSteps(events, length(200), { reducedMotion: true });
    expect(steps).toHaveLength(events.length);
    expect(steps.every((step) => step.waitMs === 0 && !step.typing)).toBe(true);
    expect(settleMs([ring], { reducedMotion: true })).toBe(0);
  });

  it('lets the phone ring a moment before the answer buttons show', () => {
    expect(settleMs([ring], { reducedMotion: false })).toBe(PACE.ringMs);
    expect(settleMs([fromContact], { reducedMotion: false })).toBe(0);
  });
});

describe('createPresenter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const record = () => {
    const log: string[] = [];
    const presenter = createPresenter({
      show: (event) => log.push(event.type === 'beat' ? `show:${event.beat.type}` : 'show'),
      typing: (on) => log.push(on ? 'typing' : 'stopped'),
      done: () => log.push('done'),
    });
    return { log, presenter };
  };

  it('types, then shows, one step at a time, then settles', () => {
    const { log, presenter } = record();
    presenter.present(
      [
        { waitMs: 1000, typing: true, event: fromContact },
        { waitMs: 0, typing: false, event: fromPlayer },
      ],
      500,
    );
    expect(log).toEqual(['typing']);
    expect(presenter.busy).toBe(true);
    vi.advanceTimersByTime(999);
    expect(log).toEqual(['typing']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['typing', 'stopped', 'show:message', 'show:message']);
    vi.advanceTimersByTime(499);
    expect(log).not.toContain('done');
    vi.advanceTimersByTime(1);
    expect(log.at(-1)).toBe('done');
    expect(presenter.busy).toBe(false);
  });

  it('shows everything at once when skipped', () => {
    const { log, presenter } = record();
    presenter.present(
      [
        { waitMs: 2000, typing: true, event: fromContact },
        { waitMs: 2000, typing: false, event: speech },
      ],
      1200,
    );
    presenter.skip();
    expect(log).toEqual(['typing', 'stopped', 'show:message', 'show:speech', 'done']);
    vi.advanceTimersByTime(10_000);
    expect(log.filter((entry) => entry === 'done')).toHaveLength(1);
  });

  it('shows nothing more once cancelled (the player left)', () => {
    const { log, presenter } = record();
    presenter.present([{ waitMs: 500, typing: true, event: fromContact }], 0);
    presenter.cancel();
    vi.advanceTimersByTime(10_000);
    expect(log).toEqual(['typing']);
    expect(presenter.busy).toBe(false);
  });

  it('finishes at once when nothing waits', () => {
    const { log, presenter } = record();
    presenter.present([{ waitMs: 0, typing: false, event: ring }], 0);
    expect(log).toEqual(['show:caller-id', 'done']);
  });
});

describe('pressure clock', () => {
  it('runs, warns at least 20 seconds before the end, and expires without choosing', () => {
    const clock = createPressureClock(0);
    expect(clock.phase(0)).toBe('running');
    expect(PRESSURE.warnMs).toBeGreaterThanOrEqual(20_000);
    expect(clock.phase(PRESSURE.totalMs - PRESSURE.warnMs)).toBe('warning');
    expect(clock.phase(PRESSURE.totalMs)).toBe('expired');
    expect(clock.remainingMs(PRESSURE.totalMs + 5000)).toBe(0);
  });

  it('extends with one action, as often as asked, even after it expired', () => {
    const clock = createPressureClock(0);
    clock.extend(10_000);
    expect(clock.remainingMs(10_000)).toBe(PRESSURE.totalMs - 10_000 + PRESSURE.extendMs);
    const late = PRESSURE.totalMs + PRESSURE.extendMs + 1000;
    expect(clock.phase(late)).toBe('expired');
    clock.extend(late);
    expect(clock.phase(late)).toBe('running');
    expect(clock.remainingMs(late)).toBe(PRESSURE.extendMs);
  });

  it('formats the time left as minutes and seconds, rounding up', () => {
    expect(formatSeconds(45_000)).toBe('0:45');
    expect(formatSeconds(61_001)).toBe('1:02');
    expect(formatSeconds(0)).toBe('0:00');
  });
});
