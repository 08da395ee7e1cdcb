/**
 * Strings of the spotlight carousel only, in every language: they load with its own module, so a page pays
 * only for the widgets it shows. Strings every widget shares are in translations/.
 */
import type { Locale } from '@rally/core/locale';

const en = {
  label: 'Member spotlights',
  slide: (index: number, count: number) => `${index} of ${count}`,
  previous: 'Previous spotlight',
  next: 'Next spotlight',
  pause: 'Pause automatic rotation',
  play: 'Start automatic rotation',
  empty: 'No spotlights yet.',
};

export type CarouselStrings = typeof en;

export const carouselStrings: Record<Locale, CarouselStrings> = {
  en,
  es: {
    label: 'Historias de integrantes',
    slide: (index: number, count: number) => `${index} de ${count}`,
    previous: 'Historia anterior',
    next: 'Historia siguiente',
    pause: 'Pausar la rotación automática',
    play: 'Iniciar la rotación automática',
    empty: 'Todavía no hay historias.',
  },
};
