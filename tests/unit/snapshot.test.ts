import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIOS_DIR, validateFolder } from '../../scripts/lib/scenario-files';
import {
  createResult,
  type RunnerSnapshot,
  restore,
  type Scenario,
  ScenarioRunner,
  SNAPSHOT_SCHEMA_VERSION,
  SnapshotError,
  type SnapshotErrorCode,
  snapshot,
  snapshotSchema,
} from '../../src/engine/index';
import { fakeClock, SCHOOL_MORNING } from '../fixtures/clock';
import { thrownBy } from '../fixtures/errors';
import { deepClone, miniScenario } from '../fixtures/mini-scenario';

const META = { id: 'play-0003-abcd', locale: 'en' };
const HOUR = 3_600_000;

/** As storage would hand it back: through JSON text. */
const throughStorage = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function expectSnapshotError(data: unknown, code: SnapshotErrorCode, scenario = miniScenario) {
  const error = thrownBy(() => restore(scenario, data, { now: fakeClock().now }));
  expect(error).toBeInstanceOf(SnapshotError);
  expect((error as SnapshotError).code).toBe(code);
}

/** A snapshot of the mini scenario, at "call" after accepting and taking a screenshot. */
function midwaySnapshot(): RunnerSnapshot {
  const clock = fakeClock();
  const runner = new ScenarioRunner(miniScenario, { now: clock.now });
  runner.start();
  clock.advance(1_000);
  runner.choose('accept');
  clock.advance(2_000);
  runner.choose('screenshot');
  return snapshot(runner);
}

function toronto(): Scenario {
  const report = validateFolder(join(SCENARIOS_DIR, 'toronto-police-call'));
  if (!report.scenario) throw new Error('the Toronto scenario does not validate');
  return report.scenario;
}

describe('snapshot', () => {
  it('holds only ids, the clock and versions, and passes its own schema', () => {
    const saved = midwaySnapshot();
    expect(saved).toEqual({
      format: 'red-flags/snapshot',
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      scenarioId: 'mini',
      scenarioVersion: 3,
      choices: [
        { node: 'request', choice: 'accept' },
        { node: 'call', choice: 'screenshot' },
      ],
      startedAt: SCHOOL_MORNING,
      elapsedMs: 3_000,
    });
    expect(snapshotSchema.parse(throughStorage(saved))).toEqual(saved);
  });
});

