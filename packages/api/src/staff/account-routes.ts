/**
 * The account signed in, by its owner: its name, and its passkeys — listed, and removed where
 * another way in remains and the owner signed in recently. Each change is recorded in the audit
 * log. (Signing in, `GET /me`, the password and sessions are in sign-in-routes.ts.)
 */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { staffAccount, staffMeChange, staffPasskey, type StaffPasskey } from '@rally/core';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { readJson } from '../http/body.ts';
import { HttpProblem } from '../http/problems.ts';
import { jsonResponse, pathParameter, problemResponse, requestSchema } from '../openapi.ts';
import { accountAnswer, type AccountRow } from './accounts.ts';
import { audit } from './audit.ts';
import { requireSession } from './require-staff.ts';
import { recentSignInMinutes, requireRecentSignIn } from './sessions.ts';

export const accountRoutes = new Hono<AppContext>();

accountRoutes.patch(
  '/me',
  describeRoute({
    summary: 'Change the name of the account signed in',
    requestBody: {
      required: true,
      content: { 'application/json': { schema: requestSchema('StaffMeChange', staffMeChange) } },
    },
    responses: {
      200: jsonResponse(
        'The account as changed',
        'StaffMeChanged',
        z.object({ account: staffAccount }),
      ),
      400: problemResponse('The body is not valid JSON.'),
      415: problemResponse('The body is not JSON.'),
      422: problemResponse('Fields failed validation (each in `errors`).'),
    },
  }),
  requireSession,
  async (c) => {
    const { db, staff } = c.var;
    const change = await readJson(c, staffMeChange);
    const account = await db.transaction(async (tx) => {
      const [row] = await tx.query<AccountRow>(
        'update staff_accounts set name = $2 where id = $1 returning *',
        [staff.id, change.name],
      );
      await audit(
        c,
        {
          action: 'account-changed',
          subjectKind: 'account',
          subjectId: staff.id,
          detail: { changes: change },
        },
        { db: tx },
      );
      return row!;
    });
    return c.json({ account: accountAnswer(account) });
  },
);

interface PasskeyListRow extends Record<string, unknown> {
  credential_id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

accountRoutes.get(
  '/me/passkeys',
  describeRoute({
    summary: 'The passkeys of the account signed in',
    responses: {
      200: jsonResponse(
        'Its passkeys, oldest first',
        'StaffPasskeys',
        z.object({ passkeys: z.array(staffPasskey) }),
      ),
    },
  }),
  requireSession,
  async (c) => {
    const { db, staff } = c.var;
    const rows = await db.query<PasskeyListRow>(
      `select credential_id, name, created_at, last_used_at from staff_passkeys
       where account_id = $1 order by created_at, credential_id`,
      [staff.id],
    );
    const passkeys: StaffPasskey[] = rows.map((row) => ({
      id: row.credential_id,
      name: row.name,
      created_at: row.created_at.toISOString(),
      last_used_at: row.last_used_at?.toISOString() ?? null,
    }));
    return c.json({ passkeys });
  },
);

accountRoutes.delete(
  '/me/passkeys/:id',
  describeRoute({
    summary: 'Remove a passkey of the account signed in',
    description: `Refused while it is the account’s only way in (its last passkey, and no password it may use), and unless the session was signed in within the last ${recentSignInMinutes} minutes. Sessions already open stay open.`,
    parameters: [pathParameter('id', 'The passkey’s id, from GET /api/v1/staff/me/passkeys')],
    responses: {
      204: { description: 'Removed' },
      403: problemResponse(
        `The session was not signed in within the last ${recentSignInMinutes} minutes (\`sign-in-again\`): sign in again, then ask again; or a write from another site’s page (\`cross-site\`)`,
      ),
      404: problemResponse('The account signed in has no such passkey'),
      409: problemResponse(
        'It is the account’s only way in (`last-way-in`): add another passkey first',
      ),
    },
  }),
  requireSession,
  async (c) => {
    const { db, staff } = c.var;
    const id = c.req.param('id');
    await db.transaction(async (tx) => {
      // Locked first, so two removals at once cannot each leave the other as the last way in.
      const [account] = await tx.query<AccountRow>(
        'select * from staff_accounts where id = $1 for update',
        [staff.id],
      );
      const passkeys = await tx.query<{ credential_id: string; name: string }>(
        'select credential_id, name from staff_passkeys where account_id = $1',
        [staff.id],
      );
      const passkey = passkeys.find((row) => row.credential_id === id);
      if (!passkey) {
        throw new HttpProblem(
          404,
          'You have no passkey with this id: take it from GET /api/v1/staff/me/passkeys.',
        );
      }
      const passwordOpens = account!.password_allowed && account!.password_hash !== null;
      if (passkeys.length === 1 && !passwordOpens) {
        throw new HttpProblem(
          409,
          'This is your only passkey, and your account has no password to sign in with: add another passkey first, then remove this one.',
          { kind: 'last-way-in' },
        );
      }
      await requireRecentSignIn(tx, staff.sessionId!);
      await tx.query('delete from staff_passkeys where credential_id = $1', [id]);
      await audit(
        c,
        {
          action: 'passkey-removed',
          subjectKind: 'account',
          subjectId: staff.id,
          detail: { credential_id: id, passkeys_left: passkeys.length - 1 },
        },
        { db: tx },
      );
    });
    return c.body(null, 204);
  },
);
