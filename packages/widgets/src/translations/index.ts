/** Looks up the strings for an element from its `lang`, its ancestors' or the page's. */
import { languageOf, type Locale } from '@rally/core/locale';
import { en, type Translation } from './en.ts';
import { es } from './es.ts';

export type { Translation };

/** Every widget's shared strings, by language; the sites' no-JavaScript forms use them too. */
export const translations: Record<Locale, Translation> = { en, es };

/**
 * The locale an element speaks: its own `lang`, else the nearest ancestor's, among the languages
 * Rally is built in; else the default (the first of them).
 */
export function localeOf(element: Element): Locale {
  return languageOf(element.closest('[lang]')?.getAttribute('lang'), __RALLY_LANGUAGES__);
}

/** The strings for the element's locale. */
export function translate(element: Element): Translation {
  return translations[localeOf(element)];
}