describe('restore', () => {
  it('rebuilds a runner at the same node, with the same events and taken choices', () => {
    const clock = fakeClock();
    const original = new ScenarioRunner(miniScenario, { now: clock.now });
    original.start();
    clock.advance(1_000);
    original.choose('accept');
    clock.advance(2_000);
    original.choose('screenshot');

    const restored = restore(miniScenario, throughStorage(snapshot(original)), {
      now: fakeClock(SCHOOL_MORNING + 2 * HOUR).now,
    });
    expect(restored.state).toBe('waiting-for-choice');
    expect(restored.node).toBe('call');
    expect(restored.prompt).toBe('nodes.call.prompt');
    expect(restored.events).toEqual(original.events);
    expect(restored.taken).toEqual(original.taken);
    // The screenshot stays taken: it is not offered again.
    expect(restored.availableChoices()).toEqual(original.availableChoices());
    expect(restored.availableChoices().map((c) => c.id)).not.toContain('screenshot');
  });

  it('continues to the same result as a run that was never interrupted', () => {
    // Uninterrupted: 1 s, 2 s, then 4 s to the end.
    const straightClock = fakeClock();
    const straight = new ScenarioRunner(miniScenario, { now: straightClock.now });
    straight.start();
    for (const [pause, id] of [
      [1_000, 'accept'],
      [2_000, 'screenshot'],
      [4_000, 'block'],
    ] as const) {
      straightClock.advance(pause);
      straight.choose(id);
    }

    // Interrupted after the screenshot; the tab stays closed for a day.
    const laterClock = fakeClock(SCHOOL_MORNING + 24 * HOUR);
    const resumed = restore(miniScenario, throughStorage(midwaySnapshot()), {
      now: laterClock.now,
    });
    laterClock.advance(4_000);
    resumed.choose('block');

    expect(resumed.state).toBe('ended');
    expect(resumed.events).toEqual(straight.events);
    const { finishedAt, ...resumedResult } = createResult(resumed, META);
    const { finishedAt: straightFinishedAt, ...straightResult } = createResult(straight, META);
    expect(resumedResult).toEqual(straightResult);
    expect(createResult(resumed, META).durationMs).toBe(7_000);
    // The finish is the real moment the ending was reached, a day later than the straight run.
    expect(straightFinishedAt).toBe(new Date(SCHOOL_MORNING + 7_000).toISOString());
    expect(finishedAt).toBe(new Date(SCHOOL_MORNING + 24 * HOUR + 4_000).toISOString());
  });

  it('carries the elapsed time over, without the time the scenario was closed', () => {
    const clock = fakeClock(SCHOOL_MORNING + 3 * HOUR);
    const restored = restore(miniScenario, midwaySnapshot(), { now: clock.now });
    expect(restored.startedAt).toBe(SCHOOL_MORNING);
    expect(restored.elapsedMs).toBe(3_000);
    clock.advance(5_500);
    expect(restored.elapsedMs).toBe(8_500);
  });

  it('restores an ended run as ended, its playing time frozen', () => {
    const clock = fakeClock();
    const runner = new ScenarioRunner(miniScenario, { now: clock.now });
    runner.start();
    clock.advance(9_000);
    runner.choose('ignore');
    const saved = snapshot(runner);
    expect(saved.elapsedMs).toBe(9_000);

    const laterClock = fakeClock(SCHOOL_MORNING + HOUR);
    const restored = restore(miniScenario, throughStorage(saved), { now: laterClock.now });
    laterClock.advance(HOUR);
    expect(restored.state).toBe('ended');
    expect(restored.ending?.node).toBe('end-safe');
    expect(restored.elapsedMs).toBe(9_000);
    expect(createResult(restored, META)).toEqual(createResult(runner, META));
  });

  it('restores a snapshot taken right after the start, at the first decision', () => {
    const clock = fakeClock();
    const runner = new ScenarioRunner(miniScenario, { now: clock.now });
    runner.start();
    clock.advance(750);
    const restored = restore(miniScenario, throughStorage(snapshot(runner)));
    expect(restored.node).toBe('request');
    expect(restored.events).toEqual(runner.events);
    expect(restored.taken).toEqual([]);
  });

  it('round-trips a run timed by a clock with fractional milliseconds', () => {
    // `now` may be a high-resolution clock (performance.timeOrigin + performance.now()).
    let time = SCHOOL_MORNING + 0.25;
    const runner = new ScenarioRunner(miniScenario, { now: () => time });
    runner.start();
    time += 1_500.5;
    runner.choose('accept');
    const saved = snapshot(runner);
    expect(snapshotSchema.safeParse(saved).success).toBe(true);
    const restored = restore(miniScenario, throughStorage(saved), { now: () => time });
    expect(restored.node).toBe('call');
  });
});

