/**
 * The sites' own words, in every language they are built in (`languages` in rally.config.json).
 * Content comes from content/. Each language's own name, for the language menu, is `languageNames`
 * in @rally/core.
 */
import { defaultLocale, languageNames, locales, type Locale } from '@rally/core';

export { defaultLocale, languageNames, locales, type Locale };

const en = {
  /** Link previews' `og:locale`: the language and the country the sites speak to. */
  ogLocale: 'en_US',
  skip: 'Skip to content',
  nav: {
    label: 'Site',
    home: 'Home',
    spotlights: 'Member stories',
    join: 'Join',
    dues: 'Dues',
    about: 'About',
  },
  /**
   * The header's language link, written in the language it leads to: the first other one in
   * `languages` (from the default, the second; from any other, the default). The footer lists all.
   */
  otherLanguage: 'Leer en español',
  joinCta: 'Join us',
  whoWeAre: 'Who we are',
  whyJoin: 'Why join',
  spotlights: 'Member stories',
  allSpotlights: 'All member stories',
  petitions: 'Open petitions',
  noPetitions: 'No petitions are open right now.',
  events: 'Upcoming events',
  noEvents: 'No events are planned yet. Join to hear about the next one.',
  joinTitle: (name: string) => `Join ${name}`,
  joinIntro: 'It takes a minute. We will get in touch about meetings and campaigns near you.',
  duesTitle: 'Pay your dues',
  duesIntro:
    'Dues are how we stay independent: no boss, no politician and no foundation decides our agenda. Pay what your household can, by card, monthly, yearly or once.',
  duesOff:
    'Paying dues online is not set up yet. You can pay your dues in person at any meeting: join, and we will tell you about the next one.',
  duesNoScript:
    'Paying dues online needs JavaScript, which is off in this browser. Turn it on and reload, or pay in person at any meeting.',
  spotlightsTitle: (name: string) => `Member stories · ${name}`,
  spotlightsIntro: 'Members and member organizations, in their own words.',
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  pages: 'Pages of member stories',
  previousPage: 'Newer stories',
  nextPage: 'Older stories',
  organization: 'Member organization',
  /** The end of a member's story: what the reader can do next. */
  nextStep: 'Your next step',
  joinPitch: (site: string) =>
    `Join ${site}: it takes a minute, and you will hear about meetings near you.`,
  signNext: 'Sign the petition:',
  comeNext: 'Come to the next event:',
  published: 'Published',
  signTitle: 'Add your name',
  rsvpTitle: 'Save your place',
  when: 'When',
  where: 'Where',
  online: 'Online',
  heldIn: (language: string) => `Held in ${language}.`,
  onlyIn: (language: string) =>
    `This page has not been translated yet, so it is shown in ${language}.`,
  /** On a story's card, when the story is not translated. */
  writtenIn: (language: string) => `In ${language}`,
  partOf: (org: string) => `Part of ${org}`,
  allSites: 'All regions and sectors',
  feed: 'Member stories feed (RSS)',
  accessibility: 'Accessibility',
  privacy: 'Privacy',
  /** Beside a form that works without JavaScript, as the widgets link their consent to it. */
  privacyLink: 'How we use your information',
  regions: 'Regions',
  sectors: 'Sectors',
  embedTitle: 'Embed our widgets',
  embedNav: 'Embed our widgets',
  /** The page for an address that does not exist, which says it in every language at once. */
  notFound: {
    title: 'Page not found',
    text: 'There is no page at this address.',
    home: 'Go to the home page',
  },
};

const es: typeof en = {
  ogLocale: 'es_US',
  skip: 'Ir al contenido',
  nav: {
    label: 'Sitio',
    home: 'Inicio',
    spotlights: 'Historias',
    join: 'Únete',
    dues: 'Cuotas',
    about: 'Quiénes somos',
  },
  otherLanguage: 'Read in English',
  joinCta: 'Únete',
  whoWeAre: 'Quiénes somos',
  whyJoin: 'Por qué unirte',
  spotlights: 'Historias de socias y socios',
  allSpotlights: 'Todas las historias',
  petitions: 'Peticiones abiertas',
  noPetitions: 'No hay peticiones abiertas en este momento.',
  events: 'Próximos eventos',
  noEvents: 'Aún no hay eventos. Únete para enterarte del próximo.',
  joinTitle: (name: string) => `Únete: ${name}`,
  joinIntro: 'Toma un minuto. Te contactaremos sobre reuniones y campañas cerca de ti.',
  duesTitle: 'Paga tu cuota',
  duesIntro:
    'Las cuotas nos mantienen independientes: ningún patrón, político ni fundación decide nuestra agenda. Paga lo que tu hogar pueda, con tarjeta, cada mes, cada año o una sola vez.',
  duesOff:
    'Todavía no se pueden pagar las cuotas en línea. Puedes pagar tu cuota en persona en cualquier reunión: únete y te avisamos de la próxima.',
  duesNoScript:
    'Para pagar la cuota en línea hace falta JavaScript, que está desactivado en este navegador. Actívalo y vuelve a cargar la página, o paga en persona en cualquier reunión.',
  spotlightsTitle: (name: string) => `Historias · ${name}`,
  spotlightsIntro: 'Socias, socios y organizaciones, en sus propias palabras.',
  pageOf: (page: number, pages: number) => `Página ${page} de ${pages}`,
  pages: 'Páginas de historias',
  previousPage: 'Historias más recientes',
  nextPage: 'Historias anteriores',
  organization: 'Organización socia',
  nextStep: 'Tu siguiente paso',
  joinPitch: (site: string) =>
    `Únete a ${site}: toma un minuto, y te avisaremos de las reuniones cerca de ti.`,
  signNext: 'Firma la petición:',
  comeNext: 'Ven al próximo evento:',
  published: 'Publicado',
  signTitle: 'Firma',
  rsvpTitle: 'Aparta tu lugar',
  when: 'Cuándo',
  where: 'Dónde',
  online: 'En línea',
  heldIn: (language: string) => `Se realiza en ${language}.`,
  onlyIn: (language: string) =>
    `Esta página todavía no está traducida, así que se muestra en ${language}.`,
  writtenIn: (language: string) => `En ${language}`,
  partOf: (org: string) => `Parte de ${org}`,
  allSites: 'Todas las regiones y sectores',
  feed: 'Canal de historias (RSS)',
  accessibility: 'Accesibilidad',
  privacy: 'Privacidad',
  privacyLink: 'Cómo usamos tu información',
  regions: 'Regiones',
  sectors: 'Sectores',
  embedTitle: 'Pon nuestros widgets en tu sitio',
  embedNav: 'Widgets para tu sitio',
  notFound: {
    title: 'Página no encontrada',
    text: 'No hay ninguna página en esta dirección.',
    home: 'Ir al inicio',
  },
};

export const ui: Record<Locale, typeof en> = { en, es };

/** One `Intl.DisplayNames` per language: making one costs far more than using it, on every page. */
const displayNames = new Map<Locale, Intl.DisplayNames>();

/** The name of a language, written in the language of the page. */
export function languageName(language: Locale, inLanguage: Locale): string {
  let names = displayNames.get(inLanguage);
  if (!names) {
    names = new Intl.DisplayNames([inLanguage], { type: 'language' });
    displayNames.set(inLanguage, names);
  }
  return names.of(language) ?? language;
}
