/**
 * Storybook cannot reach Stripe: this stands in for Stripe.js, which `@stripe/stripe-js` takes
 * from `window.Stripe` when it is there. Its "payment form" is a button that completes at once.
 * (The browser and end-to-end tests use the fake Stripe server instead.)
 */
const fakeStripe = () => ({
  createEmbeddedCheckoutPage: async ({ onComplete }: { onComplete?: () => void }) => {
    const form = document.createElement('form');
    form.setAttribute('aria-label', 'Test payment');
    const button = document.createElement('button');
    button.textContent = 'Pay';
    form.append(button);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      onComplete?.();
    });
    return {
      mount: (place: HTMLElement) => place.append(form),
      unmount: () => form.remove(),
      destroy: () => form.remove(),
    };
  },
});
fakeStripe.version = 'endive';

(window as unknown as { Stripe: unknown }).Stripe = fakeStripe;
