/** Staff accounts: how one is read, shown, and turned into who is asking. */
import type { StaffAccount, StaffRole } from '@rally/core';
import type { Queryable } from '../database.ts';
import { HttpProblem } from '../http/problems.ts';
import { uuidPattern } from '../http/query.ts';
import type { Staff } from './roles.ts';

export interface AccountRow extends Record<string, unknown> {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  regions: string[];
  sectors: string[];
  sources: string[];
  password_hash: string | null;
  password_allowed: boolean;
  created_at: Date;
  disabled_at: Date | null;
}

/** An account as the console shows it: never its password's hash. */
export function accountAnswer(row: AccountRow): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    regions: row.regions,
    sectors: row.sectors,
    sources: row.sources,
    password_allowed: row.password_allowed,
    created_at: row.created_at.toISOString(),
    disabled_at: row.disabled_at?.toISOString() ?? null,
  };
}

/** A signed-in account as who is asking. */
export function staffOfAccount(row: AccountRow, sessionId: string): Staff {
  return {
    kind: 'session',
    id: row.id,
    label: row.email,
    name: row.name || row.email,
    role: row.role,
    regions: row.regions,
    sectors: row.sectors,
    sources: row.sources,
    canWrite: true,
    sessionId,
  };
}

export async function findAccount(db: Queryable, id: string): Promise<AccountRow> {
  const [row] = uuidPattern.test(id)
    ? await db.query<AccountRow>('select * from staff_accounts where id = $1', [id])
    : [];
  if (!row) {
    throw new HttpProblem(
      404,
      `No staff account has the id ${id}: take it from GET /api/v1/staff/accounts.`,
    );
  }
  return row;
}
