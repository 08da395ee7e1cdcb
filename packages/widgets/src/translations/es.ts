/** Spanish strings for every widget. */
import type { Translation } from './en.ts';

export const es: Translation = {
  fields: {
    givenName: 'Nombre',
    familyName: 'Apellido',
    email: 'Correo electrónico',
    phone: 'Teléfono (opcional)',
    postalCode: 'Código postal',
    language: 'Idioma preferido',
    region: 'Región',
    sector: 'Dónde trabajas',
    comments: 'Agrega un comentario (opcional)',
    remember: 'Recordarme en este dispositivo',
    choose: 'Elige…',
    privacy: 'Cómo usamos tu información (se abre en otra pestaña)',
  },
  languages: { en: 'Inglés', es: 'Español' },
  share: {
    share: 'Compartir',
    copy: 'Copiar enlace',
    copied: 'Enlace copiado.',
    link: 'Tu enlace',
  },
  status: {
    submitting: 'Enviando…',
    queued:
      'No tienes conexión. Tu envío quedó guardado en este dispositivo y se enviará cuando vuelva la conexión.',
    unreachable: 'No se pudo cargar. Revisa tu conexión y vuelve a cargar la página.',
    fixFields: 'Corrige los campos marcados, por favor.',
    rateLimited: 'Demasiados envíos desde esta red. Inténtalo de nuevo en unos minutos.',
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
  apiErrors: {
    required: 'Completa este campo, por favor.',
    invalid: 'Revisa este campo, por favor.',
    invalid_type: 'Revisa este campo, por favor.',
    invalid_email: 'Escribe un correo electrónico, como nombre@ejemplo.org.',
    too_short: 'Es demasiado corto.',
    too_long: 'Es demasiado largo.',
    too_many: 'Da menos opciones, por favor.',
  },
};
