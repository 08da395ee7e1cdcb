/**
 * The database's schema as text — tables and their columns, constraints, indexes, functions and
 * triggers — with the schema's own name left out, so that a fresh install on either database can
 * be compared with the committed `sql/schema.snapshot.txt`.
 */
import type { Queryable } from './database.ts';

export async function schemaText(db: Queryable): Promise<string> {
  const [{ schema }] = (await db.query<{ schema: string }>(
    'select current_schema() as schema',
  )) as [{ schema: string }];
  const sections = await Promise.all([
    db.query<{ line: string }>(
      `select format('%s.%s %s%s%s', table_name, column_name, data_type,
                     case when is_nullable = 'NO' then ' not null' else '' end,
                     coalesce(' default ' || column_default, '')) as line
       from information_schema.columns where table_schema = $1
       order by table_name, ordinal_position`,
      [schema],
    ),
    db.query<{ line: string }>(
      `select format('%s %s: %s', t.relname, c.conname, pg_get_constraintdef(c.oid)) as line
       from pg_constraint c join pg_class t on t.oid = c.conrelid
       join pg_namespace n on n.oid = t.relnamespace
       where n.nspname = $1 and c.contype <> 'n' order by t.relname, c.conname`,
      [schema],
    ),
    db.query<{ line: string }>(
      'select indexdef as line from pg_indexes where schemaname = $1 order by tablename, indexname',
      [schema],
    ),
    db.query<{ line: string }>(
      `select pg_get_functiondef(p.oid) as line from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = $1 order by p.proname, pg_get_function_identity_arguments(p.oid)`,
      [schema],
    ),
    db.query<{ line: string }>(
      `select pg_get_triggerdef(t.oid) as line from pg_trigger t
       join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and not t.tgisinternal order by c.relname, t.tgname`,
      [schema],
    ),
  ]);
  const names = ['columns', 'constraints', 'indexes', 'functions', 'triggers'];
  return sections
    .map((rows, index) => [`-- ${names[index]}`, ...rows.map((row) => row.line.trim())].join('\n'))
    .join('\n\n')
    .replaceAll(`${schema}.`, '')
    .concat('\n');
}
