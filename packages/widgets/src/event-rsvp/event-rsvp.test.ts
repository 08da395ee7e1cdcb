import { afterEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { AttendanceResource, EventResource } from '@rally/core/resources';
import type { RallyActionEvent } from '../events/rally-action-event.ts';
import { expectAccessible } from '../internal/expect-accessible.ts';
import {
  apiUrl,
  mount,
  nextEvent,
  resetPage,
  staff,
  statusOf,
  statusRegion,
  uniqueEmail,
} from '../internal/testing.ts';
import { $person } from '../state/person.ts';
import '../join-form/join-form.ts';
import './event-rsvp.ts';

afterEach(async () => {
  await commands.setApiReachable(true);
  await resetPage();
});

const meeting = () => staff<EventResource>('events/union-meeting');

async function rsvp(name: string, event = 'union-meeting') {
  const widget = await mount('rally-event-rsvp', { event });
  await expect.element(page.getByRole('heading', { level: 2 })).toBeVisible();
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
    await expect.element(page.getByRole('button', { name: 'Cancel my RSVP' })).toBeVisible();
    await expectAccessible(first);
    const rosa = $person.get(); // Her RSVP is remembered with her, on her device.
    await resetPage();

    await rsvp('Ana');
    await resetPage();
    expect(await meeting()).toMatchObject({ places_remaining: 0, waitlist_size: 0 });

    const third = await rsvp('Dele');
    await expect.poll(() => statusOf(third)).toMatch(/^You're on the waitlist, Dele/);
    expect((await meeting()).waitlist_size).toBe(1);
    await expectAccessible(third);

    // Rosa comes back to the event on her device and cancels: Dele moves up.
    await resetPage();
    $person.set(rosa);
    const back = await mount('rally-event-rsvp', { event: 'union-meeting' });
    await page.getByRole('button', { name: 'Cancel my RSVP' }).click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect
      .poll(() => statusOf(back))
      .toBe('Your RSVP is cancelled. Thank you for letting us know.');
    await expect.poll(async () => (await meeting()).waitlist_size).toBe(0);
    expect((await meeting()).places_remaining).toBe(0);
  });

  it('remembers the RSVP on the device, and asks before cancelling it, by keyboard, in Spanish', async () => {
    const widget = await mount('rally-event-rsvp', { event: 'open-meeting', lang: 'es' });
    await page.getByRole('textbox', { name: 'Nombre' }).fill('Rosa');
    await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(uniqueEmail());
    await page.getByRole('checkbox', { name: 'Recordarme en este dispositivo' }).click();
    const answered = nextEvent<RallyActionEvent>(widget, 'rally-rsvp');
    await page.getByRole('button', { name: 'Confirmar asistencia' }).click();
    const attendance = (await answered).identifiers[0]!.replace(/^rally:/, '');
    await expect.poll(() => statusOf(widget)).toBe('¡Vas a ir, Rosa! Nos vemos allí.');
    // Kept with the person, where they asked: on this device, with the link that cancels it.
    const saved = JSON.parse(localStorage.getItem('rally:person') ?? '{}');
    expect(saved.rsvps['open-meeting']).toEqual({
      status: 'accepted',
      cancel: expect.stringContaining(`/attendances/${attendance}/cancel?token=`),
    });
    widget.remove();

    // Coming back to the event: the RSVP instead of the form, said as it is, not announced.
    const back = await mount('rally-event-rsvp', { event: 'open-meeting', lang: 'es' });
    await expect.element(page.getByText('¡Vas a ir, Rosa! Nos vemos allí.')).toBeVisible();
    expect(back.shadowRoot!.querySelector('form')).toBeNull();
    expect(statusOf(back)).toBe('');
    await expectAccessible(back);

    // The prominent button asks first, with focus on keeping the RSVP; Escape keeps it.
    const cancel = page.getByRole('button', { name: 'Cancelar mi confirmación' });
    (cancel.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    const question = page.getByRole('group', {
      name: '¿Cancelar tu confirmación para este evento?',
    });
    await expect.element(question).toBeVisible();
    await expect
      .poll(() => back.shadowRoot!.activeElement?.textContent?.trim())
      .toBe('No, mantener mi confirmación');
    await expectAccessible(back);
    await userEvent.keyboard('{Escape}');
    await expect.element(question).not.toBeInTheDocument();
    await expect
      .poll(() => back.shadowRoot!.activeElement?.textContent?.trim())
      .toBe('Cancelar mi confirmación');
    expect(
      (await staff<AttendanceResource>(`events/open-meeting/attendances/${attendance}`)).status,
    ).toBe('accepted');

    // Asked again and confirmed: cancelled, said, and focus on what happened.
    await userEvent.keyboard('{Enter}');
    await expect.element(question).toBeVisible();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await userEvent.keyboard('{Enter}');
    await expect
      .poll(() => statusOf(back))
      .toBe('Tu confirmación quedó cancelada. Gracias por avisarnos.');
    await expect.poll(() => back.shadowRoot!.activeElement).toBe(statusRegion(back));
    expect(
      (await staff<AttendanceResource>(`events/open-meeting/attendances/${attendance}`)).status,
    ).toBe('cancelled');
    expect(JSON.parse(localStorage.getItem('rally:person') ?? '{}').rsvps).toEqual({});
    await expectAccessible(back);
  });

  it('remembers an RSVP saved offline once it is sent', async () => {
    const widget = await mount('rally-event-rsvp', { event: 'open-meeting' });
    await expect.element(page.getByRole('heading', { level: 2 })).toBeVisible();
    await page.getByRole('textbox', { name: 'First name' }).fill('Noemí');
    await page.getByRole('textbox', { name: 'Email' }).fill(uniqueEmail('noemi'));
    await commands.setApiReachable(false);
    const queued = nextEvent<RallyActionEvent>(widget, 'rally-rsvp');
    await page.getByRole('button', { name: 'RSVP', exact: true }).click();
    expect((await queued).queued).toBe(true);
    await expect.poll(() => statusOf(widget)).toMatch(/saved on this device/);

    await commands.setApiReachable(true);
    window.dispatchEvent(new Event('online'));
    await expect.element(page.getByRole('button', { name: 'Cancel my RSVP' })).toBeVisible();
    expect($person.get()?.rsvps?.['open-meeting']).toMatchObject({ status: 'accepted' });
  });

  it('shows the form again to someone else on the device, after “Not you?”', async () => {
    const widget = await rsvp('Ana', 'open-meeting');
    widget.remove();
    await mount('rally-event-rsvp', { event: 'open-meeting' });
    await expect.element(page.getByText("You're going, Ana! See you there.")).toBeVisible();
    await page.getByRole('button', { name: 'Not Ana?' }).click();
    await expect.element(page.getByRole('textbox', { name: 'First name' })).toHaveValue('');
    await expect
      .element(page.getByRole('button', { name: 'Cancel my RSVP' }))
      .not.toBeInTheDocument();
  });

  it('prefills the phone number given when joining, kept only as long as the person is', async () => {
    const join = await mount('rally-join-form');
    await page.getByRole('textbox', { name: 'First name' }).fill('Rosa');
    await page.getByRole('textbox', { name: 'Email' }).fill(uniqueEmail());
    await page.getByRole('textbox', { name: 'Phone (optional)' }).fill('504-555-0142');
    await page.getByRole('checkbox', { name: /agree to be contacted/ }).click();
    const joined = nextEvent(join, 'rally-joined');
    await page.getByRole('button', { name: 'Join' }).click();
    await joined;
    join.remove();
    // Not asked to be remembered: for this visit only, phone included.
    expect(sessionStorage.getItem('rally:person')).toContain('504-555-0142');
    expect(localStorage.getItem('rally:person')).toBeNull();

    await mount('rally-event-rsvp', { event: 'open-meeting' });
    await expect
      .element(page.getByRole('textbox', { name: 'Phone (optional)' }))
      .toHaveValue('504-555-0142');
    await page.getByRole('button', { name: 'Not Rosa?' }).click();
    await expect.element(page.getByRole('textbox', { name: 'Phone (optional)' })).toHaveValue('');
    expect(sessionStorage.getItem('rally:person')).toBeNull();
  });

  it('leaves the title, text, time and place to a page that shows them itself', async () => {
    const widget = await mount('rally-event-rsvp', {
      event: 'union-meeting',
      'without-details': '',
    });
    await expect.element(page.getByRole('link', { name: 'Add to calendar' })).toBeVisible();
    await expect
      .element(page.getByRole('button', { name: /^(RSVP|Join the waitlist)$/ }))
      .toBeVisible();
    const text = widget.shadowRoot!.textContent!;
    expect(widget.shadowRoot!.querySelector('h2, dl')).toBeNull();
    expect(text).not.toContain('Home care union meeting');
    expect(text).not.toContain('Union hall');
    expect(text).not.toContain('Central Standard Time');
    await expectAccessible(widget);
  });

  it('offers no RSVP for an event that is over', async () => {
    const widget = await mount('rally-event-rsvp', { event: 'past-rally' });
    await expect.element(page.getByText('This event has already happened.')).toBeVisible();
    expect(widget.shadowRoot?.querySelector('form')).toBeNull();
  });

  it('shows another event when `event` changes after it is shown', async () => {
    const widget = await mount('rally-event-rsvp', { event: 'union-meeting' });
    await expect
      .element(page.getByRole('heading', { name: 'Home care union meeting' }))
      .toBeVisible();
    widget.setAttribute('event', 'open-meeting');
    await expect.element(page.getByRole('heading', { name: 'Open organizing call' })).toBeVisible();
    expect(widget.shadowRoot!.textContent).not.toContain('Union hall');
    await expectAccessible(widget);
  });
});
