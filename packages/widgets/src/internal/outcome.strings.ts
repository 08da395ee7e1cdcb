/**
 * Strings shown once a submission has an outcome, in every language: they load with outcome.ts,
 * when someone begins on a form, so no page pays for them to show one.
 */
import type { Locale } from '@rally/core/locale';

const en = {
  /** The API does not take submissions from this page's origin yet. */
  originRefused: (site: string) =>
    `This form cannot be sent from ${site} yet: the organization needs to add ${site} to its Rally settings. Nothing was sent.`,
  rateLimited: 'Too many submissions from this network. Please try again in a few minutes.',
  /** Beside a field the API refused, by the code of its refusal. */
  apiErrors: {
    required: 'Please fill in this field.',
    invalid: 'Please check this field.',
    invalid_type: 'Please check this field.',
    invalid_email: 'Please enter an email address, like name@example.org.',
    too_short: 'This is too short.',
    too_long: 'This is too long.',
    too_many: 'Please give fewer entries.',
  } as Record<string, string>,
};

export type OutcomeStrings = typeof en;

export const outcomeStrings: Record<Locale, OutcomeStrings> = {
  en,
  es: {
    originRefused: (site: string) =>
      `Este formulario todavía no se puede enviar desde ${site}: la organización tiene que agregar ${site} a su configuración de Rally. No se envió nada.`,
    rateLimited: 'Demasiados envíos desde esta red. Inténtalo de nuevo en unos minutos.',
    apiErrors: {
      required: 'Completa este campo, por favor.',
      invalid: 'Revisa este campo, por favor.',
      invalid_type: 'Revisa este campo, por favor.',
      invalid_email: 'Escribe un correo electrónico, como nombre@ejemplo.org.',
      too_short: 'Es demasiado corto.',
      too_long: 'Es demasiado largo.',
      too_many: 'Da menos opciones, por favor.',
    },
  },
};
