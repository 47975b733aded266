/**
 * Snapshots let a scenario closed mid-way resume where it was. A snapshot holds only the ids
 * of the choices taken; restoring replays them through a fresh runner, so a snapshot can never
 * put the runner in a state the story could not reach. Like inkjs's saves it carries a schema
 * version: one this engine does not know is refused with a clear error, never guessed at.
 */

import { EngineError, SnapshotError } from './errors';
import { idSchema } from './identifiers';
import { type RunnerOptions, ScenarioRunner } from './runner';
import type { Scenario } from './schema';
import { z } from './zod';

export const SNAPSHOT_FORMAT = 'red-flags/snapshot';
export const SNAPSHOT_SCHEMA_VERSION = 1;

const envelopeSchema = z.looseObject({
  format: z.literal(SNAPSHOT_FORMAT),
  schemaVersion: z.number().int(),
});

export const snapshotSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  scenarioId: idSchema,
  scenarioVersion: z.number().int().positive(),
  choices: z.array(z.strictObject({ node: idSchema, choice: idSchema })).max(500),
  startedAt: z.number().int().nonnegative(),
  elapsedMs: z.number().int().nonnegative(),
});

export type RunnerSnapshot = z.infer<typeof snapshotSchema>;

export function snapshot(runner: ScenarioRunner): RunnerSnapshot {
  if (runner.state === 'not-started') {
    throw new EngineError('not-started', 'there is nothing to save before the scenario starts');
  }
  return {
    format: SNAPSHOT_FORMAT,
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    scenarioId: runner.scenario.id,
    scenarioVersion: runner.scenario.version,
    choices: runner.taken.map((t) => ({ node: t.node, choice: t.choice })),
    // Whole milliseconds: a clock such as performance.now() gives fractions.
    startedAt: Math.round(runner.startedAt),
    elapsedMs: Math.round(runner.elapsedMs),
  };
}

/**
 * Rebuilds a runner from a snapshot of unknown origin (storage can hold anything).
 * Throws SnapshotError, with a code the UI translates, when it cannot be resumed.
 */
export function restore(
  scenario: Scenario,
  data: unknown,
  options: RunnerOptions = {},
): ScenarioRunner {
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) {
    throw new SnapshotError('not-a-snapshot', 'this is not a Red Flags snapshot');
  }
  if (envelope.data.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) {
    throw new SnapshotError(
      'unknown-version',
      `snapshot schema version ${envelope.data.schemaVersion} is not ${SNAPSHOT_SCHEMA_VERSION}, the one this app reads`,
    );
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) {
    throw new SnapshotError(
      'not-a-snapshot',
      `the snapshot is damaged: ${z.prettifyError(parsed.error)}`,
    );
  }
  const saved = parsed.data;
  if (saved.scenarioId !== scenario.id) {
    throw new SnapshotError(
      'other-scenario',
      `the snapshot is of "${saved.scenarioId}", not "${scenario.id}"`,
    );
  }
  if (saved.scenarioVersion !== scenario.version) {
    throw new SnapshotError(
      'other-scenario-version',
      `the snapshot is of version ${saved.scenarioVersion} of "${scenario.id}", which is now version ${scenario.version}`,
    );
  }
  const runner = new ScenarioRunner(scenario, options);
  try {
    runner.start();
    for (const taken of saved.choices) {
      if (runner.node !== taken.node) {
        throw new SnapshotError(
          'does-not-replay',
          `expected to be at "${taken.node}", was at "${runner.node}"`,
        );
      }
      runner.choose(taken.choice);
    }
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    if (error instanceof EngineError) {
      throw new SnapshotError(
        'does-not-replay',
        `the saved choices do not replay: ${error.message}`,
      );
    }
    throw error;
  }
  runner.resumeClock(saved.startedAt, saved.elapsedMs);
  return runner;
}
