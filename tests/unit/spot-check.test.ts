/**
 * The spot check's logic: matched forms, scoring by hits and false alarms, discernment, the
 * form used before and after, and the result record. The real content is checked too.
 */
import { describe, expect, it } from 'vitest';
import { validateSpotCheckFolder } from '../../scripts/lib/scenario-files';
import {
  formItems,
  nextForm,
  type SpotCheck,
  SpotCheckSession,
  scoreSpotCheck,
  spotCheckProblems,
  spotCheckResultSchema,
  spotCheckSchema,
} from '../../src/engine/index';

/** Four matched pairs per form would be too few; this builds n pairs with a scam/genuine mix. */
function makeSpotCheck(pairs: number, scams: number): SpotCheck {
  const items: Record<string, unknown> = {};
  for (let p = 0; p < pairs; p++) {
    const answer = p < scams ? 'scam' : 'genuine';
    for (const form of ['A', 'B']) {
      items[`${form.toLowerCase()}-${p}`] = {
        form,
        pair: `pair-${p}`,
        kind: p % 2 === 0 ? 'message' : 'call',
        answer,
        topic: answer === 'scam' ? 'police-impersonation' : 'genuine',
        sender: `items.${p}.sender`,
        channel: 'channels.text',
        text: `items.${p}.text`,
        explanation: `items.${p}.explanation`,
      };
    }
  }
  return spotCheckSchema.parse({ schemaVersion: 1, title: 'title', intro: 'intro', items });
}

describe('spot check forms', () => {
  it('accepts two matched forms of eight', () => {
    expect(spotCheckProblems(makeSpotCheck(8, 4))).toEqual([]);
  });

  it('rejects forms shorter than eight items', () => {
    expect(spotCheckProblems(makeSpotCheck(7, 4)).map((p) => p.message)).toEqual([
      'form A has 7 items; it needs at least 8',
      'form B has 7 items; it needs at least 8',
    ]);
  });

  it('rejects a form with too few genuine items to measure false alarms', () => {
    expect(spotCheckProblems(makeSpotCheck(8, 6)).map((p) => p.message)).toContain(
      'form A needs at least 3 genuine items, so both hits and false alarms can be measured',
    );
  });

  it('rejects a pair whose items differ in answer, or that is missing in a form', () => {
    const check = makeSpotCheck(8, 4);
    const b0 = check.items['b-0'];
    if (!b0) throw new Error('fixture');
    b0.answer = 'genuine';
    expect(spotCheckProblems(check)).toContainEqual({
      path: 'items.b-0',
      message: 'is matched with "a-0" but differs in answer, kind or topic',
    });
    delete check.items['b-1'];
    expect(spotCheckProblems(check).map((p) => p.message)).toContain(
      'pair "pair-1" must have exactly one item in form A and one in form B',
    );
  });
});

describe('scoring', () => {
  const items = formItems(makeSpotCheck(8, 4), 'A');
  const answerAll = (verdict: 'scam' | 'genuine') =>
    items.map((i) => ({ item: i.id, answer: verdict, confidence: 2 as const }));

  it('gives no discernment to calling everything a scam', () => {
    expect(scoreSpotCheck(items, answerAll('scam'))).toEqual({
      hits: 4,
      misses: 0,
      falseAlarms: 4,
      correctRejections: 0,
      discernment: 0,
    });
  });

  it('gives full discernment to a perfect sheet, and negative to a reversed one', () => {
    const perfect = items.map((i) => ({ item: i.id, answer: i.answer, confidence: 3 as const }));
    expect(scoreSpotCheck(items, perfect).discernment).toBe(1);
    const reversed = items.map((i) => ({
      item: i.id,
      answer: i.answer === 'scam' ? ('genuine' as const) : ('scam' as const),
      confidence: 1 as const,
    }));
    expect(scoreSpotCheck(items, reversed).discernment).toBe(-1);
  });

  it('is hit rate minus false-alarm rate', () => {
    // 3 of 4 scams spotted, 1 of 4 genuine called a scam: 0.75 - 0.25.
    const responses = items.map((i, index) => ({
      item: i.id,
      answer: index === 0 || index === 4 ? (i.answer === 'scam' ? 'genuine' : 'scam') : i.answer,
      confidence: 2 as const,
    })) as { item: string; answer: 'scam' | 'genuine'; confidence: 2 }[];
    expect(scoreSpotCheck(items, responses)).toMatchObject({
      hits: 3,
      falseAlarms: 1,
      discernment: 0.5,
    });
  });
});

describe('before and after', () => {
  it('uses the first form before, the other after, then alternates', () => {
    expect(nextForm('A', 0)).toEqual({ form: 'A', phase: 'before' });
    expect(nextForm('A', 1)).toEqual({ form: 'B', phase: 'after' });
    expect(nextForm('A', 2)).toEqual({ form: 'A', phase: 'after' });
    expect(nextForm('B', 0)).toEqual({ form: 'B', phase: 'before' });
    expect(nextForm('B', 1)).toEqual({ form: 'A', phase: 'after' });
  });
});

describe('a session', () => {
  it('walks the form in order and produces a valid result record', () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const session = new SpotCheckSession(makeSpotCheck(8, 4), 'B', 'after', { now: () => now });
    expect(session.current?.id).toBe('b-0');
    for (const item of session.items) {
      now += 5_000;
      session.answer(item.answer, 3);
    }
    expect(session.current).toBeUndefined();
    expect(() => session.answer('scam', 1)).toThrowError(
      expect.objectContaining({ code: 'not-waiting-for-choice' }),
    );
    const result = session.result({ id: 'spot-0001-test', locale: 'fr' });
    expect(spotCheckResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({
      form: 'B',
      phase: 'after',
      hits: 4,
      falseAlarms: 0,
      correctRejections: 4,
      discernment: 1,
      durationMs: 40_000,
      locale: 'fr',
    });
  });

  it('refuses a result before the last answer', () => {
    const session = new SpotCheckSession(makeSpotCheck(8, 4), 'A', 'before');
    expect(() => session.result({ id: 'spot-0002-test', locale: 'en' })).toThrowError(
      expect.objectContaining({ code: 'not-ended' }),
    );
  });
});

describe('the real spot check', () => {
  it('is valid in every language, with two matched forms of at least eight', () => {
    const report = validateSpotCheckFolder();
    expect(report.problems).toEqual([]);
    const check = report.spotCheck;
    if (!check) throw new Error('no spot check');
    expect(formItems(check, 'A').length).toBeGreaterThanOrEqual(8);
    expect(formItems(check, 'B').length).toBe(formItems(check, 'A').length);
  });
});
