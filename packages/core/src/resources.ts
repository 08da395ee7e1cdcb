/**
 * What the API answers, as schemas: the OpenAPI document is generated from them, the API's
 * handlers are typed by them, and the widgets read their types.
 */
import { z } from 'zod';
import { referrerData } from './people.ts';

const link = z.object({ href: z.url(), title: z.string().optional() });

/**
 * The curies of a HAL answer: `osdi` for OSDI's relations, `rally` for Rally's own. They come once,
 * in the answer's outermost `_links`, and hold for the resources embedded in it.
 */
export const halCuries = z.array(
  z.object({ name: z.enum(['osdi', 'rally']), href: z.string(), templated: z.literal(true) }),
);

const links = <const Name extends string>(names: Name[]) =>
  z.object({
    curies: halCuries.optional(),
    ...(Object.fromEntries(names.map((name) => [name, link])) as Record<Name, typeof link>),
  });

/** A petition, with its live signature count. */
export const petitionResource = z.object({
  identifiers: z.array(z.string()),
  origin_system: z.literal('Rally'),
  title: z.string(),
  description: z.string(),
  target: z.array(z.object({ name: z.string(), title: z.string().optional() })),
  /** Signatures the campaign aims for. */
  goal: z.number().int(),
  /** Signatures so far, from a maintained counter. */
  total_signatures: z.number().int(),
  status: z.enum(['open', 'closed']),
  opens_at: z.iso.datetime().nullable(),
  closes_at: z.iso.datetime().nullable(),
  lang: z.string(),
  region: z.string().nullable(),
  sector: z.string().nullable(),
  created_date: z.iso.datetime(),
  modified_date: z.iso.datetime(),
  /** `osdi:signatures` lists the petition's signatures, for staff. */
  _links: links(['self', 'osdi:record_signature_helper', 'osdi:signatures']),
});

/** An event, with its places and waitlist. */
export const eventResource = z.object({
  identifiers: z.array(z.string()),
  origin_system: z.literal('Rally'),
  title: z.string(),
  description: z.string(),
  start_date: z.iso.datetime(),
  end_date: z.iso.datetime(),
  /** IANA time zone the event happens in. */
  timezone_identifier: z.string(),
  location: z
    .object({
      venue: z.string(),
      address_lines: z.array(z.string()),
      locality: z.string(),
      region: z.string().optional(),
      postal_code: z.string().optional(),
    })
    .nullable(),
  online_url: z.string().nullable(),
  /** Places in all; null when unlimited. */
  capacity: z.number().int().nullable(),
  total_accepted: z.number().int(),
  /** Places still free; null when unlimited. */
  places_remaining: z.number().int().nullable(),
  waitlist_size: z.number().int(),
  status: z.enum(['confirmed', 'past']),
  lang: z.string(),
  region: z.string().nullable(),
  sector: z.string().nullable(),
  created_date: z.iso.datetime(),
  modified_date: z.iso.datetime(),
  /** `osdi:attendances` lists the event's RSVPs, for staff. */
  _links: links(['self', 'osdi:record_attendance_helper', 'osdi:attendances', 'rally:calendar']),
});

/** One member spotlight in the carousel feed. */
export const spotlightResource = z.object({
  /** The API links each spotlight to itself; a site's static copy of the feed may not. */
  _links: links(['self']).optional(),
  identifiers: z.array(z.string()),
  name: z.string(),
  kind: z.enum(['member', 'organization']),
  region: z.string(),
  sector: z.string(),
  photo: z.object({ src: z.string(), alt: z.string() }),
  quote: z.string(),
  lang: z.string(),
  date: z.iso.date(),
});

/** The answer to a join: ids and the person's own referral code, nothing else on file. */
export const personReceipt = z.object({
  identifiers: z.array(z.string()),
  referral_code: z.string(),
  _links: links(['self']),
});

/** `self` is where staff read the signature; anyone else is refused there. */
export const signatureReceipt = z.object({
  identifiers: z.array(z.string()),
  referral_code: z.string(),
  _links: links(['self', 'osdi:petition', 'osdi:person']),
});

export const attendanceReceipt = z.object({
  identifiers: z.array(z.string()),
  status: z.enum(['accepted', 'waitlisted']),
  referral_code: z.string(),
  /** `rally:cancel` is the signed link that cancels this RSVP without a login. */
  _links: links(['self', 'osdi:event', 'osdi:person', 'rally:cancel']),
});

/** Who an action is from, as staff read it beside the action. */
const actionPerson = z.object({
  given_name: z.string().nullable(),
  family_name: z.string().nullable(),
  /** Their one address; empty for a walk-in added at the door without one. */
  email_addresses: z.array(z.object({ address: z.string(), primary: z.boolean() })),
  /** The person's record, as `osdi:person` beside it: a HAL client keys what it embeds by it. */
  _links: links(['self']),
});

