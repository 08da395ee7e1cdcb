/**
 * Staff accounts from the command line. `pnpm staff invite <email> --role admin` prints the first
 * invitation of a fresh install (later ones come from the console); `--regions`, `--sectors` and
 * `--sources` take slugs separated by commas, `--name` the person's name. It opens the database
 * the API would open, with the same environment (DATABASE_URL or RALLY_DATA_DIR, RALLY_CONFIG);
 * the link uses RALLY_PUBLIC_API_URL, else the configuration's `sites.api_url`.
 */
import { parseArgs } from 'node:util';
import { inviteFromCommandLine, InviteError } from '@rally/api';
import { staffRoles } from '@rally/core';

const usage = `Usage: pnpm staff invite <email> --role ${staffRoles.join('|')} [--name "Rosa Ortiz"] [--regions a,b] [--sectors c] [--sources d]`;

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the command; the exit status. */
export async function main(
  args: string[],
  env: Record<string, string | undefined> = process.env,
  { out, err }: Output = { out: console.log, err: console.error },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        regions: { type: 'string' },
        sectors: { type: 'string' },
        sources: { type: 'string' },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const [command, email, ...rest] = parsed.positionals;
  if (command !== 'invite' || !email || rest.length > 0) {
    err(usage);
    return 2;
  }
  const { role, name, regions, sectors, sources } = parsed.values;
  if (!role) {
    err(`Give the role with --role: ${staffRoles.join(', ')}.\n${usage}`);
    return 2;
  }
  const list = (value: string | undefined) =>
    value === undefined
      ? undefined
      : value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean);
  try {
    const invited = await inviteFromCommandLine(env, {
      email,
      role: role as (typeof staffRoles)[number],
      name,
      regions: list(regions),
      sectors: list(sectors),
      sources: list(sources),
    });
    const until = invited.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
    out(`Invitation for ${invited.email} (${invited.role}), to use once before ${until} UTC:`);
    out('');
    out(`  ${invited.url}`);
    out('');
    out(
      'Send it to them privately: whoever opens it first enrolls a passkey as this staff member.',
    );
    return 0;
  } catch (error) {
    if (!(error instanceof InviteError) && (error as Error).name !== 'ConfigError') throw error;
    err(`No invitation made: ${(error as Error).message}`);
    return 1;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
