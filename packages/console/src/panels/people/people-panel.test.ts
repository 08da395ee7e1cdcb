/** The People search, with the API stubbed: someone without an email is listed by name. */
import { afterEach, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../../../widgets/src/internal/expect-accessible.ts';
import './people-panel.ts';

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

const found = [
  {
    id: '5d0f4c1e-8a43-4c4e-9a51-3f1f6a0b2c11',
    given_name: 'Marisol',
    family_name: 'Vega',
    email: 'marisol@example.org',
    region: 'gulf-south',
    sector: null,
    member: true,
  },
  {
    id: '7a1e2b3c-4d5e-4f60-8a71-9b8c7d6e5f40',
    given_name: 'Marisol',
    family_name: null,
    // A walk-in added at the door without an email.
    email: null,
    region: null,
    sector: null,
    member: false,
  },
];

test('lists a person without an email by name, saying "no email" in either language', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(
          JSON.stringify({ q: 'marisol', page: 1, per_page: 20, more: false, people: found }),
          {
            headers: { 'Content-Type': 'application/json' },
          },
        ),
      ),
    ),
  );
  for (const [locale, label, search, noEmail] of [
    ['en', 'Name or email', 'Search', 'no email'],
    ['es', 'Nombre o correo electrónico', 'Buscar', 'sin correo'],
  ] as const) {
    document.body.replaceChildren();
    const panel = document.createElement('rally-people-panel');
    panel.locale = locale;
    document.body.append(panel);
    await panel.updateComplete;
    await userEvent.fill(page.getByLabelText(label), 'marisol');
    await userEvent.click(page.getByRole('button', { name: search, exact: true }));

    const rows = page.getByRole('row');
    await expect.element(rows.nth(2)).toBeVisible();
    const cells = (row: number) =>
      [...rows.nth(row).element().querySelectorAll('td')].map((cell) => cell.textContent!.trim());
    expect(cells(1).slice(0, 2)).toEqual(['Marisol Vega', 'marisol@example.org']);
    expect(cells(2).slice(0, 2)).toEqual(['Marisol', noEmail]);
    expect(
      page.getByRole('link', { name: 'Marisol', exact: true }).element().getAttribute('href'),
    ).toBe(`/console/people/${found[1]!.id}`);
    expect(panel.shadowRoot!.textContent).not.toContain('null');
    expect(panel.shadowRoot!.querySelector('a[href^="mailto:"]')).toBeNull();
    await expectAccessible(panel);
  }
});
