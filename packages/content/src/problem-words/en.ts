/**
 * The words of what keeps a piece written in the console from being published, beyond its
 * schema's messages (those are @rally/core's content-words): its file name, its languages, the
 * facts its translations share, what it names, and its story. In English; the shape of this object
 * is the shape every other language must fill. Staff read them under the field they are about, so
 * each says what to do.
 */
export const en = {
  piece: {
    fileName:
      'Name it with lower-case letters, digits and dashes, like marisol-reyes: it becomes its address on the sites.',
    /** A region's or sector's name the sites use for pages of their own; `instead` is one to take. */
    siteNameReserved: (id: string, instead: string) =>
      `${id} names pages the sites already have: choose another name, like ${instead}.`,
    /** A region's name a sector has (or the other way round): `kind` is the one that has it. */
    siteNameTaken: (kind: 'region' | 'sector', id: string) =>
      `A ${kind} is called ${id} already: choose another name.`,
    /** A page the sites have no route for: `pages` are those they have. */
    notAPage: (pages: readonly string[]) =>
      `The sites have pages of their own only as ${pages.join(', ')}: open one of them to change it.`,
    noLanguage: 'Write it in at least one language.',
    /** `language` is the other language's name in this one, as `Intl.DisplayNames` gives it. */
    sameFact: (language: string, fact: string) =>
      `Make it the same as in ${language}: translations share their ${fact}.`,
    noSite: (kind: 'region' | 'sector', slug: string, known: readonly string[]) =>
      `There is no ${kind} named ${slug}: choose one of ${known.join(', ')}.`,
    noPhoto: (src: string) => `There is no photo named ${src} yet: upload it, then choose it.`,
  },
  story: {
    /** `detail` is the MDX compiler's own message, which is in English. */
    notCompiled: (detail: string) =>
      `The story cannot be published as written (${detail}). A < or { that is not a tag or a placeholder must be written \\< or \\{.`,
    importExport:
      'A story cannot import or export anything: remove the lines starting with import or export.',
    braces:
      'Curly braces would run as code when the sites are built: write \\{ for a brace, or keep only {/* comments */}.',
    link: (url: string) =>
      `The link to ${url} cannot be on the sites: link to an address starting with https://, mailto: or tel:.`,
    picture: (url: string) =>
      `The picture ${url} cannot be in a story: add a photo as the story's photo, or show one from an address starting with https://.`,
    /** `name` is empty for a fragment, `<>`. */
    tag: (name: string) =>
      `<${name}> cannot be in a story: use Markdown, or plain tags such as <b>, <br> or <a href="…">.`,
    /** `attribute` is the attribute's name, or undefined for code in its place (`{...props}`). */
    attribute: (tag: string, attribute: string | undefined) =>
      `<${tag}> has an attribute the sites cannot take (${attribute ?? 'code'}): keep to href="https://…", src="https://…", alt and title.`,
  },
};

export type ProblemWords = typeof en;
