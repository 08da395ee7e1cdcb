/** Small template pieces the screens share. */
import { html, nothing } from 'lit';

/**
 * The live region beside a form or button that says what the API refused. Always in the page
 * (empty until there is something to say), so screen readers that watch only regions present
 * from the start announce it.
 */
export function problemRegion(message: string | undefined, id?: string) {
  return html`<p class="problem" role="alert" id=${id ?? nothing}>${message ?? ''}</p>`;
}

/** A polite region for what went well: saved, copied, ended. */
export function doneRegion(message: string | undefined) {
  return html`<p class="done" role="status">${message ?? ''}</p>`;
}

/** A day and time in the console's language. */
export function when(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(value),
  );
}
