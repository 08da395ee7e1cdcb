/**
 * The contract every Rally form widget keeps: labelled fields, an invalid submit blocked before
 * anything is sent, an event when the action is recorded, an unreachable API said to the page and
 * the action sent once it is back, one live region from the start, focus and view on the
 * confirmation, a link to the privacy notice, a refused origin explained, a "Not you?" reset, and
 * no accessibility violations. A new form widget joins the list below.
 */
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { commands, page } from 'vitest/browser';
import type { RallyActionEvent } from '../events/rally-action-event.ts';
import type { RallyErrorEvent } from '../events/rally-error-event.ts';
import type { RallyOutboxEvent } from '../events/rally-outbox-event.ts';
import { $waiting } from '../offline/outbox.ts';
import { $person } from '../state/person.ts';
import { expectAccessible } from './expect-accessible.ts';
import {
  mount,
  nextEvent,
  placeOnLongPage,
  resetPage,
  statusRegion,
  uniqueEmail,
} from './testing.ts';
import '../event-rsvp/event-rsvp.ts';
import '../join-form/join-form.ts';
import '../petition/petition.ts';

interface FormWidget {
  tag: 'rally-join-form' | 'rally-petition' | 'rally-event-rsvp';
  attributes: Record<string, string>;
  submit: RegExp;
  /** The submit button's name in Spanish. */
  submitEs: RegExp;
  recorded: 'rally-joined' | 'rally-signed' | 'rally-rsvp';
  /** What the outbox keeps its submissions as. */
  kind: RallyOutboxEvent['kind'];
  /** What the live region says once the action of "Rosa" is recorded, in English and Spanish. */
  confirmation: { en: RegExp; es: RegExp };
  /** Fills what this widget requires beyond name and email. */
  completeRest?: () => Promise<void>;
}

