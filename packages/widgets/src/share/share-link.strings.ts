/** Strings of the share step, in every language: they load with it (share-link.ts). */
import type { Locale } from '@rally/core/locale';

const en = {
  share: 'Share',
  copy: 'Copy link',
  copied: 'Link copied.',
  link: 'Your link',
};

export const shareLinkStrings: Record<Locale, typeof en> = {
  en,
  es: {
    share: 'Compartir',
    copy: 'Copiar enlace',
    copied: 'Enlace copiado.',
    link: 'Tu enlace',
  },
};
