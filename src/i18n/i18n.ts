/**
 * i18next set-up. The app's own strings live in the "app" namespace and ship with the first
 * screen (they are small); each scenario's text is a namespace of its own, added when the
 * scenario loads. The chosen language is remembered between visits and `<html lang>` follows it.
 */
import i18next, { type i18n, type TFunction } from 'i18next';
import { readPreference, writePreference } from '../storage/preferences';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language, matchLanguage } from './languages';
import en from './locales/en.json';
import fr from './locales/fr.json';
import zhHans from './locales/zh-Hans.json';

export const APP_NAMESPACE = 'app';
const LANGUAGE_PREFERENCE = 'language';

export type AppResources = typeof en;

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

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    ns: [APP_NAMESPACE],
    defaultNS: APP_NAMESPACE,
    resources: {
      en: { [APP_NAMESPACE]: en },
      fr: { [APP_NAMESPACE]: fr },
      'zh-Hans': { [APP_NAMESPACE]: zhHans },
    },
    // Text reaches the page through textContent only, so i18next must not escape it twice.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  syncDocumentLanguage(language);
  return instance;
}

export function currentLanguage(instance: i18n): Language {
  return isLanguage(instance.language) ? instance.language : DEFAULT_LANGUAGE;
}

export async function changeLanguage(instance: i18n, language: Language): Promise<TFunction> {
  writePreference(LANGUAGE_PREFERENCE, language);
  const t = await instance.changeLanguage(language);
  syncDocumentLanguage(language);
  return t;
}

function syncDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
}

/** The i18next namespace holding one scenario's text. */
export function scenarioNamespace(scenarioId: string): string {
  return `scenario.${scenarioId}`;
}
