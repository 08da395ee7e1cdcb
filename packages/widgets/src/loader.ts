/**
 * `rally.js`, the one script a page includes. It defines each Rally element the first time one
 * appears on the page — now or later — by loading only that element's code, and fetches the
 * element's first data alongside it, so neither waits for the other.
 */
const elements: Record<string, () => Promise<unknown>> = {
  'rally-join-form': () => import('./join-form/join-form.ts'),
  'rally-petition': () => import('./petition/petition.ts'),
  'rally-event-rsvp': () => import('./event-rsvp/event-rsvp.ts'),
  'rally-spotlight-carousel': () => import('./spotlight-carousel/spotlight-carousel.ts'),
  'rally-dues-checkout': () => import('./dues-checkout/dues-checkout.ts'),
};

const requested = new Set<string>();
/**
 * The first thing each element reads, by path under its `api`: asked for now, while the element's
 * code is on the way, rather than after it arrives; the element's own request for the same URL is
 * then answered from this preload. These build exactly the URLs the elements build, language
 * included (a browser test holds them to it).
 */
const firstReads: Record<string, (attribute: (name: string) => string, lang: string) => string> = {
  'rally-petition': (attribute, lang) =>
    attribute('petition') && `petitions/${encodeURIComponent(attribute('petition'))}?lang=${lang}`,
  'rally-event-rsvp': (attribute, lang) =>
    attribute('event') && `events/${encodeURIComponent(attribute('event'))}?lang=${lang}`,
  'rally-dues-checkout': (_attribute, lang) => `dues?lang=${lang}`,
  'rally-spotlight-carousel': (attribute, lang) => {
    const query = new URLSearchParams({ lang, per_page: '20' });
    for (const name of ['region', 'sector']) if (attribute(name)) query.set(name, attribute(name));
    return `spotlights?${query}`;
  },
};

const preloaded = new Set<string>();

function preloadFirstRead(element: Element): void {
  const attribute = (name: string) => element.getAttribute(name) ?? '';
  // The page's language, as the elements choose it (languageOf in @rally/core/locale, not imported
  // so the loader stays one file): the language Rally is built in that its tag names (`es` for
  // `es-MX`), else the default, the first.
  const tag = element
    .closest('[lang]')
    ?.getAttribute('lang')
    ?.trim()
    .toLowerCase()
    .split(/[-_]/)[0];
  const lang = __RALLY_LANGUAGES__.find((code) => code === tag) ?? __RALLY_LANGUAGES__[0]!;
  const path = firstReads[element.localName]?.(attribute, lang);
  const api = attribute('api');
  // The carousel may read a microsite's feed instead of the API.
  const url = attribute('feed')
    ? new URL(attribute('feed'), document.baseURI)
    : path && new URL(`api/v1/${path}`, api.endsWith('/') ? api : `${api}/`);
  // Once per address: the loader runs again at every change to the page, this link's included.
  if (!url || preloaded.has(url.href)) return; // No URL: the element itself will say why.
  preloaded.add(url.href);
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous'; // As the elements fetch: CORS, no cookies sent across origins.
  link.href = url.href;
  document.head.append(link);
}

function defineUsedElements(): void {
  for (const element of document.querySelectorAll(':not(:defined)')) {
    const tag = element.localName;
    const load = elements[tag];
    if (!load) continue;
    try {
      preloadFirstRead(element);
    } catch {
      // Not a URL, or an old browser: the element fetches for itself, a little later.
    }
    if (!requested.has(tag)) {
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
