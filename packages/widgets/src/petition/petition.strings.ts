/**
 * Strings of the petition only, in every language: they load with its own module, so a page pays
 * only for the widgets it shows. Strings every widget shares are in translations/.
 */
import type { Locale } from '@rally/core/locale';

const en = {
  signatures: (count: string) => `${count} signatures`,
  goal: (count: string, goal: string) => `${count} of ${goal} signatures`,
  to: 'To:',
  submit: 'Sign the petition',
  signed: (name: string) => `Thank you, ${name}. Your signature is counted.`,
  closed: 'This petition is closed.',
  shareHeading: 'Ask others to sign',
  comments: 'Add a comment (optional)',
};

export type PetitionStrings = typeof en;

export const petitionStrings: Record<Locale, PetitionStrings> = {
  en,
  es: {
    signatures: (count: string) => `${count} firmas`,
    goal: (count: string, goal: string) => `${count} de ${goal} firmas`,
    to: 'Para:',
    submit: 'Firmar la petición',
    signed: (name: string) => `Gracias, ${name}. Tu firma quedó registrada.`,
    closed: 'Esta petición está cerrada.',
    shareHeading: 'Pide a otras personas que firmen',
    comments: 'Agrega un comentario (opcional)',
  },
};
