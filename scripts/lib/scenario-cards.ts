/**
 * Every scenario's card (src/content/scenario-card.ts) in each language, from the scenario
 * folders: what `virtual:scenario-cards` (vite.config.ts) gives the first screen. A scenario that
 * does not validate gives the validator's message instead of a card.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardFor, type ScenarioCard } from '../../src/content/scenario-card';
import { formatProblem } from '../../src/engine/index';
import { LANGUAGES, type Language } from '../../src/i18n/languages';
import {
  SCENARIOS_DIR,
  scenarioFolders,
  validateFolder,
  validateHelpLines,
} from './scenario-files';

export type CardsByLanguage = Record<Language, ScenarioCard[]>;

/** Throws with every problem found when any scenario is invalid. */
export function scenarioCards(dir = SCENARIOS_DIR): CardsByLanguage {
  const { regions } = validateHelpLines();
  const valid = scenarioFolders(dir).map((folder) => {
    const report = validateFolder(folder, regions);
    if (!report.scenario) throw new Error(report.problems.map(formatProblem).join('\n'));
    return { folder, scenario: report.scenario };
  });
  const cards = (language: Language) =>
    valid.map(({ folder, scenario }) =>
      cardFor(
        scenario,
        JSON.parse(readFileSync(join(folder, 'locales', `${language}.json`), 'utf8')) as unknown,
      ),
    );
  return Object.fromEntries(LANGUAGES.map((l) => [l, cards(l)])) as CardsByLanguage;
}
