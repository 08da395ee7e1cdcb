/**
 * Photo upload: a phone's photo, with where it was taken in its EXIF, is saved turned the way it
 * was held and without its metadata, under a safe name not taken yet, committed as its uploader;
 * a file that is no photo, however it is named, is refused naming the field; and the photos are
 * served to the editor from photos/ alone. On both databases, with real git.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleOrigin, databases, openTestApi, type TestApi } from '../testing.ts';
import { safeBaseName } from './photos.ts';
import { commits, contentFolder, git, signedIn } from './testing-publishing.ts';

/** A photo as a phone takes it: held upright (EXIF orientation 6), with a GPS position. */
const phonePhoto = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#c84' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Phone' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '29/1 57/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '90/1 4/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();

/** Whether EXIF data points to a GPS section (tag 0x8825, in either byte order). */
const hasGps = (exif: Buffer | undefined) =>
  exif !== undefined &&
  (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

describe.each(databases)('photo upload on %s', (_kind, open) => {
  let api: TestApi;
  let dir: string;
  let writer: string;

  const upload = (
    bytes: Uint8Array<ArrayBuffer>,
    name: string,
    type = 'image/jpeg',
    cookie = writer,
  ) => {
    const form = new FormData();
    form.append('photo', new File([bytes], name, { type }));
    return api.app.request(`${consoleOrigin}/api/v1/staff/content/photos`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: consoleOrigin, 'Sec-Fetch-Site': 'same-origin' },
      body: form,
    });
  };
  const photo = (src: string) =>
    api.app.request(`${consoleOrigin}/api/v1/staff/content/photos/${src}`, {
      headers: { Cookie: writer },
    });

  beforeEach(async () => {
    dir = contentFolder();
    api = await openTestApi(open, undefined, undefined, dir);
    writer = await signedIn(api, 'communications');
  });
  afterEach(() => api.close());

  it('saves a phone photo upright, without where it was taken, under a safe new name', async () => {
    const original = await phonePhoto();
    expect(hasGps((await sharp(original).metadata()).exif)).toBe(true);

    const response = await upload(original, 'Foto de Doña Rosa (1).JPG');
    expect(response.status).toBe(201);
    // Held upright: the 64 × 48 pixels turned a quarter.
    expect(await response.json()).toEqual({
      src: 'foto-de-dona-rosa-1.jpg',
      width: 48,
      height: 64,
    });

    const saved = readFileSync(join(dir, 'photos/foto-de-dona-rosa-1.jpg'));
    const metadata = await sharp(saved).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 48, height: 64 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(commits(dir)[0]).toBe(
      'Lucía Pérez <communications@example.org>|Add photo foto-de-dona-rosa-1.jpg',
    );
    expect(git(dir, 'status', '--porcelain')).toBe('');

    // The same name again is another photo, not the first one replaced.
    const again = await upload(original, 'Foto de Doña Rosa (1).JPG');
    expect((await again.json()).src).toBe('foto-de-dona-rosa-1-2.jpg');

    // The editor's preview shows it as saved.
    const shown = await photo('foto-de-dona-rosa-1.jpg');
    expect(shown.status).toBe(200);
    expect(shown.headers.get('Content-Type')).toBe('image/jpeg');
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(saved);

    const [entry] = await api.db.query<{ subject_id: string; detail: object }>(
      `select subject_id, detail from audit_log where action = 'photo-uploaded' order by id limit 1`,
    );
    expect(entry).toEqual({
      subject_id: 'foto-de-dona-rosa-1.jpg',
      detail: {
        bytes: original.length,
        width: 48,
        height: 64,
        commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      },
    });
  });

  it('takes a WebP by its bytes, whatever its name says', async () => {
    const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .webp()
      .toBuffer();
    const response = await upload(webp, 'cartel.png', 'image/png');
    expect(response.status).toBe(201);
    expect((await response.json()).src).toBe('cartel.webp');
  });

  it('refuses a file that is no photo, naming the field, and saves nothing', async () => {
    const script = new TextEncoder().encode('<svg onload="alert(1)"></svg>');
    const response = await upload(script, 'photo.jpg');
    expect(response.status).toBe(415);
    const problem = await response.json();
    expect(problem.detail).toMatch(/upload a JPEG, PNG, WebP or AVIF image/);
    expect(problem.errors).toEqual([
      { path: 'photo', code: 'invalid', message: expect.stringMatching(/JPEG/) },
    ]);
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect((await upload(gif, 'moving.gif', 'image/gif')).status).toBe(415);
    const missing = await api.app.request(`${consoleOrigin}/api/v1/staff/content/photos`, {
      method: 'POST',
      headers: { Cookie: writer, Origin: consoleOrigin, 'Sec-Fetch-Site': 'same-origin' },
      body: new FormData(),
    });
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors[0]).toMatchObject({ path: 'photo', code: 'required' });
    expect(commits(dir)).toHaveLength(1);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses a photo over 10 MB before reading it', async () => {
    const response = await upload(new Uint8Array(11 * 1024 * 1024), 'huge.jpg');
    expect(response.status).toBe(413);
  });

  it('serves photos from photos/ alone', async () => {
    expect((await photo('marisol-reyes.jpg')).status).toBe(200);
    for (const name of [
      '..%2Fspotlights%2Fen%2Fmarisol-reyes.mdx',
      '..%2F..%2Fetc%2Fpasswd',
      '.git',
      'nobody.jpg',
    ])
      expect((await photo(name)).status).toBe(404);
    const traversal = await api.app.request(
      `${consoleOrigin}/api/v1/staff/content/photos/../spotlights/en/marisol-reyes.mdx`,
      { headers: { Cookie: writer } },
    );
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toMatch(/Marisol/);
  });

  it('is for communications staff and admins, from the console itself', async () => {
    const organizer = await signedIn(api, 'organizer');
    expect((await upload(await phonePhoto(), 'x.jpg', 'image/jpeg', organizer)).status).toBe(403);
    const form = new FormData();
    form.append('photo', new File([await phonePhoto()], 'x.jpg'));
    const crossSite = await api.app.request(`${consoleOrigin}/api/v1/staff/content/photos`, {
      method: 'POST',
      headers: {
        Cookie: writer,
        Origin: 'https://elsewhere.example',
        'Sec-Fetch-Site': 'cross-site',
      },
      body: form,
    });
    expect(crossSite.status).toBe(403);
    expect(commits(dir)).toHaveLength(1);
  });
});

describe('a photo’s name', () => {
  it('keeps letters and digits of the original, in lower case', () => {
    expect(safeBaseName('IMG_2041.HEIC')).toBe('img-2041');
    expect(safeBaseName('../../etc/passwd')).toBe('passwd');
    expect(safeBaseName('C:\\fotos\\Año Nuevo.jpeg')).toBe('ano-nuevo');
    expect(safeBaseName('.jpg')).toBe('photo');
    expect(safeBaseName('★★★.png')).toBe('photo');
  });
});
