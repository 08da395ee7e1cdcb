/**
 * The few HTML pages the API itself shows, for people posting plain forms without JavaScript:
 * a thank-you page and a page listing what to correct. English and Spanish.
 */
import { resolveLocale, type FieldError, type Locale } from '@rally/core';
import { html } from 'hono/html';
import { formFields } from './body.ts';

const strings: Record<Locale, Record<string, string>> = {
  en: {
    thanksTitle: 'Thank you',
    joined: 'Welcome! You are now on the list; an organizer will be in touch.',
    signed: 'Your signature is recorded. Thank you for standing with us.',
    rsvp: 'Your RSVP is recorded. See you there.',
    recorded: 'Your submission is recorded.',
    fixTitle: 'Please check your answers',
    fixIntro: 'Nothing was recorded yet. Go back, correct these fields and send the form again:',
    back: 'Go back to the form',
    cancelTitle: 'Cancel your RSVP?',
    cancelIntro: 'Your place will go to the next person on the waitlist.',
    cancelButton: 'Yes, cancel my RSVP',
    cancelledTitle: 'RSVP cancelled',
    cancelledBody: 'Your RSVP is cancelled. Thank you for letting us know.',
    notAllowedTitle: 'This form cannot send yet',
    notAllowedBody:
      'This website is not yet on the organization’s list of sites that may send forms to it, so nothing was recorded. If this is your site, ask the organization to add it to its Rally settings.',
  },
  es: {
    thanksTitle: 'Gracias',
    joined: '¡Bienvenida, bienvenido! Ya estás en la lista; alguien del equipo te contactará.',
    signed: 'Tu firma quedó registrada. Gracias por apoyarnos.',
    rsvp: 'Tu confirmación quedó registrada. Nos vemos allí.',
    recorded: 'Tu envío quedó registrado.',
    fixTitle: 'Revisa tus respuestas, por favor',
    fixIntro:
      'Todavía no se registró nada. Regresa, corrige estos campos y envía el formulario otra vez:',
    back: 'Regresar al formulario',
    cancelTitle: '¿Cancelar tu confirmación?',
    cancelIntro: 'Tu lugar pasará a la siguiente persona en la lista de espera.',
    cancelButton: 'Sí, cancelar mi confirmación',
    cancelledTitle: 'Confirmación cancelada',
    cancelledBody: 'Tu confirmación quedó cancelada. Gracias por avisarnos.',
    notAllowedTitle: 'Este formulario todavía no puede enviarse',
    notAllowedBody:
      'Este sitio web todavía no está en la lista de sitios que pueden enviar formularios a la organización, así que no se registró nada. Si el sitio es tuyo, pide a la organización que lo agregue a su configuración de Rally.',
  },
};

/** The locale for a page: an explicit `lang` query, else the browser's first language. */
export function pageLocale(lang: string | undefined, acceptLanguage: string | undefined): Locale {
  return resolveLocale(lang ?? acceptLanguage?.split(',')[0]);
}

function page(locale: Locale, title: string, body: unknown) {
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
      </head>
      <body
        style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5"
      >
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
}

/** What a plain form's thank-you page can say happened (`?rally=signed`). */
const outcomes = ['joined', 'signed', 'rsvp'] as const;
type Outcome = (typeof outcomes)[number];

export function thanksPage(locale: Locale, outcome: string | undefined) {
  const t = strings[locale];
  // Only an outcome's own words: a lookup by any word would reach `constructor` and the like.
  const message = outcomes.includes(outcome as Outcome) ? t[outcome!] : t.recorded;
  return page(locale, t.thanksTitle!, html`<p>${message}</p>`);
}

export function fixFieldsPage(locale: Locale, errors: FieldError[], back: string | undefined) {
  const t = strings[locale];
  const labelFor = (path: string) =>
    Object.entries(formFields).find(([, target]) => target === path)?.[0] ?? path;
  return page(
    locale,
    t.fixTitle!,
    html`<p>${t.fixIntro}</p>
      <ul>
        ${errors.map((error) => html`<li><strong>${labelFor(error.path)}</strong>: ${error.message}</li>`)}
      </ul>
      ${back ? html`<p><a href="${back}">${t.back}</a></p>` : ''}`,
  );
}

export function confirmCancelPage(locale: Locale, action: string) {
  const t = strings[locale];
  return page(
    locale,
    t.cancelTitle!,
    html`<p>${t.cancelIntro}</p>
      <form method="post" action="${action}">
        <button type="submit" style="font: inherit; min-height: 44px; padding: 0 1rem">
          ${t.cancelButton}
        </button>
      </form>`,
  );
}

export function cancelledPage(locale: Locale) {
  const t = strings[locale];
  return page(locale, t.cancelledTitle!, html`<p>${t.cancelledBody}</p>`);
}

/** For a plain form on a site the API does not take writes from yet: what to do, not a 403. */
export function notAllowedPage(locale: Locale) {
  const t = strings[locale];
  return page(locale, t.notAllowedTitle!, html`<p>${t.notAllowedBody}</p>`);
}
