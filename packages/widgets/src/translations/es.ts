/** Spanish strings for every widget. */
import type { Translation } from './en.ts';

export const es: Translation = {
  fields: {
    givenName: 'Nombre',
    familyName: 'Apellido',
    email: 'Correo electrónico',
    phone: 'Teléfono (opcional)',
    postalCode: 'Código postal',
    remember: 'Recordarme en este dispositivo',
    privacy: 'Cómo usamos tu información (se abre en otra pestaña)',
  },
  status: {
    submitting: 'Enviando…',
    queued:
      'No tienes conexión. Tu envío quedó guardado en este dispositivo y se enviará cuando vuelva la conexión.',
    unreachable: 'No se pudo cargar. Revisa tu conexión y vuelve a cargar la página.',
    fixFields: 'Corrige los campos marcados, por favor.',
    failed: 'Algo salió mal. Inténtalo de nuevo.',
  },
  person: {
    notYou: (name: string) => `¿No eres ${name}?`,
  },
  validation: {
    valueMissing: 'Completa este campo, por favor.',
    consentMissing: 'Marca esta casilla para continuar, por favor.',
    typeMismatchEmail: 'Escribe un correo electrónico, como nombre@ejemplo.org.',
    patternMismatch: 'Revisa el formato de este campo, por favor.',
    tooLong: 'Es demasiado largo.',
  },
};
