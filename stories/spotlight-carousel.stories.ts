import type { Locale } from '@rally/core/locale';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '@rally/widgets';
import { apiHandlers, mockApi } from './support/mock-api.ts';

interface CarouselArgs {
  lang: Locale;
  autoplay: boolean;
  api: 'working' | 'unreachable';
}

const meta: Meta<CarouselArgs> = {
  title: 'Widgets/Spotlight carousel',
  component: 'rally-spotlight-carousel',
  args: { lang: 'en', autoplay: false, api: 'working' },
  argTypes: { lang: { control: 'inline-radio', options: [...__RALLY_LANGUAGES__] } },
  render: ({ lang, autoplay, api }, { msw }) => {
    msw.use(...apiHandlers(api));
    return html`<rally-spotlight-carousel
      api=${mockApi}
      lang=${lang}
      ?autoplay=${autoplay}
    ></rally-spotlight-carousel>`;
  },
};
export default meta;

type Story = StoryObj<CarouselArgs>;

export const Browsing: Story = {
  play: async ({ canvasElement }) => {
    const carousel = canvasElement.querySelector('rally-spotlight-carousel')!;
    await waitFor(() => expect(carousel.shadowRoot?.querySelector('figure')).toBeTruthy());
    const shadow = within(carousel.shadowRoot as unknown as HTMLElement);
    await userEvent.click(shadow.getByRole('button', { name: 'Next spotlight' }));
    await expect(shadow.getByRole('group', { name: '2 of 2' })).toBeVisible();
  },
};

export const Rotating: Story = { args: { autoplay: true } };

export const Spanish: Story = { args: { lang: 'es' } };

export const Unreachable: Story = {
  args: { api: 'unreachable' },
  play: async ({ canvasElement }) => {
    const carousel = canvasElement.querySelector('rally-spotlight-carousel')!;
    await waitFor(() => expect(carousel.shadowRoot?.querySelector('[role="alert"]')).toBeTruthy());
  },
};
