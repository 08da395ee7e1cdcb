/**
 * A spotlight whose photo is still a placeholder drawing says so in its alt text, in each
 * language: a screen reader user must hear what is shown, not a photograph nobody can see.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '@rally/content';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawingDescription, portraitSvg } from './demo-photos.ts';

const content = 'content';

/** Whether `file` shows the drawing of `id`: the same pixels, give or take JPEG's rounding. */
async function showsDrawingOf(file: string, id: string): Promise<boolean> {
  const pixels = (input: Buffer | string) =>
    sharp(input).resize(100, 100, { fit: 'fill' }).removeAlpha().raw().toBuffer();
  const [photo, drawing] = await Promise.all([pixels(file), pixels(Buffer.from(portraitSvg(id)))]);
  if (photo.length !== drawing.length) return false;
  let difference = 0;
  for (let i = 0; i < photo.length; i++) difference += Math.abs(photo[i]! - drawing[i]!);
  return difference / photo.length < 4;
}

const spotlights = [...(await readContent(content)).spotlights].flatMap(([slug, versions]) =>
  versions.map(([lang, { photo }]) => ({
    lang,
    file: `spotlights/${lang}/${slug}.mdx`,
    slug,
    photo,
  })),
);

describe('the demo photos', () => {
  it('are drawings that look like nothing else: a real photo is told from them', async () => {
    const [first, second] = readdirSync(join(content, 'photos'));
    expect(await showsDrawingOf(join(content, 'photos', first!), first!.slice(0, -4))).toBe(true);
    expect(await showsDrawingOf(join(content, 'photos', first!), second!.slice(0, -4))).toBe(false);
  });

  it('are described as the drawings they are, in the language of each story', async () => {
    const wrong: string[] = [];
    for (const { lang, file, slug, photo } of spotlights) {
      const drawn = [photo.src.replace(/\.\w+$/, ''), slug];
      for (const id of drawn) {
        if (!(await showsDrawingOf(join(content, 'photos', photo.src), id))) continue;
        if (photo.alt !== drawingDescription(id, lang)) wrong.push(`${file}: "${photo.alt}"`);
        break;
      }
    }
    expect(wrong).toEqual([]);
  });

  it('have words for each drawing in English and Spanish', () => {
    expect(drawingDescription('marisol-reyes', 'en')).toBe(
      'Placeholder drawing: a figure without a face, in a teal shirt with the initials M. R.',
    );
    expect(drawingDescription('marisol-reyes', 'es')).toBe(
      'Dibujo provisional: una figura sin rostro, con camisa verde azulado y las iniciales M. R.',
    );
    expect(drawingDescription('grace-williams', 'en')).toContain('in an orange shirt');
  });
});
