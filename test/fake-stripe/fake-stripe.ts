/**
 * A local stand-in for Stripe, for tests without a network: the HTTP API endpoints Rally
 * calls (checkout and billing-portal sessions), a fake Stripe.js for the browser, and what a
 * finished card payment at Stripe causes — signed webhooks sent to Rally. Only what Rally uses is
 * implemented, in the shapes of Stripe's API version 2025-10-29 and later.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import qs from 'qs';
import Stripe from 'stripe';

export interface FakeStripeOptions {
  /** Where Stripe would deliver webhooks: Rally's `/api/v1/stripe/webhook`. */
  webhookUrl: string;
  /** The webhook endpoint's signing secret, shared with Rally. */
  webhookSecret: string;
  /** Port to listen on; any free one when 0. */
  port?: number;
  /** How webhooks are sent; `fetch`, unless a test hands them to an app in-process. */
  send?: (url: string, init: RequestInit) => Response | Promise<Response>;
}

interface Session {
  id: string;
  object: 'checkout.session';
  client_secret: string;
  ui_mode: string;
  mode: 'subscription' | 'payment';
  status: 'open' | 'complete';
  payment_status: 'unpaid' | 'paid';
  customer: string | null;
  customer_email: string | null;
  subscription: string | null;
  amount_total: number;
  currency: string;
  locale: string | null;
  metadata: Record<string, string>;
  /** Not Stripe's: what the session was created with, for tests to check. */
  params: Params;
}

type Params = Record<string, unknown> & {
  line_items?: { price_data?: { unit_amount?: string; currency?: string; recurring?: object } }[];
  subscription_data?: { metadata?: Record<string, string> };
  metadata?: Record<string, string>;
};

export interface FakeStripe {
  /** Base URL of the fake API, for `STRIPE_API_BASE`. */
  url: string;
  /** Where webhooks go; may be set after start, once Rally's port is known. */
  webhookUrl: string;
  /** Every Checkout Session created, by id. */
  sessions: Map<string, Session>;
  /** Every billing-portal session opened, by id: whose customer it shows. */
  portals: Map<string, { customer: string; return_url: string | null }>;
  /** How long to hold each webhook back after a payment, like Stripe under load. */
  webhookDelay: number;
  /** Pays a session as a card payment at Stripe would, then delivers its webhooks. */
  pay(sessionId: string): Promise<void>;
  close(): Promise<void>;
}