describe('restore refuses what it cannot resume, always with SnapshotError', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'red-flags/snapshot'],
    ['JSON text of a snapshot (not parsed)', JSON.stringify(midwaySnapshot())],
    ['a number', 42],
    ['an array', [midwaySnapshot()]],
    ['an empty object', {}],
    ['a foreign object', { user: 'alex', theme: 'dark', volume: 0.8 }],
    ['another format', { ...midwaySnapshot(), format: 'other-game/save' }],
    ['a schema version that is not a number', { ...midwaySnapshot(), schemaVersion: '1' }],
  ])('%s: "not-a-snapshot"', (_label, data) => {
    expectSnapshotError(data, 'not-a-snapshot');
  });

  it.each([
    ['choices not an array', { choices: { node: 'request', choice: 'accept' } }],
    ['a choice without its node', { choices: [{ choice: 'accept' }] }],
    ['a choice id that is not an id', { choices: [{ node: 'request', choice: 'Accept!' }] }],
    ['a negative elapsed time', { elapsedMs: -5 }],
    ['a missing start time', { startedAt: undefined }],
    ['a scenario version of 0', { scenarioVersion: 0 }],
    ['a field it does not know', { playerName: 'Alex' }],
  ])('a damaged snapshot, %s: "not-a-snapshot"', (_label, damage) => {
    const damaged: Record<string, unknown> = { ...deepClone(midwaySnapshot()), ...damage };
    expectSnapshotError(throughStorage(damaged), 'not-a-snapshot');
  });

  it('a snapshot of schemaVersion 2: "unknown-version"', () => {
    expectSnapshotError({ ...midwaySnapshot(), schemaVersion: 2 }, 'unknown-version');
    // Even when the rest is unreadable: the version is checked first.
    expectSnapshotError(
      { format: 'red-flags/snapshot', schemaVersion: 2, progress: 'elsewhere' },
      'unknown-version',
    );
  });

  it('another scenario\'s snapshot: "other-scenario"', () => {
    const scenario = toronto();
    const runner = new ScenarioRunner(scenario, { now: fakeClock().now });
    runner.start();
    runner.choose('answer');
    const foreign = throughStorage(snapshot(runner));
    expectSnapshotError(foreign, 'other-scenario', miniScenario);
    expectSnapshotError(midwaySnapshot(), 'other-scenario', scenario);
  });

  it('another version of the scenario: "other-scenario-version"', () => {
    expectSnapshotError({ ...midwaySnapshot(), scenarioVersion: 2 }, 'other-scenario-version');
    const bumped: Scenario = { ...miniScenario, version: 4 };
    expectSnapshotError(midwaySnapshot(), 'other-scenario-version', bumped);
  });

  it.each([
    ['a choice not open at its node', [{ node: 'request', choice: 'block' }]],
    ['a choice id no node has', [{ node: 'request', choice: 'run-away' }]],
    ['a choice recorded at another node', [{ node: 'call', choice: 'accept' }]],
    [
      'a node that does not follow',
      [
        { node: 'request', choice: 'accept' },
        { node: 'request', choice: 'accept' },
      ],
    ],
    [
      'a screenshot taken twice',
      [
        { node: 'request', choice: 'accept' },
        { node: 'call', choice: 'screenshot' },
        { node: 'call', choice: 'screenshot' },
      ],
    ],
    [
      'a choice after the ending',
      [
        { node: 'request', choice: 'ignore' },
        { node: 'end-safe', choice: 'ignore' },
      ],
    ],
  ])('choices that do not replay, %s: "does-not-replay"', (_label, choices) => {
    expectSnapshotError({ ...midwaySnapshot(), choices }, 'does-not-replay');
  });

  it('never throws anything but SnapshotError, whatever one field is replaced with', () => {
    const junk: unknown[] = [
      null,
      undefined,
      true,
      0,
      -1,
      1.5,
      2 ** 60,
      Number.NaN,
      '',
      'x',
      'call',
      [],
      [null],
      {},
      { node: 'request' },
    ];
    const base = midwaySnapshot();
    const variants: unknown[] = [];
    for (const key of [...Object.keys(base), 'extra']) {
      for (const value of junk) variants.push({ ...base, [key]: value });
    }
    for (const key of ['node', 'choice', 'extra']) {
      for (const value of junk) {
        variants.push({ ...base, choices: [{ node: 'request', choice: 'accept', [key]: value }] });
      }
    }
    let refused = 0;
    for (const variant of variants) {
      try {
        const runner = restore(miniScenario, variant, { now: fakeClock().now });
        expect(runner.state).not.toBe('not-started');
      } catch (error) {
        expect(error).toBeInstanceOf(SnapshotError);
        refused += 1;
      }
    }
    // Nearly every variant is refused (a few, such as another whole-number elapsed time, are fine).
    expect(refused).toBeGreaterThan(variants.length * 0.8);
  });
});

describe('snapshot before the start', () => {
  it('is refused, since there is nothing to resume', () => {
    const runner = new ScenarioRunner(miniScenario);
    expect(() => snapshot(runner)).toThrowError(expect.objectContaining({ code: 'not-started' }));
  });
});
