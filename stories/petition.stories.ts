import type { Locale } from '@rally/core/locale';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '@rally/widgets';
import { apiHandlers, mockApi, type ApiMode } from './support/mock-api.ts';

interface PetitionArgs {
  lang: Locale;
  api: ApiMode;
  withoutDetails: boolean;
}

const meta: Meta<PetitionArgs> = {
  title: 'Widgets/Petition',
  component: 'rally-petition',
  args: { lang: 'en', api: 'working', withoutDetails: false },
  argTypes: {
    lang: { control: 'inline-radio', options: [...__RALLY_LANGUAGES__] },
    api: { control: 'inline-radio', options: ['working', 'refusing', 'offline', 'unreachable'] },
  },
  render: ({ lang, api, withoutDetails }, { msw }) => {
    msw.use(...apiHandlers(api));
    return html`<rally-petition
      api=${mockApi}
      petition="fair-wages-home-care"
      lang=${lang}
      ?without-details=${withoutDetails}
    ></rally-petition>`;
  },
};
export default meta;

type Story = StoryObj<PetitionArgs>;

async function shadowOf(canvasElement: HTMLElement) {
  const petition = canvasElement.querySelector('rally-petition')!;
  await waitFor(() => expect(petition.shadowRoot?.querySelector('h2')).toBeTruthy());
  return within(petition.shadowRoot as unknown as HTMLElement);
}

async function sign(canvasElement: HTMLElement, email: string) {
  const shadow = await shadowOf(canvasElement);
  await userEvent.type(shadow.getByRole('textbox', { name: 'First name' }), 'Rosa');
  await userEvent.type(shadow.getByRole('textbox', { name: 'Email' }), email);
  await userEvent.click(shadow.getByRole('button', { name: 'Sign the petition' }));
  return shadow;
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    await expect(shadow.getByText('1,873 of 2,500 signatures')).toBeVisible();
  },
};

export const Spanish: Story = { args: { lang: 'es' } };

/** On a page that shows the petition's title and text itself. */
export const WithoutDetails: Story = {
  args: { withoutDetails: true },
  play: async ({ canvasElement }) => {
    const petition = canvasElement.querySelector('rally-petition')!;
    const shadow = within(petition.shadowRoot as unknown as HTMLElement);
    await waitFor(() => expect(shadow.getByText('1,873 of 2,500 signatures')).toBeVisible());
    await expect(shadow.queryByRole('heading', { level: 2 })).toBeNull();
    await expect(shadow.getByRole('button', { name: 'Sign the petition' })).toBeVisible();
  },
};

export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    await userEvent.click(shadow.getByRole('button', { name: 'Sign the petition' }));
    await expect(shadow.getByRole('textbox', { name: 'First name' })).toHaveAccessibleDescription(
      'Please fill in this field.',
    );
  },
};

export const Signed: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await sign(canvasElement, 'rosa@example.org');
    await waitFor(() => expect(shadow.getByRole('status')).toHaveTextContent('Thank you, Rosa.'));
  },
};

export const RefusedByTheApi: Story = {
  args: { api: 'refusing' },
  play: async ({ canvasElement }) => {
    const shadow = await sign(canvasElement, 'rosa@example.org');
    await waitFor(() =>
      expect(shadow.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(
        'Please enter an email address, like name@example.org.',
      ),
    );
  },
};

export const SavedOffline: Story = {
  args: { api: 'offline' },
  play: async ({ canvasElement }) => {
    const shadow = await sign(canvasElement, 'rosa@example.org');
    await waitFor(() =>
      expect(shadow.getByRole('status')).toHaveTextContent(/saved on this device/),
    );
  },
};

export const ApiUnreachable: Story = {
  args: { api: 'unreachable' },
  play: async ({ canvasElement }) => {
    const petition = canvasElement.querySelector('rally-petition')!;
    // Nothing to show but the reserved space and a message saying what to do.
    await waitFor(() =>
      expect(petition.shadowRoot?.querySelector('[role="status"]')).toHaveTextContent(
        /Could not load this/,
      ),
    );
  },
};
