/**
 * What keeps a piece from being published, in the publisher's language: the console says which it
 * is in `Accept-Language`, and the 422's sentence and every problem beside a field come back in
 * it — the same problems on the same fields as in English, which a request without it gets. So do
 * a request body that does not fit, a photo refused, what there is not and what cannot be done,
 * and a broken file elsewhere in the content folder; the rest of the API keeps English. On the
 * embedded database: the words do not depend on which.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consoleOrigin,
  consoleRequest,
  openTestApi,
  openTestPGlite,
  type TestApi,
} from '../testing.ts';
import { contentFolder, rosaEnEspanol, signedIn } from './testing-publishing.ts';

/** Rosa's story with its photo undescribed and a brace in its story. */
const undescribed = {
  es: {
    data: { ...rosaEnEspanol.es.data, photo: { src: 'rosa-elena-castillo.jpg', alt: '' } },
    body: 'Ganamos {todo',
  },
};
/** Rosa's story in a region no one has written. */
const lost = {
  es: { ...rosaEnEspanol.es, data: { ...rosaEnEspanol.es.data, region: 'atlantis' } },
};

interface Problem {
  detail: string;
  errors: { path: string; code: string; message: string }[];
}

describe('a refusal to publish', () => {
  let api: TestApi;
  let dir: string;
  let writer: string;

  beforeAll(async () => {
    dir = contentFolder();
    // A build command that never runs: every piece here is refused before it is built.
    api = await openTestApi(openTestPGlite, undefined, undefined, dir, 'false');
    writer = await signedIn(api, 'communications');
  });
  afterAll(() => api.close());

  /** A PUT (a POST for a preview), with the console's language if given; its 422's problem. */
  const refusal = async (path: string, body: unknown, language?: string): Promise<Problem> => {
    const response = await consoleRequest(api, `/api/v1/staff/content/${path}`, {
      cookie: writer,
      method: path === 'previews' ? 'POST' : 'PUT',
      body,
      headers: language === undefined ? {} : { 'Accept-Language': language },
    });
    expect(response.status).toBe(422);
    return (await response.json()) as Problem;
  };
  const paths = (problem: Problem) => problem.errors.map((error) => error.path);

  it('is worded in Spanish, field by field, when the console is in Spanish', async () => {
    const english = await refusal('spotlights/rosa-nueva', { versions: undescribed });
    const spanish = await refusal('spotlights/rosa-nueva', { versions: undescribed }, 'es');
    expect(english.detail).toBe('This spotlight cannot be published yet: 2 things need changing.');
    expect(english.errors[0]!.message).toBe(
      'Empty; write what the photo shows, for people who cannot see it.',
    );
    expect(spanish.detail).toBe(
      'Esta historia de miembro todavía no se puede publicar: hay que cambiar 2 cosas.',
    );
    expect(paths(spanish)).toEqual(paths(english));
    expect(spanish.errors).toEqual([
      {
        path: 'es.photo.alt',
        code: 'invalid',
        message: 'Está vacío: escribe qué muestra la foto, para quien no puede verla.',
      },
      {
        path: 'es.body',
        code: 'invalid',
        message: expect.stringMatching(/^La historia no se puede publicar tal como está escrita/),
      },
    ]);
    // As a browser set to Spanish asks, too.
    expect(
      (await refusal('spotlights/rosa-nueva', { versions: lost }, 'es-MX,es;q=0.9,en;q=0.8'))
        .errors,
    ).toEqual([
      {
        path: 'es.region',
        code: 'invalid',
        message: expect.stringMatching(/^No hay ninguna región llamada atlantis: elige una de /),
      },
    ]);
  });

  it('is in Spanish when scheduling, saving under a name no piece may have, or previewing', async () => {
    const scheduled = await refusal(
      'spotlights/rosa-nueva/draft',
      { versions: undescribed, publish_at: '2027-01-01T09:00:00-06:00' },
      'es',
    );
    expect(scheduled.detail).toBe(
      'Esta historia de miembro todavía no se puede programar: hay que cambiar 2 cosas.',
    );
    expect(scheduled.errors[0]!.message).toMatch(/^Está vacío: escribe qué muestra la foto/);

    const unnamed = await refusal('spotlights/Rosa%20Nueva/draft', { versions: lost }, 'es');
    expect(unnamed).toMatchObject({
      detail: 'Esta historia de miembro todavía no se puede guardar: hay que cambiar una cosa.',
      errors: [
        {
          path: 'id',
          message:
            'Usa minúsculas, dígitos y guiones, como marisol-reyes: se convierte en su dirección en los sitios.',
        },
      ],
    });

    const preview = await refusal(
      'previews',
      { collection: 'spotlights', id: 'rosa-nueva', versions: lost },
      'es',
    );
    expect(preview.detail).toBe(
      'Esta historia de miembro todavía no se puede ver en vista previa: hay que cambiar una cosa.',
    );
    expect(preview.errors[0]!.message).toMatch(/^No hay ninguna región llamada atlantis/);
  });

  it('lists in Spanish what a draft saved in Spanish still needs', async () => {
    const response = await consoleRequest(
      api,
      '/api/v1/staff/content/spotlights/rosa-borrador/draft',
      {
        cookie: writer,
        method: 'PUT',
        body: { versions: undescribed },
        headers: { 'Accept-Language': 'es' },
      },
    );
    expect(response.status).toBe(200);
    expect((await response.json()).problems).toContainEqual({
      path: 'es.photo.alt',
      message: 'Está vacío: escribe qué muestra la foto, para quien no puede verla.',
    });
  });
  /** A request to the publishing routes, in the console's language if given. */
  const ask = (
    path: string,
    options: { method?: string; body?: unknown; language?: string | undefined } = {},
  ) =>
    consoleRequest(api, `/api/v1/staff/content/${path}`, {
      cookie: writer,
      method: options.method ?? 'GET',
      body: options.body,
      headers: options.language === undefined ? {} : { 'Accept-Language': options.language },
    });
  /** The problem a request is refused with, and its status. */
  const refused = async (
    path: string,
    options: { method?: string; body?: unknown; language?: string | undefined } = {},
  ) => {
    const response = await ask(path, options);
    return { status: response.status, ...((await response.json()) as Problem & { type: string }) };
  };

  it('words a request body that does not fit in Spanish: a story too long, a time, a field left out', async () => {
    const long = { es: { ...rosaEnEspanol.es, body: 'Rosa. '.repeat(3_500) } };
    const english = await refusal('spotlights/rosa-nueva', { versions: long });
    expect(english).toMatchObject({
      detail: 'Some fields need attention: versions.es.body.',
      errors: [
        { path: 'versions.es.body', code: 'too_long', message: 'Use at most 20000 characters.' },
      ],
    });
    expect(await refusal('spotlights/rosa-nueva', { versions: long }, 'es')).toMatchObject({
      detail: 'Hay campos que revisar: versions.es.body.',
      errors: [
        {
          path: 'versions.es.body',
          code: 'too_long',
          message: 'Usa como máximo 20000 caracteres.',
        },
      ],
    });

    const monday = { versions: rosaEnEspanol, publish_at: 'el lunes a las nueve' };
    expect((await refusal('spotlights/rosa-nueva/draft', monday)).errors).toEqual([
      {
        path: 'publish_at',
        code: 'invalid',
        message: 'Give the day and time to publish it, like 2026-12-01T09:00:00-06:00, or null.',
      },
    ]);
    expect((await refusal('spotlights/rosa-nueva/draft', monday, 'es')).errors).toEqual([
      {
        path: 'publish_at',
        code: 'invalid',
        message:
          'Escribe el día y la hora en que se publicará, como 2026-12-01T09:00:00-06:00, o null.',
      },
    ]);

    const unwritten = { collection: 'spotlights', id: 'rosa-nueva' };
    expect((await refusal('previews', unwritten)).errors).toEqual([
      { path: 'versions', code: 'required', message: 'This field is required.' },
    ]);
    expect(await refusal('previews', unwritten, 'es')).toMatchObject({
      detail: 'Hay campos que revisar: versions.',
      errors: [{ path: 'versions', code: 'required', message: 'Este campo es obligatorio.' }],
    });
    // What the routes do not word themselves is in zod's words for the language.
    expect((await refusal('spotlights/rosa-nueva', { versions: 'todo' }, 'es')).errors).toEqual([
      {
        path: 'versions',
        code: 'invalid_type',
        message: expect.stringMatching(/^Entrada inválida/),
      },
    ]);

    const restore = await refused('spotlights/marisol-reyes/restore', {
      method: 'POST',
      body: { commit: 'la de ayer' },
      language: 'es',
    });
    expect(restore.status).toBe(422);
    expect(restore.errors).toEqual([
      {
        path: 'commit',
        code: 'invalid',
        message: 'Elige una versión del historial, como 3f2a9c1.',
      },
    ]);
  });

  it('keeps English for a request body elsewhere in the API, whatever the language asked', async () => {
    const response = await consoleRequest(api, '/api/v1/staff/invitations/lookup', {
      body: {},
      headers: { 'Accept-Language': 'es' },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      detail: 'Some fields need attention: invitation.',
      errors: [{ path: 'invitation', code: 'required', message: 'This field is required.' }],
    });
  });

  it('refuses a photo in Spanish: not an image, none chosen, over 10 MB', async () => {
    const upload = async (file: File | undefined, language?: string) => {
      const form = new FormData();
      if (file) form.append('photo', file);
      const response = await api.app.request(`${consoleOrigin}/api/v1/staff/content/photos`, {
        method: 'POST',
        headers: {
          Cookie: writer,
          Origin: consoleOrigin,
          'Sec-Fetch-Site': 'same-origin',
          ...(language === undefined ? {} : { 'Accept-Language': language }),
        },
        body: form,
      });
      return { status: response.status, ...((await response.json()) as Problem) };
    };
    const notes = new File(['Llevar agua y sombra.'], 'notas.jpg', { type: 'image/jpeg' });

    expect(await upload(notes)).toEqual(
      expect.objectContaining({
        status: 415,
        detail:
          'notas.jpg is not a photo the sites can show: upload a JPEG, PNG, WebP or AVIF image.',
        errors: [
          { path: 'photo', code: 'invalid', message: 'Choose a JPEG, PNG, WebP or AVIF image.' },
        ],
      }),
    );
    expect(await upload(notes, 'es')).toEqual(
      expect.objectContaining({
        status: 415,
        detail:
          'notas.jpg no es una foto que los sitios puedan mostrar: sube una imagen JPEG, PNG, WebP o AVIF.',
        errors: [
          { path: 'photo', code: 'invalid', message: 'Elige una imagen JPEG, PNG, WebP o AVIF.' },
        ],
      }),
    );
    expect(await upload(undefined, 'es')).toMatchObject({
      status: 422,
      detail: 'Elige una foto para subir.',
      errors: [
        {
          path: 'photo',
          code: 'required',
          message: 'Elige una foto para subir: una imagen JPEG, PNG, WebP o AVIF.',
        },
      ],
    });

    // Over 10 MB with the form around it: refused before it is read, as the route refuses it.
    const huge = new File([new Uint8Array(11 * 1024 * 1024)], 'enorme.jpg', {
      type: 'image/jpeg',
    });
    expect(await upload(huge)).toMatchObject({
      status: 413,
      detail: 'This photo is over 10 MB: make it smaller, or export it again at a lower quality.',
      errors: [{ path: 'photo', message: 'Choose a photo of 10 MB at most.' }],
    });
    expect(await upload(huge, 'es')).toMatchObject({
      status: 413,
      detail:
        'Esta foto pesa más de 10 MB: hazla más pequeña, o expórtala de nuevo con menos calidad.',
      errors: [{ path: 'photo', message: 'Elige una foto de 10 MB como máximo.' }],
    });
    // Just over 10 MB, which the route itself weighs.
    const over = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'grande.jpg', {
      type: 'image/jpeg',
    });
    expect(await upload(over, 'es')).toMatchObject({
      status: 413,
      detail: expect.stringMatching(/^Esta foto pesa más de 10 MB/),
    });
  });

  it('says in Spanish what there is not, and what cannot be done, keeping the kind of problem', async () => {
    expect(await refused('poems')).toMatchObject({
      status: 404,
      detail:
        'There is no kind of content named poems: use one of petitions, events, spotlights, regions, sectors, pages.',
    });
    expect(await refused('poems', { language: 'es' })).toMatchObject({
      status: 404,
      detail:
        'No hay ningún tipo de contenido llamado poems: usa uno de estos: petitions, events, spotlights, regions, sectors, pages.',
    });
    expect((await refused('spotlights/nadie')).detail).toBe('There is no spotlight named nadie.');
    expect((await refused('spotlights/nadie', { language: 'es' })).detail).toBe(
      'No hay ninguna historia de miembro llamada nadie.',
    );
    expect((await refused('events/nadie', { method: 'DELETE', language: 'es' })).detail).toBe(
      'No hay ningún evento publicado llamado nadie.',
    );

    const named = await refused('regions/louisiana', { method: 'DELETE' });
    const nombrada = await refused('regions/louisiana', { method: 'DELETE', language: 'es' });
    expect(named).toMatchObject({
      status: 409,
      type: 'https://rally.invalid/problems/still-named',
      detail: expect.stringMatching(
        /^The region louisiana is still named by .*spotlights\/marisol-reyes.*: give them another region first, or the sites could not be built\.$/,
      ),
    });
    expect(nombrada).toMatchObject({
      status: 409,
      type: named.type,
      detail: expect.stringMatching(
        /^La región louisiana todavía aparece en .*spotlights\/marisol-reyes.*: dales otra región primero, o los sitios no se podrían construir\.$/,
      ),
    });

    expect(await refused('pages/about', { method: 'DELETE', language: 'es' })).toMatchObject({
      status: 409,
      type: 'https://rally.invalid/problems/always-published',
      detail:
        'Los sitios no se pueden construir sin la página about: cambia lo que dice y publica eso en su lugar.',
    });
    expect((await refused('pages/about', { method: 'DELETE' })).detail).toBe(
      'The sites cannot be built without the page about: change what it says, and publish that, instead.',
    );

    expect(
      await refused('spotlights/marisol-reyes/restore', {
        method: 'POST',
        body: { commit: 'abcdef1' },
        language: 'es',
      }),
    ).toMatchObject({
      status: 422,
      detail:
        'No hay ninguna versión abcdef1 en el historial del contenido: elige una de las que muestra el historial.',
    });
    expect((await refused('builds/nada', { language: 'es' })).detail).toBe(
      'No existe esa construcción: puede que sea de hace tiempo y ya no se guarde.',
    );
    expect((await refused('previews/nada', { language: 'es' })).detail).toBe(
      'No existe esa vista previa: puede que sea una antigua, que ya no se guarda.',
    );
  });

  it('names a broken file elsewhere in the content folder in Spanish, and says who can fix it', async () => {
    // A file changed outside the console (in the repository) that the sites could not read.
    const broken = join(dir, 'petitions/en/broken.mdx');
    writeFileSync(broken, '---\ntitle: Half a petition\n---\n');
    try {
      const english = await refusal('spotlights/rosa-nueva', { versions: rosaEnEspanol });
      expect(english.errors).toEqual([
        {
          path: 'content',
          code: 'invalid',
          message: expect.stringMatching(
            /^petitions\/en\/broken\.mdx: description: .+ This file was changed outside the console, and nothing can be published until it is fixed: ask someone with access to the content repository to correct it\.$/,
          ),
        },
      ]);
      const spanish = await refusal('spotlights/rosa-nueva', { versions: rosaEnEspanol }, 'es');
      expect(spanish.detail).toBe(
        'Esta historia de miembro todavía no se puede publicar: hay que cambiar una cosa.',
      );
      expect(spanish.errors).toEqual([
        {
          path: 'content',
          code: 'invalid',
          message: expect.stringMatching(
            /^El archivo petitions\/en\/broken\.mdx se cambió fuera de la consola y no se puede leer, así que no se puede publicar nada hasta que se corrija: pide a alguien con acceso al repositorio del contenido que lo corrija\. El detalle, en inglés: description: /,
          ),
        },
      ]);
      expect(spanish.errors[0]!.message).not.toContain(dir);
    } finally {
      rmSync(broken);
    }
  });
});

