/**
 * The words of what keeps a piece from being published, by language. `Record<Locale, …>` makes
 * the compiler name a language Rally speaks that has none.
 */
import type { Locale } from '@rally/core';
import { en, type ProblemWords } from './en.ts';
import { es } from './es.ts';

export type { ProblemWords };

export const problemWords: Record<Locale, ProblemWords> = { en, es };
