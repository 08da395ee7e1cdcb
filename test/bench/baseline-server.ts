/**
 * The benchmark's baseline: the least an API can do for a signature — a bare Hono handler that
 * runs one INSERT into the same kind of database, with no validation, dedupe or idempotency.
 */
import { serve } from '@hono/node-server';
import { PGlite } from '@electric-sql/pglite';
import { Hono } from 'hono';
import pg from 'pg';

const url = process.env.DATABASE_URL;
const insert = 'insert into bench_signatures (email, petition) values ($1, $2)';
const schema = `create table if not exists bench_signatures (
  id bigint generated always as identity primary key, email text not null, petition text not null,
  created_at timestamptz not null default now())`;

let run: (params: unknown[]) => Promise<unknown>;
if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  await pool.query(schema);
  run = (params) => pool.query(insert, params);
} else {
  const db = await PGlite.create(process.env.RALLY_DATA_DIR!);
  await db.exec(schema);
  run = (params) => db.query(insert, params);
}

const app = new Hono();
app.post('/sign', async (c) => {
  const body = await c.req.json<{ email: string }>();
  await run([body.email, 'bench']);
  return c.json({ ok: true }, 201);
});
serve({ fetch: app.fetch, port: Number(process.env.PORT) }, () => console.log('ready'));
