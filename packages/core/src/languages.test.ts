/**
 * `languages` in rally.config.json is the one list of languages; the compiler's list — the codes of
 * `languageNames`, which every `Record<Locale, …>` table of strings is checked against — must name
 * the same languages, so a language added in one place and forgotten in the other fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rallyConfig } from './config.ts';
import { defaultLocale, languageList, languagesDefine, locales } from './languages.ts';
import { languageNames } from './locale.ts';

const configured = (
  JSON.parse(readFileSync(new URL('../../../rally.config.json', import.meta.url), 'utf8')) as {
    languages: string[];
  }
).languages;

describe('the languages', () => {
  it('are those rally.config.json lists, in its order, the first the default', () => {
    expect(locales).toEqual(configured);
    expect(defaultLocale).toBe(configured[0]);
    expect(JSON.parse(languagesDefine.__RALLY_LANGUAGES__)).toEqual(configured);
  });

  it('are the languages Rally has translations for (the Locale type), no more and no fewer', () => {
    expect(Object.keys(languageNames).sort()).toEqual([...configured].sort());
  });

  it('are what a configuration file without its own list gets', () => {
    const settings = rallyConfig.parse({ organization: { name: 'Test' } });
    expect(settings.languages).toEqual(configured);
  });
});

describe('a list of languages', () => {
  const problem = (value: unknown) => languageList.safeParse(value).error?.issues[0]?.message;

  it('names only languages with translations', () => {
    expect(problem(['en', 'xx'])).toMatch(/^Rally has no translations in "xx" yet: add them first/);
  });

  it('names each language once, and one at least', () => {
    expect(problem([...locales, locales[0]])).toBe('List each language once.');
    expect(problem([])).toBe('List at least one language, the default first.');
    expect(problem(undefined)).toMatch(/^List the languages/);
  });
});