const widgets: FormWidget[] = [
  {
    tag: 'rally-join-form',
    attributes: {},
    submit: /^Join$/,
    submitEs: /^Unirme$/,
    recorded: 'rally-joined',
    kind: 'join',
    confirmation: { en: /^Welcome, Rosa!/, es: /^¡Bienvenida, bienvenido, Rosa!/ },
    completeRest: () =>
      page.getByRole('checkbox', { name: /agree to be contacted|Acepto que me contacten/ }).click(),
  },
  {
    tag: 'rally-petition',
    attributes: { petition: 'fair-wages' },
    submit: /^Sign the petition$/,
    submitEs: /^Firmar la petición$/,
    recorded: 'rally-signed',
    kind: 'sign',
    confirmation: { en: /^Thank you, Rosa\./, es: /^Gracias, Rosa\./ },
  },
  {
    tag: 'rally-event-rsvp',
    // An event without a capacity, so the RSVP tests keep the meeting's two places to themselves.
    attributes: { event: 'open-meeting' },
    submit: /^(RSVP|Join the waitlist)$/,
    submitEs: /^Confirmar asistencia$/,
    recorded: 'rally-rsvp',
    kind: 'rsvp',
    confirmation: { en: /^You're going, Rosa!/, es: /^¡Vas a ir, Rosa!/ },
  },
];

/** A phone's screen and a desktop's, each with one of the two languages. */
const screens = [
  { name: 'a phone, in Spanish', width: 390, height: 700, lang: 'es' },
  { name: 'a desktop, in English', width: 1280, height: 800, lang: 'en' },
] as const;

afterEach(async () => {
  vi.restoreAllMocks();
  await commands.setApiReachable(true);
  await commands.setApiDelay(0);
  await commands.setApiWritesAllowed(true);
  await page.viewport(414, 896);
  await resetPage();
});

describe.each(widgets)(
  '<$tag> keeps the form contract',
  ({ tag, attributes, submit, submitEs, recorded, kind, confirmation, completeRest }) => {
    async function ready() {
      const widget = await mount(tag, attributes);
      await expect.element(page.getByRole('button', { name: submit })).toBeVisible();
      return widget;
    }

    it('labels every field it shows', async () => {
      const widget = await ready();
      const fields = [...widget.shadowRoot!.querySelectorAll('input, select, textarea')].filter(
        (field) => !field.closest('[aria-hidden="true"]'),
      );
      expect(fields.length).toBeGreaterThan(1);
      for (const field of fields) expect(field.closest('label'), field.outerHTML).not.toBeNull();
      await expectAccessible(widget);
    });

    it('blocks an invalid submit before anything is sent', async () => {
      const widget = await ready();
      const posts = vi.spyOn(window, 'fetch');
      const refused = nextEvent<RallyErrorEvent>(widget, 'rally-error');
      await page.getByRole('button', { name: submit }).click();
      expect((await refused).reason).toBe('invalid');
      expect(posts.mock.calls.filter(([, init]) => init?.method === 'POST')).toEqual([]);
      expect(widget.shadowRoot!.activeElement?.getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(widget);
    });

    it(`fires ${recorded} once the API has recorded the action`, async () => {
      const widget = await ready();
      await page.getByRole('textbox', { name: 'First name' }).fill('Rosa');
      await page.getByRole('textbox', { name: 'Email' }).fill(uniqueEmail());
      await completeRest?.();
      const event = nextEvent<Event & { identifiers: string[] }>(widget, recorded);
      await page.getByRole('button', { name: submit }).click();
      expect((await event).identifiers[0]).toMatch(/^rally:/);
    });

    it('says it is sending, blocks a second submit and stays accessible while the API answers', async () => {
      const widget = await ready();
      await page.getByRole('textbox', { name: 'First name' }).fill('Rosa');
      await page.getByRole('textbox', { name: 'Email' }).fill(uniqueEmail());
      await completeRest?.();
      await commands.setApiDelay(1500);
      const recordedEvent = nextEvent(widget, recorded);
      await page.getByRole('button', { name: submit }).click();
      await expect.element(page.getByRole('button', { name: submit })).toBeDisabled();
      expect(widget.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim()).toBe(
        'Sending…',
      );
      await expectAccessible(widget);
      await recordedEvent;
    });

    it('tells the page the API could not be reached when it saves the action offline, and when it is sent', async () => {
      const widget = await ready();
      await page.getByRole('textbox', { name: 'First name' }).fill('Rosa');
      await page.getByRole('textbox', { name: 'Email' }).fill(uniqueEmail());
      await completeRest?.();
      await commands.setApiReachable(false);
      const unreachable = nextEvent<RallyErrorEvent>(widget, 'rally-error');
      const saved = nextEvent<RallyActionEvent>(widget, recorded);
      await page.getByRole('button', { name: submit }).click();
      expect(await unreachable).toMatchObject({ reason: 'unreachable', status: undefined });
      expect((await saved).queued).toBe(true);

      const sent = nextEvent<RallyOutboxEvent>(document, 'rally-outbox-sent');
      await commands.setApiReachable(true);
      window.dispatchEvent(new Event('online'));
      expect(await sent).toMatchObject({ kind, identifiers: [expect.stringMatching(/^rally:/)] });
    });

    it('keeps the person for this visit only, unless they ask to be remembered', async () => {
      await ready();
      await page.getByRole('textbox', { name: 'First name' }).fill('Rosa');
      await page.getByRole('textbox', { name: 'Email' }).fill(uniqueEmail());
      await page.getByRole('checkbox', { name: 'Remember me on this device' }).click();
      await completeRest?.();
      await page.getByRole('button', { name: submit }).click();
      await expect.poll(() => localStorage.getItem('rally:person')).toContain('"remember":true');
      expect(sessionStorage.getItem('rally:person')).toBeNull();
    });

    it('has one live region from its first render, shown before it says anything, kept after', async () => {
      const widget = await mount(tag, attributes);
      // Before the form (and whatever it loads) is drawn: already there, empty, and displayed, so
      // that a screen reader knows it before its first message.
      const region = statusRegion(widget)!;
      expect(region).not.toBeNull();
      expect(region.textContent!.trim()).toBe('');
      expect(getComputedStyle(region).display).not.toBe('none');
      expect(getComputedStyle(region).visibility).toBe('visible');
      expect(region.getAttribute('aria-live') ?? 'polite').toBe('polite');
      expect(
        widget.shadowRoot!.querySelectorAll('[role="status"], [role="alert"], [aria-live]'),
      ).toHaveLength(1);

      await page.getByRole('textbox', { name: 'First name' }).fill('Rosa');
      await page.getByRole('textbox', { name: 'Email' }).fill(uniqueEmail());
      await completeRest?.();
      const done = nextEvent(widget, recorded);
      await page.getByRole('button', { name: submit }).click();
      await done;
      // The same node says it: its text changed, it was not replaced.
      await expect.poll(() => region.textContent).toMatch(confirmation.en);
      expect(statusRegion(widget)).toBe(region);
      expect(
        widget.shadowRoot!.querySelectorAll('[role="status"], [role="alert"], [aria-live]'),
      ).toHaveLength(1);
    });

    for (const screen of screens) {
      it(`moves focus and view to the confirmation on ${screen.name}`, async () => {
        await page.viewport(screen.width, screen.height);
        const widget = await mount(tag, { ...attributes, lang: screen.lang });
        placeOnLongPage(widget);
        const es = screen.lang === 'es';
        const button = page.getByRole('button', { name: es ? submitEs : submit });
        await expect.element(button).toBeVisible();
        await page.getByRole('textbox', { name: es ? 'Nombre' : 'First name' }).fill('Rosa');
        await page
          .getByRole('textbox', { name: es ? 'Correo electrónico' : 'Email' })
          .fill(uniqueEmail());
        await completeRest?.();
        // The person has scrolled down to the button, as on any page where the form is long.
        (button.element() as HTMLElement).scrollIntoView({ block: 'end' });
        const done = nextEvent(widget, recorded);
        await page.getByRole('button', { name: es ? submitEs : submit }).click();
        await done;

        const region = statusRegion(widget)!;
        await expect.poll(() => widget.shadowRoot!.activeElement).toBe(region);
        expect(document.activeElement).toBe(widget);
        expect(region.textContent!.trim()).toMatch(confirmation[screen.lang]);
        await expect.element(region).toBeInViewport();
        await expectAccessible(widget);
      });
    }

    it('links the privacy notice beside its consent, in a new tab, when the page sets one', async () => {
      const widget = await mount(tag, {
        ...attributes,
        lang: 'es',
        'privacy-url': 'https://louisiana.example.org/es/privacy/',
      });
      const link = page.getByRole('link', { name: /^Cómo usamos tu información/ });
      await expect
        .element(link)
        .toHaveAttribute('href', 'https://louisiana.example.org/es/privacy/');
      await expect.element(link).toHaveAttribute('target', '_blank');
      // Before the submit button, where the person reads what they agree to.
      const button = page.getByRole('button', { name: submitEs }).element();
      expect(link.element().compareDocumentPosition(button)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
      await expectAccessible(widget);
      widget.removeAttribute('privacy-url');
      await expect.element(link).not.toBeInTheDocument();
    });

    const refusals = [
      {
        how: 'with its readable 403',
        lang: 'en',
        refuse: async () => ({ api: inject('apiRefusingOriginsUrl') }),
      },
      {
        // An API that answers the browser's permission check without CORS headers: the browser
        // blocks the write as if the network failed, while reads still work.
        how: 'only through CORS, in Spanish',
        lang: 'es',
        refuse: async () => (await commands.setApiWritesAllowed(false), {}),
      },
    ] as const;
    for (const { how, lang, refuse } of refusals) {
      it(`says the organization must add this site when the API refuses the page’s origin ${how}`, async () => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
        const widget = await mount(tag, { ...attributes, lang, ...(await refuse()) });
        const es = lang === 'es';
        await page.getByRole('textbox', { name: es ? 'Nombre' : 'First name' }).fill('Rosa');
        await page
          .getByRole('textbox', { name: es ? 'Correo electrónico' : 'Email' })
          .fill(uniqueEmail());
        await completeRest?.();
        const refused = nextEvent<RallyErrorEvent>(widget, 'rally-error');
        await page.getByRole('button', { name: es ? submitEs : submit }).click();
        expect(await refused).toMatchObject({ reason: 'refused', status: 403 });
        const site = location.host;
        await expect
          .poll(() => statusRegion(widget)?.textContent)
          .toBe(
            es
              ? `Este formulario todavía no se puede enviar desde ${site}: la organización tiene que agregar ${site} a su configuración de Rally. No se envió nada.`
              : `This form cannot be sent from ${site} yet: the organization needs to add ${site} to its Rally settings. Nothing was sent.`,
          );
        // One word to the page's developer, naming the origin and where to add it.
        expect(warn).toHaveBeenCalledTimes(1);
        expect(warn.mock.calls[0]![0]).toContain(location.origin);
        expect(warn.mock.calls[0]![0]).toMatch(/RALLY_ALLOWED_ORIGINS.*rally\.config\.json/);
        expect($waiting.get()).toBe(0); // Not saved for later: it would never be sent.
        expect(widget.shadowRoot!.querySelector('form')).not.toBeNull(); // Nothing is lost.
        await expectAccessible(widget);
      });
    }

    it('prefills the person known on the page, and forgets them on “Not you?”', async () => {
      $person.set({ given_name: 'Ana', email: 'ana@example.org', remember: false });
      await ready();
      await expect
        .element(page.getByRole('textbox', { name: 'Email' }))
        .toHaveValue('ana@example.org');
      await page.getByRole('button', { name: 'Not Ana?' }).click();
      await expect.element(page.getByRole('textbox', { name: 'Email' })).toHaveValue('');
    });
  },
);