/** One signature as staff see it: OSDI's signature, with who signed. */
export const signatureResource = z.object({
  identifiers: z.array(z.string()),
  origin_system: z.literal('Rally'),
  comments: z.string().nullable(),
  /** The source code the signature came in with (a partner's, a microsite's), if any. */
  source: z.string().nullable(),
  referrer_data: referrerData,
  created_date: z.iso.datetime(),
  /** A signature never changes: the same as `created_date`. */
  modified_date: z.iso.datetime(),
  _links: links(['self', 'osdi:petition', 'osdi:person']),
  _embedded: z.object({ 'osdi:person': actionPerson }),
});

/** One RSVP as staff see it, for a sign-in sheet: OSDI's attendance, with who it is. */
export const attendanceResource = z.object({
  identifiers: z.array(z.string()),
  origin_system: z.literal('Rally'),
  status: z.enum(['accepted', 'waitlisted', 'cancelled']),
  /** Whether the person came, as staff recorded it; null until they do. */
  attended: z.boolean().nullable(),
  created_date: z.iso.datetime(),
  modified_date: z.iso.datetime(),
  _links: links(['self', 'osdi:event', 'osdi:person']),
  _embedded: z.object({ 'osdi:person': actionPerson }),
});

/** One person as staff see them: OSDI's person, with where they came from. */
export const personResource = z.object({
  identifiers: z.array(z.string()),
  origin_system: z.literal('Rally'),
  given_name: z.string().nullable(),
  family_name: z.string().nullable(),
  /** Their one address; empty for a walk-in added at the door without one. */
  email_addresses: z.array(z.object({ address: z.string(), primary: z.boolean() })),
  phone_numbers: z.array(z.unknown()),
  postal_addresses: z.array(z.unknown()),
  languages_spoken: z.array(z.string()),
  custom_fields: z.record(z.string(), z.string()),
  created_date: z.iso.datetime(),
  /** When the person last joined or acted: their record is updated with what they sent. */
  modified_date: z.iso.datetime(),
  tags: z.array(z.string()),
  region: z.string().nullable(),
  sector: z.string().nullable(),
  /** The source code of the first action that brought them in. */
  source: z.string().nullable(),
  website: z.string().nullable(),
  /** Their own code, which credits them with the people they bring in. */
  referral_code: z.string(),
  /** `rally:<id>` of the member whose referral code brought them in. */
  referred_by: z.string().nullable(),
  _links: links(['self', 'osdi:signatures', 'osdi:attendances']),
});

/**
 * A helper's answer to a caller with a staff token: the resource recorded, in full, as OSDI says a
 * helper answers. An RSVP's answer keeps its cancellation link.
 */
export const attendanceAnswer = attendanceResource.extend({
  _links: links(['self', 'osdi:event', 'osdi:person', 'rally:cancel']),
});

/**
 * A page of an OSDI collection: the records under `_embedded[rel]` (empty past the last page), how
 * many there are, and links to the pages around it. `next` is there exactly when records follow;
 * `previous` (OSDI's name) and `prev` (the IANA name) are the same link.
 */
export function osdiPage(rel: string, item: z.ZodType) {
  return z.object({
    total_pages: z.number().int(),
    per_page: z.number().int(),
    page: z.number().int(),
    total_records: z.number().int(),
    _links: z.object({
      curies: halCuries,
      self: link,
      first: link,
      last: link,
      next: link.optional(),
      previous: link.optional(),
      prev: link.optional(),
      [rel]: z.array(link),
    }),
    _embedded: z.object({ [rel]: z.array(item) }),
  });
}

/** What staff record about an RSVP, at the door or after the event. */
export const attendanceCheckIn = z.strictObject({
  /** True when the person came, false when they did not; null clears what was recorded. */
  attended: z.boolean().nullable(),
});

export type PetitionResource = z.infer<typeof petitionResource>;
export type EventResource = z.infer<typeof eventResource>;
export type SpotlightResource = z.infer<typeof spotlightResource>;
export type PersonReceipt = z.infer<typeof personReceipt>;
export type SignatureReceipt = z.infer<typeof signatureReceipt>;
export type AttendanceReceipt = z.infer<typeof attendanceReceipt>;
export type AttendanceResource = z.infer<typeof attendanceResource>;
export type AttendanceAnswer = z.infer<typeof attendanceAnswer>;
export type PersonResource = z.infer<typeof personResource>;
export type HalCuries = z.infer<typeof halCuries>;
export type SignatureResource = z.infer<typeof signatureResource>;
