/**
 * Petitions: read from staff-written content, signed through the OSDI record signature helper.
 * Staff, and the tools they sync with, list each petition's signatures.
 */
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
  apiBasePath,
  osdiPage,
  petitionResource,
  signatureReceipt,
  signatureResource,
  signatureSubmission,
  type PetitionResource,
  type ReferrerData,
  type SignatureReceipt,
  type SignatureResource,
} from '@rally/core';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { readSubmission } from '../http/body.ts';
import { halAnswer } from '../http/hal.ts';
import { helperAnswer } from '../http/helper-answer.ts';
import { collectionAnswer } from '../http/paging.ts';
import { HttpProblem } from '../http/problems.ts';
import { uuidPattern } from '../http/query.ts';
import { decoyId, type WriteResult } from '../http/write.ts';
import {
  dateFilter,
  halResponse,
  helperRoute,
  paging,
  pathParameter,
  problemResponse,
  syncFilter,
  translation,
  unreadablePage,
} from '../openapi.ts';
import { emailAddresses } from '../people/person-record.ts';
import { newReferralCode } from '../referral-code.ts';
import { requireStaff } from '../staff/require-staff.ts';
import { personIdScope, personScope } from '../staff/roles.ts';
import { published, publishedOnly } from '../unpublished.ts';
import { inLanguage, type Translatable } from '../translated.ts';

interface PetitionRow extends Record<string, unknown>, Translatable {
  id: string;
  title: string;
  description: string;
  targets: { name: string; title?: string }[];
  goal: number;
  lang: string;
  region: string | null;
  sector: string | null;
  opens_at: Date | null;
  closes_at: Date | null;
  total_signatures: number;
  created_at: Date;
  updated_at: Date;
}

/** A signature with the name and email of the person who signed. */
interface SignatureRow extends Record<string, unknown> {
  id: string;
  petition_id: string;
  person_id: string;
  comments: string | null;
  source: string | null;
  referrer_data: ReferrerData;
  created_at: Date;
  given_name: string | null;
  family_name: string | null;
  /** None for a walk-in added at the door without one. */
  email: string | null;
}

interface SignatureResult extends WriteResult {
  signature_id: string;
  petition_id: string;
}

// The total is the sum of the counter's shards: a handful of rows, never a count of signatures.
const selectPetitions = `
  select p.*, coalesce((select sum(s.signatures) from petition_signature_counts s
                        where s.petition_id = p.id), 0)::int as total_signatures
  from petitions p`;

export const petitions = new Hono<AppContext>();

/** What changed in the petitions staff write, for a tool that keeps a copy of them. */
const contentFilter = {
  modified_date: { column: 'p.updated_at', type: 'date' },
  created_date: { column: 'p.created_at', type: 'date' },
} as const;

const petitionId = pathParameter('id', 'Petition id (its content file name)');
const noSuchPetition = problemResponse('No such petition');

/** The petitions, oldest first, paged like every OSDI collection. */
petitions.get(
  '/',
  describeRoute({
    summary: 'Petitions, oldest first, OSDI-paged',
    parameters: [...paging, translation, syncFilter(dateFilter)],
    responses: {
      200: halResponse(
        'A page of petitions with their counts',
        'PetitionPage',
        osdiPage('osdi:petitions', petitionResource),
      ),
      400: unreadablePage,
    },
  }),
  (c) => {
    const lang = c.req.query('lang');
    return collectionAnswer<PetitionRow, PetitionResource>(
      c,
      'osdi:petitions',
      {
        table: 'petitions',
        select: selectPetitions,
        alias: 'p',
        where: [publishedOnly('p')],
        params: [],
        filter: contentFilter,
        ids: 'name',
      },
      (row) => toPetitionResource(c.req.url, inLanguage(row, lang)),
    );
  },
);

petitions.get(
  '/:id',
  describeRoute({
    summary: 'One petition',
    parameters: [petitionId, translation],
    responses: {
      200: halResponse('The petition', 'Petition', petitionResource),
      404: noSuchPetition,
    },
  }),
  async (c) => {
    const id = c.req.param('id');
    const row = published(await findPetition(c.var.db, id), 'petition', id);
    return halAnswer(c, toPetitionResource(c.req.url, inLanguage(row, c.req.query('lang'))));
  },
);

