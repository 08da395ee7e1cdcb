/** Languages Rally speaks, and how a visitor's language tag maps onto them. */

/** The languages every widget and site ships complete; the first is the fallback. */
export const locales = ['en', 'es'] as const;

/** A language Rally has complete translations for. */
export type Locale = (typeof locales)[number];

/** The language used when a visitor's language is not one Rally speaks. */
export const defaultLocale: Locale = locales[0];

/** True when `value` is a supported locale code (`en`, `es`). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Picks the supported locale for a BCP 47 tag such as `es-MX` or `EN_us`, falling back to
 * the default, so a page declared `lang="es-US"` gets Spanish rather than English.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : defaultLocale;
}
