/**
 * Loads the spot check (its forms and its text in one language) on demand, validated like a
 * scenario, so a damaged file gives a clear message rather than a broken check.
 */
import { type SpotCheck, validateSpotCheck } from '../engine/index';
import type { Language } from '../i18n/languages';
import { ScenarioLoadError } from './scenario-catalog';

const file = '/src/content/spot-check/spot-check.json';
const spotCheckFiles = import.meta.glob<unknown>('/src/content/spot-check/spot-check.json', {
  import: 'default',
});
const localeFiles = import.meta.glob<unknown>('/src/content/spot-check/locales/*.json', {
  import: 'default',
});

export const SPOT_CHECK_NAMESPACE = 'spot-check';

export interface LoadedSpotCheck {
  readonly spotCheck: SpotCheck;
  readonly texts: Record<string, unknown>;
}

export async function loadSpotCheck(language: Language): Promise<LoadedSpotCheck> {
  const textsFile = `/src/content/spot-check/locales/${language}.json`;
  const loadData = spotCheckFiles[file];
  const loadTexts = localeFiles[textsFile];
  if (!loadData || !loadTexts) {
    throw new ScenarioLoadError('spot-check', [
      { file, path: '', message: 'is not in this build' },
    ]);
  }
  const [data, texts] = await Promise.all([loadData(), loadTexts()]);
  const report = validateSpotCheck(
    { file, data },
    [{ locale: language, file: textsFile, data: texts }],
    [language],
  );
  if (!report.spotCheck) throw new ScenarioLoadError('spot-check', report.problems);
  return { spotCheck: report.spotCheck, texts: texts as Record<string, unknown> };
}
