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

/** The format a `<picture>` falls back to: the photo's own for photographs, as Astro's does. */
export function fallbackFormat(src: ImageMetadata): Options['format'] {
  return (['gif', 'svg', 'jpg', 'jpeg'] as const).find((format) => format === src.format) ?? 'png';
}
