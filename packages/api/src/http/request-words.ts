/**
 * The words of a refused request body, by language: the sentence above its fields and what each
 * field needs. The API answers in English; the publishing routes in the language the staff member
 * reads the console in. What has no words here (a value of the wrong type, an option not offered)
 * is in zod's own words for that language. `Record<Locale, …>` makes the compiler name a language
 * Rally speaks that has none.
 */
import type { Locale } from '@rally/core';
import { z } from 'zod';

/** What a limit counts, by what zod checked: a text's characters, a list's entries. */
type Counted = 'string' | 'array' | (string & {});

const en = {
  someFields: (fields: string) => `Some fields need attention: ${fields}.`,
  required: 'This field is required.',
  atMost: (most: number | bigint, of: Counted) => `Use at most ${most}${units(of)}.`,
  atLeast: (least: number | bigint, of: Counted) => `Use at least ${least}${units(of)}.`,
  notHere: 'This field cannot be set here; leave it out.',
  tooDeep: (levels: number) => `This field nests deeper than ${levels} levels; send plain values.`,
  hidden: 'Remove the hidden control characters from this field.',
  rename: 'Rename this field.',
  notJson: 'The body is not valid JSON.',
  sendJson: 'Send application/json.',
  /** zod's words for the rest. */
  issues: z.locales.en().localeError,
};

function units(of: Counted): string {
  return of === 'string' ? ' characters' : of === 'array' ? ' entries' : '';
}

export type RequestWords = typeof en;

const es: RequestWords = {
  someFields: (fields) => `Hay campos que revisar: ${fields}.`,
  required: 'Este campo es obligatorio.',
  atMost: (most, of) => `Usa como máximo ${most}${unidades(of)}.`,
  atLeast: (least, of) => `Usa al menos ${least}${unidades(of)}.`,
  notHere: 'Este campo no se puede enviar aquí: quítalo.',
  tooDeep: (levels) => `Este campo anida más de ${levels} niveles: envía valores simples.`,
  hidden: 'Quita de este campo los caracteres de control ocultos.',
  rename: 'Cambia el nombre de este campo.',
  notJson: 'El cuerpo de la solicitud no es JSON válido.',
  sendJson: 'Envía application/json.',
  issues: z.locales.es().localeError,
};

function unidades(of: Counted): string {
  return of === 'string' ? ' caracteres' : of === 'array' ? ' elementos' : '';
}

export const requestWords: Record<Locale, RequestWords> = { en, es };
