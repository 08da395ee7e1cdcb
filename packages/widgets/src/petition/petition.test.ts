import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands, page } from 'vitest/browser';
import type { PetitionResource } from '@rally/core/resources';
import type { RallyActionEvent } from '../events/rally-action-event.ts';
import type { RallyErrorEvent } from '../events/rally-error-event.ts';
import { expectAccessible } from '../internal/expect-accessible.ts';
import {
  mount,
  nextEvent,
  placeOnLongPage,
  resetPage,
  staff,
  statusOf,
  statusRegion,
  uniqueEmail,
} from '../internal/testing.ts';
import { $person } from '../state/person.ts';
import './petition.ts';

afterEach(async () => {
  vi.restoreAllMocks();
  await page.viewport(414, 896);
  await commands.setApiReachable(true);
  await commands.setApiDelay(0);
  await resetPage();
});

const wait = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function signatures(): Promise<number> {
  const petition = await staff<PetitionResource>('petitions/fair-wages');
  return petition.total_signatures;
}

describe('rally-petition', () => {
  it('shows the petition from the API, with its target, count and goal', async () => {
    const before = await signatures();
    const petition = await mount('rally-petition', { petition: 'fair-wages' });
    await expect
      .element(page.getByRole('heading', { name: 'Fair wages for home care workers' }))
      .toBeVisible();
    await expect.element(page.getByText('To: Louisiana Department of Health')).toBeVisible();
    await expect.element(page.getByText(`${before} of 1,000 signatures`)).toBeVisible();
    await expect
      .element(page.getByRole('progressbar'))
      .toHaveAccessibleName(`${before} of 1,000 signatures`);
    await expectAccessible(petition);
  });

  it('leaves the title and text to a page that shows them itself', async () => {
    const before = await signatures();
    const petition = await mount('rally-petition', {
      petition: 'fair-wages',
      'without-details': '',
    });
    await expect.element(page.getByText(`${before} of 1,000 signatures`)).toBeVisible();
    await expect.element(page.getByText('To: Louisiana Department of Health')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Sign the petition' })).toBeVisible();
    expect(petition.shadowRoot!.querySelector('h2')).toBeNull();
    expect(petition.shadowRoot!.textContent).not.toContain('Fair wages for home care workers');
    expect(petition.shadowRoot!.textContent).not.toContain('Raise the state reimbursement rate');
    await expectAccessible(petition);
  });

  it('counts the signature, thanks the person and offers to share', async () => {
    const before = await signatures();
    const petition = await mount('rally-petition', { petition: 'fair-wages', lang: 'es' });
    await page.getByRole('textbox', { name: 'Nombre' }).fill('Rosa');
    await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(uniqueEmail());
    await page
      .getByRole('textbox', { name: 'Agrega un comentario (opcional)' })
      .fill('Mi madre hizo este trabajo.');
    const signed = nextEvent<RallyActionEvent>(petition, 'rally-signed');
    await page.getByRole('button', { name: 'Firmar la petición' }).click();

    expect((await signed).identifiers[0]).toMatch(/^rally:/);
    await expect.poll(() => statusOf(petition)).toBe('Gracias, Rosa. Tu firma quedó registrada.');
    expect(await signatures()).toBe(before + 1);
    await expect.element(page.getByText(`${before + 1} de 1000 firmas`)).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Copiar enlace' })).toBeVisible();
    expect($person.get()?.given_name).toBe('Rosa');
    await expectAccessible(petition);
  });

  it('copies the share link', async () => {
    const petition = await mount('rally-petition', { petition: 'fair-wages' });
    await page.getByRole('textbox', { name: 'First name' }).fill('Ana');
    await page.getByRole('textbox', { name: 'Email' }).fill(uniqueEmail('ana'));
    await page.getByRole('button', { name: 'Sign the petition' }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.element(page.getByText('Link copied.')).toBeVisible();
    await expectAccessible(petition);
  });

  for (const reduced of [false, true]) {
    it(`brings the thank-you into view ${reduced ? 'at once for those who prefer reduced motion' : 'smoothly'}`, async () => {
      const prefers = window.matchMedia.bind(window);
      vi.spyOn(window, 'matchMedia').mockImplementation((query) =>
        query === '(prefers-reduced-motion: reduce)'
          ? ({ ...prefers(query), matches: reduced } as MediaQueryList)
          : prefers(query),
      );
      const scrolls = vi.spyOn(Element.prototype, 'scrollIntoView');
      // A phone on its side: the form is taller than the screen.
      await page.viewport(700, 390);
      const petition = await mount('rally-petition', { petition: 'fair-wages' });
      placeOnLongPage(petition);
      await page.getByRole('textbox', { name: 'First name' }).fill('Rosa');
      await page.getByRole('textbox', { name: 'Email' }).fill(uniqueEmail());
      const button = page.getByRole('button', { name: 'Sign the petition' });
      (button.element() as HTMLElement).scrollIntoView({ block: 'end' });
      scrolls.mockClear();
      await button.click();
      await expect.poll(() => scrolls.mock.contexts).toEqual([statusRegion(petition)]);
      expect(scrolls).toHaveBeenCalledWith({
        block: 'center',
        behavior: reduced ? 'instant' : 'smooth',
      });
      await expect.element(statusRegion(petition)!).toBeInViewport();
    });
  }

  it('offers no form on a closed petition', async () => {
    const petition = await mount('rally-petition', { petition: 'heat-rules' });
    await expect.element(page.getByText('This petition is closed.')).toBeVisible();
    expect(petition.shadowRoot?.querySelector('form')).toBeNull();
  });

  it('says so when the petition cannot be loaded, keeping its space reserved', async () => {
    await commands.setApiReachable(false);
    const petition = await mount('rally-petition', { petition: 'fair-wages' });
    // Through the one live region, there before it had anything to say.
    await expect.poll(() => statusOf(petition)).toMatch(/^Could not load this/);
    await expect.element(page.getByRole('status')).toBeVisible();
    const height = petition.getBoundingClientRect().height;
    expect(height).toBeGreaterThanOrEqual(90);
    await expectAccessible(petition);
  });

  it('shows another petition when `petition` changes after it is shown', async () => {
    const petition = await mount('rally-petition', { petition: 'fair-wages' });
    await expect
      .element(page.getByRole('heading', { name: 'Fair wages for home care workers' }))
      .toBeVisible();
    petition.setAttribute('petition', 'heat-rules');
    await expect
      .element(
        page.getByRole('heading', { name: 'Reglas contra el calor para trabajadores del campo' }),
      )
      .toBeVisible();
    await expect.element(page.getByText('This petition is closed.')).toBeVisible();
    expect(petition.shadowRoot!.querySelector('form')).toBeNull();
  });

  it('reads the petition again in its new language when `lang` changes', async () => {
    const petition = await mount('rally-petition', { petition: 'fair-wages' });
    await expect
      .element(page.getByRole('heading', { name: 'Fair wages for home care workers' }))
      .toBeVisible();
    petition.setAttribute('lang', 'es');
    await expect
      .element(
        page.getByRole('heading', {
          name: 'Salarios justos para las trabajadoras del cuidado en casa',
        }),
      )
      .toBeVisible();
    await expect.element(page.getByText('Para: Departamento de Salud de Luisiana')).toBeVisible();
    await expectAccessible(petition);
  });

  it('never shows a late answer over a newer one: the read it replaced is aborted', async () => {
    const fetches = vi.spyOn(window, 'fetch');
    const reads = () => fetches.mock.calls.filter(([url]) => String(url).includes('/petitions/'));
    await commands.setApiDelay(3000);
    const petition = await mount('rally-petition', { petition: 'fair-wages' });
    await expect.poll(() => reads().length).toBe(1);
    // The API has answered the English read by now; the slow network still holds it back.
    await wait(500);
    await commands.setApiDelay(0);
    petition.setAttribute('lang', 'es');
    const spanish = page.getByRole('heading', {
      name: 'Salarios justos para las trabajadoras del cuidado en casa',
    });
    await expect.element(spanish).toBeVisible();
    expect(reads()[0]![1]?.signal?.aborted).toBe(true);
    // Past the moment the English answer would have arrived: the Spanish petition stays.
    await wait(3000);
    await expect.element(spanish).toBeVisible();
    expect(petition.shadowRoot!.textContent).not.toContain('Fair wages for home care workers');
  });

  it('tells the page when the petition cannot be loaded, as unreachable', async () => {
    await commands.setApiReachable(false);
    const failed = nextEvent<RallyErrorEvent>(document, 'rally-error');
    const petition = await mount('rally-petition', { petition: 'fair-wages' });
    expect(await failed).toMatchObject({ reason: 'unreachable', status: undefined });
    await expect.poll(() => statusOf(petition)).toMatch(/^Could not load this/);
  });
});
