/**
 * What the staff console's People and Events screens send and read: a person found by search,
 * their timeline, a one-on-one conversation, a correction of their contact details, a walk-in at
 * the door. Shared by the API, which validates them, and the console, which builds them.
 */
import { z } from 'zod';
import { emailAddress, personInput, phoneNumber, slug } from './people.ts';

/** A day written 2026-11-01. */
const day = z.string().refine((value) => {
  const time = Date.parse(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(time) &&
    new Date(time).toISOString().startsWith(value)
  );
}, 'Write a real day, as 2026-11-01.');

/** `POST /people/:id/conversations`: a one-on-one an organizer held, as they log it. */
export const conversationRequest = z.strictObject({
  /** The day it was held; not after today. */
  held_on: day,
  /** What was said and agreed, in the organizer's words. */
  notes: z.string().trim().max(10_000).optional(),
  /** The organizer's assessment, 1 (ready to act) to 5 (opposed), as organizers grade them. */
  assessment: z
    .number('Give the assessment as a whole number from 1 to 5.')
    .int('Give the assessment as a whole number from 1 to 5.')
    .min(1, 'Give the assessment as a whole number from 1 to 5.')
    .max(5, 'Give the assessment as a whole number from 1 to 5.')
    .optional(),
});

/** A conversation as recorded. */
export const conversation = z.object({
  id: z.uuid(),
  person_id: z.uuid(),
  /** The staff account that logged it; null when an API key did. */
  organizer_id: z.uuid().nullable(),
  organizer_name: z.string().nullable(),
  held_on: z.string(),
  notes: z.string().nullable(),
  assessment: z.number().int().nullable(),
  created_at: z.string(),
});

/**
 * `PATCH /people/:id`: the contact details staff correct. What is sent replaces what is on file;
 * what is left out stays; null (a name, a region, a sector) or an empty list clears it.
 */
export const personCorrection = z
  .strictObject({
    given_name: z.string().trim().max(100).nullable().optional(),
    family_name: z.string().trim().max(100).nullable().optional(),
    /** Rally holds one address per person: send one, or none to remove the one on file. */
    email_addresses: z
      .array(emailAddress)
      .max(1, 'Send one email address, or none to remove the one on file.')
      .optional(),
    phone_numbers: personInput.shape.phone_numbers,
    postal_addresses: personInput.shape.postal_addresses,
    languages_spoken: personInput.shape.languages_spoken,
    /** Merged into those on file: a key sent replaces its answer; the others stay. */
    custom_fields: personInput.shape.custom_fields,
    region: slug.nullable().optional(),
    sector: slug.nullable().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, {
    message: 'Send at least one field to correct.',
  });

/** `POST /events/:id/walk-ins`: someone who came without an RSVP, added at the door. */
export const walkInRequest = z.strictObject({
  given_name: z.string().trim().min(1, 'Enter their first name.').max(100),
  family_name: z.string().trim().max(100).optional(),
  /**
   * Matches someone already on file, whose blank details it fills. Without it, the person is
   * added with no email, and matched to no one.
   */
  email: emailAddress.shape.address.optional(),
  phone: phoneNumber.shape.number.optional(),
});

/** What a person's timeline lists, one kind of act each. */
export const timelineKinds = [
  'added',
  'joined',
  'consent',
  'signature',
  'rsvp',
  'attendance',
  'dues-payment',
  'membership',
  'conversation',
] as const;

/**
 * One entry of a person's timeline: its kind, when (ISO time; a conversation's day is its
 * midnight UTC), and what it holds — a petition or event id and title, a consent's exact text and
 * version, a payment's amount, a conversation's notes and assessment.
 */
export const timelineEntry = z.object({
  kind: z.enum(timelineKinds),
  at: z.string(),
  /** The row it comes from (signature, RSVP, consent, payment, conversation id), when it has one. */
  id: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

/** `GET /people/:id/timeline`: who they are, and what they did, newest first. */
export const personTimeline = z.object({
  person: z.object({
    id: z.uuid(),
    given_name: z.string().nullable(),
    family_name: z.string().nullable(),
    /** None for a walk-in added at the door without one. */
    email: z.string().nullable(),
    region: z.string().nullable(),
    sector: z.string().nullable(),
  }),
  entries: z.array(timelineEntry),
});

/** One person a search found. */
export const personMatch = z.object({
  id: z.uuid(),
  given_name: z.string().nullable(),
  family_name: z.string().nullable(),
  /** None for a walk-in added at the door without one. */
  email: z.string().nullable(),
  region: z.string().nullable(),
  sector: z.string().nullable(),
  member: z.boolean(),
});

/** `GET /people/search?q=`: a page of the people found. */
export const personSearchPage = z.object({
  q: z.string(),
  page: z.number().int(),
  per_page: z.number().int(),
  /** Whether a next page holds more. */
  more: z.boolean(),
  people: z.array(personMatch),
});

export type ConversationRequest = z.infer<typeof conversationRequest>;
export type Conversation = z.infer<typeof conversation>;
export type PersonCorrection = z.infer<typeof personCorrection>;
export type WalkInRequest = z.infer<typeof walkInRequest>;
export type TimelineEntry = z.infer<typeof timelineEntry>;
export type PersonTimeline = z.infer<typeof personTimeline>;
export type PersonMatch = z.infer<typeof personMatch>;
export type PersonSearchPage = z.infer<typeof personSearchPage>;
