import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/locales/en.json';
import fr from '../../src/i18n/locales/fr.json';
import zh from '../../src/i18n/locales/zh-Hans.json';
import { scoreDetail } from '../../src/ui/score-detail';

const LOCALES = { en, fr, 'zh-Hans': zh };

/** What a student reads, filled in the way i18next fills it. */
function sentence(locale: typeof en, score: number, best: number): string {
  const { key, values } = scoreDetail(score, best);
  const template =
    locale.debrief[key === 'debrief.scoreDetail' ? 'scoreDetail' : 'scoreDetailBelowZero'];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: 'score' | 'best') => values[name]);
}

describe('the sentence under the safety percent', () => {
  it('gives the points out of the best at zero and above', () => {
    expect(sentence(en, 4, 6)).toContain('4 of 6 safety points');
    expect(sentence(en, 0, 6)).toContain('0 of 6 safety points');
    expect(sentence(en, 6, 6)).toContain('6 of 6 safety points');
  });

  it.each(Object.entries(LOCALES))('never shows a negative number of points in %s', (_, locale) => {
    for (const score of [-1, -9, -40]) {
      const text = sentence(locale, score, 6);
      expect(text).not.toMatch(/-\d/);
      expect(text).toContain('0');
      expect(text).toContain('6');
    }
  });
});
