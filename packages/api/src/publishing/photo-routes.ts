/**
 * Photos from the console: uploading one for a piece (its metadata taken off, photos.ts), and
 * showing one from the content folder's photos/ in the editor's preview.
 */
import { readFile, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { HttpProblem } from '../http/problems.ts';
import { fileResponse, jsonResponse, pathParameter, problemResponse } from '../openapi.ts';
import { audit } from '../staff/audit.ts';
import { requireSession } from '../staff/require-staff.ts';
import { AtCapacity } from '../concurrency-cap.ts';
import { maxPhotoBytes, photoMediaType, savePhoto, servablePhoto } from './photos.ts';
import { authorOf, mayPublish, staffWords } from './route-parts.ts';

const uploadedAnswer = z.object({
  src: z.string().describe('Its name in photos/, for a piece’s photo.src'),
  width: z.number().int(),
  height: z.number().int(),
});

const photoField = (code: 'required' | 'invalid', message: string) => ({
  errors: [{ path: 'photo', code, message }],
});

/** The most a photo may be, in megabytes, as staff are told it. */
const maxMegabytes = maxPhotoBytes / 1024 / 1024;

/**
 * A photo over the most taken, refused naming the field in the staff member's language: by the
 * route, or by the API's limit on the upload's size before it is read.
 */
export function photoTooLarge(c: Context): HttpProblem {
  const words = staffWords(c).photos;
  return new HttpProblem(
    413,
    words.tooLarge(maxMegabytes),
    photoField('invalid', words.atMost(maxMegabytes)),
  );
}

export function photoRoutes(routes: Hono<AppContext>, folder: (c: Context) => string): void {
  routes.post(
    '/photos',
    describeRoute({
      summary: 'Upload a photo for a piece (communications, admin)',
      description:
        'multipart/form-data with the photo in the field `photo`: a JPEG, PNG, WebP or AVIF image of 10 MB at most, as its bytes say whatever its name. It is turned the way it was taken and written again without its metadata (no EXIF: no GPS position, camera or time), under a name made from the original’s in lower-case letters, digits and dashes and not taken yet, into the content folder’s photos/, committed where the folder is a repository.',
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { photo: { type: 'string', format: 'binary' } },
              required: ['photo'],
            },
          },
        },
      },
      responses: {
        201: jsonResponse('Saved', 'UploadedPhoto', uploadedAnswer),
        413: problemResponse('Over 10 MB'),
        415: problemResponse('Not multipart/form-data, or not a JPEG, PNG, WebP or AVIF image'),
        422: problemResponse('No photo in the field `photo`'),
        503: problemResponse(
          'Publishing is off (no content folder), or other photos are being prepared (`photos-busy`, see Retry-After)',
        ),
      },
    }),
    requireSession,
    mayPublish,
    async (c) => {
      const dir = folder(c);
      const words = staffWords(c).photos;
      if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? ''))
        throw new HttpProblem(415, words.sendForm, photoField('invalid', words.choose));
      const body = await c.req.parseBody().catch(() => {
        throw new HttpProblem(400, words.incomplete);
      });
      const photo = body.photo;
      if (!(photo instanceof File) || photo.size === 0)
        throw new HttpProblem(422, words.choose, photoField('required', words.chooseOne));
      if (photo.size > maxPhotoBytes) throw photoTooLarge(c);
      const saved = await savePhoto({
        contentDir: dir,
        bytes: new Uint8Array(await photo.arrayBuffer()),
        originalName: photo.name,
        author: await authorOf(c),
      }).catch((error: unknown) => {
        if (error instanceof AtCapacity)
          throw new HttpProblem(503, words.busy, {
            kind: 'photos-busy',
            headers: { 'Retry-After': '5' },
          });
        throw error;
      });
      if (!saved.ok)
        throw new HttpProblem(
          415,
          words.notAPhoto(photo.name),
          photoField('invalid', words.notAnImage),
        );
      await audit(c, {
        action: 'photo-uploaded',
        subjectKind: 'photo',
        subjectId: saved.src,
        detail: {
          bytes: photo.size,
          width: saved.width,
          height: saved.height,
          commit: saved.committed?.commit ?? null,
        },
      });
      return c.json({ src: saved.src, width: saved.width, height: saved.height }, 201);
    },
  );

  routes.get(
    '/photos/:src',
    describeRoute({
      summary:
        'One photo from the content folder’s photos/, for the editor (communications, admin)',
      parameters: [pathParameter('src', 'Its name in photos/, as a piece’s photo.src names it')],
      responses: {
        200: fileResponse('The photo', 'image/*'),
        404: problemResponse('No such photo'),
        503: problemResponse('Publishing is off: the API has no content folder'),
      },
    }),
    requireSession,
    mayPublish,
    async (c) => {
      const src = c.req.param('src');
      const file = await photoFile(folder(c), src);
      if (file === null) throw new HttpProblem(404, staffWords(c).photos.noPhoto(src));
      return c.body(new Uint8Array(await readFile(file)), 200, {
        'Content-Type': photoMediaType(src),
        'Cache-Control': 'private, max-age=300',
      });
    },
  );
}

/** The photo's file, only ever inside photos/ (a name with a path in it, or a link out, is none). */
async function photoFile(contentDir: string, src: string): Promise<string | null> {
  if (!servablePhoto.test(src)) return null;
  try {
    const photos = await realpath(join(contentDir, 'photos'));
    const file = await realpath(join(photos, src));
    return file.startsWith(photos + sep) ? file : null;
  } catch {
    return null; // No such file.
  }
}
