/** One person's page, with the API stubbed: someone without an email shows none, and no "null". */
import { afterEach, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';
import { expectAccessible } from '../../../../widgets/src/internal/expect-accessible.ts';
import './person-panel.ts';

const personId = '7a1e2b3c-4d5e-4f60-8a71-9b8c7d6e5f40';

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

/** The API's answers for a walk-in added at the door without an email. */
function stubApi(): void {
  const answers: Record<string, unknown> = {
    [`/api/v1/people/${personId}`]: {
      given_name: 'Marisol',
      family_name: 'Vega',
      email_addresses: [],
      phone_numbers: [{ number: '+1 504 555 0103' }],
      created_date: '2026-03-07T18:30:00.000Z',
    },
    [`/api/v1/people/${personId}/timeline`]: {
      person: {
        id: personId,
        given_name: 'Marisol',
        family_name: 'Vega',
        email: null,
        region: null,
        sector: null,
      },
      entries: [],
    },
  };
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) =>
      Promise.resolve(
        url in answers
          ? new Response(JSON.stringify(answers[url]), {
              headers: { 'Content-Type': 'application/json' },
            })
          : new Response('{}', { status: 404 }),
      ),
    ),
  );
}

test('shows a person without an email with an empty field that says so', async () => {
  stubApi();
  const panel = document.createElement('rally-person-panel');
  panel.personId = personId;
  document.body.append(panel);
  await expect.element(page.getByRole('heading', { name: 'Marisol Vega' })).toBeVisible();

  const email = page.getByLabelText('Email', { exact: true });
  await expect.element(email).toHaveValue('');
  // Nothing to keep: the field may stay empty, and says why it is.
  await expect.element(email).not.toBeRequired();
  await expect
    .element(email)
    .toHaveAccessibleDescription('No email on file: add one here to reach them by email.');
  await expect.element(page.getByLabelText('Phone')).toHaveValue('+1 504 555 0103');
  expect(panel.shadowRoot!.textContent).not.toContain('null');
  expect(panel.shadowRoot!.querySelector('a[href^="mailto:"]')).toBeNull();
  // Erasing them asks for their name, as they have no email to type.
  const dialog = panel.shadowRoot!.querySelector('rally-erase-dialog')!;
  expect(dialog.email).toBe('');
  expect(dialog.name).toBe('Marisol Vega');
  await expectAccessible(panel);
});

test('removes the email on file when the field is emptied, as the hint says', async () => {
  const sent: unknown[] = [];
  const person = {
    given_name: 'Rosa',
    family_name: 'Ortiz',
    email_addresses: [{ address: 'rosa@example.org' }],
    phone_numbers: [],
    created_date: '2026-03-07T18:30:00.000Z',
  };
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init?: RequestInit) => {
      if (init?.method === 'PATCH') sent.push(JSON.parse(String(init.body)));
      const answer =
        url === `/api/v1/people/${personId}/timeline`
          ? {
              person: { id: personId, ...person, email: 'rosa@example.org', region: null },
              entries: [],
            }
          : init?.method === 'PATCH'
            ? { ...person, email_addresses: [] }
            : person;
      return Promise.resolve(
        new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } }),
      );
    }),
  );
  const panel = document.createElement('rally-person-panel');
  panel.personId = personId;
  document.body.append(panel);
  const email = page.getByLabelText('Email', { exact: true });
  await expect.element(email).toHaveValue('rosa@example.org');
  await expect.element(email).not.toBeRequired();
  await expect
    .element(email)
    .toHaveAccessibleDescription('Leave empty to remove the email on file.');

  await email.clear();
  await page.getByRole('button', { name: 'Save the corrections' }).click();
  await expect.poll(() => sent).toEqual([{ email_addresses: [] }]);
  // Now without one, the field says so, and erasing asks for her name.
  await expect
    .element(email)
    .toHaveAccessibleDescription('No email on file: add one here to reach them by email.');
  expect(panel.shadowRoot!.querySelector('rally-erase-dialog')!.email).toBe('');
  await expectAccessible(panel);
});
