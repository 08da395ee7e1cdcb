/**
 * What keeps a piece from being published, in the publisher's language: the console says which it
 * is in `Accept-Language`, and the 422's sentence and every problem beside a field come back in
 * it — the same problems on the same fields as in English, which a request without it gets. On the
 * embedded database: the words do not depend on which.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleRequest, openTestApi, openTestPGlite, type TestApi } from '../testing.ts';
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
  let writer: string;

  beforeAll(async () => {
    // A build command that never runs: every piece here is refused before it is built.
    api = await openTestApi(openTestPGlite, undefined, undefined, contentFolder(), 'false');
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
});
