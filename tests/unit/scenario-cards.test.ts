/**
 * The first screen's scenario cards: built from the scenario folders at build time, one list
 * per language, with the texts already looked up; an invalid scenario stops the build.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioCards } from '../../scripts/lib/scenario-cards';
import { ROOT, scenarioFolders } from '../../scripts/lib/scenario-files';
import { cardFor, textAt } from '../../src/content/scenario-card';
import { scenarioSchema } from '../../src/engine/index';
import { LANGUAGES } from '../../src/i18n/languages';
import { miniScenarioData } from '../fixtures/mini-scenario';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

describe('textAt', () => {
  const texts = { meta: { title: 'A call', nested: { deep: 'Deep' } }, flat: 'Flat' };

  it('finds a text under a dotted key, at any depth', () => {
    expect(textAt(texts, 'meta.title')).toBe('A call');
    expect(textAt(texts, 'meta.nested.deep')).toBe('Deep');
    expect(textAt(texts, 'flat')).toBe('Flat');
  });

  it('refuses a missing key, a branch instead of a text, and inherited names', () => {
    expect(() => textAt(texts, 'meta.summary')).toThrow('no text for "meta.summary"');
    expect(() => textAt(texts, 'meta')).toThrow('no text for "meta"');
    expect(() => textAt(texts, 'meta.title.more')).toThrow();
    expect(() => textAt(texts, 'constructor')).toThrow('no text for "constructor"');
    expect(() => textAt(null, 'meta.title')).toThrow();
  });
});

describe('cardFor', () => {
  const scenario = scenarioSchema.parse(miniScenarioData);
  const texts = { meta: { title: 'Mini', summary: 'A small one.', contentNote: 'Be gentle.' } };

  it('copies what the first screen shows, with the texts looked up', () => {
    const card = cardFor(scenario, texts);
    expect(card).toMatchObject({
      id: scenario.id,
      channel: scenario.channel,
      scamType: scenario.meta.scamType,
      ageBand: scenario.meta.ageBand,
      minutes: scenario.meta.minutes,
      title: textAt(texts, scenario.title),
      summary: textAt(texts, scenario.summary),
    });
  });

  it('has a content note only when the scenario warns before it starts', () => {
    const withNote = scenarioSchema.parse({
      ...miniScenarioData,
      meta: { ...miniScenarioData.meta, contentNote: 'meta.contentNote' },
    });
    const withoutNote = scenarioSchema.parse({
      ...miniScenarioData,
      meta: { ...miniScenarioData.meta, contentNote: undefined },
    });
    expect(cardFor(withNote, texts).contentNote).toBe('Be gentle.');
    expect('contentNote' in cardFor(withoutNote, texts)).toBe(false);
  });
});

describe('scenarioCards (the build step)', () => {
  const folders = scenarioFolders();

  it('has one card per scenario folder in every language, in folder order', () => {
    const cards = scenarioCards();
    for (const language of LANGUAGES) {
      expect(cards[language].map((card) => card.id)).toEqual(
        folders.map((folder) => folder.split(/[\\/]/).pop()),
      );
    }
  });

  it("takes each card's title and summary from that language's texts", () => {
    const cards = scenarioCards();
    for (const language of LANGUAGES) {
      for (const [index, folder] of folders.entries()) {
        const texts = readJson(join(folder, 'locales', `${language}.json`)) as {
          meta: { title: string; summary: string };
        };
        expect(cards[language][index]?.title).toBe(texts.meta.title);
        expect(cards[language][index]?.summary).toBe(texts.meta.summary);
      }
    }
  });

  describe('on a folder with an invalid scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'red-flags-cards-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const source = join(ROOT, 'scenarios', 'toronto-police-call');
    mkdirSync(join(dir, 'toronto-police-call', 'locales'), { recursive: true });
    const data = readJson(join(source, 'scenario.json')) as Record<string, unknown>;
    writeFileSync(
      join(dir, 'toronto-police-call', 'scenario.json'),
      JSON.stringify({ ...data, channel: 'carrier-pigeon' }),
    );
    for (const language of LANGUAGES) {
      writeFileSync(
        join(dir, 'toronto-police-call', 'locales', `${language}.json`),
        readFileSync(join(source, 'locales', `${language}.json`)),
      );
    }

    it('throws with the validator message', () => {
      expect(() => scenarioCards(dir)).toThrow(/channel/);
    });

    it('makes the command the build runs exit 1 with the problem on stderr', () => {
      let failure: { status?: number; stderr?: string } | undefined;
      try {
        execFileSync(process.execPath, ['--import', 'tsx', 'scripts/scenario-cards.ts', dir], {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (error) {
        failure = error as { status?: number; stderr?: string };
      }
      expect(failure?.status).toBe(1);
      expect(failure?.stderr).toMatch(/channel/);
    });
  });
});
