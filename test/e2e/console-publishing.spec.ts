/**
 * Publishing from the staff console end to end, with the sites built again after each publication
 * as `pnpm start` builds them: a communications writer writes a story in Spanish with a photo and
 * its description, previews it, publishes it and finds it on its region's and its sector's
 * microsites — in Spanish, and in English with the sites' note that it is not translated yet; a
 * story without its photo's description is not published, and says why; an organizer cannot open
 * the editor; a restored earlier version goes live again; axe finds nothing on the Content screens.
 *
 * Its own project in playwright.config.ts runs it after the others: each build swaps site folders
 * in while they are served.
 */
import { expect, test, type Page } from '@playwright/test';
import { micrositeUrl } from '../../playwright.config.ts';
import {
  api,
  consoleOrigin,
  enroll,
  expectAccessible,
  invite,
  newEmail,
  pageWithAuthenticator,
} from './staff-console.ts';

// One after another: a build swaps in the sites another test would be reading.
test.describe.configure({ mode: 'default' });

/** A site build after a publication or for a preview: a few seconds, more on a busy machine. */
const building = { timeout: 150_000 };

async function communicationsWriter(browser: Parameters<typeof pageWithAuthenticator>[0]) {
  const page = await pageWithAuthenticator(browser);
  await enroll(
    page,
    await invite({ email: newEmail('writer'), role: 'communications', name: 'Cam Writer' }),
  );
  return page;
}

/** A tab of the same browser, to read the sites without leaving the editor. */
async function visit(page: Page, url: string): Promise<Page> {
  const reader = await page.context().newPage();
  await reader.goto(url);
  return reader;
}

