import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import type { EventResource } from '@rally/core/resources';
import type { RallyActionEvent } from '../events/rally-action-event.ts';
import { expectAccessible } from '../internal/expect-accessible.ts';
import {
  apiUrl,
  mount,
  nextEvent,
  resetPage,
  staff,
  statusOf,
  uniqueEmail,
} from '../internal/testing.ts';
import './event-rsvp.ts';

afterEach(resetPage);

const meeting = () => staff<EventResource>('events/union-meeting');

async function rsvp(name: string) {
  const widget = await mount('rally-event-rsvp', { event: 'union-meeting' });
  await expect
    .element(page.getByRole('heading', { name: 'Home care union meeting' }))
    .toBeVisible();
  await page.getByRole('textbox', { name: 'First name' }).fill(name);
  await page.getByRole('textbox', { name: 'Email' }).fill(uniqueEmail(name.toLowerCase()));
  const answered = nextEvent<RallyActionEvent>(widget, 'rally-rsvp');
  await page.getByRole('button', { name: /^(RSVP|Join the waitlist)$/ }).click();
  await answered;
  return widget;
}

describe('rally-event-rsvp', () => {
  it('shows when in the visitor’s language at the event’s time zone, and where', async () => {
    const widget = await mount('rally-event-rsvp', { event: 'union-meeting', lang: 'es' });
    await expect
      .element(page.getByRole('heading', { name: 'Home care union meeting' }))
      .toBeVisible();
    const details = widget.shadowRoot!.querySelector('dl')!.textContent!;
    expect(details).toContain('jueves, 7 de marzo de 2030');
    expect(details).toMatch(/18:00\s*–\s*20:00/);
    expect(details).toContain('hora estándar central');
    expect(details).toContain('Union hall, 1200 Canal St, New Orleans, LA');
    const calendar = page.getByRole('link', { name: 'Agregar al calendario' });
    // In Spanish, as the page is, and linking back to it rather than to the API's JSON.
    const href = new URL((calendar.element() as HTMLAnchorElement).href);
    expect(`${href.origin}${href.pathname}`).toBe(
      `${apiUrl}/api/v1/events/union-meeting/calendar.ics`,
    );
    expect(href.searchParams.get('lang')).toBe('es');
    expect(href.searchParams.get('page')).toBe(location.href);
    await expectAccessible(widget);
  });

  it('accepts while places remain, waitlists when full, and moves the waitlist up on a cancellation', async () => {
    // The test API's meeting has two places.
    const first = await rsvp('Rosa');
    await expect.poll(() => statusOf(first)).toBe("You're going, Rosa! See you there.");
    const cancel = page.getByRole('button', { name: 'Cancel my RSVP' });
    await expect.element(cancel).toBeVisible();
    await expectAccessible(first);
    const rosasCancel = cancel.element() as HTMLButtonElement;
    await resetPage();

    await rsvp('Ana');
    await resetPage();
    expect(await meeting()).toMatchObject({ places_remaining: 0, waitlist_size: 0 });

    const third = await rsvp('Dele');
    await expect.poll(() => statusOf(third)).toMatch(/^You're on the waitlist, Dele/);
    expect((await meeting()).waitlist_size).toBe(1);
    await expectAccessible(third);

    // Rosa cancels from her page: Dele moves up.
    document.body.append(first);
    await first.updateComplete;
    rosasCancel.click();
    await expect
      .poll(() => statusOf(first))
      .toBe('Your RSVP is cancelled. Thank you for letting us know.');
    await expect.poll(async () => (await meeting()).waitlist_size).toBe(0);
    expect((await meeting()).places_remaining).toBe(0);
  });

  it('offers no RSVP for an event that is over', async () => {
    const widget = await mount('rally-event-rsvp', { event: 'past-rally' });
    await expect.element(page.getByText('This event has already happened.')).toBeVisible();
    expect(widget.shadowRoot?.querySelector('form')).toBeNull();
  });
});
