import type { StorybookConfig } from '@storybook/web-components-vite';
import { msw } from 'msw/vite';
import { mergeConfig } from 'vite';
import { languagesDefine } from '@rally/core/languages';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // msw-storybook-addon starts Mock Service Worker and hands each story `msw`, reset after it.
  addons: ['@storybook/addon-docs', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The worker script, served by Vite and written into a built Storybook, rather than a copy kept
  // in a public folder that the sites would publish too; and the languages from rally.config.json,
  // which the widgets' code reads as their build writes them in.
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      plugins: [msw({ mode: 'worker-only' })],
      define: languagesDefine,
    }),
};

export default config;
