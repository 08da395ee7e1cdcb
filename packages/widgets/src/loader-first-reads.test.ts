/**
 * The loader asks for each element's first data alongside the element's code. This runs in a page
 * of its own: the loader only acts for elements not yet defined.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { apiUrl, resetPage } from './internal/testing.ts';

afterEach(resetPage);

describe('the loader’s first reads', () => {
  it('fetches each element’s first data alongside its code, and the element uses that fetch', async () => {
    await import('./loader.ts');
    document.documentElement.lang = 'es-MX';
    document.body.innerHTML = `
      <rally-petition api="${apiUrl}" petition="fair-wages"></rally-petition>
      <rally-event-rsvp api="${apiUrl}/" event="union-meeting" lang="en-US"></rally-event-rsvp>
      <rally-spotlight-carousel api="${apiUrl}" region="gulf-south"></rally-spotlight-carousel>
      <rally-dues-checkout api="${apiUrl}"></rally-dues-checkout>`;
    // (Four of the five: the loader keeps watching the page for the fifth, as on a real page.)
    // The loader sees elements added after it ran through a MutationObserver, a moment later.
    const links = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')];
    await expect.poll(() => links().length).toBe(4);
    const preloads = links();
    expect(preloads.map((link) => link.href)).toEqual([
      `${apiUrl}/api/v1/petitions/fair-wages?lang=es`,
      `${apiUrl}/api/v1/events/union-meeting?lang=en`,
      `${apiUrl}/api/v1/spotlights?lang=es&per_page=20&region=gulf-south`,
      `${apiUrl}/api/v1/dues?lang=es`,
    ]);

    // Once every element shows its data, none of them asked the API again: each read the preload.
    await expect
      .poll(() =>
        [
          'rally-petition',
          'rally-event-rsvp',
          'rally-spotlight-carousel',
          'rally-dues-checkout',
        ].every((tag) =>
          document.querySelector(tag)?.shadowRoot?.querySelector('h2, h3, [aria-roledescription]'),
        ),
      )
      .toBe(true);
    const reads = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.startsWith(`${apiUrl}/api/v1/`))
      .map((entry) => [entry.name, (entry as PerformanceResourceTiming).initiatorType]);
    expect(reads).toEqual(preloads.map((link) => [link.href, 'link']));
    // One link per address, however often the page changed meanwhile (each link is a change).
    expect(links()).toHaveLength(4);
  });
});
