/**
 * Photos in the sizes the pages ask for, each worked out once per build. Astro's `getImage` hashes
 * its options anew on every call, and a member's photo appears on four story pages and on cards,
 * with the same sizes each time: 1.6 s of a 25 s build of 1,000 stories, by profile.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';

type Options = { format: 'webp' | 'jpg' | 'jpeg' | 'png' | 'gif' | 'svg' } & (
  { width: number } | { widths: number[] }
);
type Image = Awaited<ReturnType<typeof getImage>>;

/**
 * The widths every photo is offered in, on cards, story pages and the carousel alike: a phone
 * picks the same file for a story's card and its page, so the story opens with its photo already
 * downloaded, and each photo is encoded four times rather than once per place it appears.
 */
export const photoWidths = [240, 480, 720, 960];

/** The widest a photo is sent: link previews, and browsers without WebP. */
const largestWidth = 1200;

const made = new Map<string, Promise<Image>>();

/** `getImage` for a local photo, from what it made before when asked the same. */
export function sizedPhoto(src: ImageMetadata, options: Options): Promise<Image> {
  const key = JSON.stringify([src.src, options]);
  let image = made.get(key);
  if (!image) {
    image = getImage({ src, ...options });
    made.set(key, image);
    image.catch(() => made.delete(key)); // A failure is not kept: the next page asks again.
  }
  return image;
}

/**
 * The photo once, large, in a format every browser and link preview reads: the photo's own for
 * GIF and SVG, JPEG for the rest (`preview`) or PNG where transparency may matter (the fallback).
 * Never wider than the photo itself, so a JPEG photo's fallback and preview are one file.
 */
export function largePhoto(src: ImageMetadata, use: 'fallback' | 'preview'): Promise<Image> {
  const format = use === 'preview' ? 'jpg' : fallbackFormat(src);
  return sizedPhoto(src, { format, width: Math.min(largestWidth, src.width) });
}

/** The format a `<picture>` falls back to: the photo's own for photographs, as Astro's does. */
function fallbackFormat(src: ImageMetadata): Options['format'] {
  return (['gif', 'svg', 'jpg', 'jpeg'] as const).find((format) => format === src.format) ?? 'png';
}
