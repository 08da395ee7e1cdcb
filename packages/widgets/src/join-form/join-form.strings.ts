/**
 * Strings of the join form only, in every language: they load with its own module, so a page pays
 * only for the widgets it shows. Strings every widget shares are in translations/.
 */
import type { Locale } from '@rally/core/locale';

const en = {
  heading: 'Join us',
  consent: 'I agree to be contacted about organizing in my workplace and community.',
  submit: 'Join',
  joined: (name: string) => `Welcome, ${name}! You are now a member.`,
  shareHeading: 'Bring your coworkers',
  shareIntro:
    'Share your personal link. When coworkers join through it, we will know you brought them.',
  language: 'Preferred language',
  region: 'Region',
  sector: 'Where you work',
  choose: 'Choose…',
  languages: { en: 'English', es: 'Spanish' } satisfies Record<Locale, string>,
};

export type JoinFormStrings = typeof en;

export const joinFormStrings: Record<Locale, JoinFormStrings> = {
  en,
  es: {
    heading: 'Únete',
    consent: 'Acepto que me contacten sobre la organización en mi trabajo y mi comunidad.',
    submit: 'Unirme',
    joined: (name: string) => `¡Bienvenida, bienvenido, ${name}! Ya eres parte.`,
    shareHeading: 'Invita a tus compañeras y compañeros',
    shareIntro:
      'Comparte tu enlace personal. Cuando alguien se una con él, sabremos que fue por ti.',
    language: 'Idioma preferido',
    region: 'Región',
    sector: 'Dónde trabajas',
    choose: 'Elige…',
    languages: { en: 'Inglés', es: 'Español' },
  },
};
