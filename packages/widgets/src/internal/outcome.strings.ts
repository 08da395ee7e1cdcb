/**
 * Strings shown once a submission has an outcome, in every language: they load with outcome.ts,
 * after the form is on screen, so no page pays for them before someone sends something.
 */
import type { Locale } from '@rally/core/locale';

const en = {
  /** The API does not take submissions from this page's origin yet. */
  originRefused: (site: string) =>
    `This form cannot be sent from ${site} yet: the organization needs to add ${site} to its Rally settings. Nothing was sent.`,
};

export type OutcomeStrings = typeof en;

export const outcomeStrings: Record<Locale, OutcomeStrings> = {
  en,
  es: {
    originRefused: (site: string) =>
      `Este formulario todavía no se puede enviar desde ${site}: la organización tiene que agregar ${site} a su configuración de Rally. No se envió nada.`,
  },
};