petitions.post(
  '/:id/signatures',
  describeRoute(
    helperRoute({
      summary: 'Record signature helper',
      submission: ['SignatureSubmission', signatureSubmission],
      receipt: ['SignatureReceipt', signatureReceipt],
      resource: ['Signature', signatureResource],
      parameters: [petitionId],
      responses: {
        404: noSuchPetition,
        409: problemResponse('The petition is closed; nothing was recorded'),
      },
    }),
  ),
  async (c) => {
    const id = c.req.param('id');
    const submission = await readSubmission(c, signatureSubmission);
    const answer = await helperAnswer<SignatureResult>(c, submission, {
      fn: 'rally_sign_petition',
      args: { petition_id: id, comments: submission.data.comments ?? null },
      outcome: 'signed',
      decoy: () => ({
        signature_id: decoyId(),
        petition_id: id,
        person_id: decoyId(),
        referral_code: newReferralCode(),
      }),
      body: (result): SignatureReceipt => ({
        identifiers: [`rally:${result.signature_id}`],
        referral_code: result.referral_code,
        _links: {
          self: { href: signatureUrl(c.req.url, result.petition_id, result.signature_id) },
          'osdi:petition': { href: petitionUrl(c.req.url, result.petition_id) },
          'osdi:person': {
            href: new URL(`${apiBasePath}/people/${result.person_id}`, c.req.url).toString(),
          },
        },
      }),
      recorded: async (result) => {
        const [row] = await c.var.db.query<SignatureRow>(
          `${signaturesWithPeople} where s.id = $1`,
          [result.signature_id],
        );
        return row && toSignatureResource(c.req.url, row);
      },
    });
    recentReads.get(c.var.db)?.delete(id);
    return answer;
  },
);

/** Signatures a sync tool may ask for. A signature never changes, so it is modified when made. */
const signaturesFilter = {
  modified_date: { column: 's.created_at', type: 'date' },
  created_date: { column: 's.created_at', type: 'date' },
} as const;

/** Signatures as staff read them: each with the name and email of the person who signed. */
const signaturesWithPeople = `select s.*, p.given_name, p.family_name, p.email
  from signatures s join people p on p.id = s.person_id`;

/** A page of signatures, as staff read them. */
export const signaturesPageResponse = halResponse(
  'A page of signatures, each under `_embedded["osdi:signatures"]`',
  'SignaturePage',
  osdiPage('osdi:signatures', signatureResource),
);

/** The petition's signatures, oldest first, for staff and the tools they sync with. */
petitions.get(
  '/:id/signatures',
  describeRoute({
    summary: 'The petition’s signatures, oldest first, OSDI-paged (staff)',
    parameters: [petitionId, ...paging, syncFilter(dateFilter)],
    responses: { 200: signaturesPageResponse, 400: unreadablePage, 404: noSuchPetition },
  }),
  requireStaff,
  async (c) => {
    const petition = await findPetition(c.var.db, c.req.param('id'));
    return signaturesPage(c, 's.petition_id = $1', petition.id);
  },
);

/**
 * A page of the signatures `where` picks (its one parameter is `$1`), oldest first, as an OSDI
 * collection that takes OSDI's filter: a petition's, or a person's.
 */
export function signaturesPage(c: Context<AppContext>, where: string, param: string) {
  // An organizer sees the signatures of the people within their regions and sectors.
  const scope = personIdScope(c.var.staff, 's.person_id', 2);
  return collectionAnswer<SignatureRow, SignatureResource>(
    c,
    'osdi:signatures',
    {
      table: 'signatures',
      select: signaturesWithPeople,
      alias: 's',
      where: [where, ...scope.where],
      params: [param, ...scope.params],
      audited: true,
      filter: signaturesFilter,
    },
    (row) => toSignatureResource(c.req.url, row),
  );
}

