import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';
import { databases } from './testing.ts';

describe.each(databases)('migrate on %s', (_kind, open) => {
  it('applies every migration once, and nothing on the next start', async () => {
    const db = await open();
    try {
      const rows = await db.query<{ name: string }>(
        'select name from schema_migrations order by name',
      );
      expect(rows.map((row) => row.name)).toEqual([
        '001_people_and_actions.sql',
        '002_write_functions.sql',
        '003_translations.sql',
        '004_dues.sql',
        '005_dues_checkouts.sql',
        '006_write_batches.sql',
        '007_write_batches_without_savepoints.sql',
        '008_signature_counts_once_per_batch.sql',
        '009_actions_found_by_person.sql',
        '010_attendance_check_in.sql',
      ]);
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
