/**
 * The languages the game ships. A constant module with no i18next import, so the validator
 * scripts and the engine's tests can read it too.
 */
export const LANGUAGES = ['en', 'fr', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language's name in itself, for the language switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  'zh-Hans': '简体中文',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The best shipped language for a browser language tag such as "fr-CA" or "zh-CN". */
export function matchLanguage(tag: string | undefined): Language | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) {
    // Traditional-script tags fall back to English rather than to the wrong script.
    return /hant|-tw|-hk|-mo/.test(lower) ? undefined : 'zh-Hans';
  }
  const base = lower.split('-')[0];
  return LANGUAGES.find((l) => l === base);
}
