/**
 * The languages Rally has translations for, and how a visitor's language tag maps onto one of
 * them. Nothing here reads the configuration, so the widgets import it; which languages Rally is
 * built in — `languages` in rally.config.json — is languages.ts.
 */

/**
 * Every language Rally has translations for, by code, named in itself as the sites' language menu
 * shows it. Its codes are `Locale`, the type every table of strings is written against
 * (`Record<Locale, …>`), so the compiler names each table a language is missing from. A test holds
 * these codes and `languages` in rally.config.json to the same languages.
 */
export const languageNames = { en: 'English', es: 'Español' } satisfies Record<string, string>;

/** A language Rally has complete translations for. */
export type Locale = keyof typeof languageNames;

/**
 * The one of `languages` that a BCP 47 tag such as `es-MX` or `EN_us` names, else the first (the
 * default), so a page declared `lang="es-US"` gets Spanish rather than English.
 */
export function languageOf<L extends string>(
  tag: string | null | undefined,
  languages: readonly L[],
): L {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return languages.find((code) => code === language) ?? languages[0]!;
}
