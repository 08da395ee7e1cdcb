/**
 * Strings of the event RSVP only, in every language: they load with its own module, so a page pays
 * only for the widgets it shows. Strings every widget shares are in translations/; those of the
 * step after an RSVP load with it (rsvp-answer.strings.ts).
 */
import type { Locale } from '@rally/core/locale';

const en = {
  when: 'When',
  where: 'Where',
  online: 'Online',
  placesLeft: (count: string) => (count === '1' ? '1 place left' : `${count} places left`),
  full: 'This event is full. RSVP to join the waitlist.',
  submit: 'RSVP',
  submitWaitlist: 'Join the waitlist',
  addToCalendar: 'Add to calendar',
  over: 'This event has already happened.',
};

export type EventRsvpStrings = typeof en;

export const eventRsvpStrings: Record<Locale, EventRsvpStrings> = {
  en,
  es: {
    when: 'Cuándo',
    where: 'Dónde',
    online: 'En línea',
    placesLeft: (count: string) => (count === '1' ? 'Queda 1 lugar' : `Quedan ${count} lugares`),
    full: 'Este evento está lleno. Confirma para entrar en la lista de espera.',
    submit: 'Confirmar asistencia',
    submitWaitlist: 'Entrar en la lista de espera',
    addToCalendar: 'Agregar al calendario',
    over: 'Este evento ya pasó.',
  },
};
