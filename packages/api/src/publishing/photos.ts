/**
 * Photos staff upload from the editor, for the pieces they write: a JPEG, PNG, WebP or AVIF image
 * (as its bytes say, whatever its name), turned the way it was taken and written again without
 * its metadata — no EXIF, so no place it was taken (GPS), no camera, no time — under a name made
 * safe from the original's and not taken yet, into the content folder's photos/, and committed
 * where the folder is a repository, like a publication.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { concurrencyCap } from '../concurrency-cap.ts';
import { commitContent, type Author, type Committed } from './git.ts';
import { oneAtATime } from './publish.ts';

/** The largest photo taken: a phone's photo is a few megabytes. */
export const maxPhotoBytes = 10 * 1024 * 1024;

/** A decoded photo's largest size, so a small file cannot unfold into gigabytes: 100 megapixels. */
const maxPixels = 100_000_000;

/** The kinds of image taken, by the file name ending each is written with. */
export const photoTypes = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
} as const;
type PhotoExtension = keyof typeof photoTypes;

export type SavedPhoto =
  | { ok: true; src: string; width: number; height: number; committed: Committed | null }
  | { ok: false };

/** The kind of image the bytes are, or null when they are none of those taken. */
async function photoKind(bytes: Uint8Array): Promise<PhotoExtension | null> {
  try {
    const { format, compression } = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
    if (format === 'jpeg') return 'jpg';
    if (format === 'png' || format === 'webp') return format;
    // AVIF is HEIF holding AV1; HEIF from an iPhone holds HEVC, which browsers do not show.
    if (format === 'heif' && compression === 'av1') return 'avif';
    return null;
  } catch {
    return null; // Not an image at all.
  }
}

/**
 * Saves the photo, or answers `{ ok: false }` when its bytes are not a JPEG, PNG, WebP or AVIF
 * image. One at a time with publications, so two uploads never take the same name.
 */
const photoWork = concurrencyCap({ atOnce: 1, waiting: 2 });

export async function savePhoto(options: {
  contentDir: string;
  bytes: Uint8Array;
  originalName: string;
  author: Author;
}): Promise<SavedPhoto> {
  const { contentDir, bytes, originalName, author } = options;
  const kind = await photoKind(bytes);
  if (kind === null) return { ok: false };
  // Turned as the camera says it was held, then written anew: sharp keeps no metadata unless asked.
  const image = sharp(bytes, { limitInputPixels: maxPixels }).rotate();
  const encoded =
    kind === 'jpg'
      ? image.jpeg({ quality: 88 })
      : kind === 'png'
        ? image.png()
        : kind === 'webp'
          ? image.webp({ quality: 88 })
          : image.avif({ quality: 70 });
  // A large photo takes hundreds of MB and seconds of a core to decode and encode again: one at a
  // time in this process, two more waiting, the rest refused (AtCapacity, a 503 to try again).
  const { data, info } = await photoWork.run(() => encoded.toBuffer({ resolveWithObject: true }));
  return oneAtATime(async () => {
    const dir = join(contentDir, 'photos');
    await mkdir(dir, { recursive: true });
    const src = freeName(dir, safeBaseName(originalName), kind);
    const file = join(dir, src);
    const aside = `${file}.${process.pid}.writing`;
    await writeFile(aside, data);
    await rename(aside, file);
    const committed = await commitContent(contentDir, [file], author, `Add photo ${src}`);
    return { ok: true, src, width: info.width, height: info.height, committed };
  });
}

/**
 * The original's name without its ending, in lower-case letters, digits and dashes, accents taken
 * off (`Foto de Señora Ruiz (1).JPG` becomes `foto-de-senora-ruiz-1`); `photo` when nothing is left.
 */
export function safeBaseName(originalName: string): string {
  const base = (originalName.split(/[/\\]/).pop() ?? '').replace(/\.[^.]*$/, '');
  const safe = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return safe || 'photo';
}

/** `base.ext`, or `base-2.ext`, `base-3.ext`… the first not in `dir` yet. */
function freeName(dir: string, base: string, extension: PhotoExtension): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.${extension}` : `${base}-${n}.${extension}`;
    if (!existsSync(join(dir, name))) return name;
  }
}

/** What a photo's name may be to be served: a plain name in photos/, with an image's ending. */
export const servablePhoto = /^[a-z0-9][a-z0-9._-]{0,127}\.(jpe?g|png|webp|avif)$/i;

/** The media type of a photo's name, by its ending. */
export function photoMediaType(name: string): string {
  const ending = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return ending === 'jpeg' ? photoTypes.jpg : photoTypes[ending as PhotoExtension];
}
