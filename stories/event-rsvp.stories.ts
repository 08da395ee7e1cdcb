import type { Locale } from '@rally/core/locale';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '@rally/widgets';
import { apiHandlers, mockApi, type ApiMode } from './support/mock-api.ts';

interface EventRsvpArgs {
  lang: Locale;
  api: ApiMode;
}

const meta: Meta<EventRsvpArgs> = {
  title: 'Widgets/Event RSVP',
  component: 'rally-event-rsvp',
  args: { lang: 'en', api: 'working' },
  argTypes: {
    lang: { control: 'inline-radio', options: [...__RALLY_LANGUAGES__] },
    api: {
      control: 'inline-radio',
      options: ['working', 'full', 'refusing', 'offline', 'unreachable'],
    },
  },
  render: ({ lang, api }, { msw }) => {
    msw.use(...apiHandlers(api));
    return html`<rally-event-rsvp
      api=${mockApi}
      event="new-orleans-home-care-meeting"
      lang=${lang}
    ></rally-event-rsvp>`;
  },
};
export default meta;

type Story = StoryObj<EventRsvpArgs>;

async function shadowOf(canvasElement: HTMLElement) {
  const widget = canvasElement.querySelector('rally-event-rsvp')!;
  await waitFor(() => expect(widget.shadowRoot?.querySelector('h2')).toBeTruthy());
  return within(widget.shadowRoot as unknown as HTMLElement);
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    await expect(shadow.getByText('12 places left')).toBeVisible();
  },
};

export const Spanish: Story = { args: { lang: 'es' } };

export const Going: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await shadowOf(canvasElement);
    await userEvent.type(shadow.getByRole('textbox', { name: 'First name' }), 'Rosa');
    await userEvent.type(shadow.getByRole('textbox', { name: 'Email' }), 'rosa@example.org');
    await userEvent.click(shadow.getByRole('button', { name: 'RSVP' }));
    await waitFor(() =>
      expect(shadow.getByRole('button', { name: 'Cancel my RSVP' })).toBeVisible(),
    );
  },
};

async function rsvp(canvasElement: HTMLElement, button: string) {
  const shadow = await shadowOf(canvasElement);
  await userEvent.type(shadow.getByRole('textbox', { name: 'First name' }), 'Rosa');
  await userEvent.type(shadow.getByRole('textbox', { name: 'Email' }), 'rosa@example.org');
  await userEvent.click(shadow.getByRole('button', { name: button }));
  return shadow;
}

export const Waitlisted: Story = {
  args: { api: 'full' },
  play: async ({ canvasElement }) => {
    const shadow = await rsvp(canvasElement, 'Join the waitlist');
    await waitFor(() =>
      expect(shadow.getByRole('status')).toHaveTextContent(/on the waitlist, Rosa/),
    );
  },
};

export const Cancelled: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await rsvp(canvasElement, 'RSVP');
    await userEvent.click(await shadow.findByRole('button', { name: 'Cancel my RSVP' }));
    // Asked first, inside the widget.
    await userEvent.click(await shadow.findByRole('button', { name: 'Yes, cancel it' }));
    await waitFor(() => expect(shadow.getByRole('status')).toHaveTextContent(/RSVP is cancelled/));
  },
};
