/**
 * Vitest global setup for the widgets' browser tests: the real Rally API on an embedded database,
 * behind a switchable proxy, so tests can take the API "offline" and bring it back.
 */
import { createServer, request, type Server } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { composeApi, createApp, settingsFrom } from '@rally/api';
import { openTestPGlite, testContent } from '@rally/api/testing';
import type { TestProject } from 'vitest/node';
import { startFakeStripe } from '../fake-stripe/fake-stripe.ts';

class LocalOrigins extends Set<string> {
  override has(origin: string): boolean {
    return /^http:\/\/(localhost|127\.0\.0\.1):\d+$/.test(origin);
  }
}

export const staffToken = 'browser-tests-staff-token-0123456789';

/**
 * How the proxy behaves: `reachable: false` is a lost connection; `delay` holds each answer back,
 * like a slow network. Kept on `globalThis` because the commands (vitest.config.ts) that change it
 * run in another module.
 */
interface ProxyState {
  reachable: boolean;
  delay: number;
  /**
   * False: the API refuses the page's origin for writes without saying so readably, as before it
   * answered refusals with CORS headers: preflights get none, and writes a 403 without them.
   */
  writesAllowed: boolean;
}
const proxyState = ((globalThis as { rallyTestProxy?: ProxyState }).rallyTestProxy ??= {
  reachable: true,
  delay: 0,
  writesAllowed: true,
});

export default async function setup(project: TestProject) {
  const settings = settingsFrom(
    {
      organization: { name: 'Browser tests' },
      abuse: { proof_of_work: { max_counter: 50 } },
      dues: {
        tiers: [
          {
            id: 'under-25k',
            monthly_amount: 1000,
            label: { en: 'Under $25,000 a year', es: 'Menos de $25,000 al año' },
          },
          {
            id: 'over-25k',
            monthly_amount: 2500,
            label: { en: '$25,000 a year or more', es: '$25,000 al año o más' },
          },
        ],
        minimum_monthly_amount: 500,
      },
    },
    { production: true },
  );
  // Vitest picks the test page's port; allow any local page, as development does.
  settings.allowedOrigins = new LocalOrigins();
  const webhookSecret = 'whsec_browser_tests';
  const stripe = await startFakeStripe({ webhookUrl: 'set below', webhookSecret });
  const rally = await composeApi({
    database: openTestPGlite,
    migrate: false, // A copy of a migrated database.
    settings,
    content: testContent,
    adminToken: staffToken,
    rateLimits: 'database',
    linkSecret: 'browser-tests',
    stripe: {
      secretKey: 'sk_test_browser',
      publishableKey: 'pk_test_browser',
      webhookSecret,
      apiBase: stripe.url,
    },
    housekeeping: false,
  });
  const api = await listen(rally.app.fetch);
  const apiPort = (api.address() as { port: number }).port;
  stripe.webhookUrl = `http://127.0.0.1:${apiPort}/api/v1/stripe/webhook`;
  // The same API before anyone set up Stripe: for the dues widget's "not set up yet".
  const withoutStripe = await listen(createApp({ ...rally.appOptions, stripe: {} }).fetch);
  // The same API where no page's origin may write yet: a partner the organization has not added.
  const refusingOrigins = await listen(
    createApp({
      ...rally.appOptions,
      settings: { ...settings, allowedOrigins: new Set() },
      stripe: {},
    }).fetch,
  );

  const proxy: Server = createServer((incoming, outgoing) => {
    if (!proxyState.reachable) {
      incoming.socket.destroy(); // What a phone without signal sees: no answer at all.
      return;
    }
    // Refused before it reaches the API, though the browser may have a permission for the origin
    // cached from an earlier test.
    if (!proxyState.writesAllowed && !['GET', 'HEAD', 'OPTIONS'].includes(incoming.method ?? '')) {
      outgoing.writeHead(403).end();
      return;
    }
    const forward = request(
      {
        host: '127.0.0.1',
        port: apiPort,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        if (incoming.method === 'OPTIONS' && !proxyState.writesAllowed) {
          for (const name of Object.keys(answer.headers))
            if (name.startsWith('access-control-')) delete answer.headers[name];
        }
        setTimeout(() => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        }, proxyState.delay);
      },
    );
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyPort = (proxy.address() as { port: number }).port;

  project.provide('apiUrl', `http://127.0.0.1:${proxyPort}`);
  project.provide('staffToken', staffToken);
  project.provide('fakeStripeUrl', stripe.url);
  project.provide(
    'apiWithoutStripeUrl',
    `http://127.0.0.1:${(withoutStripe.address() as { port: number }).port}`,
  );
  project.provide(
    'apiRefusingOriginsUrl',
    `http://127.0.0.1:${(refusingOrigins.address() as { port: number }).port}`,
  );

  return async () => {
    proxy.close();
    api.close();
    withoutStripe.close();
    refusingOrigins.close();
    await stripe.close();
    await rally.close();
  };
}

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
  });
}

/** A command the browser tests call: `await commands.setApiReachable(false)`. */
export function setApiReachable(_context: unknown, reachable: boolean): void {
  proxyState.reachable = reachable;
}

/** A command the browser tests call: `await commands.setApiDelay(2000)`. */
export function setApiDelay(_context: unknown, milliseconds: number): void {
  proxyState.delay = milliseconds;
}

/**
 * A command the browser tests call: `await commands.setApiWritesAllowed(false)` makes the API
 * refuse the page's origin as one that does not say so readably: reads still work, and the browser
 * blocks every write, and any read that asks its permission first.
 */
export function setApiWritesAllowed(_context: unknown, allowed: boolean): void {
  proxyState.writesAllowed = allowed;
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    setApiReachable: (reachable: boolean) => Promise<void>;
    setApiDelay: (milliseconds: number) => Promise<void>;
    setApiWritesAllowed: (allowed: boolean) => Promise<void>;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    staffToken: string;
    fakeStripeUrl: string;
    apiWithoutStripeUrl: string;
    apiRefusingOriginsUrl: string;
  }
}