describe('a refusal where publishing, previews or history are off', () => {
  let off: TestApi;
  let plain: TestApi;
  let offWriter: string;
  let plainWriter: string;

  beforeAll(async () => {
    // No content folder and no builds; a content folder that is no repository of its own.
    off = await openTestApi(openTestPGlite);
    plain = await openTestApi(openTestPGlite, undefined, undefined, contentFolder(false));
    offWriter = await signedIn(off, 'communications');
    plainWriter = await signedIn(plain, 'communications');
  });
  afterAll(async () => {
    await off.close();
    await plain.close();
  });

  const refused = async (api: TestApi, cookie: string, path: string, language?: string) => {
    const response = await consoleRequest(api, `/api/v1/staff/content/${path}`, {
      cookie,
      headers: language === undefined ? {} : { 'Accept-Language': language },
    });
    return { status: response.status, ...((await response.json()) as Problem & { type: string }) };
  };

  it('says so in Spanish, keeping the kind of problem', async () => {
    expect(await refused(off, offWriter, 'spotlights')).toMatchObject({
      status: 503,
      type: 'https://rally.invalid/problems/publishing-off',
      detail: 'Publishing is off: this API was started without a content folder to publish into.',
    });
    expect(await refused(off, offWriter, 'spotlights', 'es')).toMatchObject({
      status: 503,
      type: 'https://rally.invalid/problems/publishing-off',
      detail:
        'La publicación está apagada: esta API se inició sin una carpeta de contenido en la que publicar.',
    });
    expect((await refused(off, offWriter, 'builds/nada', 'es')).detail).toBe(
      'Esta API no construye los sitios: se construyen donde están alojados.',
    );

    const history = 'spotlights/marisol-reyes/history';
    expect(await refused(plain, plainWriter, history, 'es')).toMatchObject({
      status: 409,
      type: 'https://rally.invalid/problems/no-history',
      detail:
        'Esta carpeta de contenido no guarda historial: no es un repositorio git propio, así que no hay versiones anteriores que ver ni restaurar.',
    });
    expect((await refused(plain, plainWriter, history)).detail).toMatch(
      /^This content folder keeps no history/,
    );
  });
});
