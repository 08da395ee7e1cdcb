/**
 * Files the API serves from disk — the staff console's build, a preview's pages — by their
 * ending's media type, and read only when they are files.
 */
import { stat, readFile } from 'node:fs/promises';
import { extname } from 'node:path';

const mediaTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The media type of a file by its ending; undefined for an ending served by neither. */
export function mediaTypeOf(path: string): string | undefined {
  return mediaTypes[extname(path)];
}

/** The file's bytes; undefined when there is no such file (or it is a folder). */
export async function readIfFile(path: string): Promise<Buffer | undefined> {
  try {
    return (await stat(path)).isFile() ? await readFile(path) : undefined;
  } catch {
    return undefined;
  }
}
