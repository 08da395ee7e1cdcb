import type { Locale } from '@rally/core/locale';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '@rally/widgets';
import { apiHandlers, mockApi, type ApiMode } from './support/mock-api.ts';
import './support/mock-stripe.ts';

interface DuesArgs {
  lang: Locale;
  api: ApiMode;
}

const meta: Meta<DuesArgs> = {
  title: 'Widgets/Dues checkout',
  component: 'rally-dues-checkout',
  args: { lang: 'en', api: 'working' },
  argTypes: {
    lang: { control: 'inline-radio', options: [...__RALLY_LANGUAGES__] },
    api: { control: 'inline-radio', options: ['working', 'refusing', 'unreachable', 'no-stripe'] },
  },
  render: ({ lang, api }, { msw }) => {
    msw.use(...apiHandlers(api));
    return html`<rally-dues-checkout
      api=${mockApi}
      source="texas-gulf"
      region="texas-gulf"
      lang=${lang}
    ></rally-dues-checkout>`;
  },
};
export default meta;

type Story = StoryObj<DuesArgs>;

async function shadowOf(canvasElement: HTMLElement) {
  const checkout = canvasElement.querySelector('rally-dues-checkout')!;
  // Drawn once the choices (or word that there are none) arrive; the live region is there before.
  await waitFor(() =>
    expect(checkout.shadowRoot?.querySelector('h2, p:not([role="status"])')).toBeTruthy(),
  );
  return within(checkout.shadowRoot as unknown as HTMLElement);
}

async function continueToPayment(canvasElement: HTMLElement) {
  const shadow = await shadowOf(canvasElement);
  await userEvent.click(shadow.getByRole('radio', { name: /^\$12 a month/ }));
  await userEvent.type(shadow.getByRole('textbox', { name: 'First name' }), 'Marisol');
  await userEvent.type(shadow.getByRole('textbox', { name: 'Email' }), 'marisol@example.org');
  await userEvent.click(shadow.getByRole('button', { name: 'Continue to payment' }));
  await waitFor(() => expect(shadow.getByText('You are paying $12 a month.')).toBeVisible());
  return shadow;
}

export const ChooseDues: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    await expect(shadow.getByRole('radio', { name: /^\$5 a month/ })).toBeVisible();
    await userEvent.click(shadow.getByRole('radio', { name: 'Yearly' }));
    await expect(shadow.getByRole('radio', { name: /^\$144 a year/ })).toBeVisible();
  },
};

export const Spanish: Story = {
  args: { lang: 'es' },
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    await expect(shadow.getByRole('radio', { name: /^12\sUS\$ al mes/ })).toBeVisible();
  },
};

export const AmountBelowTheFloor: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    await userEvent.click(shadow.getByRole('radio', { name: 'Another amount' }));
    await userEvent.type(shadow.getByRole('textbox', { name: 'Amount (monthly)' }), '3');
    await userEvent.click(shadow.getByRole('button', { name: 'Continue to payment' }));
    await expect(
      shadow.getByRole('textbox', { name: 'Amount (monthly)' }),
    ).toHaveAccessibleDescription('Dues are at least $5.');
  },
};

export const Payment: Story = {
  play: async ({ canvasElement }) => {
    await continueToPayment(canvasElement);
  },
};

export const Paid: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await continueToPayment(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Pay' }));
    await waitFor(
      () =>
        expect(
          shadow.getByRole('heading', { name: 'Thank you, Marisol. Your dues are set up.' }),
        ).toBeVisible(),
      { timeout: 5000 },
    );
    await expect(shadow.getByRole('button', { name: 'Manage your membership' })).toBeVisible();
  },
};

export const NotSetUpYet: Story = {
  args: { api: 'no-stripe' },
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    await expect(
      shadow.getByText('Dues are not set up yet. Please check back soon.'),
    ).toBeVisible();
  },
};
