import { describe, expect, it } from 'vitest';
import { purgeExpired } from './maintenance.ts';
import { databases } from './testing.ts';

describe.each(databases)('purgeExpired on %s', (_kind, open) => {
  it('forgets idempotency keys after 48 hours, and not before', async () => {
    const db = await open();
    try {
      await db.query(
        `insert into idempotency_keys (scope, key, request_hash, response, created_at) values
           ('POST /x', 'fresh', 'h', '{}', now() - interval '25 hours'),
           ('POST /x', 'stale', 'h', '{}', now() - interval '49 hours')`,
      );
      await db.query(
        `insert into rate_limits (key, window_start, hits) values
           ('ip:1', now(), 1), ('ip:2', now() - interval '2 days', 1)`,
      );
      await purgeExpired(db);
      expect(await db.query('select key from idempotency_keys')).toEqual([{ key: 'fresh' }]);
      expect(await db.query('select key from rate_limits')).toEqual([{ key: 'ip:1' }]);
    } finally {
      await db.close();
    }
  });
});