const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const sessions = new Map<string, Session>();
  const portals = new Map<string, { customer: string; return_url: string | null }>();
  /** Responses by Idempotency-Key, as Stripe replays them. */
  const replays = new Map<string, unknown>();

  async function deliver(type: string, object: object): Promise<void> {
    const payload = JSON.stringify({
      id: newId('evt'),
      object: 'event',
      type,
      created: Math.floor(Date.now() / 1000),
      api_version: '2025-10-29.clover',
      data: { object },
    });
    const response = await (options.send ?? fetch)(fake.webhookUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Stripe-Signature': Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: options.webhookSecret,
        }),
      },
      body: payload,
    });
    if (!response.ok) throw new Error(`Rally refused the ${type} webhook: ${response.status}`);
  }

  async function pay(sessionId: string): Promise<void> {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`No checkout session ${sessionId}`);
    if (session.status === 'complete') return;
    session.status = 'complete';
    session.payment_status = 'paid';
    session.customer ??= newId('cus');
    if (session.mode === 'subscription') session.subscription = newId('sub');
    await new Promise((resolve) => setTimeout(resolve, fake.webhookDelay));
    const { params: _params, ...sent } = session;
    await deliver('checkout.session.completed', sent);
    if (session.mode === 'subscription') {
      await deliver('invoice.paid', {
        id: newId('in'),
        object: 'invoice',
        customer: session.customer,
        amount_paid: session.amount_total,
        amount_due: session.amount_total,
        currency: session.currency,
        parent: {
          type: 'subscription_details',
          subscription_details: {
            subscription: session.subscription,
            metadata: session.params.subscription_data?.metadata ?? {},
          },
        },
      });
    }
  }

  function createSession(params: Params): Session {
    const price = params.line_items?.[0]?.price_data;
    const problems = [
      params.ui_mode !== 'embedded_page' && 'ui_mode must be embedded_page',
      !['subscription', 'payment'].includes(String(params.mode)) && 'mode is required',
      !price?.unit_amount && 'line_items[0][price_data][unit_amount] is required',
      params.mode === 'subscription' &&
        !price?.recurring &&
        'a subscription needs a recurring price',
      params.mode === 'payment' && price?.recurring && 'a payment cannot have a recurring price',
      params.customer && params.customer_email && 'customer and customer_email are exclusive',
      params.redirect_on_completion === 'never' && params.return_url && 'return_url with never',
    ].filter(Boolean);
    if (problems.length > 0) throw new StripeFailure(400, problems.join('; '));
    const id = newId('cs');
    return {
      id,
      object: 'checkout.session',
      client_secret: `${id}_secret_${randomBytes(12).toString('hex')}`,
      ui_mode: String(params.ui_mode),
      mode: params.mode as Session['mode'],
      status: 'open',
      payment_status: 'unpaid',
      customer: (params.customer as string | undefined) ?? null,
      customer_email: (params.customer_email as string | undefined) ?? null,
      subscription: null,
      amount_total: Number(price!.unit_amount),
      currency: String(price!.currency),
      locale: (params.locale as string | undefined) ?? null,
      metadata: params.metadata ?? {},
      params,
    };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', fake.url);
    const body = await new Promise<string>((resolve) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => resolve(text));
    });
    const send = (status: number, value: unknown, type = 'application/json') => {
      response.writeHead(status, {
        'Content-Type': type,
        // The fake Stripe.js on a test page calls the payment endpoint from another origin.
        'Access-Control-Allow-Origin': '*',
      });
      response.end(typeof value === 'string' ? value : JSON.stringify(value));
    };
    const route = `${request.method} ${url.pathname}`;

    // The browser's side: Stripe.js, and the card form's "Pay" as Stripe's servers see it.
    if (route === 'GET /js/stripe.js') return send(200, fakeStripeJs(fake.url), 'text/javascript');
    const payment = /^POST \/test\/checkout\/sessions\/([\w]+)\/pay$/.exec(route);
    if (payment) {
      // Stripe answers the card form at once and sends the webhooks on their own time.
      pay(payment[1]!).catch((error: unknown) => console.error(`Fake Stripe: ${String(error)}`));
      return send(200, { paid: true });
    }
    const portalPage = /^GET \/billing\/(\w+)$/.exec(route);
    if (portalPage && portals.has(portalPage[1]!))
      return send(
        200,
        '<!doctype html><title>Billing portal</title><h1>Manage your membership</h1>',
        'text/html',
      );

    // The API's side, as the Stripe SDK calls it.
    if (!request.headers.authorization?.startsWith('Bearer sk_'))
      return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key.' } });
    const key = request.headers['idempotency-key'];
    const replayKey = typeof key === 'string' ? `${route} ${key}` : undefined;
    if (replayKey && replays.has(replayKey)) return send(200, replays.get(replayKey));
    const params = qs.parse(body, { depth: 10, arrayLimit: 100 }) as Params;
    try {
      let answer: unknown;
      if (route === 'POST /v1/checkout/sessions') {
        const session = createSession(params);
        sessions.set(session.id, session);
        answer = withoutParams(session);
      } else if (route === 'POST /v1/billing_portal/sessions') {
        if (typeof params.customer !== 'string')
          throw new StripeFailure(400, 'customer is required');
        const id = newId('bps');
        portals.set(id, {
          customer: params.customer,
          return_url: (params.return_url as string) ?? null,
        });
        answer = {
          id,
          object: 'billing_portal.session',
          customer: params.customer,
          return_url: params.return_url ?? null,
          url: `${fake.url}/billing/${id}`,
        };
      } else {
        const read = /^GET \/v1\/checkout\/sessions\/(\w+)$/.exec(route);
        const session = read && sessions.get(read[1]!);
        if (!session) throw new StripeFailure(404, `No such resource: ${url.pathname}`);
        answer = withoutParams(session);
      }
      if (replayKey) replays.set(replayKey, answer);
      send(200, answer);
    } catch (error) {
      if (!(error instanceof StripeFailure)) throw error;
      send(error.status, { error: { type: 'invalid_request_error', message: error.message } });
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const fake: FakeStripe = {
    url: `http://127.0.0.1:${port}`,
    webhookUrl: options.webhookUrl,
    sessions,
    portals,
    webhookDelay: 0,
    pay,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

class StripeFailure extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function withoutParams({ params: _params, ...session }: Session) {
  return session;
}

/**
 * Stripe.js as far as Rally uses it: `Stripe(key).createEmbeddedCheckoutPage()`, whose mounted
 * form pays through this fake, so the page's `onComplete` runs as after a real payment.
 */
function fakeStripeJs(base: string): string {
  return `window.Stripe = function Stripe(key) {
  if (!/^pk_/.test(String(key))) throw new Error('IntegrationError: Invalid publishable key.');
  return {
    async createEmbeddedCheckoutPage({ clientSecret, fetchClientSecret, onComplete }) {
      const secret = clientSecret || (await fetchClientSecret());
      const session = secret.split('_secret_')[0];
      let form;
      return {
        mount(target) {
          const place = typeof target === 'string' ? document.querySelector(target) : target;
          form = document.createElement('form');
          form.setAttribute('aria-label', 'Test payment');
          form.innerHTML = '<label>Card number <input name="card" autocomplete="cc-number" value="4242 4242 4242 4242"></label> <button>Pay</button>';
          form.addEventListener('submit', async (event) => {
            event.preventDefault();
            await fetch(${JSON.stringify(base)} + '/test/checkout/sessions/' + session + '/pay', { method: 'POST' });
            if (onComplete) onComplete();
          });
          place.append(form);
        },
        unmount() { form && form.remove(); },
        destroy() { form && form.remove(); },
      };
    },
  };
};
// The release train @stripe/stripe-js expects, so it does not warn of a mismatch.
window.Stripe.version = 'endive';`;
}
