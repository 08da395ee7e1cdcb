import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../../../widgets/src/internal/expect-accessible.ts';
import { ApiProblem } from '../../data/api.ts';
import { focusedId, mount, standIn } from './editor-stand-in.ts';

afterEach(() => document.body.replaceChildren());

test('the form for a story has the schema’s fields, its shared facts once and each language’s own', async () => {
  const { api } = standIn();
  const editor = await mount(api);
  const shared = page.getByRole('region', { name: 'Facts both languages share' });
  await expect.element(shared.getByLabelText('Member or organization')).toHaveValue('member');
  await expect.element(shared.getByLabelText('Region')).toHaveValue('texas-gulf');
  await expect.element(shared.getByLabelText('Sector')).toHaveValue('education');
  await expect.element(shared.getByLabelText('Date')).toHaveValue('2026-11-21');

  const english = page.getByRole('region', { name: 'English version' });
  await expect.element(english.getByLabelText('Name')).toHaveValue('Maria Gómez');
  await expect.element(english.getByLabelText('Photo file name')).toHaveValue('maria-gomez.jpg');
  await expect
    .element(english.getByLabelText('What the photo shows'))
    .toHaveAccessibleDescription(/as you would to someone on the phone.*Up to 300 characters/);
  await expect
    .element(english.getByLabelText('Quote'))
    .toHaveValue('We feed six hundred kids before eight.');
  await expect
    .element(english.getByLabelText('Upload a photo'))
    .toHaveAttribute('accept', 'image/*');

  // No Spanish version: the sites show the English one with a note, and it can be begun here.
  const spanish = page.getByRole('region', { name: 'Spanish version' });
  await expect
    .element(spanish)
    .toMatchTextContent(/the Spanish pages show the English version with a note/);
  await expectAccessible(editor);
});

test('shared facts written once go into every language; the photo is carried over', async () => {
  const { api, sent } = standIn();
  await mount(api);
  await userEvent.click(page.getByRole('button', { name: 'Write the Spanish version' }));
  const spanish = page.getByRole('region', { name: 'Spanish version' });
  await expect.element(spanish.getByLabelText('Photo file name')).toHaveValue('maria-gomez.jpg');
  await userEvent.fill(spanish.getByLabelText('Name'), 'María Gómez');
  await userEvent.fill(
    spanish.getByLabelText('What the photo shows'),
    'María Gómez con su delantal.',
  );
  await userEvent.fill(spanish.getByLabelText('Quote'), 'Alimentamos a seiscientos niños.');
  await userEvent.selectOptions(page.getByLabelText('Sector'), 'domestic-work');
  await userEvent.click(page.getByRole('button', { name: 'Publish' }));

  await expect.element(page.getByText(/Published \(English, Spanish\)/)).toBeVisible();
  const [versions] = sent;
  expect(versions?.en?.data).toMatchObject({ sector: 'domestic-work', region: 'texas-gulf' });
  expect(versions?.es?.data).toMatchObject({
    name: 'María Gómez',
    kind: 'member',
    region: 'texas-gulf',
    sector: 'domestic-work',
    date: '2026-11-21',
    photo: { src: 'maria-gomez.jpg', alt: 'María Gómez con su delantal.' },
  });
});

test('a photo without its description shows the schema’s message under it and is not published', async () => {
  const { api, sent } = standIn();
  const editor = await mount(api);
  const alt = page
    .getByRole('region', { name: 'English version' })
    .getByLabelText('What the photo shows');
  await userEvent.fill(alt, '');
  await userEvent.click(page.getByRole('button', { name: 'Publish' }));

  const message = 'Missing; write what the photo shows, for people who cannot see it.';
  await expect.element(alt).toHaveAttribute('aria-invalid', 'true');
  await expect.element(alt).toHaveAccessibleDescription(new RegExp(message.replace(/[.;]/g, '.')));
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent('1 thing to fix before publishing.');
  await expect.poll(() => focusedId(editor)).toBe('en-photo-alt');
  expect(sent).toEqual([]);
});

test('a field left empty is checked when it is left, with the schema’s message', async () => {
  const { api } = standIn();
  await mount(api);
  const quote = page.getByRole('region', { name: 'English version' }).getByLabelText('Quote');
  await userEvent.fill(quote, '   ');
  await userEvent.tab();
  await expect.element(quote).toHaveAccessibleDescription(/Missing; write a short quote/);
});

test('what the API refuses lands on the field it names, and the cursor goes there', async () => {
  const { api } = standIn(async () => {
    throw new ApiProblem(422, 'It cannot be published as it is.', [
      {
        path: 'en.photo.src',
        message: 'There is no photo named maria-gomez.jpg yet: upload it, then choose it.',
      },
      {
        path: 'en.region',
        message: 'There is no region named texas-gulf: choose one of louisiana.',
      },
    ]);
  });
  const editor = await mount(api);
  await userEvent.click(page.getByRole('button', { name: 'Publish' }));
  const src = page
    .getByRole('region', { name: 'English version' })
    .getByLabelText('Photo file name');
  await expect
    .element(src)
    .toHaveAccessibleDescription(/There is no photo named maria-gomez\.jpg yet/);
  // A shared fact's problem is said once, under the shared field.
  await expect
    .element(
      page.getByRole('region', { name: 'Facts both languages share' }).getByLabelText('Region'),
    )
    .toHaveAccessibleDescription(/There is no region named texas-gulf/);
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent('2 things to fix before publishing.');
  await expect.poll(() => focusedId(editor)).toBe('shared-region');
});

