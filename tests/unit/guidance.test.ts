/**
 * Every piece of official guidance is taught somewhere: for each scam type, every red flag and
 * every correct action listed in the briefs (src/engine/guidance.ts) must be tied to a red flag
 * or a right action of at least one scenario of that type. Tying means the scenario shows it,
 * lets a player spot it (the validator checks that) and names it in the debrief.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFolders, validateFolder } from '../../scripts/lib/scenario-files';
import { GUIDANCE, SCAM_TYPES } from '../../src/engine/index';

const scenarios = scenarioFolders().map((folder) => {
  const report = validateFolder(folder);
  if (!report.scenario) throw new Error(`${folder} is invalid: run npm run validate`);
  return report.scenario;
});

describe('official guidance is taught', () => {
  for (const type of SCAM_TYPES) {
    const ofType = scenarios.filter((s) => s.meta.scamType === type);

    it(`${type}: has at least one scenario`, () => {
      expect(ofType.map((s) => s.id)).not.toEqual([]);
    });

    it(`${type}: every red flag of the briefs is taught by a scenario`, () => {
      const taughtBy = (id: string) =>
        ofType
          .filter((s) => Object.values(s.redFlags).some((f) => f.guidance === id))
          .map((s) => s.id);
      const untaught = GUIDANCE[type].redFlags.filter((f) => taughtBy(f.id).length === 0);
      expect(untaught.map((f) => `${f.id}: ${f.brief}`)).toEqual([]);
    });

    it(`${type}: every correct action of the briefs is taught by a scenario`, () => {
      const taughtBy = (id: string) =>
        ofType.filter((s) => s.rightActions.some((a) => a.guidance === id)).map((s) => s.id);
      const untaught = GUIDANCE[type].actions.filter((a) => taughtBy(a.id).length === 0);
      expect(untaught.map((a) => `${a.id}: ${a.brief}`)).toEqual([]);
    });
  }

  it('genuine contacts make up at least three scenarios', () => {
    expect(scenarios.filter((s) => s.meta.scamType === 'genuine').length).toBeGreaterThanOrEqual(3);
  });
});

describe('lesson guides', () => {
  it('every scenario has one, with goals and discussion questions', () => {
    const missing = scenarios.filter((s) => !s.guide).map((s) => s.id);
    expect(missing).toEqual([]);
    for (const scenario of scenarios) {
      expect(scenario.guide?.goals.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(scenario.guide?.questions.length ?? 0).toBeGreaterThanOrEqual(3);
    }
  });
});
