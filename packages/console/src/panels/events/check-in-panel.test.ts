/**
 * The door's list, with the API stubbed: someone added at the door without an email is shown by
 * name, with nothing where an email would be.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';
import { flush } from '../../data/check-in.ts';
import './check-in-panel.ts';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

const attendance = (id: string, person: Record<string, unknown>, attended: boolean | null) => ({
  identifiers: [`rally:${id}`],
  status: 'accepted',
  attended,
  _embedded: { 'osdi:person': person },
});

beforeEach(async () => {
  // Nothing another test left waiting is sent from here.
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(json({}))),
  );
  await flush();
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) =>
      Promise.resolve(
        url.startsWith('/api/v1/events/union-meeting/attendances')
          ? json({
              total_pages: 1,
              _embedded: {
                'osdi:attendances': [
                  attendance(
                    'a1',
                    {
                      given_name: 'Rosa',
                      family_name: 'Ortiz',
                      email_addresses: [{ address: 'rosa@example.org' }],
                    },
                    null,
                  ),
                  attendance(
                    'a2',
                    { given_name: 'Marisol', family_name: null, email_addresses: [] },
                    true,
                  ),
                ],
              },
            })
          : json({ title: 'Home care union meeting', start_date: '2030-03-08T00:00:00.000Z' }),
      ),
    ),
  );
});

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

test('shows a walk-in without an email by name, with no email beside it', async () => {
  const panel = document.createElement('rally-check-in-panel');
  panel.eventId = 'union-meeting';
  document.body.append(panel);
  await expect
    .element(page.getByRole('heading', { name: 'Home care union meeting' }))
    .toBeVisible();

  const items = page.getByRole('listitem');
  await expect.element(items.nth(1)).toBeVisible();
  const who = (index: number) =>
    [...items.nth(index).element().querySelectorAll('.who > *')].map((part) =>
      part.textContent!.trim(),
    );
  expect(who(0)).toEqual(['Rosa Ortiz', 'rosa@example.org']);
  // Only her name: no empty line, no "null", no made-up address.
  expect(who(1)).toEqual(['Marisol']);
  await expect.element(page.getByRole('button', { name: 'Undo: Marisol' })).toBeVisible();
  expect(panel.shadowRoot!.textContent).not.toContain('null');
});
