/** Spanish strings for every widget. */
import type { Translation } from './en.ts';

export const es: Translation = {
  joinForm: {
    heading: 'Únete',
    givenName: 'Nombre',
    familyName: 'Apellido',
    email: 'Correo electrónico',
    consent: 'Acepto que me contacten sobre la organización en mi trabajo y mi comunidad.',
    submit: 'Unirme',
    errorSummary: 'Corrige los campos marcados, por favor.',
  },
  validation: {
    valueMissing: 'Completa este campo, por favor.',
    consentMissing: 'Marca esta casilla para unirte, por favor.',
    typeMismatchEmail: 'Escribe un correo electrónico, como nombre@ejemplo.org.',
  },
};
