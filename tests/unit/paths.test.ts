/** Enumerating every path, as the validator and the walks test do. */
import { describe, expect, it } from 'vitest';
import { allPaths, bestAttainableScore, TooManyPathsError } from '../../src/engine/index';
import { miniScenario } from '../fixtures/mini-scenario';

describe('allPaths', () => {
  it('takes point-scoring stay choices on the best enumeration, and skips them on the worst', () => {
    const best = allPaths(miniScenario);
    const worst = allPaths(miniScenario, { stays: 'worst' });
    expect(best.map((p) => p.choices.join(' > '))).toContain('accept > screenshot > block');
    expect(worst.map((p) => p.choices.join(' > '))).toContain('accept > block');
    expect(worst.some((p) => p.choices.includes('screenshot'))).toBe(false);
    expect(Math.max(...best.map((p) => p.tally.score))).toBe(bestAttainableScore(miniScenario));
    expect(Math.min(...worst.map((p) => p.tally.score))).toBeLessThanOrEqual(
      Math.min(...best.map((p) => p.tally.score)),
    );
  });

  it('ends every path at an ending node', () => {
    for (const path of allPaths(miniScenario)) {
      expect(miniScenario.nodes[path.ending]?.ending).toBeDefined();
    }
  });

  it('stops past its limit instead of running away', () => {
    expect(() => allPaths(miniScenario, { limit: 1 })).toThrow(TooManyPathsError);
  });
});
