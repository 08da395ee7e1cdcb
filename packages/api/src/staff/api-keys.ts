/**
 * API keys for the organization's sync tools: named, read or read-write, shown once as
 * `rk_<43 characters>` and stored as their SHA-256, revocable, each with its last use. The
 * RALLY_ADMIN_TOKEN from the environment is one more key, the bootstrap key, with scope `admin`.
 */
import type { ApiKey } from '@rally/core';
import type { Database, Queryable } from '../database.ts';
import { HttpProblem } from '../http/problems.ts';
import { uuidPattern } from '../http/query.ts';
import type { KeyScope, Staff } from './roles.ts';
import { hashToken, newToken } from './tokens.ts';

/** A key's last use is written at most this often: a sync tool's every request would be a write. */
const lastUseEverySeconds = 60;

export const bootstrapKeyName = 'RALLY_ADMIN_TOKEN';

export interface ApiKeyRow extends Record<string, unknown> {
  id: string;
  name: string;
  scope: KeyScope;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const keyColumns = 'id, name, scope, created_by, created_at, last_used_at, revoked_at';

export function apiKeyAnswer(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}

/** Makes `token` the bootstrap key, replacing the previous one; none when it is not set. */
export async function installEnvironmentToken(
  db: Database,
  token: string | undefined,
): Promise<void> {
  await db.transaction(async (tx) => {
    // Instances starting together each replace the token: one at a time, or two would each find
    // no token and insert the same one. A lock of its own, so no migration waits for it.
    await tx.query('select pg_advisory_xact_lock(7261002)');
    await tx.query(`delete from api_tokens where scope = 'admin'`);
    if (token) {
      await tx.query(`insert into api_tokens (token_hash, name, scope) values ($1, $2, 'admin')`, [
        hashToken(token),
        bootstrapKeyName,
      ]);
    }
  });
}

/** A new key: the row, and the key itself, which is never stored and never shown again. */
export async function createApiKey(
  db: Queryable,
  name: string,
  scope: 'read' | 'read-write',
  createdBy: string | null,
): Promise<{ row: ApiKeyRow; key: string }> {
  const key = `rk_${newToken()}`;
  const [row] = await db.query<ApiKeyRow>(
    `insert into api_tokens (token_hash, name, scope, created_by) values ($1, $2, $3, $4)
     returning ${keyColumns}`,
    [hashToken(key), name, scope, createdBy],
  );
  return { row: row!, key };
}

/** Every key, the bootstrap key among them, newest first; revoked ones after the rest. */
export function listApiKeys(db: Queryable): Promise<ApiKeyRow[]> {
  return db.query<ApiKeyRow>(
    `select ${keyColumns} from api_tokens order by revoked_at is not null, created_at desc, id`,
  );
}

/** Revokes a key; the bootstrap key is the environment's to change, not the console's. */
export async function revokeApiKey(db: Queryable, id: string): Promise<ApiKeyRow> {
  const [row] = uuidPattern.test(id)
    ? await db.query<ApiKeyRow>(`select ${keyColumns} from api_tokens where id = $1`, [id])
    : [];
  if (!row) {
    throw new HttpProblem(
      404,
      `No API key has the id ${id}: take it from GET /api/v1/staff/api-keys.`,
    );
  }
  if (row.scope === 'admin') {
    throw new HttpProblem(
      409,
      'The bootstrap key comes from RALLY_ADMIN_TOKEN: unset or change it there and restart the API.',
    );
  }
  const [revoked] = await db.query<ApiKeyRow>(
    `update api_tokens set revoked_at = coalesce(revoked_at, now()) where id = $1
     returning ${keyColumns}`,
    [id],
  );
  return revoked!;
}

/**
 * Who a key is, as who is asking; 'revoked' or undefined when it lets nobody in. Its last use is
 * recorded, once a minute at most.
 */
export async function staffOfKey(
  db: Queryable,
  token: string,
): Promise<Staff | 'revoked' | undefined> {
  const [row] = await db.query<ApiKeyRow & { stale: boolean }>(
    `select ${keyColumns},
            coalesce(last_used_at < now() - make_interval(secs => $2::float8), true) as stale
     from api_tokens where token_hash = $1`,
    [hashToken(token), lastUseEverySeconds],
  );
  if (!row) return undefined;
  if (row.revoked_at) return 'revoked';
  if (row.stale)
    await db.query('update api_tokens set last_used_at = now() where id = $1', [row.id]);
  return {
    kind: 'key',
    id: row.id,
    label: row.name,
    name: row.name,
    // A key acts for the organization: as an admin, a read key only for reading.
    role: 'admin',
    regions: [],
    sectors: [],
    sources: [],
    canWrite: row.scope !== 'read',
    scope: row.scope,
  };
}
