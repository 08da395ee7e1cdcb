/**
 * The content, as the pages need it: each piece grouped with its translations, each microsite
 * with what belongs to it. Checks the links between files that a schema alone cannot — that a
 * piece's region exists, that a spotlight's photo is there — and names the file when one is wrong.
 */
import type { ImageMetadata } from 'astro';
import { getCollection, render, type CollectionEntry, type CollectionKey } from 'astro:content';
import { differingFact, reservedSiteSlugs, sharedFacts } from '@rally/core';
import { locales, type Locale } from './i18n.ts';
import { micrositeUrl } from './settings.ts';

/** One piece of content in each language it is written in. */
export type Versions<C extends CollectionKey> = Partial<Record<Locale, CollectionEntry<C>>>;

/** A piece of content in the language asked for, or in another when it is not translated. */
export interface InLanguage<Entry> {
  entry: Entry;
  /** The language the entry is written in. */
  lang: Locale;
  /** True when shown in another language than the one asked for. */
  fallback: boolean;
}

export interface Piece<C extends CollectionKey> {
  id: string;
  versions: Versions<C>;
}

export interface Microsite {
  slug: string;
  kind: 'region' | 'sector';
  url: URL;
  versions: Versions<'regions' | 'sectors'>;
}

/** The language the file is in, from its folder, and its id without it. */
function split(entryId: string): [Locale, string] {
  const [lang, ...rest] = entryId.split('/');
  if (!locales.includes(lang as Locale) || rest.length !== 1)
    throw new Error(
      `content: ${entryId}.mdx: put each file in a folder named for its language, like en/${rest.at(-1) ?? entryId}.mdx.`,
    );
  return [lang as Locale, rest[0]!];
}

// A build reads each collection once for its thousands of pages; the dev server reads it afresh,
// so an edited file shows on the next reload.
const cache = new Map<CollectionKey, Promise<Piece<CollectionKey>[]>>();
const useCache = !import.meta.env.DEV;

/** Every piece of a collection, its translations together, in id order. */
export function pieces<C extends CollectionKey>(collection: C): Promise<Piece<C>[]> {
  let loaded = cache.get(collection);
  if (!loaded) {
    loaded = getCollection(collection).then((entries) => {
      const byId = new Map<string, Versions<CollectionKey>>();
      for (const entry of entries) {
        const [lang, id] = split(entry.id);
        byId.set(id, { ...byId.get(id), [lang]: entry });
      }
      if (collection in sharedFacts)
        for (const versions of byId.values()) checkFacts(collection, versions);
      return [...byId]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, versions]) => ({ id, versions }));
    });
    if (useCache) cache.set(collection, loaded);
  }
  return loaded as Promise<Piece<C>[]>;
}

/**
 * An entry ready to show, rendered once however many pages show it. Astro's `render` loads the
 * entry's module and prepares an error with its stack on every call, and a build shows each story
 * on four pages. Kept per entry object, so the dev server, which reads entries afresh, renders
 * edited ones afresh.
 */
const rendered = new WeakMap<object, ReturnType<typeof render>>();
export function renderOnce(entry: CollectionEntry<CollectionKey>): ReturnType<typeof render> {
  let result = rendered.get(entry);
  if (!result) {
    result = render(entry);
    rendered.set(entry, result);
  }
  return result;
}

/** One of the organization's own pages in content/pages, which a route cannot be built without. */
export async function organizationPage(id: string, builds: string): Promise<Piece<'pages'>> {
  const page = (await pieces('pages')).find((p) => p.id === id);
  if (!page) throw new Error(`content/pages/en/${id}.mdx is missing: ${builds} is built from it.`);
  return page;
}

/** Translations share their facts (a goal, a date); a difference stops the build, naming both files. */
function checkFacts(collection: CollectionKey, versions: Versions<CollectionKey>): void {
  const [first, ...others] = Object.values(versions);
  for (const other of others) {
    const key = differingFact(
      sharedFacts[collection as keyof typeof sharedFacts],
      first!.data as Record<string, unknown>,
      other!.data as Record<string, unknown>,
    );
    if (key)
      throw new Error(
        `${other!.filePath}: ${key}: differs from ${first!.filePath}; translations share their facts, so make them the same.`,
      );
  }
}

/** The piece in `lang`, else in the first language it exists in. */
export function inLanguage<Entry>(
  versions: Partial<Record<Locale, Entry>>,
  lang: Locale,
): InLanguage<Entry> {
  const own = versions[lang];
  if (own) return { entry: own, lang, fallback: false };
  const other = locales.find((l) => versions[l])!;
  return { entry: versions[other]!, lang: other, fallback: true };
}

/** Every region and sector, each a microsite; regions first. */
export async function microsites(): Promise<Microsite[]> {
  const sites: Microsite[] = [];
  for (const kind of ['region', 'sector'] as const) {
    for (const { id, versions } of await pieces(kind === 'region' ? 'regions' : 'sectors')) {
      const file = Object.values(versions)[0]!.filePath ?? id;
      if ((reservedSiteSlugs as readonly string[]).includes(id))
        throw new Error(`${file}: "${id}" names a path the sites already use; rename the file.`);
      if (sites.some((site) => site.slug === id))
        throw new Error(`${file}: a region and a sector are both called "${id}"; rename one.`);
      const own = Object.values(versions).find((v) => v?.data.url)?.data.url;
      sites.push({ slug: id, kind, url: micrositeUrl(id, own), versions });
    }
  }
  return sites;
}

export async function micrositeBySlug(slug: string): Promise<Microsite> {
  const site = (await microsites()).find((s) => s.slug === slug);
  if (!site) throw new Error(`No region or sector is called "${slug}".`);
  return site;
}

