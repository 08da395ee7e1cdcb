/** The OSDI person and the helper payloads a visitor's submission arrives in. */
import { z } from 'zod';

/** A lower-case slug, as used for regions, sectors, sources and content ids. */
export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lower-case letters, digits and hyphens.');

export const emailAddress = z.object({
  /** The address; matched trimmed and case-insensitively, so one person has one record. */
  address: z
    .string()
    .trim()
    .max(254)
    .check(z.email('Enter an email address, like name@example.org.')),
  /** Whether this is the person's main address. */
  primary: z.boolean().optional(),
});

export const phoneNumber = z.object({
  /** The number as the person typed it; digits, spaces, `+`, `-`, `.`, and parentheses. */
  number: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ().-]{5,24}$/, 'Enter a phone number, like +1 504 555 0134.'),
  /** `Mobile`, `Home`, `Work` or `Other`, as OSDI names them. */
  number_type: z.enum(['Mobile', 'Home', 'Work', 'Other']).optional(),
  /** Whether the person agreed to text messages on this number. */
  sms_capable: z.boolean().optional(),
});

export const postalAddress = z.object({
  /** Postal or ZIP code: where the person lives or works, for turf and regions. */
  postal_code: z.string().trim().min(1).max(12).optional(),
  /** City or town. */
  locality: z.string().trim().max(100).optional(),
  /** State or province. */
  region: z.string().trim().max(100).optional(),
  /** ISO 3166-1 alpha-2 country code. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code, like US.')
    .optional(),
});

/** The person inside every helper payload, in OSDI field names. */
export const personInput = z.object({
  /** First name. */
  given_name: z.string().trim().max(100).optional(),
  /** Last name. */
  family_name: z.string().trim().max(100).optional(),
  /** At least one email address; the first identifies the person. */
  email_addresses: z.array(emailAddress).min(1, 'Give an email address.').max(5),
  /** Phone numbers. */
  phone_numbers: z.array(phoneNumber).max(5).optional(),
  /** Postal addresses; Rally uses the postal code. */
  postal_addresses: z.array(postalAddress).max(5).optional(),
  /** Languages the person speaks, as BCP 47 tags (`es`, `en-US`). */
  languages_spoken: z
    .array(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag, like es.'))
    .max(10)
    .optional(),
  /** Answers to the organization's own questions, by question key. */
  custom_fields: z
    .record(z.string().regex(/^[a-z0-9_]{1,64}$/), z.string().max(1000))
    .refine((fields) => Object.keys(fields).length <= 50, 'At most 50 custom fields.')
    .optional(),
});

/** Where a submission came from, following Action Network's `referrer_data`. */
export const referrerData = z.object({
  /** Source code of the campaign, site or partner (`gulf-south-site`, `partner-x`). */
  source: slug.optional(),
  /** Referral code of the member who shared the link. */
  referrer: z.string().trim().max(64).optional(),
  /** The website the submission was made on. */
  website: z.string().trim().max(255).optional(),
  /** The page the submission was made on. */
  url: z.url().max(2000).optional(),
});

/** The consent a person gave, exactly as it was shown to them. */
export const consent = z.object({
  /** The exact text next to the checkbox. */
  text: z.string().trim().min(1).max(2000),
  /** The version of that text, so a later wording change is traceable. */
  version: z.string().trim().max(64).optional(),
  /** When the person ticked the box; the time of the request when absent. */
  given_at: z.iso
    .datetime({ offset: true })
    // A submission kept on a phone without signal is sent days later; a time from the future, or
    // from before anyone could have ticked the box, is no consent time (and year 0 no date at all).
    .refine((value) => {
      const time = Date.parse(value);
      return time >= Date.parse('2020-01-01T00:00:00Z') && time <= Date.now() + 86_400_000;
    }, 'Send the time the box was ticked: not in the future, nor before 2020.')
    .optional(),
});

/** An answered ALTCHA puzzle: the challenge as the API signed it, and the counter found. */
export const proofOfWork = z.object({
  challenge: z.object({
    parameters: z.record(z.string().max(64), z.unknown()),
    signature: z.string().max(256),
  }),
  solution: z.object({
    counter: z.number().int().nonnegative(),
    derivedKey: z.string().max(256),
    time: z.number().optional(),
  }),
});

export type ProofOfWork = z.infer<typeof proofOfWork>;

/** Fields every public write shares besides the person. */
export const submissionFields = {
  referrer_data: referrerData.optional(),
  /** Tags to add to the person (`domestic-work`, `spanish-speaker`). */
  add_tags: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
  consent: consent.optional(),
  /** Region slug the person organizes in. */
  region: slug.optional(),
  /** Sector slug the person works in. */
  sector: slug.optional(),
  /** Left empty by people; bots fill it. Never stored. */
  nickname: z.string().max(1000).optional(),
  /**
   * Accepted for widgets of earlier versions, and ignored: how fast a form is sent says nothing of
   * who sent it (browsers fill forms in at once). Never stored.
   */
  form_started_at: z.union([z.iso.datetime({ offset: true }), z.number().int()]).optional(),
  /** The answer to the API's proof-of-work puzzle (`GET /challenge`), which widgets send. Never stored. */
  altcha: proofOfWork.optional(),
};

/** `POST /api/v1/people`: OSDI person signup helper. */
export const personSignup = z.object({ person: personInput, ...submissionFields });

/** `POST /api/v1/petitions/:id/signatures`: OSDI record signature helper. */
export const signatureSubmission = z.object({
  person: personInput,
  /** What the person wants to tell the petition's target. */
  comments: z.string().trim().max(2000).optional(),
  ...submissionFields,
});

/** `POST /api/v1/events/:id/attendances`: OSDI record attendance helper. */
export const attendanceSubmission = z.object({ person: personInput, ...submissionFields });

export type PersonInput = z.infer<typeof personInput>;
export type PersonSignup = z.infer<typeof personSignup>;
export type SignatureSubmission = z.infer<typeof signatureSubmission>;
export type AttendanceSubmission = z.infer<typeof attendanceSubmission>;
export type ReferrerData = z.infer<typeof referrerData>;