test('publishing is disabled while it is sent, then follows the build to the live pages', async () => {
  let release!: () => void;
  const { api } = standIn(
    () =>
      new Promise((resolve) => {
        release = () =>
          resolve({
            commit: '0123456789abcdef',
            pushed: true,
            build: { id: 'b1', status: 'building', sites: ['texas-gulf', 'hub'], pages: [] },
          });
      }),
  );
  api.build = async () => ({
    build: {
      id: 'b1',
      status: 'done',
      sites: ['texas-gulf', 'hub'],
      pages: [
        {
          site: 'texas-gulf',
          lang: 'en',
          url: 'https://texas-gulf.example.org/spotlights/maria-gomez/',
        },
      ],
      started_at: '',
      finished_at: '',
      seconds: 9,
      problem: null,
    },
  });
  const editor = await mount(api);
  editor.pollEvery = 10;
  await userEvent.click(page.getByRole('button', { name: 'Publish' }));
  await expect.element(page.getByRole('button', { name: 'Publishing…' })).toBeDisabled();
  release();
  await expect.element(page.getByText(/Saved in the content history as 0123456/)).toBeVisible();
  await expect
    .element(page.getByRole('link', { name: 'texas-gulf, English' }))
    .toHaveAttribute('href', 'https://texas-gulf.example.org/spotlights/maria-gomez/');
});

test('a new story in Spanish starts with its Spanish version and names its file from the name', async () => {
  const { api, sent } = standIn();
  await mount(api, '', 'es');
  const spanish = page.getByRole('region', { name: 'Versión en español' });
  await userEvent.fill(spanish.getByLabelText('Nombre'), 'Ana Núñez');
  await expect.element(page.getByLabelText('Nombre del archivo')).toHaveValue('ana-nunez');
  await expect
    .element(page.getByRole('region', { name: 'Versión en inglés' }))
    .toMatchTextContent(/las páginas en inglés muestran la versión en español con una nota/);
  await userEvent.click(page.getByRole('button', { name: 'Publicar' }));
  // Region, sector, photo, alt and quote are missing: nothing is sent.
  await expect
    .element(page.getByRole('alert'))
    .toMatchTextContent(/cosas que corregir antes de publicar/);
  expect(sent).toEqual([]);
});

test('the schema’s messages are in the console’s language, and follow it when it is switched', async () => {
  const { api, sent } = standIn();
  const editor = await mount(api, 'maria-gomez', 'es');
  const alt = page
    .getByRole('region', { name: 'Versión en inglés' })
    .getByLabelText('Qué muestra la foto');
  await userEvent.fill(alt, '');
  await userEvent.click(page.getByRole('button', { name: 'Publicar', exact: true }));
  await expect
    .element(alt)
    .toHaveAccessibleDescription(/Falta: escribe qué muestra la foto, para quien no puede verla\./);
  expect(sent).toEqual([]);

  editor.locale = 'en';
  await expect
    .element(
      page.getByRole('region', { name: 'English version' }).getByLabelText('What the photo shows'),
    )
    .toHaveAccessibleDescription(
      /Missing; write what the photo shows, for people who cannot see it\./,
    );
});

test('an organization’s page has its title, summary and text, and cannot be unpublished', async () => {
  const { api, sent } = standIn();
  api.read = async () => ({
    collection: 'pages',
    id: 'about',
    versions: {
      en: {
        data: { title: 'About us', description: 'Who we are and how we decide.' },
        body: 'We are a coalition of worker centers.',
      },
      es: {
        data: { title: 'Quiénes somos', description: 'Quiénes somos y cómo decidimos.' },
        body: 'Somos una coalición de centros de trabajadores.',
      },
    },
  });
  const editor = document.createElement('rally-piece-editor');
  Object.assign(editor, { locale: 'en', collection: 'pages', pieceId: 'about', api });
  document.body.append(editor);
  await expect.element(page.getByRole('button', { name: 'Publish', exact: true })).toBeVisible();
  const english = page.getByRole('region', { name: 'English version' });
  await expect.element(english.getByLabelText('Title')).toHaveValue('About us');
  await expect.element(english.getByText('Text of the page')).toBeVisible();
  // The sites are not built without it: it is changed, never taken off.
  await expect.element(page.getByRole('button', { name: 'Unpublish…' })).not.toBeInTheDocument();
  await userEvent.fill(
    page.getByRole('region', { name: 'Spanish version' }).getByLabelText('Title'),
    'Quiénes somos hoy',
  );
  await userEvent.click(page.getByRole('button', { name: 'Publish', exact: true }));
  await expect.element(page.getByText(/Published \(English, Spanish\)/)).toBeVisible();
  expect(sent[0]?.es?.data).toEqual({
    title: 'Quiénes somos hoy',
    description: 'Quiénes somos y cómo decidimos.',
  });
  await expectAccessible(editor);
});
