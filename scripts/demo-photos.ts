/**
 * Draws the demo spotlights' photos: a flat illustrated portrait per spotlight, written as a JPEG
 * to content/photos/, so the demo content has real raster images to send through the same image
 * pipeline as real photos, without downloading anything. Each drawing comes with words that
 * describe it: a spotlight showing a drawing must say so in its alt text, not describe a
 * photograph nobody can see (demo-photos.test.ts checks).
 *
 *   node scripts/demo-photos.ts            draws a photo for every spotlight that lacks one
 *   node scripts/demo-photos.ts --force    redraws them all
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentIds } from '@rally/content';
import type { Locale } from '@rally/core';
import sharp from 'sharp';

const contentDir = fileURLToPath(new URL('../content/', import.meta.url));
const photosDir = new URL('../content/photos/', import.meta.url);

const skies = ['#f4c27a', '#9fd3c7', '#f2a285', '#b8c4f0', '#f6d8a8', '#a8d5a0'];
const skins = ['#8d5524', '#c68642', '#e0ac69', '#5c3a21', '#a86b3c', '#f1c27d'];
const shirts = ['#2f5d8a', '#a23b3b', '#3d7a4f', '#6b4c9a', '#c0672d', '#22676b'];
/**
 * What a drawing shows, in each language: each shirt's colour in words (as a shirt, "camisa",
 * takes it in Spanish), and the sentence they go in.
 */
const drawingWords: Record<
  Locale,
  { shirts: string[]; drawing: (shirt: string, initials: string) => string }
> = {
  en: {
    shirts: ['blue', 'red', 'green', 'purple', 'orange', 'teal'],
    drawing: (shirt, initials) =>
      `Placeholder drawing: a figure without a face, in ${/^[aeiou]/.test(shirt) ? 'an' : 'a'} ${shirt} shirt with the initials ${initials}`,
  },
  es: {
    shirts: ['azul', 'roja', 'verde', 'morada', 'naranja', 'verde azulado'],
    drawing: (shirt, initials) =>
      `Dibujo provisional: una figura sin rostro, con camisa ${shirt} y las iniciales ${initials}`,
  },
};
const hair = ['#1f1a17', '#3b2a20', '#5a3825', '#2b2b2b'];

/** A stable small number from a name, so a spotlight always gets the same colours. */
function pick<T>(list: readonly T[], name: string, salt: number): T {
  let hash = salt;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return list[hash % list.length]!;
}

/** The two initials a drawing carries, from the spotlight's file name: `marisol-reyes` → MR. */
function initialsOf(id: string): string[] {
  return id
    .split('-')
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase());
}

/**
 * What a drawing shows, in words for people who cannot see it: the alt text of a spotlight whose
 * photo is still a drawing. Initials are spelt out ("M. R."), which screen readers read as letters.
 */
export function drawingDescription(id: string, lang: Locale): string {
  const words = drawingWords[lang];
  const shirt = words.shirts[shirts.indexOf(pick(shirts, id, 3))]!;
  const initials = initialsOf(id)
    .map((letter) => `${letter}.`)
    .join(' ');
  return words.drawing(shirt, initials);
}

/** Draws `id`'s placeholder portrait into `file`, as a JPEG. */
export async function drawPortrait(id: string, file: string): Promise<void> {
  await sharp(Buffer.from(portraitSvg(id)))
    .jpeg({ quality: 80, mozjpeg: true })
    .toFile(file);
}

/** An 800×800 portrait: sky, ground, a person with head and shoulders, their initials on the shirt. */
export function portraitSvg(id: string): string {
  const sky = pick(skies, id, 1);
  const skin = pick(skins, id, 2);
  const shirt = pick(shirts, id, 3);
  const hairColour = pick(hair, id, 4);
  const initials = initialsOf(id).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#fff8ee"/>
  </linearGradient></defs>
  <rect width="800" height="800" fill="url(#sky)"/>
  <circle cx="640" cy="170" r="70" fill="#fff3c4" opacity="0.8"/>
  <path d="M0 560 Q200 500 400 550 T800 530 V800 H0Z" fill="#6f8f5a" opacity="0.55"/>
  <path d="M150 800 Q160 560 400 545 Q640 560 650 800Z" fill="${shirt}"/>
  <rect x="365" y="440" width="70" height="120" rx="30" fill="${skin}"/>
  <ellipse cx="400" cy="350" rx="115" ry="135" fill="${skin}"/>
  <path d="M285 340 Q280 200 400 205 Q520 200 515 340 Q500 260 400 262 Q300 260 285 340Z" fill="${hairColour}"/>
  <text x="400" y="720" font-family="sans-serif" font-size="72" font-weight="700" fill="#ffffff" text-anchor="middle" opacity="0.85">${initials}</text>
</svg>`;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
  for (const id of contentIds(contentDir, 'spotlights')) {
    const file = new URL(`${id}.jpg`, photosDir);
    if (!values.force && existsSync(file)) continue;
    await drawPortrait(id, file.pathname);
    console.log(`Drew content/photos/${id}.jpg; its alt text: "${drawingDescription(id, 'en')}"`);
  }
}
