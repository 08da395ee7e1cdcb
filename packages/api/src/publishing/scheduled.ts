/**
 * Scheduled publication: every minute, the drafts whose time has come are published as the staff
 * member who scheduled them, through the same checks as a publication from the console, then
 * removed. Each is claimed first, by taking its time off in one statement that skips a draft
 * another instance holds, so that however many API instances run, one publishes it, once. A
 * draft that cannot be published (a photo it names was removed since, its author can no longer
 * publish) stays a draft, no longer scheduled, for someone to open and publish by hand.
 */
import type { Collection, Piece } from '@rally/content';
import { locales } from '@rally/core';
import type { RallySettings } from '../config.ts';
import type { Database } from '../database.ts';
import { writeAudit } from '../staff/audit.ts';
import { publishable, publishPiece } from './publish.ts';
import type { SiteBuilds } from './site-builds.ts';

interface ClaimedDraft extends Record<string, unknown> {
  collection: Collection;
  id: string;
  versions: Piece;
  /** When it was saved, to the microsecond, as text: a Date would round it to milliseconds. */
  saved_at: string;
  account_id: string | null;
  author_name: string | null;
  author_email: string | null;
  /** Whether who scheduled it may still publish: enabled, communications or admin. */
  may_publish: boolean | null;
}

/** Claims one draft that is due, or none: its time is taken off, so no one else claims it. */
async function claimDueDraft(db: Database): Promise<ClaimedDraft | undefined> {
  const [claimed] = await db.query<ClaimedDraft>(
    `with claimed as (
       update content_drafts d set publish_at = null
       where (d.collection, d.id) = (
         select collection, id from content_drafts where publish_at <= now()
         order by publish_at limit 1 for update skip locked)
       returning d.collection, d.id, d.versions, d.updated_at, d.updated_by)
     select c.collection, c.id, c.versions, c.updated_at::text as saved_at, c.updated_by as account_id,
       a.name as author_name, a.email as author_email,
       a.disabled_at is null and a.role in ('communications', 'admin') as may_publish
     from claimed c left join staff_accounts a on a.id = c.updated_by`,
  );
  return claimed;
}

/**
 * Publishes every draft that is due, one after another, and says which were published. Any
 * number of calls may run at once, in this process or in others on the same database.
 */
export async function publishDueDrafts(
  db: Database,
  contentDir: string,
  siteBuilds?: SiteBuilds,
  settings?: RallySettings,
): Promise<string[]> {
  const published: string[] = [];
  for (let draft = await claimDueDraft(db); draft; draft = await claimDueDraft(db)) {
    const name = `${publishable[draft.collection]} ${draft.id}`;
    if (!draft.may_publish || draft.author_email === null) {
      console.error(
        `The scheduled publication of ${name} was not made: whoever scheduled it can no longer publish. It stays a draft.`,
      );
      continue;
    }
    const author = { name: draft.author_name || draft.author_email, email: draft.author_email };
    const outcome = await publishPiece({
      siteBuilds,
      settings,
      db,
      contentDir,
      collection: draft.collection,
      id: draft.id,
      piece: draft.versions,
      author,
    }).catch((error: Error) => ({ ok: false as const, problems: [{ message: error.message }] }));
    if (!outcome.ok) {
      console.error(
        `The scheduled publication of ${name} was not made (${outcome.problems.map((p) => p.message).join(' ')}). It stays a draft.`,
      );
      continue;
    }
    // A draft saved again while it was being published is newer than what was published: kept.
    await db.query(
      'delete from content_drafts where collection = $1 and id = $2 and updated_at = $3::timestamptz',
      [draft.collection, draft.id, draft.saved_at],
    );
    await writeAudit(db, { kind: 'staff', id: draft.account_id, label: draft.author_email }, null, {
      action: 'content-published',
      subjectKind: 'content',
      subjectId: `${draft.collection}/${draft.id}`,
      detail: {
        languages: locales.filter((lang) => draft.versions[lang] !== undefined),
        commit: outcome.committed?.commit ?? null,
        scheduled: true,
      },
    });
    published.push(`${draft.collection}/${draft.id}`);
  }
  return published;
}

/**
 * Publishes what is due now and then every minute, without keeping the process alive. The
 * returned function stops the timer and waits for a round under way.
 */
export function schedulePublications(
  db: Database,
  contentDir: string,
  siteBuilds?: SiteBuilds,
  settings?: RallySettings,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    // A round still going when the next minute comes is left to finish: rounds never overlap here.
    running = running.then(() =>
      publishDueDrafts(db, contentDir, siteBuilds, settings).catch((error: Error) =>
        console.error(`Scheduled publication failed: ${error.message}`),
      ),
    );
  };
  run();
  const timer = setInterval(run, 60 * 1000).unref();
  return () => {
    clearInterval(timer);
    return running.then(() => undefined);
  };
}
