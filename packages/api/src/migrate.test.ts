import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';
import { schemaText } from './schema.ts';
import { databases } from './testing.ts';

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
