/**
 * The languages Rally is built in: `languages` in rally.config.json, the default first. It is the
 * one list: the API, the sites' build (astro.config.mjs among it), the scripts and the tests read
 * it here; the widgets' build, Storybook and the widgets' tests write it into the widgets' code as
 * `__RALLY_LANGUAGES__` (`languagesDefine`). Adding a language is a line there and its translations
 * (docs/configuration.md, "Adding a language").
 *
 * Read when first imported, from the project's own rally.config.json; a file named by RALLY_CONFIG
 * takes this list when it gives none.
 */
import { z } from 'zod';
import config from '../../../rally.config.json' with { type: 'json' };
import { languageNames, languageOf, type Locale } from './locale.ts';

const translated = Object.keys(languageNames) as [Locale, ...Locale[]];

/** What `languages` may list: languages Rally has translations for, each once, the default first. */
export const languageList = z
  .array(
    z.enum(translated, {
      error: (issue) =>
        `Rally has no translations in "${String(issue.input)}" yet: add them first (docs/configuration.md, "Adding a language"), or write one of ${translated.join(', ')}.`,
    }),
    {
      error:
        'List the languages to build the sites and widgets in, the default first, like ["en", "es"].',
    },
  )
  .min(1, 'List at least one language, the default first.')
  .refine((list) => new Set(list).size === list.length, 'List each language once.');

const parsed = z.object({ languages: languageList }).safeParse(config);
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  throw new Error(`rally.config.json: ${issue.path.join('.')}: ${issue.message}`);
}

/** The languages Rally is built in, the default first. */
export const locales: readonly Locale[] = parsed.data.languages;

/** The language used when a visitor's language is not one Rally is built in. */
export const defaultLocale: Locale = locales[0]!;

/** True when `value` is the exact code of a language Rally is built in (`es`, not `es-MX`). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Picks the language Rally is built in for a BCP 47 tag such as `es-MX` or `EN_us`, falling back
 * to the default, so a page declared `lang="es-US"` gets Spanish rather than English.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  return languageOf(tag, locales);
}

/**
 * For a Vite `define`: the list as the widgets' code reads it, `__RALLY_LANGUAGES__`, written in
 * at build time (widgets' vite.config.ts, astro.config.mjs, Storybook, vitest.config.ts).
 */
export const languagesDefine = { __RALLY_LANGUAGES__: JSON.stringify(locales) };
