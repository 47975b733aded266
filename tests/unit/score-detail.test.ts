/**
 * The sentence under the safety percent, through the app's own i18next set-up and its real
 * texts: points out of the best, in the right plural, and never a negative number of points.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../src/i18n/i18n';
import { LANGUAGES, type Language } from '../../src/i18n/languages';
import { scoreDetail } from '../../src/ui/score-detail';

beforeAll(() => {
  // createI18n sets the page's lang attribute; this is Node.
  vi.stubGlobal('document', { documentElement: { lang: '' } });
});

async function sentence(language: Language, score: number, best: number): Promise<string> {
  const i18n = await createI18n(language);
  const { key, values } = scoreDetail(score, best);
  return i18n.t(key, values);
}

describe('the sentence under the safety percent', () => {
  it('gives the points out of the best at zero and above', async () => {
    expect(await sentence('en', 4, 6)).toContain('4 of 6 safety points');
    expect(await sentence('en', 0, 6)).toContain('0 of 6 safety points');
    expect(await sentence('en', 6, 6)).toContain('6 of 6 safety points');
    expect(await sentence('zh-Hans', 4, 6)).toContain('4 / 6');
  });

  it('says "point" for 0 and 1 in French, "points" from 2', async () => {
    expect(await sentence('fr', 0, 7)).toMatch(/^0 point de sécurité sur 7\./);
    expect(await sentence('fr', 1, 5)).toMatch(/^1 point de sécurité sur 5\./);
    expect(await sentence('fr', 4, 11)).toMatch(/^4 points de sécurité sur 11\./);
  });

  it.each(LANGUAGES)('never shows a negative number of points in %s', async (language) => {
    for (const score of [-1, -9, -40]) {
      const text = await sentence(language, score, 6);
      expect(text).not.toMatch(/-\d/);
      expect(text).toContain('0');
      expect(text).toContain('6');
    }
  });
});
