/**
 * The words the publishing routes answer staff with, by language, and the language a staff member
 * reads the console in. `Record<Locale, …>` makes the compiler name a language Rally speaks that
 * has none.
 */
import type { Context } from 'hono';
import type { Locale } from '@rally/core';
import { pageLocale } from '../../http/pages.ts';
import { en, type Doing, type PublishingWords } from './en.ts';
import { es } from './es.ts';

export type { Doing, PublishingWords };

export const publishingWords: Record<Locale, PublishingWords> = { en, es };

/**
 * The language the staff member reads the console in, which says so in `Accept-Language`: what
 * the publishing routes refuse is worded in it. One Rally is built in; else the default.
 */
export function staffLanguage(c: Context): Locale {
  return pageLocale(undefined, c.req.header('accept-language'));
}

/** The publishing words in the staff member's language. */
export function staffWords(c: Context): PublishingWords {
  return publishingWords[staffLanguage(c)];
}
