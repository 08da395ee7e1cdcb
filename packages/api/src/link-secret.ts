/** The secret that signs links sent to people, shared by every API instance through the database. */
import { randomBytes } from 'node:crypto';
import type { Database } from './database.ts';

export async function linkSecret(db: Database): Promise<string> {
  await db.query(
    `insert into settings (name, value) values ('link_secret', $1) on conflict (name) do nothing`,
    [randomBytes(32).toString('hex')],
  );
  const [row] = await db.query<{ value: string }>(
    `select value from settings where name = 'link_secret'`,
  );
  return row!.value;
}
