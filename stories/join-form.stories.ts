import type { Locale } from '@rally/core/locale';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import '@rally/widgets';
import { apiHandlers, mockApi, type ApiMode } from './support/mock-api.ts';

interface JoinFormArgs {
  lang: Locale;
  onError: (event: Event) => void;
}

const meta: Meta<JoinFormArgs> = {
  title: 'Widgets/Join form',
  component: 'rally-join-form',
  args: { lang: 'en', onError: fn() },
  argTypes: { lang: { control: 'inline-radio', options: [...__RALLY_LANGUAGES__] } },
  render: ({ lang, onError }) =>
    html`<rally-join-form
      lang=${lang}
      regions="gulf-south=Gulf South;great-lakes=Great Lakes"
      @rally-error=${onError}
    ></rally-join-form>`,
};
export default meta;

type Story = StoryObj<JoinFormArgs>;

export const Empty: Story = {};

export const Spanish: Story = { args: { lang: 'es' } };

export const Invalid: Story = {
  play: async ({ canvasElement, args }) => {
    const form = canvasElement.querySelector('rally-join-form')!;
    const shadow = within(form.shadowRoot as unknown as HTMLElement);
    await userEvent.click(shadow.getByRole('button', { name: 'Join' }));
    // Focus sits inside the shadow root; document.activeElement is only the host.
    await expect(form.shadowRoot?.activeElement).toBe(
      shadow.getByRole('textbox', { name: 'First name' }),
    );
    await expect(shadow.getByText('Please tick this box to continue.')).toBeVisible();
    await expect(args.onError).toHaveBeenCalledOnce();
  },
};

/** The form against the stand-in API in `mode`, filled in and sent. */
function joining(mode: ApiMode): Story {
  return {
    render: ({ lang }, { msw }) => {
      msw.use(...apiHandlers(mode));
      return html`<rally-join-form api=${mockApi} lang=${lang}></rally-join-form>`;
    },
  };
}

async function join(canvasElement: HTMLElement) {
  const form = canvasElement.querySelector('rally-join-form')!;
  const shadow = within(form.shadowRoot as unknown as HTMLElement);
  await userEvent.type(shadow.getByRole('textbox', { name: 'First name' }), 'Rosa');
  await userEvent.type(shadow.getByRole('textbox', { name: 'Email' }), 'rosa@example.org');
  await userEvent.click(shadow.getByRole('checkbox', { name: /agree to be contacted/ }));
  await userEvent.click(shadow.getByRole('button', { name: 'Join' }));
  return shadow;
}

export const Joined: Story = {
  ...joining('working'),
  play: async ({ canvasElement }) => {
    const shadow = await join(canvasElement);
    await waitFor(() => expect(shadow.getByRole('status')).toHaveTextContent('Welcome, Rosa!'));
  },
};

export const SavedOffline: Story = {
  ...joining('offline'),
  play: async ({ canvasElement }) => {
    const shadow = await join(canvasElement);
    await waitFor(() =>
      expect(shadow.getByRole('status')).toHaveTextContent(/saved on this device/),
    );
  },
};
