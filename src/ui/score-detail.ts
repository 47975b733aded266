/**
 * The sentence under the safety percent. Risky choices cost points, so a score can fall below
 * zero while the percent stops at 0 (engine/scoring.ts `safetyPercent`); "-9 of 6 safety
 * points" reads like a mistake to a student, so below zero the sentence says why it shows 0.
 */
export interface ScoreDetail {
  readonly key: 'debrief.scoreDetail' | 'debrief.scoreDetailBelowZero';
  /**
   * `count` (a number) picks the plural form: French says "1 point" but "4 points", from
   * `scoreDetail_one` and `_other`. French keeps a plain `scoreDetail` too: every language's
   * texts have English's shape (src/i18n/app-texts.ts), and i18next falls back to it.
   */
  readonly values: { readonly score: string; readonly best: string; readonly count: number };
}

export function scoreDetail(score: number, bestScore: number): ScoreDetail {
  return {
    key: score < 0 ? 'debrief.scoreDetailBelowZero' : 'debrief.scoreDetail',
    values: { score: String(score), best: String(bestScore), count: score },
  };
}
