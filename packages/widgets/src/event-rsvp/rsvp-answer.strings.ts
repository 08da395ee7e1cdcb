/**
 * Strings of the event RSVP's step after an RSVP, in every language: they load with that step
 * (rsvp-answer.ts), not with the form.
 */
import type { Locale } from '@rally/core/locale';

const en = {
  accepted: (name: string) => `You're going, ${name}! See you there.`,
  waitlisted: (name: string) =>
    `You're on the waitlist, ${name}. We'll let you know if a place opens.`,
  cancel: 'Cancel my RSVP',
  confirm: 'Cancel your RSVP to this event?',
  yes: 'Yes, cancel it',
  keep: 'No, keep my RSVP',
  cancelled: 'Your RSVP is cancelled. Thank you for letting us know.',
};

export type RsvpAnswerStrings = typeof en;

export const rsvpAnswerStrings: Record<Locale, RsvpAnswerStrings> = {
  en,
  es: {
    accepted: (name: string) => `¡Vas a ir, ${name}! Nos vemos allí.`,
    waitlisted: (name: string) =>
      `Estás en la lista de espera, ${name}. Te avisaremos si se abre un lugar.`,
    cancel: 'Cancelar mi confirmación',
    confirm: '¿Cancelar tu confirmación para este evento?',
    yes: 'Sí, cancelarla',
    keep: 'No, mantener mi confirmación',
    cancelled: 'Tu confirmación quedó cancelada. Gracias por avisarnos.',
  },
};
