/**
 * Writes the petitions, events and spotlights that staff write as MDX in content/ (read by
 * @rally/content, with the schemas the sites build with) into the API's database, at every start,
 * and the names of the regions and sectors, which the dashboard shows its figures by.
 */
import type { Content } from '@rally/content';
import type { Locale } from '@rally/core';
import type { Database } from './database.ts';

/**
 * Writes the content into the database. Signatures, RSVPs and counters are the database's own and
 * are kept; an entry whose file was removed stays, so its records keep their meaning. A row changes
 * only when its file did, so its `modified_date` says when staff last edited it, not when the API
 * last started.
 *
 * `unpublishMissing`: what the content read does not hold is marked unpublished, and the public
 * reads leave it out until it is published again — for the instance that publishes, which has just
 * changed its own folder. Never at start-up: an instance's folder may be a copy made before a
 * colleague published something, which must not be taken down because this one restarted.
 */
export async function syncContent(
  db: Database,
  content: Content,
  { unpublishMissing = false } = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [id, versions] of content.petitions) {
      const [lang, p] = versions[0]!;
      await tx.query(
        `insert into petitions (id, title, description, targets, goal, lang, region, sector, opens_at,
           closes_at, translations)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         on conflict (id) do update set title = $2, description = $3, targets = $4, goal = $5,
           lang = $6, region = $7, sector = $8, opens_at = $9, closes_at = $10, translations = $11,
           unpublished_at = null, updated_at = now()
         where (petitions.title, petitions.description, petitions.targets, petitions.goal,
                petitions.lang, petitions.region, petitions.sector, petitions.opens_at,
                petitions.closes_at, petitions.translations, petitions.unpublished_at)
           is distinct from (excluded.title, excluded.description, excluded.targets, excluded.goal,
                excluded.lang, excluded.region, excluded.sector, excluded.opens_at,
                excluded.closes_at, excluded.translations, excluded.unpublished_at)`,
        [
          id,
          p.title,
          p.description,
          JSON.stringify(p.target),
          p.goal,
          lang,
          p.region ?? null,
          p.sector ?? null,
          p.opens_at ?? null,
          p.closes_at ?? null,
          translations(versions, (t, lang) => ({
            lang,
            title: t.title,
            description: t.description,
            targets: t.target,
          })),
        ],
      );
    }
    for (const [id, versions] of content.events) {
      const [lang, e] = versions[0]!;
      await tx.query(
        `insert into events (id, title, description, start_at, end_at, timezone, location, online_url,
           capacity, lang, region, sector, translations)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         on conflict (id) do update set title = $2, description = $3, start_at = $4, end_at = $5,
           timezone = $6, location = $7, online_url = $8, capacity = $9, lang = $10, region = $11,
           sector = $12, translations = $13, unpublished_at = null, updated_at = now()
         where (events.title, events.description, events.start_at, events.end_at, events.timezone,
                events.location, events.online_url, events.capacity, events.lang, events.region,
                events.sector, events.translations, events.unpublished_at)
           is distinct from (excluded.title, excluded.description, excluded.start_at,
                excluded.end_at, excluded.timezone, excluded.location, excluded.online_url,
                excluded.capacity, excluded.lang, excluded.region, excluded.sector,
                excluded.translations, excluded.unpublished_at)`,
        [
          id,
          e.title,
          e.description,
          e.start,
          e.end,
          e.timezone,
          e.location ? JSON.stringify(e.location) : null,
          e.online_url ?? null,
          e.capacity ?? null,
          e.language ?? lang,
          e.region ?? null,
          e.sector ?? null,
          translations(versions, (t) => ({
            title: t.title,
            description: t.description,
            ...(t.location ? { location: t.location } : {}),
          })),
        ],
      );
    }
    for (const [id, versions] of content.spotlights) {
      const [lang, s] = versions[0]!;
      await tx.query(
        `insert into spotlights (id, name, kind, region, sector, photo, quote, lang, published_on,
           translations)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (id) do update set name = $2, kind = $3, region = $4, sector = $5, photo = $6,
           quote = $7, lang = $8, published_on = $9, translations = $10, unpublished_at = null,
           updated_at = now()
         where (spotlights.name, spotlights.kind, spotlights.region, spotlights.sector,
                spotlights.photo, spotlights.quote, spotlights.lang, spotlights.published_on,
                spotlights.translations, spotlights.unpublished_at)
           is distinct from (excluded.name, excluded.kind, excluded.region, excluded.sector,
                excluded.photo, excluded.quote, excluded.lang, excluded.published_on,
                excluded.translations, excluded.unpublished_at)`,
        [
          id,
          s.name,
          s.kind,
          s.region,
          s.sector,
          JSON.stringify(s.photo),
          s.quote,
          lang,
          s.date,
          translations(versions, (t, lang) => ({
            lang,
            name: t.name,
            photo: t.photo,
            quote: t.quote,
          })),
        ],
      );
    }
    for (const [slug, versions] of content.microsites) {
      const names = JSON.stringify(Object.fromEntries(versions.map(([lang, m]) => [lang, m.name])));
      await tx.query(
        `insert into site_names (slug, names) values ($1, $2)
         on conflict (slug) do update set names = $2 where site_names.names <> excluded.names`,
        [slug, names],
      );
    }
    // What is no longer in the content folder is no longer served, and keeps its row.
    if (!unpublishMissing) return;
    for (const [table, ids] of [
      ['petitions', content.petitions],
      ['events', content.events],
      ['spotlights', content.spotlights],
    ] as const)
      await tx.query(
        `update ${table} set unpublished_at = now(), updated_at = now()
         where unpublished_at is null and id <> all($1)`,
        [[...ids.keys()]],
      );
  });
}

/**
 * The text of every language after the first, by language, as the `translations` column holds
 * it: the columns a translation replaces, with their new values.
 */
function translations<Data>(
  versions: [Locale, Data][],
  text: (data: Data, lang: Locale) => object,
): string {
  return JSON.stringify(
    Object.fromEntries(versions.slice(1).map(([lang, data]) => [lang, text(data, lang)])),
  );
}
