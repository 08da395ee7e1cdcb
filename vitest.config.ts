import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { languagesDefine } from '@rally/core/languages';
import { chromiumPath } from './scripts/chromium.ts';
import { setApiDelay, setApiWritesAllowed, setApiReachable } from './test/browser/api-server.ts';

/** Real Chromium for every browser project: widgets are tested where they run. */
const browser = () => ({
  enabled: true,
  headless: true,
  instances: [{ browser: 'chromium' as const }],
  provider: playwright({ launchOptions: { executablePath: chromiumPath() } }),
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'packages/{core,content,api}/src/**/*.test.ts',
            'scripts/**/*.test.ts',
            'sites/**/*.test.ts',
          ],
          // One migrated embedded database for the run, which each API test file copies.
          globalSetup: ['packages/api/src/testing-setup.ts'],
          // …and within a file, a database a test closes is emptied for the next (testing-reuse.ts).
          setupFiles: ['packages/api/src/testing-after-file.ts'],
          // Several tests start the embedded PostgreSQL twice (a restart); on a busy two-core
          // machine that alone can pass the default five seconds.
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The widgets read the languages from rally.config.json as their build writes them in.
        define: languagesDefine,
        test: {
          name: 'browser',
          // The staff console's components run in the same Chromium.
          include: ['packages/{widgets,console}/src/**/*.test.ts'],
          // The widgets talk to the real API, behind a proxy the tests can switch off or slow down.
          globalSetup: ['test/browser/api-server.ts'],
          // One file at a time: the proxy's state is shared, and a slowed API must not slow others.
          fileParallelism: false,
          browser: {
            ...browser(),
            commands: { setApiReachable, setApiDelay, setApiWritesAllowed },
          },
        },
      },
      {
        plugins: [storybookTest({ configDir: '.storybook' })],
        define: languagesDefine,
        test: {
          name: 'stories',
          browser: browser(),
        },
      },
    ],
  },
});