test.describe('publishing from the console', () => {
  test('a story in Spanish with its photo: previewed, published, on its microsites in both languages', async ({
    browser,
  }) => {
    test.setTimeout(420_000);
    const page = await communicationsWriter(browser);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Contenido' }).click();
    await page.getByRole('link', { name: 'Nueva historia de miembro' }).click();

    const story =
      'Lucía cocina en la cafetería de una escuela de Houston desde hace diez años. Ahora organiza a su turno.';
    const quote = 'Cocinamos para seiscientos niños antes de las ocho.';
    const alt = 'Lucía Ramos con su delantal, sonriendo en la cocina de la escuela.';
    // Written in Spanish only: the editor starts with the console's language.
    const spanish = page.getByRole('region', { name: 'Versión en español' });
    await spanish.getByLabel('Nombre', { exact: true }).fill('Lucía Ramos');
    await expect(page.getByLabel('Nombre del archivo', { exact: true })).toHaveValue('lucia-ramos');
    const shared = page.getByRole('region', { name: 'Datos que comparten los dos idiomas' });
    await shared.getByLabel('Región').selectOption('texas-gulf');
    await shared.getByLabel('Sector').selectOption('education');
    await spanish.getByLabel('Subir una foto').setInputFiles('content/photos/ana-morales.jpg');
    await expect(spanish.getByText(/^Foto subida como ana-morales.*\.jpg\.$/)).toBeVisible();
    await spanish.getByLabel('Qué muestra la foto').fill(alt);
    await spanish.getByLabel('Cita').fill(quote);
    await spanish.getByRole('textbox', { name: 'Historia' }).click();
    await page.keyboard.type(story);

    // The preview shows the story as its pages will, before anything is published.
    await page.getByRole('button', { name: 'Vista previa' }).click();
    const previewLink = page.getByRole('link', {
      name: 'texas-gulf, español (se abre en una pestaña nueva)',
    });
    await expect(previewLink).toBeVisible(building);
    const [preview] = await Promise.all([page.waitForEvent('popup'), previewLink.click()]);
    await expect(preview).toHaveURL(/\/previews\/[^/]+\/texas-gulf\/es\/spotlights\/lucia-ramos\//);
    await expect(preview.getByText(story)).toBeVisible();
    await expect(preview.getByRole('img', { name: alt })).toBeVisible();
    await preview.close();
    const notYet = await visit(page, `${micrositeUrl('texas-gulf')}/es/spotlights/lucia-ramos/`);
    await expect(notYet.getByText(story)).toHaveCount(0);
    await notYet.close();

    await page.getByRole('button', { name: 'Publicar' }).click();
    await expect(page.getByText(/^Publicado \(Español\)\. Guardado en el historial/)).toBeVisible();
    await expect(page.getByText(/^Los sitios están al día/)).toBeVisible(building);
    await expect(page.getByRole('link', { name: 'education, español', exact: true })).toBeVisible();

    // On its region's and its sector's microsites, in Spanish…
    for (const site of ['texas-gulf', 'education']) {
      const reader = await visit(page, `${micrositeUrl(site)}/es/spotlights/lucia-ramos/`);
      await expect(reader.getByText(story)).toBeVisible();
      await expect(reader.getByText(quote)).toBeVisible();
      await expect(reader.getByRole('img', { name: alt })).toBeVisible();
      await reader.close();
    }
    // …and in English, the Spanish story with the note that it is not translated yet.
    const english = await visit(page, `${micrositeUrl('texas-gulf')}/spotlights/lucia-ramos/`);
    await expect(
      english.getByText('This page has not been translated yet, so it is shown in Spanish.'),
    ).toBeVisible();
    await expect(english.getByText(story)).toBeVisible();
  });

  test('a story without its photo’s description is not published, and the message says why', async ({
    browser,
  }) => {
    const page = await communicationsWriter(browser);
    await page.goto(`${consoleOrigin}/console/content/new/spotlights`);
    const english = page.getByRole('region', { name: 'English version' });
    await english.getByLabel('Name', { exact: true }).fill('Nadia Flores');
    const shared = page.getByRole('region', { name: 'Facts both languages share' });
    await shared.getByLabel('Region').selectOption('louisiana');
    await shared.getByLabel('Sector').selectOption('domestic-work');
    await english.getByLabel('Photo file name').fill('ana-morales.jpg');
    await english.getByLabel('Quote').fill('We clean the houses; we set the terms.');
    await english.getByRole('textbox', { name: 'Story' }).click();
    await page.keyboard.type('Nadia has cleaned houses in Metairie for fifteen years.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();

    const alt = english.getByLabel('What the photo shows');
    await expect(page.getByRole('alert').filter({ hasText: 'to fix' })).toHaveText(
      '1 thing to fix before publishing.',
    );
    await expect(alt).toHaveAttribute('aria-invalid', 'true');
    await expect(alt).toHaveAccessibleDescription(
      /Missing; write what the photo shows, for people who cannot see it\./,
    );
    await expect(alt).toBeFocused();

    // The API refuses it too, naming the field, whatever sends it.
    const refused = await page.request.put(`${api}/staff/content/spotlights/nadia-flores`, {
      headers: { Origin: consoleOrigin },
      data: {
        versions: {
          en: {
            data: {
              name: 'Nadia Flores',
              region: 'louisiana',
              sector: 'domestic-work',
              photo: { src: 'ana-morales.jpg' },
              quote: 'We clean the houses; we set the terms.',
              date: '2026-11-21',
            },
            body: 'Nadia has cleaned houses in Metairie for fifteen years.',
          },
        },
      },
    });
    expect(refused.status()).toBe(422);
    const { errors } = (await refused.json()) as { errors: { path: string; message: string }[] };
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: 'en.photo.alt',
        message: expect.stringMatching(/write what the photo shows/),
      }),
    );
    expect((await page.request.get(`${api}/staff/content/spotlights/nadia-flores`)).status()).toBe(
      404,
    );
  });

  test('an organizer cannot open the editor', async ({ browser }) => {
    const page = await pageWithAuthenticator(browser);
    await enroll(page, await invite({ email: newEmail('organizer'), role: 'organizer' }));
    await expect(page.getByRole('navigation').getByRole('link', { name: 'People' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Content' })).toHaveCount(
      0,
    );
    for (const screen of ['content', 'content/new/spotlights', 'content/spotlights/thu-nguyen']) {
      await page.goto(`${consoleOrigin}/console/${screen}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Not open to you' })).toBeVisible();
      await expect(page.getByText(/not open to your role \(organizer\)/)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
    }
    expect((await page.request.get(`${api}/staff/content/spotlights`)).status()).toBe(403);
  });

  test('a restored earlier version goes live again', async ({ browser }) => {
    test.setTimeout(420_000);
    const page = await communicationsWriter(browser);
    const storyPage = `${micrositeUrl('mississippi-alabama')}/spotlights/lakeisha-brown/`;
    const original =
      'The line speed is the boss nobody sees. We made them slow it down, and our hands stopped hurting.';
    const changed = 'We slowed the line down. Next we slow down the heat.';
    await page.goto(`${consoleOrigin}/console/content/spotlights/lakeisha-brown`);
    await page.getByRole('region', { name: 'English version' }).getByLabel('Quote').fill(changed);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByText(/^The sites are updated/)).toBeVisible(building);
    const reader = await visit(page, storyPage);
    await expect(reader.getByText(changed)).toBeVisible();

    // History has the publication, by its author; the version before it is restored.
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByText('Publish spotlight lakeisha-brown (en)')).toBeVisible();
    await history.getByRole('button', { name: /^Restore the version of / }).click();
    await expect(
      page.getByText(/^Restored the version [0-9a-f]{7}, published again\./),
    ).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'English version' }).getByLabel('Quote'),
    ).toHaveValue(original);
    await expect(page.getByText(/^The sites are updated/)).toBeVisible(building);
    await reader.reload();
    await expect(reader.getByText(original)).toBeVisible();
    await expect(reader.getByText(changed)).toHaveCount(0);
  });

  test('the Content list and the editor pass axe, in English and in Spanish', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const page = await communicationsWriter(browser);
    const storyEditors = page.locator('rally-story-editor .ProseMirror');
    for (const language of ['English', 'Español']) {
      if (language === 'Español') await page.getByRole('button', { name: 'Español' }).click();
      await page.goto(`${consoleOrigin}/console/content`);
      await expect(page.getByRole('link', { name: 'Dele Okafor' })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Dele Okafor' }).click();
      // Both languages' stories, in the editor fetched when first shown.
      await expect(storyEditors).toHaveCount(2);
      await page.waitForLoadState('networkidle');
      await expectAccessible(page);
    }
    // The confirmation before unpublishing, open.
    await page.getByRole('button', { name: 'Retirar de los sitios…' }).click();
    await expect(
      page.getByRole('dialog', { name: '¿Retirar Dele Okafor de los sitios?' }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Retirar de los sitios…' })).toBeFocused();
  });

  // `RALLY_SCREENSHOTS=1 playwright test test/e2e/console-publishing.spec.ts --project publishing
  // --no-deps` refreshes the editor's picture in docs/; other runs leave it out.
  test('screenshot of the editor for docs/console.md @screenshots', async ({ browser }) => {
    const page = await communicationsWriter(browser);
    await page.setViewportSize({ width: 1280, height: 960 });
    await page.goto(`${consoleOrigin}/console/content/spotlights/dele-okafor`);
    await expect(page.locator('rally-story-editor .ProseMirror')).toHaveCount(2);
    await page.waitForLoadState('networkidle');
    // The two languages side by side, from their headings.
    await page
      .getByRole('heading', { level: 2, name: 'English version' })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: 'docs/images/console-content-editor.png' });
  });
});
