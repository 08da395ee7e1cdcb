/**
 * `rally.js`, the one script a page includes. It defines each Rally element the first time one
 * appears on the page — now or later — by loading only that element's code.
 */
const elements: Record<string, () => Promise<unknown>> = {
  'rally-join-form': () => import('./join-form/join-form.ts'),
  'rally-petition': () => import('./petition/petition.ts'),
  'rally-event-rsvp': () => import('./event-rsvp/event-rsvp.ts'),
  'rally-spotlight-carousel': () => import('./spotlight-carousel/spotlight-carousel.ts'),
  'rally-dues-checkout': () => import('./dues-checkout/dues-checkout.ts'),
};

const requested = new Set<string>();

function defineUsedElements(): void {
  for (const element of document.querySelectorAll(':not(:defined)')) {
    const tag = element.localName;
    const load = elements[tag];
    if (load && !requested.has(tag)) {
      requested.add(tag);
      load().catch((error: unknown) => {
        requested.delete(tag); // Let a later appearance try again, say after the network returns.
        console.error(`Rally could not load <${tag}>:`, error);
      });
    }
  }
}

defineUsedElements();
const observer = new MutationObserver(() => {
  defineUsedElements();
  if (requested.size === Object.keys(elements).length) observer.disconnect();
});
observer.observe(document.documentElement, { childList: true, subtree: true });

export {};
