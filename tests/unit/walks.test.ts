/**
 * Expected walks as data (YarnSpinner's test plans): tests/walks/<scenario>.json lists, for each
 * scenario, the choices of a best, a worst and a mixed walk (and any others) with the ending,
 * outcome, score and red flags each must produce. One test replays them all through the real
 * scenario files, so a change to a story or its scoring shows up as a changed walk.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROOT, scenarioFolders, validateFolder } from '../../scripts/lib/scenario-files';
import { allPaths, createResult, OUTCOMES, ScenarioRunner } from '../../src/engine/index';

const WALKS_DIR = join(ROOT, 'tests', 'walks');

const walkFileSchema = z.strictObject({
  scenario: z.string(),
  walks: z
    .array(
      z.strictObject({
        name: z.string().min(3),
        kind: z.enum(['best', 'worst', 'mixed', 'other']),
        choices: z.array(z.string()).min(1),
        ending: z.string(),
        outcome: z.enum(OUTCOMES),
        score: z.number().int(),
        /** In the order of the scenario's redFlags. */
        spotted: z.array(z.string()),
        missed: z.array(z.string()),
      }),
    )
    .min(3),
});

const scenarios = scenarioFolders().map((folder) => {
  const report = validateFolder(folder);
  if (!report.scenario) throw new Error(`${folder} is invalid: run npm run validate`);
  return report.scenario;
});

describe('expected walks', () => {
  it('every scenario has a walks file, and every walks file a scenario', () => {
    const files = readdirSync(WALKS_DIR).filter((f) => f.endsWith('.json'));
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(
      scenarios.map((s) => s.id).sort(),
    );
  });

  for (const scenario of scenarios) {
    describe(scenario.id, () => {
      const path = join(WALKS_DIR, `${scenario.id}.json`);
      const file = existsSync(path)
        ? walkFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
        : undefined;
      const worst = Math.min(...allPaths(scenario, { stays: 'worst' }).map((p) => p.tally.score));

      it('replays every walk to its expected ending, outcome, score and red flags', () => {
        expect(file?.scenario).toBe(scenario.id);
        for (const walk of file?.walks ?? []) {
          const runner = new ScenarioRunner(scenario, { now: () => 0 });
          runner.start();
          for (const id of walk.choices) runner.choose(id);
          expect({ walk: walk.name, state: runner.state }).toEqual({
            walk: walk.name,
            state: 'ended',
          });
          const result = createResult(runner, { id: 'walk-replay', locale: 'en' });
          expect({
            walk: walk.name,
            ending: result.ending,
            outcome: result.outcome,
            score: result.score,
          }).toEqual({
            walk: walk.name,
            ending: walk.ending,
            outcome: walk.outcome,
            score: walk.score,
          });
          expect({ walk: walk.name, ...result.redFlags }).toEqual({
            walk: walk.name,
            spotted: walk.spotted,
            missed: walk.missed,
          });
        }
      });

      it('has a best walk, a worst walk and a mixed walk, each true to its name', () => {
        const walks = file?.walks ?? [];
        const best = walks.filter((w) => w.kind === 'best');
        const worstWalks = walks.filter((w) => w.kind === 'worst');
        const mixed = walks.filter((w) => w.kind === 'mixed');
        expect(best.length).toBeGreaterThan(0);
        expect(worstWalks.length).toBeGreaterThan(0);
        expect(mixed.length).toBeGreaterThan(0);
        for (const w of best)
          expect({ walk: w.name, score: w.score }).toEqual({
            walk: w.name,
            score: scenario.bestScore,
          });
        for (const w of worstWalks)
          expect({ walk: w.name, score: w.score }).toEqual({ walk: w.name, score: worst });
        for (const w of mixed) {
          expect(w.score, w.name).toBeGreaterThan(worst);
          expect(w.score, w.name).toBeLessThan(scenario.bestScore);
        }
      });

      it('reaches every ending in at least one walk', () => {
        const endings = Object.entries(scenario.nodes)
          .filter(([, node]) => node.ending)
          .map(([id]) => id)
          .sort();
        const walked = [...new Set((file?.walks ?? []).map((w) => w.ending))].sort();
        expect(walked).toEqual(endings);
      });
    });
  }
});
