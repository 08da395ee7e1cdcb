import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../internal/expect-accessible.ts';
import { mount, resetPage } from '../internal/testing.ts';
import type { RallySpotlightCarousel } from './spotlight-carousel.ts';
import './spotlight-carousel.ts';

afterEach(async () => {
  vi.restoreAllMocks();
  await resetPage();
});

function shownSlide(carousel: RallySpotlightCarousel) {
  const slide = carousel.shadowRoot!.querySelector<HTMLElement>(
    '[aria-roledescription="slide"]:not([hidden])',
  );
  return {
    label: slide?.getAttribute('aria-label'),
    name: slide?.querySelector('figcaption')?.textContent,
  };
}

describe('rally-spotlight-carousel', () => {
  it('shows the newest spotlight in the visitor’s language first, and moves by buttons both ways', async () => {
    const carousel = await mount('rally-spotlight-carousel');
    await expect.element(page.getByRole('button', { name: 'Next spotlight' })).toBeVisible();
    expect(shownSlide(carousel)).toEqual({ label: '1 of 2', name: 'Member dele' });
    const photo = carousel.shadowRoot!.querySelector('img')!;
    expect(photo.alt).toBe('Portrait of member dele');
    expect(photo.loading).toBe('lazy');

    await page.getByRole('button', { name: 'Next spotlight' }).click();
    expect(shownSlide(carousel)).toEqual({ label: '2 of 2', name: 'Member coop' });
    await page.getByRole('button', { name: 'Next spotlight' }).click();
    expect(shownSlide(carousel).name).toBe('Member dele');
    await page.getByRole('button', { name: 'Previous spotlight' }).click();
    expect(shownSlide(carousel).name).toBe('Member coop');
    await expectAccessible(carousel);
  });

  it('filters by region and language', async () => {
    const carousel = await mount('rally-spotlight-carousel', { region: 'gulf-south', lang: 'es' });
    await expect.poll(() => shownSlide(carousel).name).toBe('Member marisol');
    expect(shownSlide(carousel).label).toBe('1 de 1');
    // One spotlight: nothing to move between.
    expect(carousel.shadowRoot!.querySelector('.controls')!.hasAttribute('hidden')).toBe(true);
  });

  it('reads the feed again when its region or language changes', async () => {
    const carousel = await mount('rally-spotlight-carousel', { region: 'great-lakes' });
    await expect.poll(() => shownSlide(carousel).name).toBe('Member coop');
    carousel.setAttribute('lang', 'es');
    await expect.poll(() => shownSlide(carousel).name).toBe('Socia coop');
    carousel.setAttribute('region', 'gulf-south');
    await expect.poll(() => shownSlide(carousel).name).toBe('Member marisol');
  });

  it('rotates when asked, with a pause button first, and stops when paused', async () => {
    const elsewhere = Object.assign(document.createElement('p'), { textContent: 'Elsewhere' });
    document.body.append(elsewhere);
    const carousel = await mount('rally-spotlight-carousel', { autoplay: '', interval: '150' });
    const pause = page.getByRole('button', { name: 'Pause automatic rotation' });
    await expect.element(pause).toBeVisible();
    expect(carousel.shadowRoot!.querySelector('button')).toBe(pause.element());
    // Rotation holds still under the pointer; move it away, as a reader scrolling on would.
    await userEvent.hover(elsewhere);
    await expect.poll(() => shownSlide(carousel).name, { timeout: 2000 }).toBe('Member coop');

    await pause.click();
    const still = shownSlide(carousel).name;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(shownSlide(carousel).name).toBe(still);
    await expect
      .element(page.getByRole('button', { name: 'Start automatic rotation' }))
      .toBeVisible();
    await expectAccessible(carousel);
  });

  it('never rotates for people who prefer reduced motion', async () => {
    const matchMedia = window.matchMedia.bind(window);
    vi.spyOn(window, 'matchMedia').mockImplementation((query) =>
      query.includes('reduced-motion')
        ? ({ ...matchMedia(query), matches: true } as MediaQueryList)
        : matchMedia(query),
    );
    const carousel = await mount('rally-spotlight-carousel', { autoplay: '', interval: '100' });
    await expect
      .element(page.getByRole('button', { name: 'Start automatic rotation' }))
      .toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(shownSlide(carousel).name).toBe('Member dele');
  });
});
