/**
 * The words of the content schemas' messages in English: what the sites' build and `pnpm new`
 * print, and what the console shows in English. The shape of this object is the shape every other
 * language must fill. Staff read these, not developers: each message says what to write there,
 * with an example, rather than what a parser expected. A field's words (`title: 'the headline,
 * like …'`) finish the sentence `write` starts.
 */
export const en = {
  /** A field's whole message: `Write the headline, like Water, shade and rest.` */
  write: (what: string) => `Write ${what}.`,
  /** A required field left out; `how` is its whole message. */
  missing: (how: string) => `Missing; ${how.charAt(0).toLowerCase()}${how.slice(1)}`,
  /** Text left empty, or only spaces. */
  empty: (what: string) => `Empty; write ${what}.`,
  /** YAML reads `title: 2027` or `quote: true` as a number or a yes/no; quotes keep the words. */
  inQuotes: (written: string) => `Put it in quotes, like "${written}", so it is read as text.`,
  tooLong: (length: number, most: number) =>
    `Too long: ${length} characters, and the most is ${most}. Shorten it.`,
  /** A number written with a thousands comma or spaces, like 2,500; `digits` is 2500. */
  digitsOnly: (digits: string) => `Write the number with digits only, like ${digits}.`,
  wholeNumber: 'Write a whole number, like 2500.',
  aboveZero: 'Write a number above 0.',
  /** A YAML list; `what` says what its items are. */
  list: (what: string) => `List ${what}, each on its own line starting with "- ".`,
  listAtLeast: (what: string, least: number) =>
    `List ${what}, each on its own line starting with "- "; at least ${least}.`,
  listAtMost: (most: number) => `Keep it to ${most} at most.`,
  webAddress: (example: string) =>
    `Write the whole address, starting with https://, like ${example}.`,
  moment: (example: string) => `Write the date and time with its offset from UTC, like ${example}.`,
  day: (example: string) => `Write the day as year-month-day, like ${example}.`,
  /** The file name of a region or a sector, which names its microsite. */
  siteName: (kind: 'region' | 'sector', example: string) =>
    `Write the ${kind}'s file name without .mdx, like ${example}.`,
  siteNameLetters: (kind: 'region' | 'sector', example: string) =>
    `Write the ${kind}'s file name without .mdx: lower-case letters, digits and dashes, like ${example}.`,

  petition: {
    title: 'the headline, like Water, shade and rest',
    description: 'one or two sentences that say what it asks for',
    /** The list of decision makers, as a whole. */
    target: 'who it is addressed to',
    goal: 'how many signatures you are aiming for, like 2500',
    closesAfterOpens: 'closes_at must be after opens_at.',
  },
  /** One decision maker a petition is addressed to. */
  target: {
    name: 'who it is addressed to, like Louisiana Workforce Commission',
    title: 'their role, like Secretary of Labor',
    notAnItem: 'Write each one as "- name: …", like - name: Louisiana Workforce Commission.',
  },
  event: {
    title: "the event's name, like Home care workers' meeting",
    description: 'one or two sentences that say what happens there',
    timezone: 'Write the time zone it happens in, like America/Chicago.',
    timezoneUnknown: 'Write a time zone from the IANA list, like America/Chicago.',
    capacity: 'how many people can come, like 60',
    /** `codes` lists the languages' codes, like `en, es`. */
    language: (codes: string) => `Write one of ${codes}.`,
    endAfterStart: 'end must be after start.',
    placeOrLink: 'Give a location, an online_url, or both.',
  },
  /** Where an in-person event happens. */
  place: {
    venue: 'the name of the place, like Union hall',
    addressLine: 'a line of the address',
    addressLines: 'the lines of the street address',
    locality: 'the city or town, like New Orleans',
    region: 'the state, like LA',
    postalCode: 'the postal code, like 70112',
    notIndented: 'Write the place as indented lines: venue:, address_lines: and locality:.',
  },
  spotlight: {
    name: 'their name as they want it shown, like Marisol Reyes',
    kind: 'Write member or organization.',
    photo: 'Write the photo as two indented lines, src: (its file name) and alt: (what it shows).',
    photoFile: 'Write the file name of the photo in content/photos/, like maria.jpg.',
    photoKind:
      'Write the file name of a JPEG, PNG, WebP or AVIF photo in content/photos/, like maria.jpg.',
    photoAlt: 'what the photo shows, for people who cannot see it',
    quote: 'a short quote in their own words',
  },
  /** A region or a sector: its microsite. */
  microsite: {
    name: 'its name, like Louisiana',
    tagline: 'one sentence to show under the name',
    reason: 'a short reason to join',
    reasons: 'reasons to join',
    addressWithoutPath: 'Write an address with no path, like https://louisiana.example.org.',
  },
  /** One of the organization's own pages. */
  page: {
    title: 'the title, like About us',
    description: 'one or two sentences for search results and link previews',
  },
};

export type ContentWords = typeof en;
