/**
 * Runs the fake Stripe as a process of its own, for the end-to-end tests:
 * `PORT=4332 WEBHOOK_URL=http://127.0.0.1:4331/api/v1/stripe/webhook WEBHOOK_SECRET=whsec_… node test/fake-stripe/serve.ts`
 */
import { startFakeStripe } from './fake-stripe.ts';

const fake = await startFakeStripe({
  port: Number(process.env.PORT ?? 0),
  webhookUrl: process.env.WEBHOOK_URL!,
  webhookSecret: process.env.WEBHOOK_SECRET!,
});
console.log(`Fake Stripe: ${fake.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void fake.close().then(() => process.exit(0)));
