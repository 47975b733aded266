/**
 * i18next set-up. The app's own strings live in the "app" namespace, one small chunk per
 * language: the first screen fetches the player's language (and English, the fallback) and no
 * other; switching language fetches the new one first. Each scenario's text is a namespace of
 * its own, added when the scenario loads. The chosen language is remembered between visits and
 * `<html lang>` follows it.
 */
import i18next, { type i18n, type TFunction } from 'i18next';
import { loadAppTexts, rememberLanguage } from './app-texts';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from './languages';

export const APP_NAMESPACE = 'app';

async function addAppTexts(instance: i18n, language: Language): Promise<void> {
  if (instance.hasResourceBundle(language, APP_NAMESPACE)) return;
  instance.addResourceBundle(language, APP_NAMESPACE, await loadAppTexts(language), true, true);
}

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  const wanted = [...new Set([language, DEFAULT_LANGUAGE])];
  const texts = await Promise.all(wanted.map(loadAppTexts));
  await instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    ns: [APP_NAMESPACE],
    defaultNS: APP_NAMESPACE,
    resources: Object.fromEntries(wanted.map((l, i) => [l, { [APP_NAMESPACE]: texts[i] ?? {} }])),
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

/** The language each instance was last asked for: a switch whose texts arrive late must lose. */
const latestWanted = new WeakMap<i18n, Language>();

/**
 * Switches language once its texts have arrived. A player going through the list quickly (arrow
 * keys on the select) asks for several in a row; only the last one asked for is applied, even
 * when an earlier one's texts arrive after it.
 */
export async function changeLanguage(instance: i18n, language: Language): Promise<TFunction> {
  latestWanted.set(instance, language);
  await addAppTexts(instance, language);
  if (latestWanted.get(instance) !== language) return instance.t;
  rememberLanguage(language);
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
