import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from './read.ts';
import { checkPiece, readPiece, writePiece, type Piece } from './write.ts';
import { contentCopy } from './testing.ts';

const rosa: Piece = {
  es: {
    data: {
      name: 'Rosa Elena Castillo',
      kind: 'member',
      region: 'louisiana',
      sector: 'domestic-work',
      photo: { src: 'rosa-elena-castillo.jpg', alt: 'Rosa Elena sonríe frente a su casa.' },
      quote: 'Juntas logramos el contrato.',
      date: '2026-12-01',
    },
    body: 'Rosa Elena cuida a dos familias en Nueva Orleans.\n\nEste año firmó su primer contrato.',
  },
};

describe('writing a piece of content', () => {
  it('writes what the reader and the sites read back, in its language folder', async () => {
    const dir = contentCopy();
    expect(await checkPiece(dir, 'spotlights', 'rosa-nueva', rosa)).toEqual([]);
    const [file] = await writePiece(dir, 'spotlights', 'rosa-nueva', rosa);
    expect(file).toBe(join(dir, 'spotlights/es/rosa-nueva.mdx'));
    expect(readFileSync(file!, 'utf8')).toMatch(
      /^---\nname: Rosa Elena Castillo\n[\s\S]*\n---\n\nRosa Elena cuida/,
    );
    const spotlight = (await readContent(dir)).spotlights.get('rosa-nueva')!;
    expect(spotlight.map(([lang]) => lang)).toEqual(['es']);
    expect(spotlight[0]![1].photo.alt).toBe('Rosa Elena sonríe frente a su casa.');
    expect(await readPiece(dir, 'spotlights', 'rosa-nueva')).toEqual(rosa);
    // Nothing is left half-written beside it.
    expect(readdirSync(join(dir, 'spotlights/es')).filter((n) => n.includes('writing'))).toEqual(
      [],
    );
  });

  it('writes only what the schema reads, as it was written', async () => {
    const dir = contentCopy();
    const es = rosa.es!;
    await writePiece(dir, 'spotlights', 'rosa-nueva', {
      es: {
        ...es,
        data: {
          ...es.data,
          layout: '../../scripts/start.ts',
          photo: { ...(es.data.photo as object), x: 1 },
        },
      },
    });
    expect(await readPiece(dir, 'spotlights', 'rosa-nueva')).toEqual(rosa);
  });

  it('names every problem at once, where it is and what to do, and so writes nothing', async () => {
    const dir = contentCopy();
    const piece: Piece = {
      es: {
        data: {
          ...rosa.es!.data,
          region: 'atlantis',
          photo: { src: 'nobody.jpg', alt: '' },
        },
        body: 'Ganamos {todo',
      },
    };
    const problems = await checkPiece(dir, 'spotlights', 'Rosa Nueva', piece);
    expect(problems.map((problem) => problem.path)).toEqual(['id', 'es.photo.alt', 'es.body']);
    expect(problems[0]!.message).toMatch(/lower-case letters, digits and dashes/);
    expect(problems[1]!.message).toMatch(/what the photo shows/);
    expect(problems[2]!.message).toMatch(/must be written \\< or \\\{/);

    // With the alt text written, what it names that does not exist is said too.
    const named = await checkPiece(dir, 'spotlights', 'rosa-nueva', {
      es: { ...piece.es!, data: { ...piece.es!.data, photo: { src: 'nobody.jpg', alt: 'Rosa.' } } },
    });
    expect(named).toEqual([
      {
        path: 'es.region',
        message: expect.stringMatching(/no region named atlantis: choose one of florida-gulf, /),
      },
      { path: 'es.photo.src', message: expect.stringMatching(/no photo named nobody\.jpg/) },
      { path: 'es.body', message: expect.stringMatching(/cannot be published as written/) },
    ]);
  });

  it('keeps a new microsite from a name the sites use, or the other kind’s', async () => {
    const dir = contentCopy();
    const region = (name: string): Piece => ({
      en: {
        data: { name, tagline: `${name}, organizing together.`, why_join: ['Better pay.'] },
        body: '',
      },
    });
    expect((await checkPiece(dir, 'regions', 'embed', region('Embed')))[0]).toMatchObject({
      path: 'id',
      message: expect.stringMatching(/names pages the sites already have/),
    });
    expect((await checkPiece(dir, 'regions', 'education', region('Education')))[0]).toMatchObject({
      path: 'id',
      message: 'A sector is called education already: choose another name.',
    });
    expect(await checkPiece(dir, 'regions', 'gulf-shores', region('Gulf Shores'))).toEqual([]);
  });

  it('changes the organization’s own pages, which the sites read back, and adds none', async () => {
    const dir = contentCopy();
    const about: Piece = {
      es: {
        data: { title: 'Quiénes somos', description: 'Una coalición de la costa del Golfo.' },
        body: 'Somos trabajadoras y trabajadores de **toda la costa**.',
      },
    };
    expect(await checkPiece(dir, 'pages', 'about', about)).toEqual([]);
    await writePiece(dir, 'pages', 'about', about);
    expect(await readPiece(dir, 'pages', 'about')).toMatchObject({
      en: { data: { title: 'About Gulf Coast Workers United' } },
      es: about.es,
    });
    expect(await checkPiece(dir, 'pages', 'careers', about)).toEqual([
      {
        path: 'id',
        message:
          'The sites have pages of their own only as home, about, accessibility, privacy: open one of them to change it.',
      },
    ]);
    expect(
      await checkPiece(dir, 'pages', 'about', { en: { data: { title: '' }, body: '' } }),
    ).toEqual([
      { path: 'en.title', message: expect.stringMatching(/^Empty; write the title/) },
      { path: 'en.description', message: expect.stringMatching(/^Missing; write one or two/) },
    ]);
  });

  it('holds a translation to the facts of the file already written in the other language', async () => {
    const dir = contentCopy();
    const english = await readPiece(dir, 'spotlights', 'carmen-ortiz');
    const spanish: Piece = {
      es: { data: { ...english.en!.data, region: 'louisiana' }, body: 'Carmen cosecha tomates.' },
    };
    expect(await checkPiece(dir, 'spotlights', 'carmen-ortiz', spanish)).toEqual([
      {
        path: 'es.region',
        message: 'Make it the same as in English: translations share their region.',
      },
    ]);
  });
});