/** Whether a piece tagged with a region and sector belongs on a microsite; untagged ones belong everywhere. */
function belongs(site: Microsite, data: { region?: string; sector?: string }): boolean {
  if (!data.region && !data.sector) return true;
  return site.kind === 'region' ? data.region === site.slug : data.sector === site.slug;
}

function firstVersion<C extends CollectionKey>(piece: Piece<C>): CollectionEntry<C> {
  return Object.values(piece.versions)[0]!;
}

/** Spotlights of a microsite (every one for the hub), newest first. */
export async function spotlightsOf(site: Microsite | undefined) {
  return (await placed('spotlights'))
    .filter((p) => !site || belongs(site, firstVersion(p).data))
    .sort((a, b) => firstVersion(b).data.date.getTime() - firstVersion(a).data.date.getTime());
}

/** Petitions open now on a microsite. */
export async function openPetitionsOf(site: Microsite | undefined, now = new Date()) {
  return (await placed('petitions')).filter((p) => {
    const data = firstVersion(p).data;
    return (
      (!site || belongs(site, data)) &&
      (!data.opens_at || data.opens_at <= now) &&
      (!data.closes_at || data.closes_at > now)
    );
  });
}

/** Every petition that belongs to a microsite, open or not: each keeps its page. */
export async function petitionsOf(site: Microsite) {
  return (await placed('petitions')).filter((p) => belongs(site, firstVersion(p).data));
}

/** Events of a microsite, soonest first. */
export async function eventsOf(site: Microsite | undefined) {
  return (await placed('events'))
    .filter((p) => !site || belongs(site, firstVersion(p).data))
    .sort((a, b) => firstVersion(a).data.start.getTime() - firstVersion(b).data.start.getTime());
}

/** Events that have not ended. */
export async function upcomingEventsOf(site: Microsite | undefined, now = new Date()) {
  return (await eventsOf(site)).filter((p) => firstVersion(p).data.end > now);
}

/** What a reader can do after a member's story, besides joining: sign a petition or come to an event. */
export type NextStep =
  { kind: 'petition'; piece: Piece<'petitions'> } | { kind: 'event'; piece: Piece<'events'> };

/**
 * The step a story leads to on a microsite: of the microsite's open petitions and upcoming events,
 * the one closest to the story — sharing its region and its sector, else one of them — and among
 * those a petition first (it takes a minute, from anywhere), then the soonest event. None when the
 * microsite has neither.
 */
export async function nextStepAfter(
  site: Microsite,
  story: { region: string; sector: string },
  now = new Date(),
): Promise<NextStep | undefined> {
  const closeness = (data: { region?: string; sector?: string }) =>
    Number(data.region === story.region) + Number(data.sector === story.sector);
  const steps: NextStep[] = [
    ...(await openPetitionsOf(site, now)).map((piece) => ({ kind: 'petition' as const, piece })),
    ...(await upcomingEventsOf(site, now)).map((piece) => ({ kind: 'event' as const, piece })),
  ];
  // A stable sort keeps petitions before events, and events soonest first, among equals.
  return steps.sort(
    (a, b) => closeness(firstVersion(b.piece).data) - closeness(firstVersion(a.piece).data),
  )[0];
}

// By the content folder's alias (lib/content-dir.ts), as a glob's folder must be written out.
const photos = new Map(
  Object.entries(
    import.meta.glob<{ default: ImageMetadata }>(
      '@rally-content/photos/*.{jpg,jpeg,png,webp,avif,JPG,JPEG,PNG}',
      { eager: true },
    ),
  ).map(([path, photo]) => [path.slice(path.lastIndexOf('/') + 1), photo.default]),
);

/** A spotlight's photo, ready for astro:assets. */
export function photoOf(entry: CollectionEntry<'spotlights'>): ImageMetadata {
  const photo = photos.get(entry.data.photo.src);
  if (!photo)
    throw new Error(
      `${entry.filePath}: photo.src: there is no content/photos/${entry.data.photo.src}; add the photo there or fix the name.`,
    );
  return photo;
}

type Placed = 'spotlights' | 'petitions' | 'events';
const checked = new Map<Placed, Promise<void>>();

/**
 * Every spotlight, petition and event names a region and a sector that exist (a spotlight must
 * name both; the others may name neither), and every spotlight's photo is there. A misspelled
 * region would otherwise leave the piece off that region's site without a word.
 */
function checkLinks(collection: Placed, all: Piece<Placed>[]): Promise<void> {
  if (!useCache) checked.delete(collection);
  let check = checked.get(collection);
  if (!check) {
    check = (async () => {
      const sites = await microsites();
      const choices = (kind: Microsite['kind']) =>
        sites.filter((site) => site.kind === kind).map((site) => site.slug);
      const names = { region: choices('region'), sector: choices('sector') };
      for (const piece of all) {
        for (const entry of Object.values(piece.versions)) {
          for (const kind of ['region', 'sector'] as const) {
            const named = entry.data[kind];
            if (named !== undefined && !names[kind].includes(named))
              throw new Error(
                `${entry.filePath}: ${kind}: there is no ${kind} called "${named}"; use one of: ${names[kind].join(', ')}.`,
              );
          }
          if (collection === 'spotlights') photoOf(entry as CollectionEntry<'spotlights'>);
        }
      }
    })();
    checked.set(collection, check);
  }
  return check;
}

/** A collection's pieces, once their regions, sectors and photos are known to exist. */
async function placed<C extends Placed>(collection: C): Promise<Piece<C>[]> {
  const all = await pieces(collection);
  await checkLinks(collection, all);
  return all;
}
