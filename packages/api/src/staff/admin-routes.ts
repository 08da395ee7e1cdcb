/**
 * What admins manage: invitations, accounts (role, scope, password fallback, disabling), API keys,
 * and the audit log, read page by page or exported — each change itself recorded in the log.
 */
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
  apiKey,
  apiKeyCreated,
  apiKeyRequest,
  auditEntry,
  staffAccount,
  staffAccountChange,
  staffInvitation,
  staffInvitationCreated,
  staffInvitationRequest,
  type AuditEntry,
} from '@rally/core';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { readJson } from '../http/body.ts';
import { HttpProblem } from '../http/problems.ts';
import { boundedInteger } from '../http/query.ts';
import {
  fileResponse,
  jsonResponse,
  pathParameter,
  problemResponse,
  queryParameter,
  requestSchema,
} from '../openapi.ts';
import { csvDownload } from '../reports/csv.ts';
import { dateRange } from '../reports/standing.ts';
import { accountAnswer, findAccount, type AccountRow } from './accounts.ts';
import { apiKeyAnswer, createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { audit } from './audit.ts';
import {
  createInvitation,
  enrollUrl,
  invitationAnswer,
  type InvitationRow,
} from './invitations.ts';
import { requireAccountAdmin } from './require-staff.ts';
import { endSessions } from './sessions.ts';

export const adminRoutes = new Hono<AppContext>();

function jsonBody(name: string, schema: z.ZodType) {
  return {
    required: true,
    content: { 'application/json': { schema: requestSchema(name, schema) } },
  };
}

const bodyRefusals = {
  400: problemResponse('The body is not valid JSON.'),
  415: problemResponse('The body is not JSON.'),
  422: problemResponse('Fields failed validation (each in `errors`).'),
};

adminRoutes.get(
  '/invitations',
  describeRoute({
    summary: 'Invitations, newest first: waiting, used and expired (admin)',
    responses: {
      200: jsonResponse(
        'The last 200 invitations, without their tokens',
        'StaffInvitations',
        z.object({ invitations: z.array(staffInvitation) }),
      ),
    },
  }),
  requireAccountAdmin,
  async (c) => {
    const rows = await c.var.db.query<InvitationRow>(
      'select * from staff_invitations order by created_at desc limit 200',
    );
    return c.json({ invitations: rows.map(invitationAnswer) });
  },
);

adminRoutes.post(
  '/invitations',
  describeRoute({
    summary: 'Invite a staff member (admin): the link to send them, shown once',
    description:
      'The link opens the console’s enrollment page, the token in its fragment (`#…`), which browsers send to no server. It works once, for 72 hours.',
    requestBody: jsonBody('StaffInvitationRequest', staffInvitationRequest),
    responses: {
      201: jsonResponse(
        'The link, and when it expires',
        'StaffInvitationCreated',
        staffInvitationCreated,
      ),
      ...bodyRefusals,
    },
  }),
  requireAccountAdmin,
  async (c) => {
    const { db, staff, origin } = c.var;
    const request = await readJson(c, staffInvitationRequest);
    const { row, token } = await db.transaction(async (tx) => {
      const made = await createInvitation(tx, request, staff.kind === 'session' ? staff.id : null);
      await audit(
        c,
        {
          action: 'invitation-created',
          subjectKind: 'invitation',
          subjectId: made.row.token_hash,
          detail: {
            email: made.row.email,
            role: made.row.role,
            regions: made.row.regions,
            sectors: made.row.sectors,
            sources: made.row.sources,
          },
        },
        { db: tx },
      );
      return made;
    });
    return c.json(
      { url: enrollUrl(origin, token), expires_at: row.expires_at.toISOString() },
      201,
      { 'Cache-Control': 'no-store' },
    );
  },
);

adminRoutes.get(
  '/accounts',
  describeRoute({
    summary: 'Staff accounts, by email (admin)',
    responses: {
      200: jsonResponse(
        'Every account',
        'StaffAccounts',
        z.object({ accounts: z.array(staffAccount) }),
      ),
    },
  }),
  requireAccountAdmin,
  async (c) => {
    const rows = await c.var.db.query<AccountRow>('select * from staff_accounts order by email');
    return c.json({ accounts: rows.map(accountAnswer) });
  },
);

adminRoutes.patch(
  '/accounts/:id',
  describeRoute({
    summary: 'Change an account: role, scope, name, password fallback, disabled (admin)',
    description:
      'Disabling an account ends its sessions at once. A change that would leave no enabled admin account is refused.',
    parameters: [pathParameter('id', 'The account’s id', 'uuid')],
    requestBody: jsonBody('StaffAccountChange', staffAccountChange),
    responses: {
      200: jsonResponse('The account as changed', 'StaffAccount', staffAccount),
      ...bodyRefusals,
      404: problemResponse('No such account'),
      409: problemResponse('The change would leave no enabled admin account'),
    },
  }),
  requireAccountAdmin,
  async (c) => {
    const { db } = c.var;
    const before = await findAccount(db, c.req.param('id'));
    const change = await readJson(c, staffAccountChange);
    const account = await db.transaction(async (tx) => {
      // Two admins changed at once could each see the other still an admin and both step down:
      // the enabled admins are locked before the change, so the count below sees the other's.
      await tx.query(
        `select id from staff_accounts where role = 'admin' and disabled_at is null order by id for update`,
      );
      const [row] = await tx.query<AccountRow>(
        `update staff_accounts set
           name = coalesce($2, name), role = coalesce($3, role),
           regions = coalesce($4, regions), sectors = coalesce($5, sectors),
           sources = coalesce($6, sources),
           password_allowed = coalesce($7, password_allowed),
           disabled_at = case when $8::boolean is null then disabled_at
                              when $8 then coalesce(disabled_at, now()) end
         where id = $1 returning *`,
        [
          before.id,
          change.name ?? null,
          change.role ?? null,
          change.regions ?? null,
          change.sectors ?? null,
          change.sources ?? null,
          change.password_allowed ?? null,
          change.disabled ?? null,
        ],
      );
      // The last admin cannot be demoted or disabled: nobody could sign in to manage Rally.
      const [admins] = await tx.query<{ count: number }>(
        `select count(*)::int as count from staff_accounts where role = 'admin' and disabled_at is null`,
      );
      if (admins!.count === 0 && before.role === 'admin' && !before.disabled_at) {
        throw new HttpProblem(
          409,
          'This would leave no enabled admin account: make another account an admin first.',
        );
      }
      const ended = row!.disabled_at ? await endSessions(tx, 'account_id', row!.id) : [];
      await audit(
        c,
        {
          action: 'account-changed',
          subjectKind: 'account',
          subjectId: row!.id,
          detail: { changes: change, ...(ended.length > 0 ? { sessions_ended: ended } : {}) },
        },
        { db: tx },
      );
      return row!;
    });
    return c.json(accountAnswer(account));
  },
);

adminRoutes.get(
  '/api-keys',
  describeRoute({
    summary: 'API keys, without the keys themselves (admin)',
    responses: {
      200: jsonResponse(
        'Every key, the bootstrap key among them; revoked ones last',
        'ApiKeys',
        z.object({ api_keys: z.array(apiKey) }),
      ),
    },
  }),
  requireAccountAdmin,
  async (c) => c.json({ api_keys: (await listApiKeys(c.var.db)).map(apiKeyAnswer) }),
);

adminRoutes.post(
  '/api-keys',
  describeRoute({
    summary: 'Make an API key for a sync tool (admin): the key is shown this once',
    requestBody: jsonBody('ApiKeyRequest', apiKeyRequest),
    responses: {
      201: jsonResponse(
        'The key (`rk_…`), never shown again: only its hash is kept',
        'ApiKeyCreated',
        apiKeyCreated,
      ),
      ...bodyRefusals,
    },
  }),
  requireAccountAdmin,
  async (c) => {
    const { db, staff } = c.var;
    const { name, scope } = await readJson(c, apiKeyRequest);
    const { row, key } = await db.transaction(async (tx) => {
      const made = await createApiKey(tx, name, scope, staff.kind === 'session' ? staff.id : null);
      await audit(
        c,
        {
          action: 'key-created',
          subjectKind: 'key',
          subjectId: made.row.id,
          detail: { name, scope },
        },
        { db: tx },
      );
      return made;
    });
    return c.json({ ...apiKeyAnswer(row), key }, 201, { 'Cache-Control': 'no-store' });
  },
);

adminRoutes.delete(
  '/api-keys/:id',
  describeRoute({
    summary: 'Revoke an API key (admin): it opens nothing from now on',
    parameters: [pathParameter('id', 'The key’s id', 'uuid')],
    responses: {
      204: { description: 'Revoked (or was already)' },
      404: problemResponse('No such key'),
      409: problemResponse('The bootstrap key, which RALLY_ADMIN_TOKEN sets'),
    },
  }),
  requireAccountAdmin,
  async (c) => {
    const { db } = c.var;
    await db.transaction(async (tx) => {
      const row = await revokeApiKey(tx, c.req.param('id'));
      await audit(
        c,
        {
          action: 'key-revoked',
          subjectKind: 'key',
          subjectId: row.id,
          detail: { name: row.name, scope: row.scope },
        },
        { db: tx },
      );
    });
    return c.body(null, 204);
  },
);

/** The audit log's filters: `action`, `actor` (an id, an email or a key's name), `from`, `to`. */
function auditFilters(c: Context<AppContext>, firstParam: number) {
  const where: string[] = [];
  const params: string[] = [];
  const action = c.req.query('action');
  if (action) {
    params.push(action);
    where.push(`action = $${firstParam + params.length - 1}`);
  }
  const actor = c.req.query('actor');
  if (actor) {
    params.push(actor.trim());
    const n = firstParam + params.length - 1;
    where.push(`(actor_id = $${n} or lower(actor_label) = lower($${n}))`);
  }
  const days = dateRange(c, 'at', firstParam + params.length);
  return {
    where: [...where, ...days.where],
    params: [...params, ...days.params],
    filters: Object.fromEntries(
      ['action', 'actor', 'from', 'to']
        .map((name) => [name, c.req.query(name)] as const)
        .filter(([, value]) => value),
    ),
  };
}

const auditColumns = [
  'id',
  'at',
  'actor_kind',
  'actor_id',
  'actor_label',
  'action',
  'subject_kind',
  'subject_id',
  'detail',
  'ip',
];

const auditPage = jsonResponse(
  'A page of entries, and the address of the next (older) page, or null',
  'AuditPage',
  z.object({ entries: z.array(auditEntry), next: z.string().nullable() }),
);

interface AuditRow extends Record<string, unknown> {
  id: string;
  at: Date;
  actor_kind: AuditEntry['actor_kind'];
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  subject_kind: string | null;
  subject_id: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

adminRoutes.get(
  '/audit',
  describeRoute({
    summary: 'The audit log, newest first, a page at a time; or all of it as CSV (admin)',
    description:
      'Sign-ins and refused sign-ins, sign-outs and sessions ended, invitations, account and key changes, every export, every view of a person’s record and every erasure. Each entry holds ids, filters and counts, never a member’s personal data. `?format=csv` exports every entry the filters pick, oldest first; the export is itself recorded.',
    parameters: [
      queryParameter('action', 'Only this action (`sign-in`, `export`, `person-viewed`…).'),
      queryParameter('actor', 'Only what this account or key did: its id, email or name.'),
      queryParameter('from', 'The first day, written 2026-11-01 (UTC).', {
        type: 'string',
        format: 'date',
      }),
      queryParameter('to', 'The last day, included.', { type: 'string', format: 'date' }),
      queryParameter('before', 'From a page’s `next`: the entries older than this id.', {
        type: 'integer',
      }),
      queryParameter('per_page', 'Entries a page.', {
        type: 'integer',
        minimum: 1,
        maximum: 200,
        default: 50,
      }),
      queryParameter('format', '`csv`: every entry, as a file.', { type: 'string', enum: ['csv'] }),
    ],
    responses: {
      200: {
        description: `${auditPage.description}; with \`format=csv\`, every entry as a file`,
        content: { ...auditPage.content, ...fileResponse('CSV', 'text/csv').content },
      },
      400: problemResponse(
        '`from`, `to`, `before`, `per_page` or `format` cannot be read; the problem names which',
      ),
    },
  }),
  requireAccountAdmin,
  async (c) => {
    const { db } = c.var;
    const format = c.req.query('format');
    if (format !== undefined && format !== 'csv') {
      throw new HttpProblem(400, 'format takes one value, csv; leave it out for JSON.', {
        errors: [{ path: 'query.format', code: 'invalid', message: 'Write csv, or leave it out.' }],
      });
    }
    const filters = auditFilters(c, 1);
    if (format === 'csv') {
      return csvDownload(
        c,
        'audit-log.csv',
        {
          columns: `id::text as id, at, actor_kind, actor_id, actor_label, action, subject_kind,
            subject_id, detail, ip`,
          from: 'audit_log',
          where: filters.where,
          params: filters.params,
          // The table's id, not the text of it the columns give: 10 comes after 9.
          order: ['audit_log.id'],
        },
        auditColumns,
        { action: 'audit-exported', detail: { filters: filters.filters } },
      );
    }
    const perPage = boundedInteger(c.req.query('per_page'), 50, 1, 200, 'per_page');
    const before = c.req.query('before');
    const where = [...filters.where];
    const params: unknown[] = [...filters.params];
    if (before !== undefined) {
      if (!/^[1-9]\d{0,17}$/.test(before)) {
        throw new HttpProblem(
          400,
          'before must be an entry’s id, as a page’s next link gives it.',
          {
            errors: [{ path: 'query.before', code: 'invalid', message: 'Follow the next link.' }],
          },
        );
      }
      params.push(before);
      where.push(`id < $${params.length}::bigint`);
    }
    params.push(perPage + 1);
    const rows = await db.query<AuditRow>(
      `select id::text as id, at, actor_kind, actor_id, actor_label, action, subject_kind,
              subject_id, detail, ip
       from audit_log ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
       order by audit_log.id desc limit $${params.length}`,
      params,
    );
    const entries: AuditEntry[] = rows.slice(0, perPage).map((row) => ({
      ...row,
      at: row.at.toISOString(),
    }));
    let next: string | null = null;
    if (rows.length > perPage) {
      const url = new URL(c.req.url);
      url.searchParams.set('before', entries.at(-1)!.id);
      next = url.toString();
    }
    return c.json({ entries, next });
  },
);
