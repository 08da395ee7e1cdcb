/**
 * The words the publishing routes answer staff with, beyond a piece's own problems (those are
 * @rally/content's problem-words and @rally/core's content-words): the sentence above those
 * problems, what a request must send, what there is not, what cannot be done, and why a photo is
 * refused. In English; the shape of this object is the shape every other language must fill. Staff
 * read them in the console, so each says what to do.
 */
import type { Collection } from '@rally/content';

/**
 * What one piece of each kind of content is called, in English: in these words, and in the
 * content history's commit messages (publish.ts's `publishable`), which are English whoever writes.
 */
export const one = {
  petitions: 'petition',
  events: 'event',
  spotlights: 'spotlight',
  regions: 'region',
  sectors: 'sector',
  pages: 'page',
} as const satisfies Record<Collection, string>;

/** What a refusal keeps from being done to a piece. */
export type Doing = 'published' | 'scheduled' | 'saved' | 'restored' | 'previewed';

export const en = {
  /** The sentence above a refusal's problems: what cannot be done, and how many things to change. */
  refusal: (collection: Collection, doing: Doing, count: number) =>
    `This ${one[collection]} cannot be ${doing} yet: ${count === 1 ? 'one thing needs' : `${count} things need`} changing.`,
  /** The messages of the requests' own fields, beside what every request body is told. */
  request: {
    publishAt: 'Give the day and time to publish it, like 2026-12-01T09:00:00-06:00, or null.',
    commit: 'Choose a commit from the piece’s history, like 3f2a9c1.',
  },
  off: 'Publishing is off: this API was started without a content folder to publish into.',
  /** `kinds` are the kinds of content there are, by the names the API's paths use. */
  noKind: (name: string, kinds: readonly string[]) =>
    `There is no kind of content named ${name}: use one of ${kinds.join(', ')}.`,
  noPiece: (collection: Collection, id: string) => `There is no ${one[collection]} named ${id}.`,
  nothingPublished: (collection: Collection, id: string) =>
    `There is no ${one[collection]} named ${id} published.`,
  alwaysPublished: (id: string) =>
    `The sites cannot be built without the page ${id}: change what it says, and publish that, instead.`,
  /**
   * A region's or sector's own address whose origin this Rally does not take writes from yet:
   * `origin` is it, `pattern` the address it has without one.
   */
  notOurSite: (origin: string, pattern: string) =>
    `${origin} is not one of this organization’s sites yet: an admin adds it to site_origins in rally.config.json first, then it can be published; or leave the address out, and the site is at ${pattern}.`,
  /** A region or sector that pieces still name: `namedBy` are those, as spotlights/marisol-reyes. */
  stillNamed: (collection: Collection, id: string, namedBy: readonly string[]) =>
    `The ${one[collection]} ${id} is still named by ${namedBy.join(', ')}: give them another ${one[collection]} first, or the sites could not be built.`,
  noHistory:
    'This content folder keeps no history: it is no git repository of its own, so there is nothing to look back on or restore from.',
  noCommit: (commit: string) =>
    `There is no commit ${commit} in the content’s history: choose one from the piece’s history.`,
  noFilesAt: (collection: Collection, id: string, commit: string) =>
    `The ${one[collection]} ${id} had no files at ${commit}: choose another commit from its history.`,
  /**
   * Another file of the content folder cannot be read, so nothing can be published: `file` is its
   * name in the folder, `detail` what the reader found, in English, which starts with the file.
   */
  unreadable: (file: string, detail: string) =>
    `${file}: ${detail} This file was changed outside the console, and nothing can be published until it is fixed: ask someone with access to the content repository to correct it.`,
  previews: {
    off: 'Previews are off: this API builds no sites; they are built where they are hosted.',
    busy: 'Other previews are being made: wait for yours to be done, then ask for the next.',
    none: 'There is no such preview: it may be an old one, no longer kept.',
    noPage: 'There is no such page in this preview.',
  },
  builds: {
    none: 'No such build: it may be one of long ago, which is no longer kept.',
    elsewhere: 'This API builds no sites: they are built where they are hosted.',
  },
  photos: {
    sendForm: 'Send the photo as multipart/form-data, in a field named photo.',
    choose: 'Choose a photo to upload.',
    chooseOne: 'Choose a photo to upload: a JPEG, PNG, WebP or AVIF image.',
    incomplete: 'The upload arrived incomplete: try again.',
    /** `megabytes` is the most a photo may be. */
    tooLarge: (megabytes: number) =>
      `This photo is over ${megabytes} MB: make it smaller, or export it again at a lower quality.`,
    atMost: (megabytes: number) => `Choose a photo of ${megabytes} MB at most.`,
    busy: 'Other photos are being prepared: try this one again in a moment.',
    /** `name` is the uploaded file's, which may be empty. */
    notAPhoto: (name: string) =>
      `${name || 'This file'} is not a photo the sites can show: upload a JPEG, PNG, WebP or AVIF image.`,
    notAnImage: 'Choose a JPEG, PNG, WebP or AVIF image.',
    noPhoto: (src: string) => `There is no photo named ${src}.`,
  },
};

export type PublishingWords = typeof en;
