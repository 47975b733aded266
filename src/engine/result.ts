/**
 * The result record of one finished scenario: what the teacher mode aggregates.
 * It carries a schema version so that an older record can be migrated and a newer one refused
 * with an "update the app" message. Only ids are recorded, never text, so results compare
 * across languages and survive a reworded scenario.
 */

import { EngineError } from './errors';
import { idSchema, OUTCOMES } from './identifiers';
import type { ScenarioRunner } from './runner';
import { tally } from './scoring';
import { z } from './zod';

export const RESULT_FORMAT = 'red-flags/scenario-result';
export const RESULT_SCHEMA_VERSION = 1;

export const resultSchema = z.strictObject({
  format: z.literal(RESULT_FORMAT),
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  /** Unique per play, so importing the same result twice counts it once. */
  id: z.string().min(8).max(64),
  scenarioId: idSchema,
  scenarioVersion: z.number().int().positive(),
  locale: z.string().min(2).max(16),
  choices: z.array(z.strictObject({ node: idSchema, choice: idSchema })).max(500),
  ending: idSchema,
  outcome: z.enum(OUTCOMES),
  score: z.number().int(),
  bestScore: z.number().int().positive(),
  redFlags: z.strictObject({
    spotted: z.array(idSchema).max(100),
    missed: z.array(idSchema).max(100),
  }),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  durationMs: z.number().int().nonnegative(),
});

export type ScenarioResult = z.infer<typeof resultSchema>;

export interface ResultMeta {
  readonly id: string;
  readonly locale: string;
}

/** Builds the result record of a runner that has reached an ending. */
export function createResult(runner: ScenarioRunner, meta: ResultMeta): ScenarioResult {
  const reached = runner.ending;
  if (runner.state !== 'ended' || !reached) {
    throw new EngineError('not-ended', 'a result exists only once the scenario has ended');
  }
  const { score, bestScore, flags } = tally(runner.scenario, runner.events);
  const durationMs = Math.round(runner.elapsedMs);
  return {
    format: RESULT_FORMAT,
    schemaVersion: RESULT_SCHEMA_VERSION,
    id: meta.id,
    scenarioId: runner.scenario.id,
    scenarioVersion: runner.scenario.version,
    locale: meta.locale,
    choices: runner.taken.map((t) => ({ node: t.node, choice: t.choice })),
    ending: reached.node,
    outcome: reached.ending.outcome,
    score,
    bestScore,
    redFlags: {
      spotted: flags.filter((f) => f.status === 'spotted').map((f) => f.id),
      missed: flags.filter((f) => f.status === 'missed').map((f) => f.id),
    },
    startedAt: new Date(runner.startedAt).toISOString(),
    // Wall-clock end; durationMs is playing time only, which excludes time the tab was closed.
    finishedAt: new Date(runner.finishedAt ?? runner.startedAt + durationMs).toISOString(),
    durationMs,
  };
}
