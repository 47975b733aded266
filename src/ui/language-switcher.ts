/** The language switcher: a native <select>, so it works with every keyboard and screen reader. */
import type { TFunction } from 'i18next';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/languages';
import { el } from './dom';

export interface LanguageSwitcher {
  readonly root: HTMLElement;
  relabel(t: TFunction, current: Language): void;
}

export function createLanguageSwitcher(onChange: (language: Language) => void): LanguageSwitcher {
  const label = el('label', { attrs: { for: 'language-select' } });
  const select = el(
    'select',
    { attrs: { id: 'language-select' } },
    LANGUAGES.map((language) =>
      // Each language is named in itself, so a student can find their own.
      el('option', { text: LANGUAGE_NAMES[language], attrs: { value: language, lang: language } }),
    ),
  );
  select.addEventListener('change', () => {
    if (isLanguage(select.value)) onChange(select.value);
  });
  return {
    root: el('div', { className: 'language-switcher' }, [label, select]),
    relabel(t, current) {
      label.textContent = t('app.language');
      select.value = current;
    },
  };
}
