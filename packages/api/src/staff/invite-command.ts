/**
 * The first invitation of a fresh install, from the command line (`pnpm staff invite`, in
 * scripts/staff.ts): the database opened as the API opens it, brought up to date, an invitation
 * made and recorded in the audit log as the command line's, and the link to send.
 */
import { staffInvitationRequest } from '@rally/core';
import { readServerConfig } from '../config.ts';
import { openDatabase } from '../database.ts';
import { migrate } from '../migrate.ts';
import { commandLine, writeAudit } from './audit.ts';
import { createInvitation, enrollUrl, type InvitationRequest } from './invitations.ts';

/** Why an invitation could not be made, in words for the person at the terminal. */
export class InviteError extends Error {
  override name = 'InviteError';
}

export interface Invited {
  email: string;
  role: string;
  url: string;
  expiresAt: Date;
}

/**
 * Makes an invitation in the database `env` names (DATABASE_URL, else the embedded one in
 * RALLY_DATA_DIR), for the address the API is reached at: RALLY_PUBLIC_API_URL, else the
 * configuration's `sites.api_url`.
 */
export async function inviteFromCommandLine(
  env: Record<string, string | undefined>,
  request: InvitationRequest,
): Promise<Invited> {
  const parsed = staffInvitationRequest.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const option = String(issue.path[0] ?? 'email');
    throw new InviteError(`${option === 'email' ? 'The email' : `--${option}`}: ${issue.message}`);
  }
  const config = readServerConfig(env);
  const apiUrl = env.RALLY_PUBLIC_API_URL?.trim() || config.settings.sites.api_url;
  if (!URL.canParse(apiUrl)) {
    throw new InviteError(`RALLY_PUBLIC_API_URL is not an address, like https://api.example.org.`);
  }
  if (!config.databaseUrl) await refuseWhileEmbeddedApiRuns(config.port, config.dataDir);
  const db = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    durability: config.durability,
  });
  try {
    await migrate(db);
    const { row, token } = await db.transaction(async (tx) => {
      const made = await createInvitation(tx, parsed.data, null);
      await writeAudit(tx, commandLine, null, {
        action: 'invitation-created',
        subjectKind: 'invitation',
        subjectId: made.row.token_hash,
        detail: { email: made.row.email, role: made.row.role },
      });
      return made;
    });
    return {
      email: row.email,
      role: row.role,
      url: enrollUrl(apiUrl, token),
      expiresAt: row.expires_at,
    };
  } finally {
    await db.close();
  }
}

/**
 * The embedded database belongs to one process at a time, and nothing stops a second from
 * opening its files: writing from two at once would lose one's writes. So when an API answers on
 * this machine's port with the embedded database, this waits for it to be stopped.
 */
async function refuseWhileEmbeddedApiRuns(port: number, dataDir: string): Promise<void> {
  let running = false;
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
      signal: AbortSignal.timeout(1000),
    });
    running = ((await response.json()) as { database?: string }).database === 'pglite';
  } catch {
    // Nothing answers: the database is free.
  }
  if (running) {
    throw new InviteError(
      `The API is running on port ${port} with the embedded database (${dataDir}), which only one program may open at a time: stop it (Ctrl-C where \`pnpm start\` runs), run this again, then start it.`,
    );
  }
}
