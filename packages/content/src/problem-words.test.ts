/**
 * What keeps a piece from being published, worded in the language of the staff member who writes
 * it (the console's), whatever languages the piece itself is in: the same problems on the same
 * fields as in English, and English unless told.
 */
import { locales } from '@rally/core';
import { describe, expect, it } from 'vitest';
import { problemWords } from './problem-words/index.ts';
import { storyProblems } from './story.ts';
import { checkPiece, readPiece, type Piece } from './write.ts';
import { contentCopy } from './testing.ts';

const rosa: Piece = {
  es: {
    data: {
      name: 'Rosa Elena Castillo',
      kind: 'member',
      region: 'atlantis',
      sector: 'domestic-work',
      photo: { src: 'nobody.jpg', alt: 'Rosa Elena sonríe frente a su casa.' },
      quote: 'Juntas logramos el contrato.',
      date: '2026-12-01',
    },
    body: 'Ganamos {todo',
  },
};

/** A table's keys, nested ones dotted, each with what it is (words, or a sentence to finish). */
function shapeOf(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? shapeOf(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}: ${typeof value}`],
  );
}

describe('what keeps a piece from being published', () => {
  it('has its words in every language Rally speaks, each with all of English’s', () => {
    expect(Object.keys(problemWords).sort()).toEqual([...locales].sort());
    for (const [lang, words] of Object.entries(problemWords))
      expect(shapeOf(words), lang).toEqual(shapeOf(problemWords.en));
  });

  it('is said in Spanish to a Spanish-speaking writer: a region, a photo, the story', async () => {
    const dir = contentCopy();
    const english = await checkPiece(dir, 'spotlights', 'rosa-nueva', rosa);
    const spanish = await checkPiece(dir, 'spotlights', 'rosa-nueva', rosa, 'es');
    expect(spanish.map((problem) => problem.path)).toEqual(english.map((problem) => problem.path));
    expect(spanish).toEqual([
      {
        path: 'es.region',
        message: expect.stringMatching(
          /^No hay ninguna región llamada atlantis: elige una de estas: florida-gulf, .*louisiana/,
        ),
      },
      {
        path: 'es.photo.src',
        message: 'Todavía no hay ninguna foto llamada nobody.jpg: súbela y luego elígela.',
      },
      {
        path: 'es.body',
        message: expect.stringMatching(
          /^La historia no se puede publicar tal como está escrita \(.*\)\. Escribe \\< o \\\{ para un < o una \{/,
        ),
      },
    ]);
    // The schema's own messages too, and the file name's.
    const unnamed = await checkPiece(
      dir,
      'spotlights',
      'Rosa Nueva',
      { es: { ...rosa.es!, data: { ...rosa.es!.data, quote: '' } } },
      'es',
    );
    expect(unnamed.slice(0, 2)).toEqual([
      {
        path: 'id',
        message:
          'Usa minúsculas, dígitos y guiones, como marisol-reyes: se convierte en su dirección en los sitios.',
      },
      {
        path: 'es.quote',
        message: 'Está vacío: escribe una cita corta en sus propias palabras.',
      },
    ]);
    expect(await checkPiece(dir, 'spotlights', 'rosa-nueva', {}, 'es')).toEqual([
      { path: 'versions', message: 'Escríbelo en al menos un idioma.' },
    ]);
  });

  it('names the other language in the writer’s when a shared fact differs', async () => {
    const dir = contentCopy();
    const english = await readPiece(dir, 'spotlights', 'carmen-ortiz');
    const translation: Piece = {
      es: { data: { ...english.en!.data, region: 'louisiana' }, body: 'Carmen cosecha tomates.' },
    };
    expect(await checkPiece(dir, 'spotlights', 'carmen-ortiz', translation, 'es')).toEqual([
      {
        path: 'es.region',
        message: 'Ponlo igual que en inglés: las traducciones comparten este dato (region).',
      },
    ]);
    // English unless told, whatever the piece's language.
    expect(await checkPiece(dir, 'spotlights', 'carmen-ortiz', translation)).toEqual([
      {
        path: 'es.region',
        message: 'Make it the same as in English: translations share their region.',
      },
    ]);
  });

  it('keeps a new microsite from a name taken, in Spanish', async () => {
    const dir = contentCopy();
    const region = (name: string): Piece => ({
      es: { data: { name, tagline: `${name}, organizándonos.`, why_join: ['Poder.'] }, body: '' },
    });
    expect(await checkPiece(dir, 'regions', 'education', region('Educación'), 'es')).toEqual([
      { path: 'id', message: 'Ya hay un sector llamado education: elige otro nombre.' },
    ]);
    expect(await checkPiece(dir, 'sectors', 'louisiana', region('Luisiana'), 'es')).toEqual([
      { path: 'id', message: 'Ya hay una región llamada louisiana: elige otro nombre.' },
    ]);
    expect((await checkPiece(dir, 'regions', 'embed', region('Embed'), 'es'))[0]).toEqual({
      path: 'id',
      message:
        'embed es el nombre de páginas que los sitios ya tienen: elige otro nombre, como embed-region.',
    });
  });
});

describe('a story’s problems', () => {
  it('are said in the writer’s language, one for one', () => {
    const stories = [
      "import fs from 'node:fs'\n\nHola",
      'Ganamos {process.exit(1)}',
      '<b title={globalThis.x}>hola</b>',
      '<b {...props}>hola</b>',
      '<script>alert(1)</script>',
      '[sitio](javascript:alert(1))',
      '![x](../../scripts/start.ts)',
      'Ganamos {todo',
    ];
    for (const story of stories) {
      const english = storyProblems(story);
      const spanish = storyProblems(story, 'es');
      expect(spanish.length, story).toBe(english.length);
      expect(spanish.length, story).toBeGreaterThan(0);
      spanish.forEach((problem, index) => expect(problem, story).not.toBe(english[index]));
    }
    expect(storyProblems("import fs from 'node:fs'\n\nHola", 'es')).toEqual([
      'Una historia no puede importar ni exportar nada: quita las líneas que empiezan con import o export.',
    ]);
    expect(storyProblems('<script>alert(1)</script>', 'es')).toEqual([
      '<script> no puede estar en una historia: usa Markdown, o etiquetas simples como <b>, <br> o <a href="…">.',
    ]);
    expect(storyProblems('<b {...props}>hola</b>', 'es')).toEqual([
      '<b> tiene un atributo que los sitios no aceptan (código): usa solo href="https://…", src="https://…", alt y title.',
    ]);
    expect(storyProblems('Hola **de nuevo**.', 'es')).toEqual([]);
  });
});
