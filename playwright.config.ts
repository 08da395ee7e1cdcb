import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './scripts/chromium.ts';
import { localSiteEnvironment, localSiteOrigins } from './scripts/serve-sites.ts';

// Ports of their own, so the tests never talk to a stack someone left running.
export const ports = { site: 4329, partner: 4330, api: 4331, stripe: 4332 };
export const staffToken = 'e2e-staff-token-0123456789abcdef';
const stripeWebhookSecret = 'whsec_e2e_tests';
const url = (port: number) => `http://127.0.0.1:${port}`;
/** A microsite as the tests reach it: on its own origin, as on its own domain. */
export const micrositeUrl = (slug: string) => `http://${slug}.localhost:${ports.site}`;
/**
 * The demo content with its events and petitions brought forward to lie ahead of today, one copy
 * for the sites' build and one for the API (made side by side, from the same day).
 */
const datedContent = {
  sites: 'test-results/e2e-content/sites',
  api: 'test-results/e2e-content/api',
};
/**
 * The API's copy as a repository of its own, as a content folder is where staff publish: each
 * publication is a commit, so History lists it and Restore brings an earlier one back.
 */
const contentRepository = `(cd ${datedContent.api} && git init -q && git add -A && git -c user.name=E2E -c user.email=e2e@example.org commit -qm Content)`;
/** How the sites are built for the tests: the same for the first build and for every rebuild. */
const siteEnvironment = {
  ...localSiteEnvironment(ports.site, ports.api),
  // Two stories a page, so that the demo's few stories per microsite make several pages.
  RALLY_SPOTLIGHTS_PER_PAGE: '2',
  // Dues are on, as for the API below: the sites then offer the dues page.
  STRIPE_PUBLISHABLE_KEY: 'pk_test_e2e',
};
/**
 * Publishing from the console builds sites again and swaps their folders in while they are served,
 * so its spec runs in a project of its own, after the others (which leave it out).
 */
const publishingSpec = /console-publishing\.spec\.ts/;

/**
 * Tests a project leaves out: those with `tag`, and the docs' screenshots (tagged @screenshots),
 * which only `RALLY_SCREENSHOTS=1` asks for, since they rewrite the pictures in docs/.
 */
const leftOut = (tag: string) =>
  new RegExp(process.env.RALLY_SCREENSHOTS ? tag : `${tag}|@screenshots`);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: url(ports.site),
    launchOptions: { executablePath: chromiumPath() },
  },
  projects: [
    // Tests tagged @phone-only are about a phone in hand (the door's check-in).
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'] },
      grepInvert: leftOut('@phone-only'),
      testIgnore: publishingSpec,
    },
    // Tests tagged @once check what is the same in every browser, so the phone leaves them out.
    {
      name: 'phone',
      use: { ...devices['Pixel 7'] },
      grepInvert: leftOut('@once'),
      testIgnore: publishingSpec,
    },
    // Run after both (Playwright runs dependencies first), so no rebuild swaps a site they load.
    {
      name: 'publishing',
      use: { ...devices['Desktop Chrome'] },
      grepInvert: leftOut('@phone-only'),
      testMatch: publishingSpec,
      dependencies: ['desktop', 'phone'],
    },
  ],
  webServer: [
    {
      // Every site, built for the ports below and served each on its own origin, from disk at
      // each request, so a site the API builds again is served once it is swapped in.
      command: `node scripts/dated-content.ts ${datedContent.sites} && vite build --config packages/widgets/vite.config.ts && astro build && node scripts/serve-sites.ts --port ${ports.site} --live`,
      url: `${url(ports.site)}/`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: { ...siteEnvironment, RALLY_CONTENT_DIR: datedContent.sites },
    },
    {
      // The real API on a fresh embedded database, with the demo content, and the staff console.
      command: `rm -rf test-results/e2e-data && node scripts/dated-content.ts ${datedContent.api} && ${contentRepository} && vite build --config packages/console/vite.config.ts --logLevel warn && node packages/api/src/server.ts`,
      url: `${url(ports.api)}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(ports.api),
        RALLY_DATA_DIR: 'test-results/e2e-data',
        RALLY_CONTENT_DIR: datedContent.api,
        RALLY_EMBEDDED_DURABILITY: 'os',
        RALLY_ADMIN_TOKEN: staffToken,
        // Puzzles solved in a few hashes; the proof of work has tests of its own.
        RALLY_CONFIG: 'test/e2e/rally.e2e.json',
        RALLY_ALLOWED_ORIGINS: [url(ports.partner), ...localSiteOrigins(ports.site)].join(','),
        NODE_ENV: 'production',
        // Stripe is the local fake below: there is no network, and no real card is charged.
        STRIPE_SECRET_KEY: 'sk_test_e2e',
        STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
        STRIPE_API_BASE: url(ports.stripe),
        // After a publication the API builds the sites it shows on again, from its own copy (what
        // staff publish into), into the folders the sites are served from, as the sites are built.
        RALLY_SITES_BUILD_COMMAND: 'node scripts/build-sites.ts',
        ...siteEnvironment,
      },
    },
    {
      command: 'node test/fake-stripe/serve.ts',
      url: `${url(ports.stripe)}/js/stripe.js`,
      reuseExistingServer: false,
      env: {
        PORT: String(ports.stripe),
        WEBHOOK_URL: `${url(ports.api)}/api/v1/stripe/webhook`,
        WEBHOOK_SECRET: stripeWebhookSecret,
      },
    },
    {
      command: 'node test/e2e/partner-server.ts',
      url: `${url(ports.partner)}/petition.html`,
      reuseExistingServer: false,
      env: { PORT: String(ports.partner) },
    },
  ],
});
