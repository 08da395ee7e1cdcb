/**
 * The words of the content schemas' messages, by language: the rules are content.ts's, the same in
 * every language; only these words differ. `Record<Locale, …>` makes the compiler name a language
 * Rally speaks that has none.
 */
import type { Locale } from '../locale.ts';
import { en, type ContentWords } from './en.ts';
import { es } from './es.ts';

export type { ContentWords };

export const contentWords: Record<Locale, ContentWords> = { en, es };
