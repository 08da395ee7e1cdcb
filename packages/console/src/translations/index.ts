/** The console's language: chosen in its header, remembered on this device, set on the page. */
import { en, type Translation } from './en.ts';
import { es } from './es.ts';

export type { Translation };
export type ConsoleLocale = 'en' | 'es';

export const translations: Record<ConsoleLocale, Translation> = { en, es };

const storageKey = 'rally-console-language';

/** The language chosen before on this device, else the browser's if Spanish, else English. */
export function initialLocale(): ConsoleLocale {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(storageKey);
  } catch {
    // Storage refused (a private window's policy): the browser's language decides.
  }
  const asked = (remembered ?? navigator.language).slice(0, 2).toLowerCase();
  return asked === 'es' ? 'es' : 'en';
}

/** Remembers the choice and sets `lang` on the document, so screen readers switch voice. */
export function applyLocale(locale: ConsoleLocale): void {
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembered; the choice still holds for this visit.
  }
}
