/**
 * The app's own texts, one chunk per language, and the language to start in. No i18next here:
 * the entry script (src/main.ts) asks for the texts before the rest of the app has arrived.
 */
import { readPreference, writePreference } from '../storage/preferences';
import { DEFAULT_LANGUAGE, isLanguage, type Language, matchLanguage } from './languages';
import type en from './locales/en.json';

export type AppResources = typeof en;

const LANGUAGE_PREFERENCE = 'language';

/** The language to start in: the one chosen before, else the browser's, else English. */
export function initialLanguage(): Language {
  const saved = readPreference(LANGUAGE_PREFERENCE);
  if (isLanguage(saved)) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

export function rememberLanguage(language: Language): void {
  writePreference(LANGUAGE_PREFERENCE, language);
}

const APP_TEXTS: Record<Language, () => Promise<{ default: AppResources }>> = {
  en: () => import('./locales/en.json'),
  fr: () => import('./locales/fr.json'),
  'zh-Hans': () => import('./locales/zh-Hans.json'),
};

/** One language's texts (a module import: fetched once, however often asked for). */
export async function loadAppTexts(language: Language): Promise<AppResources> {
  return (await APP_TEXTS[language]()).default;
}
