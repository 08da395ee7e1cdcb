import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../../../widgets/src/internal/expect-accessible.ts';
import { ApiProblem } from '../../data/api.ts';
import type { Build, Versions } from '../../data/content.ts';
import { focusedId, mount, standIn } from './editor-stand-in.ts';

afterEach(() => document.body.replaceChildren());

const pageUrl = '/api/v1/staff/content/previews/p1/texas-gulf/spotlights/maria-gomez/';

function previewBuild(status: Build['status'], extra: Partial<Build> = {}): Build {
  return {
    id: 'p1',
    status,
    sites: ['texas-gulf', 'education', 'hub'],
    pages: [],
    started_at: '',
    finished_at: null,
    seconds: null,
    problem: null,
    ...extra,
  };
}

/** A stand-in whose preview waits, building, until `finish` says how it ends. */
function previewing() {
  const { api, sent } = standIn();
  const asked: Versions[] = [];
  let finish!: (build: Build) => void;
  const finished = new Promise<Build>((resolve) => (finish = resolve));
  api.preview = async (_collection, _id, versions) => {
    asked.push(versions);
    return { preview: previewBuild('queued') };
  };
  api.previewStatus = async () => ({ preview: await finished });
  return { api, sent, asked, finish };
}

test('Preview builds the story’s pages and lists each, to open in a new tab, without publishing', async () => {
  const { api, sent, asked, finish } = previewing();
  const editor = await mount(api);
  editor.pollEvery = 10;
  await userEvent.click(page.getByRole('button', { name: 'Preview' }));

  await expect
    .element(page.getByText('Building the preview (waiting its turn): texas-gulf, education, hub.'))
    .toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Preview' })).toBeDisabled();
  finish(
    previewBuild('done', {
      pages: [
        { site: 'texas-gulf', lang: 'en', url: pageUrl },
        { site: 'education', lang: 'en', url: pageUrl.replace('texas-gulf', 'education') },
      ],
    }),
  );

  const link = page.getByRole('link', { name: 'texas-gulf, English (opens in a new tab)' });
  await expect.element(link).toHaveAttribute('href', pageUrl);
  await expect.element(link).toHaveAttribute('target', '_blank');
  await expect.element(link).toHaveAttribute('rel', 'noopener');
  await expect
    .element(page.getByRole('link', { name: 'education, English (opens in a new tab)' }))
    .toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Preview' })).toBeEnabled();
  // What the form holds was sent to be previewed; nothing was published.
  expect(asked[0]?.en?.data).toMatchObject({ name: 'Maria Gómez', region: 'texas-gulf' });
  expect(asked[0]?.en?.body).toBe('Maria has served breakfast for twelve years.');
  expect(sent).toEqual([]);
  await expectAccessible(editor);

  // Once published, the preview is of what was: its links go.
  await userEvent.click(page.getByRole('button', { name: 'Publish' }));
  await expect.element(page.getByText(/^Published \(English\)/)).toBeVisible();
  await expect.element(link).not.toBeInTheDocument();
});

test('Preview checks the form first, as Publish does: nothing is built while a field is wrong', async () => {
  const { api, asked } = previewing();
  const editor = await mount(api);
  const alt = page
    .getByRole('region', { name: 'English version' })
    .getByLabelText('What the photo shows');
  await userEvent.fill(alt, '');
  await userEvent.click(page.getByRole('button', { name: 'Preview' }));

  await expect.element(alt).toHaveAttribute('aria-invalid', 'true');
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent('1 thing to fix before publishing.');
  await expect.poll(() => focusedId(editor)).toBe('en-photo-alt');
  expect(asked).toEqual([]);
});

test('a preview that could not be built says so, and where to find why, in Spanish too', async () => {
  const { api, finish } = previewing();
  const editor = await mount(api, 'maria-gomez', 'es');
  editor.pollEvery = 10;
  await userEvent.click(page.getByRole('button', { name: 'Vista previa' }));
  await expect.element(page.getByText(/Construyendo la vista previa/)).toBeVisible();
  finish(previewBuild('failed', { problem: 'It stopped before it finished.' }));
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent(
      'No se pudo construir la vista previa. No se publicó nada; el registro de la API dice por qué, en la construcción p1.',
    );
  await expect.element(page.getByRole('link', { name: /pestaña nueva/ })).not.toBeInTheDocument();
});

test('what the API refuses to preview lands on its field; an API without previews says so', async () => {
  const { api } = standIn();
  api.preview = async () => {
    throw new ApiProblem(422, 'It cannot be previewed as it is.', [
      { path: 'en.photo.src', message: 'There is no photo named maria-gomez.jpg yet.' },
    ]);
  };
  await mount(api);
  await userEvent.click(page.getByRole('button', { name: 'Preview' }));
  await expect
    .element(
      page.getByRole('region', { name: 'English version' }).getByLabelText('Photo file name'),
    )
    .toHaveAccessibleDescription(/There is no photo named maria-gomez\.jpg yet/);

  api.preview = async () => {
    throw new ApiProblem(404, 'Not Found');
  };
  await userEvent.fill(
    page.getByRole('region', { name: 'English version' }).getByLabelText('Photo file name'),
    'maria-gomez.jpg',
  );
  await userEvent.click(page.getByRole('button', { name: 'Preview' }));
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent(
      'Previews are not available on this Rally yet: publish it to see it on the sites.',
    );
});
