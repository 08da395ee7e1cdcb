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
  },
  languages: { en: 'Inglés', es: 'Español' },
  joinForm: {
    heading: 'Únete',
    consent: 'Acepto que me contacten sobre la organización en mi trabajo y mi comunidad.',
    submit: 'Unirme',
    joined: (name: string) => `¡Bienvenida, bienvenido, ${name}! Ya eres parte.`,
    shareHeading: 'Invita a tus compañeras y compañeros',
    shareIntro:
      'Comparte tu enlace personal. Cuando alguien se una con él, sabremos que fue por ti.',
  },
  petition: {
    signatures: (count: string) => `${count} firmas`,
    goal: (count: string, goal: string) => `${count} de ${goal} firmas`,
    to: 'Para:',
    submit: 'Firmar la petición',
    signed: (name: string) => `Gracias, ${name}. Tu firma quedó registrada.`,
    closed: 'Esta petición está cerrada.',
    shareHeading: 'Pide a otras personas que firmen',
  },
  eventRsvp: {
    when: 'Cuándo',
    where: 'Dónde',
    online: 'En línea',
    joinOnline: 'Entrar en línea',
    placesLeft: (count: string) => (count === '1' ? 'Queda 1 lugar' : `Quedan ${count} lugares`),
    full: 'Este evento está lleno. Confirma para entrar en la lista de espera.',
    waitlistSize: (count: string) => `${count} en la lista de espera`,
    submit: 'Confirmar asistencia',
    submitWaitlist: 'Entrar en la lista de espera',
    accepted: (name: string) => `¡Vas a ir, ${name}! Nos vemos allí.`,
    waitlisted: (name: string) =>
      `Estás en la lista de espera, ${name}. Te avisaremos si se abre un lugar.`,
    addToCalendar: 'Agregar al calendario',
    cancel: 'Cancelar mi confirmación',
    cancelled: 'Tu confirmación quedó cancelada. Gracias por avisarnos.',
    over: 'Este evento ya pasó.',
  },
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
    waiting: (count: number) =>
      count === 1 ? '1 envío espera para enviarse.' : `${count} envíos esperan para enviarse.`,
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
