/** The first screen's scenario cards in one language: a small chunk per language. */
import { cardLoaders } from 'virtual:scenario-cards';
import type { Language } from '../i18n/languages';
import type { ScenarioCard } from './scenario-card';

export function loadScenarioCards(language: Language): Promise<readonly ScenarioCard[]> {
  return cardLoaders[language]();
}