petitions.get(
  '/:id/signatures/:signature',
  describeRoute({
    summary: 'One signature (staff)',
    parameters: [petitionId, pathParameter('signature', 'Signature id')],
    responses: {
      200: halResponse('The signature', 'Signature', signatureResource),
      404: problemResponse('No such petition, or no such signature of it'),
    },
  }),
  requireStaff,
  async (c) => {
    const { db } = c.var;
    const petition = await findPetition(db, c.req.param('id'));
    const signature = c.req.param('signature');
    const scope = personScope(c.var.staff, 'p', 3);
    const [row] = uuidPattern.test(signature)
      ? await db.query<SignatureRow>(
          `${signaturesWithPeople} where ${['s.id = $1', 's.petition_id = $2', ...scope.where].join(' and ')}`,
          [signature, petition.id, ...scope.params],
        )
      : [];
    if (!row)
      throw new HttpProblem(
        404,
        `No signature "${signature}" of the petition "${petition.id}": take the id from the petition's signatures.`,
      );
    return halAnswer(c, toSignatureResource(c.req.url, row));
  },
);

/**
 * A petition page and its widget are read far more often than signed, often by a crowd at once:
 * each API instance answers reads from a copy at most a second old, and forgets its copy when it
 * records a signature, so a signer sees their own signature counted.
 */
const freshFor = 1000;
const recentReads = new WeakMap<Queryable, Map<string, { row: PetitionRow; until: number }>>();

async function findPetition(db: Queryable, id: string): Promise<PetitionRow> {
  let cache = recentReads.get(db);
  if (!cache) recentReads.set(db, (cache = new Map()));
  const cached = cache.get(id);
  if (cached && cached.until > Date.now()) return cached.row;
  const [row] = await db.query<PetitionRow>(`${selectPetitions} where p.id = $1`, [id]);
  if (!row) throw new HttpProblem(404, `No petition has the id "${id}": check the link.`);
  cache.set(id, { row, until: Date.now() + freshFor });
  return row;
}

function petitionUrl(requestUrl: string, id: string): string {
  return new URL(`${apiBasePath}/petitions/${id}`, requestUrl).toString();
}

function signatureUrl(requestUrl: string, petitionId: string, id: string): string {
  return `${petitionUrl(requestUrl, petitionId)}/signatures/${id}`;
}

function toSignatureResource(requestUrl: string, row: SignatureRow): SignatureResource {
  const petition = petitionUrl(requestUrl, row.petition_id);
  const person = { href: new URL(`${apiBasePath}/people/${row.person_id}`, requestUrl).toString() };
  const made = row.created_at.toISOString();
  return {
    identifiers: [`rally:${row.id}`],
    origin_system: 'Rally',
    comments: row.comments,
    source: row.source,
    referrer_data: row.referrer_data,
    created_date: made,
    modified_date: made,
    _links: {
      self: { href: signatureUrl(requestUrl, row.petition_id, row.id) },
      'osdi:petition': { href: petition },
      'osdi:person': person,
    },
    _embedded: {
      'osdi:person': {
        given_name: row.given_name,
        family_name: row.family_name,
        email_addresses: emailAddresses(row.email),
        _links: { self: person },
      },
    },
  };
}

function toPetitionResource(requestUrl: string, row: PetitionRow): PetitionResource {
  const now = Date.now();
  const open =
    (!row.opens_at || row.opens_at.getTime() <= now) &&
    (!row.closes_at || row.closes_at.getTime() > now);
  const self = petitionUrl(requestUrl, row.id);
  return {
    identifiers: [`rally:${row.id}`],
    origin_system: 'Rally' as const,
    title: row.title,
    description: row.description,
    target: row.targets,
    goal: row.goal,
    total_signatures: row.total_signatures,
    status: open ? 'open' : 'closed',
    opens_at: row.opens_at?.toISOString() ?? null,
    closes_at: row.closes_at?.toISOString() ?? null,
    lang: row.lang,
    region: row.region,
    sector: row.sector,
    created_date: row.created_at.toISOString(),
    modified_date: row.updated_at.toISOString(),
    _links: {
      self: { href: self },
      'osdi:record_signature_helper': { href: `${self}/signatures` },
      'osdi:signatures': { href: `${self}/signatures` },
    },
  };
}
