import { describe, expect, it } from 'vitest';
import {
  createResult,
  EngineError,
  RESULT_SCHEMA_VERSION,
  resultSchema,
  ScenarioRunner,
} from '../../src/engine/index';
import { collectTextKeys } from '../../src/engine/validate';
import { fakeClock, SCHOOL_MORNING } from '../fixtures/clock';
import { thrownBy } from '../fixtures/errors';
import { miniScenario } from '../fixtures/mini-scenario';

const META = { id: 'play-0001-abcd', locale: 'fr' };

/** Plays the choices with a pause of `pauseMs` before each one. */
function playTimed(choices: readonly string[], pauseMs: number) {
  const clock = fakeClock();
  const runner = new ScenarioRunner(miniScenario, { now: clock.now });
  runner.start();
  for (const id of choices) {
    clock.advance(pauseMs);
    runner.choose(id);
  }
  return { runner, clock };
}

/** Every string anywhere in a JSON-like value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe('createResult', () => {
  it('records a finished best path with ids only, and passes resultSchema', () => {
    const { runner, clock } = playTimed(['accept', 'screenshot', 'block'], 20_000);
    // Time after the ending is not playing time.
    clock.advance(600_000);
    const result = createResult(runner, META);
    expect(result).toEqual({
      format: 'red-flags/scenario-result',
      schemaVersion: RESULT_SCHEMA_VERSION,
      id: 'play-0001-abcd',
      scenarioId: 'mini',
      scenarioVersion: 3,
      locale: 'fr',
      choices: [
        { node: 'request', choice: 'accept' },
        { node: 'call', choice: 'screenshot' },
        { node: 'call', choice: 'block' },
      ],
      ending: 'end-safe',
      outcome: 'safe',
      score: 4,
      bestScore: 4,
      redFlags: { spotted: ['stranger-request', 'off-platform', 'gift-card'], missed: [] },
      startedAt: '2025-01-15T09:00:00.000Z',
      finishedAt: '2025-01-15T09:01:00.000Z',
      durationMs: 60_000,
    });
    expect(resultSchema.parse(result)).toEqual(result);
  });

  it('holds no text key, so results compare across languages', () => {
    const { runner } = playTimed(['accept', 'screenshot', 'block'], 1_000);
    const result = createResult(runner, META);
    const textKeys = new Set(collectTextKeys(miniScenario).keys());
    expect(textKeys.size).toBeGreaterThan(20);
    expect(strings(result).filter((s) => textKeys.has(s))).toEqual([]);
  });

  it('records a harmed path with a negative score, every flag missed', () => {
    const { runner } = playTimed(['accept', 'buy-cards'], 5_000);
    const result = createResult(runner, { id: 'play-0002-abcd', locale: 'zh-Hans' });
    expect(resultSchema.safeParse(result).success).toBe(true);
    expect(result).toMatchObject({
      locale: 'zh-Hans',
      ending: 'end-harmed',
      outcome: 'harmed',
      score: -3,
      bestScore: 4,
      redFlags: { spotted: [], missed: ['stranger-request', 'off-platform', 'gift-card'] },
      durationMs: 10_000,
    });
  });

  it('leaves flags the path never showed out of both lists', () => {
    const { runner } = playTimed(['ignore'], 3_000);
    const result = createResult(runner, META);
    expect(result).toMatchObject({
      ending: 'end-safe',
      outcome: 'safe',
      score: 1,
      redFlags: { spotted: ['stranger-request'], missed: [] },
      choices: [{ node: 'request', choice: 'ignore' }],
    });
  });

  it('gives ISO times from the injected clock, finishedAt = startedAt + durationMs', () => {
    const { runner } = playTimed(['accept', 'say-no'], 1_234);
    const result = createResult(runner, META);
    expect(result.outcome).toBe('safe-but-costly');
    expect(result.startedAt).toBe(new Date(SCHOOL_MORNING).toISOString());
    expect(result.durationMs).toBe(2_468);
    expect(Date.parse(result.finishedAt) - Date.parse(result.startedAt)).toBe(2_468);
    expect(result.finishedAt).toBe('2025-01-15T09:00:02.468Z');
  });

  it('throws EngineError "not-ended" before the end', () => {
    const runner = new ScenarioRunner(miniScenario, { now: fakeClock().now });
    const before = thrownBy(() => createResult(runner, META));
    expect(before).toBeInstanceOf(EngineError);
    expect((before as EngineError).code).toBe('not-ended');

    runner.start();
    runner.choose('accept');
    const midway = thrownBy(() => createResult(runner, META));
    expect(midway).toBeInstanceOf(EngineError);
    expect((midway as EngineError).code).toBe('not-ended');
  });
});

describe('resultSchema', () => {
  it('refuses a record with text in it or a field it does not know', () => {
    const { runner } = playTimed(['ignore'], 1_000);
    const result = createResult(runner, META);
    expect(
      resultSchema.safeParse({
        ...result,
        choices: [{ node: 'request', choice: 'ignore', text: 'nodes.request.ignore' }],
      }).success,
    ).toBe(false);
    expect(resultSchema.safeParse({ ...result, playerName: 'Alex' }).success).toBe(false);
    expect(resultSchema.safeParse({ ...result, schemaVersion: 2 }).success).toBe(false);
    expect(resultSchema.safeParse({ ...result, startedAt: 'yesterday' }).success).toBe(false);
  });
});
