/**
 * Every language has every key English has: the app's own strings and every scenario's.
 * The check runs on the real files, and is shown to fail on a file that lacks a key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareLocales, type LocaleFile } from '../../src/engine/index';
import { LANGUAGES, matchLanguage } from '../../src/i18n/languages';

const ROOT = join(import.meta.dirname, '..', '..');

function localeSet(dir: string): LocaleFile[] {
  return LANGUAGES.map((locale) => ({
    locale,
    file: join(dir, `${locale}.json`),
    data: JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')),
  }));
}

const sets = [
  { name: 'app', dir: join(ROOT, 'src', 'i18n', 'locales') },
  ...readdirSync(join(ROOT, 'scenarios')).map((id) => ({
    name: `scenario ${id}`,
    dir: join(ROOT, 'scenarios', id, 'locales'),
  })),
];

describe('locale files', () => {
  for (const set of sets) {
    it(`${set.name}: fr and zh-Hans have every key English has`, () => {
      const [english, ...others] = localeSet(set.dir);
      if (!english) throw new Error('no English locale');
      expect(compareLocales(english, others)).toEqual([]);
    });
  }

  it('the comparison fails when a translation lacks a key', () => {
    const [english, french] = localeSet(join(ROOT, 'src', 'i18n', 'locales'));
    if (!english || !french) throw new Error('locales missing');
    const damaged = structuredClone(french.data) as { debrief: Record<string, unknown> };
    delete damaged.debrief.playAgain;
    const problems = compareLocales(english, [{ ...french, data: damaged }]);
    expect(problems).toEqual([
      expect.objectContaining({ file: french.file, path: 'debrief.playAgain' }),
    ]);
  });
});

describe('matching the browser language', () => {
  it.each([
    ['fr-CA', 'fr'],
    ['fr', 'fr'],
    ['en-GB', 'en'],
    ['zh-CN', 'zh-Hans'],
    ['zh-Hans-CA', 'zh-Hans'],
    ['zh-TW', undefined],
    ['zh-Hant', undefined],
    ['de-DE', undefined],
    [undefined, undefined],
  ])('%s -> %s', (tag, expected) => {
    expect(matchLanguage(tag)).toBe(expected);
  });
});
