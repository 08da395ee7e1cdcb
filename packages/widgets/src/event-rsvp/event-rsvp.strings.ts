/**
 * Strings of the event RSVP only, in every language: they load with its own module, so a page pays
 * only for the widgets it shows. Strings every widget shares are in translations/.
 */
import type { Locale } from '@rally/core/locale';

const en = {
  when: 'When',
  where: 'Where',
  online: 'Online',
  joinOnline: 'Join online',
  placesLeft: (count: string) => (count === '1' ? '1 place left' : `${count} places left`),
  full: 'This event is full. RSVP to join the waitlist.',
  waitlistSize: (count: string) => `${count} on the waitlist`,
  submit: 'RSVP',
  submitWaitlist: 'Join the waitlist',
  accepted: (name: string) => `You're going, ${name}! See you there.`,
  waitlisted: (name: string) =>
    `You're on the waitlist, ${name}. We'll let you know if a place opens.`,
  addToCalendar: 'Add to calendar',
  cancel: 'Cancel my RSVP',
  cancelled: 'Your RSVP is cancelled. Thank you for letting us know.',
  over: 'This event has already happened.',
};

export type EventRsvpStrings = typeof en;

export const eventRsvpStrings: Record<Locale, EventRsvpStrings> = {
  en,
  es: {
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
};
