/**
 * The contract every Rally form widget keeps: labelled fields, an invalid submit blocked before
 * anything is sent, an event when the action is recorded, a "Not you?" reset, and no
 * accessibility violations. A new form widget joins the list below.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands, page } from 'vitest/browser';
import type { RallyErrorEvent } from '../events/rally-error-event.ts';
import { $person } from '../state/person.ts';
import { expectAccessible } from './expect-accessible.ts';
import { mount, nextEvent, resetPage, uniqueEmail } from './testing.ts';
import '../event-rsvp/event-rsvp.ts';
import '../join-form/join-form.ts';
import '../petition/petition.ts';

interface FormWidget {
  tag: 'rally-join-form' | 'rally-petition' | 'rally-event-rsvp';
  attributes: Record<string, string>;
  submit: RegExp;
  recorded: 'rally-joined' | 'rally-signed' | 'rally-rsvp';
  /** Fills what this widget requires beyond name and email. */
  completeRest?: () => Promise<void>;
}

const widgets: FormWidget[] = [
  {
    tag: 'rally-join-form',
    attributes: {},
    submit: /^Join$/,
    recorded: 'rally-joined',
    completeRest: () => page.getByRole('checkbox', { name: /agree to be contacted/ }).click(),
  },
  {
    tag: 'rally-petition',
    attributes: { petition: 'fair-wages' },
    submit: /^Sign the petition$/,
    recorded: 'rally-signed',
  },
  {
    tag: 'rally-event-rsvp',
    // An event without a capacity, so the RSVP tests keep the meeting's two places to themselves.
    attributes: { event: 'open-meeting' },
    submit: /^(RSVP|Join the waitlist)$/,
    recorded: 'rally-rsvp',
  },
];

afterEach(async () => {
  vi.restoreAllMocks();
  await commands.setApiDelay(0);
  await resetPage();
});

describe.each(widgets)(
  '<$tag> keeps the form contract',
  ({ tag, attributes, submit, recorded, completeRest }) => {
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
