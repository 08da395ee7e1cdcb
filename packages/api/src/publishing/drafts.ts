/**
 * Drafts: what a staff member saved from the editor without publishing it, one per piece, kept in
 * the database rather than the content folder so that nothing half-written can reach the sites'
 * build. A draft with a time to publish at is scheduled (scheduled.ts).
 */
import type { Collection, Piece } from '@rally/content';
import type { Queryable } from '../database.ts';
import type { Author } from './git.ts';

export interface Draft {
  versions: Piece;
  /** When the API publishes it by itself; null: it waits for someone to publish it. */
  publish_at: Date | null;
  updated_at: Date;
  /** Who saved it last; null once their account is gone. */
  updated_by: Author | null;
}

interface DraftRow extends Record<string, unknown> {
  versions: Piece;
  publish_at: Date | null;
  updated_at: Date;
  author_name: string | null;
  author_email: string | null;
}

const draftColumns = `d.versions, d.publish_at, d.updated_at,
  (select coalesce(nullif(a.name, ''), a.email) from staff_accounts a where a.id = d.updated_by) as author_name,
  (select a.email from staff_accounts a where a.id = d.updated_by) as author_email`;

function draftOf(row: DraftRow): Draft {
  return {
    versions: row.versions,
    publish_at: row.publish_at,
    updated_at: row.updated_at,
    updated_by:
      row.author_email === null ? null : { name: row.author_name!, email: row.author_email },
  };
}

export async function readDraft(
  db: Queryable,
  collection: Collection,
  id: string,
): Promise<Draft | null> {
  const [row] = await db.query<DraftRow>(
    `select ${draftColumns} from content_drafts d where d.collection = $1 and d.id = $2`,
    [collection, id],
  );
  return row ? draftOf(row) : null;
}

/** Saves the piece's draft, replacing the one before, as `accountId`. */
export async function saveDraft(
  db: Queryable,
  draft: {
    collection: Collection;
    id: string;
    versions: Piece;
    publishAt: Date | null;
    accountId: string;
  },
): Promise<Draft> {
  const [row] = await db.query<DraftRow>(
    `insert into content_drafts as d (collection, id, versions, publish_at, updated_by)
     values ($1, $2, $3, $4, $5)
     on conflict (collection, id) do update set versions = excluded.versions,
       publish_at = excluded.publish_at, updated_by = excluded.updated_by, updated_at = now()
     returning ${draftColumns}`,
    [draft.collection, draft.id, JSON.stringify(draft.versions), draft.publishAt, draft.accountId],
  );
  return draftOf(row!);
}

/** Removes the piece's draft; whether there was one. */
export async function deleteDraft(
  db: Queryable,
  collection: Collection,
  id: string,
  /** Only if this account saved it last: a colleague's draft is theirs to publish or discard. */
  savedBy?: string,
): Promise<boolean> {
  const removed = await db.query(
    `delete from content_drafts where collection = $1 and id = $2
       and ($3::uuid is null or updated_by = $3::uuid) returning id`,
    [collection, id, savedBy ?? null],
  );
  return removed.length > 0;
}

/** The drafts of a kind of content, by piece: when each is to be published, if it is scheduled. */
export async function draftsOf(
  db: Queryable,
  collection: Collection,
): Promise<Map<string, { publish_at: Date | null; versions: Piece }>> {
  const rows = await db.query<{ id: string; publish_at: Date | null; versions: Piece }>(
    'select id, publish_at, versions from content_drafts where collection = $1',
    [collection],
  );
  return new Map(
    rows.map((row) => [row.id, { publish_at: row.publish_at, versions: row.versions }]),
  );
}
