import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { openDatabase, type Database } from './database.ts';

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://' });
  app = createApp({ db });
});
afterAll(() => db.close());

describe('GET /healthz', () => {
  it('answers ok when the database answers', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('answers 503 when the database is gone', async () => {
    const closed = await openDatabase({ dataDir: 'memory://' });
    await closed.close();
    const response = await createApp({ db: closed }).request('/healthz');
    expect(response.status).toBe(503);
  });
});

describe('GET /api/v1', () => {
  it('is an OSDI entry point in HAL+JSON with absolute links', async () => {
    const response = await app.request('http://rally.test/api/v1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/hal\+json/);
    const body = await response.json();
    expect(body.osdi_version).toBe('1.1');
    expect(body._links.self.href).toBe('http://rally.test/api/v1');
    expect(body._links['rally:health'].href).toBe('http://rally.test/healthz');
  });
});
