import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { walkInKey } from './events/walk-ins.ts';
import { migrate } from './migrate.ts';
import { searchPeople } from './people/search.ts';
import { schemaText } from './schema.ts';
import { databases, emptyDatabases, openTestApi, staffToken, type TestApi } from './testing.ts';

describe.each(databases)('migrate on %s', (_kind, open) => {
  it('applies every migration once, and nothing on the next start', async () => {
    const db = await open();
    try {
      const rows = await db.query<{ name: string }>(
        'select name from schema_migrations order by name',
      );
      // Every file in migrations/, in name order.
      const files = (await readdir(new URL('../migrations/', import.meta.url)))
        .filter((name) => name.endsWith('.sql'))
        .sort();
      expect(files.length).toBeGreaterThanOrEqual(11);
      expect(rows.map((row) => row.name)).toEqual(files);
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe.each(databases)('the schema on %s', (_kind, open) => {
  it('is the committed snapshot, after every migration and function file', async () => {
    const db = await open();
    try {
      await expect(await schemaText(db)).toMatchFileSnapshot('../sql/schema.snapshot.txt');
    } finally {
      await db.close();
    }
  });
});

describe.each(emptyDatabases)('migration 020 on %s', (_kind, open) => {
  it('gives a walk-in recorded under a made-up address no email, found again by its replay', async () => {
    const db = await open();
    let api: TestApi | undefined;
    try {
      await migrate(db, { before: '020' });
      // As the API recorded a walk-in without an email until then, beside a person with one.
      const key = 'walk-in-before-the-upgrade';
      await db.query(
        `insert into people (email, given_name, referral_code, updated_at)
         values ($1, 'Marisol', 'code-marisol', '2026-01-01T00:00:00Z'),
                ('rosa@example.org', 'Rosa', 'code-rosa', '2026-01-01T00:00:00Z')`,
        [`walk-in-${walkInKey('union-meeting', key)}@walk-ins.invalid`],
      );

      // 020 first, then whatever came after it.
      expect((await migrate(db))[0]).toBe('020_walk_ins_without_email.sql');
      const people = () =>
        db.query(
          `select given_name, email, walk_in_key, updated_at > '2026-01-02' as changed
           from people order by given_name`,
        );
      expect(await people()).toEqual([
        // Changed, so that a sync tool that copied the made-up address hears of it.
        {
          given_name: 'Marisol',
          email: null,
          walk_in_key: walkInKey('union-meeting', key),
          changed: true,
        },
        { given_name: 'Rosa', email: 'rosa@example.org', walk_in_key: null, changed: false },
      ]);
      // Found by name, as anyone is, and not by what was her address.
      expect((await searchPeople(db, 'marisol')).map((match) => match.email)).toEqual([null]);
      expect(await searchPeople(db, 'walk-ins')).toEqual([]);

      // The door's queue sends the walk-in again after the upgrade, its key long forgotten: it
      // finds her, rather than adding her a second time.
      api = await openTestApi(async () => db);
      const replay = await api.app.request(
        'http://api.rally.test/api/v1/events/union-meeting/walk-ins',
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'OSDI-API-Token': staffToken,
            'Idempotency-Key': key,
          },
          body: JSON.stringify({ given_name: 'Marisol' }),
        },
      );
      expect(replay.status).toBe(201);
      expect(await db.query('select count(*)::int as people from people')).toEqual([{ people: 2 }]);
      expect(
        await db.query(
          `select p.given_name, p.email from attendances a join people p on p.id = a.person_id`,
        ),
      ).toEqual([{ given_name: 'Marisol', email: null }]);
    } finally {
      await (api ? api.close() : db.close());
    }
  });
});
