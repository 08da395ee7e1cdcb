/**
 * The parts every Rally form draws, as plain template functions each widget calls from its
 * `render()`: labelled fields with their errors, the person's own fields with "Not you?",
 * "Remember me", the privacy link, the honeypot, the live region, and the space held while the
 * widget's data loads.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { KnownPerson } from '../state/person.ts';
import type { Translation } from '../translations/index.ts';

/** Error message per input name. */
export type FieldErrors = Record<string, string>;

export interface FieldOptions {
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  required?: boolean;
  value?: string | undefined;
  maxlength?: number;
}

/** A labelled input, with its error below it and tied to it. */
export function field(
  name: string,
  label: string,
  errors: FieldErrors,
  options: FieldOptions = {},
): TemplateResult {
  const error = errors[name];
  return html`
    <label part="field">
      ${label}
      <input
        name=${name}
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'}
        .value=${options.value ?? ''}
        maxlength=${options.maxlength ?? nothing}
        ?required=${options.required ?? false}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${name}-error` : nothing}
      />
    </label>
    ${fieldError(name, errors)}
  `;
}

/** An input's error message, `#<name>-error`, for its `aria-describedby`. */
export function fieldError(name: string, errors: FieldErrors): TemplateResult | typeof nothing {
  const error = errors[name];
  return error ? html`<p part="error" class="error" id="${name}-error">${error}</p>` : nothing;
}

/**
 * The fields that say who the person is, prefilled from the person already known on the page,
 * with a "Not you?" button that forgets them.
 */
export function personFields(
  t: Translation,
  errors: FieldErrors,
  person: { known: KnownPerson | null; forget: () => void },
  { phone = false, postalCode = false } = {},
): TemplateResult {
  const { known } = person;
  return html`
    ${
      known
        ? html`<button type="button" class="link" @click=${person.forget}>
            ${t.person.notYou(known.given_name)}
          </button>`
        : nothing
    }
    ${field('given_name', t.fields.givenName, errors, {
      autocomplete: 'given-name',
      required: true,
      maxlength: 100,
      value: known?.given_name,
    })}
    ${field('family_name', t.fields.familyName, errors, {
      autocomplete: 'family-name',
      maxlength: 100,
      value: known?.family_name,
    })}
    ${field('email', t.fields.email, errors, {
      type: 'email',
      autocomplete: 'email',
      required: true,
      value: known?.email,
    })}
    ${
      phone
        ? field('phone', t.fields.phone, errors, {
            type: 'tel',
            autocomplete: 'tel',
            value: known?.phone,
          })
        : nothing
    }
    ${
      postalCode
        ? field('postal_code', t.fields.postalCode, errors, {
            autocomplete: 'postal-code',
            maxlength: 12,
            value: known?.postal_code,
          })
        : nothing
    }
  `;
}

/** The OSDI person from the fields `personFields` shows. */
export function personFrom(data: FormData) {
  const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
  const phone = text('phone');
  const postalCode = text('postal_code');
  return {
    given_name: text('given_name'),
    family_name: text('family_name'),
    email_addresses: [{ address: text('email') }],
    ...(phone ? { phone_numbers: [{ number: phone }] } : {}),
    ...(postalCode ? { postal_addresses: [{ postal_code: postalCode }] } : {}),
  };
}

/**
 * Whether this device may keep the person's details after the visit. Unticked, they are
 * forgotten when the browser session ends.
 */
export function rememberChoice(t: Translation, known: KnownPerson | null): TemplateResult {
  return html`<label part="field" class="check">
    <input type="checkbox" name="remember" ?checked=${known?.remember ?? false} />
    <span>${t.fields.remember}</span>
  </label>`;
}

/** The link to the organization's privacy notice, where a page sets one (`privacy-url`). */
export function privacyLink(t: Translation, url: string): TemplateResult | typeof nothing {
  // A new tab, said in its name, so that reading the notice does not lose what is typed.
  return url
    ? html`<a part="privacy" href=${url} target="_blank">${t.fields.privacy}</a>`
    : nothing;
}

/** The honeypot: invisible to people and to assistive technology. */
export function honeypot(): TemplateResult {
  return html`<div class="nickname" aria-hidden="true">
    <label>Nickname <input name="nickname" tabindex="-1" autocomplete="off" /></label>
  </div>`;
}

/**
 * One polite live region per widget for progress, success, offline and errors, including data
 * that could not be loaded. Each widget renders it once, in the same place in every state, from
 * the first render on: a screen reader announces a change to a region it already knows, and may
 * miss one that appears together with its text. It takes focus after a submit
 * (`SubmissionController.showOutcome`), hence `tabindex`.
 */
export function statusRegion(text: string): TemplateResult {
  return html`<p part="status" class="status" role="status" tabindex="-1">${text}</p>`;
}

/**
 * What stands in for the form while the widget's data (the petition, the event, the dues
 * choices) loads; that it could not be loaded is said by the live region.
 */
export function loading(): TemplateResult {
  return html`<div class="loading" part="form"></div>`;
}
