/**
 * Solves the API's proof-of-work puzzle (ALTCHA, SHA-256) that every write from a widget carries
 * instead of a stopwatch: the browser spends a fraction of a second hashing, and a person who is
 * fast, or whose browser fills the form in, is never taken for a bot. Loaded when someone starts
 * on a form, never before: it is not needed to show one. Writes carry the answer (write.ts).
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import type { ProofOfWork } from '@rally/core/people';
import { getJson } from './client.ts';

/** A puzzle solved ahead, per API, so the answer is ready when the person presses the button. */
const ahead = new Map<string, Promise<ProofOfWork>>();

/** The puzzle's address beside a write's: `…/api/v1/petitions/x/signatures` → `…/api/v1/challenge`. */
function challengeUrl(writeUrl: string): string {
  const url = new URL(writeUrl);
  url.pathname = `${url.pathname.slice(0, url.pathname.indexOf('/api/v1/'))}/api/v1/challenge`;
  url.search = '';
  return url.href;
}

async function solve(url: string): Promise<ProofOfWork> {
  // The API marks each puzzle no-store: a cached one would already be used.
  const challenge = await getJson<Challenge>(url);
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
  if (!solution) throw new Error('The puzzle could not be solved in time.');
  return { challenge: challenge as unknown as ProofOfWork['challenge'], solution };
}

/** Starts solving a puzzle for writes to this address, if none is solved or being solved yet. */
export function solveAhead(writeUrl: string): void {
  const url = challengeUrl(writeUrl);
  if (ahead.has(url)) return;
  const solving = solve(url);
  ahead.set(url, solving);
  // Offline or refused: forget it, so the next try asks again.
  solving.catch(() => ahead.delete(url));
}

/**
 * A solved puzzle for one write to this address: the one solved ahead, or a new one. Each answer
 * counts once at the API, so the next is started at once for whatever the person sends next.
 */
export async function proofFor(writeUrl: string): Promise<ProofOfWork> {
  const url = challengeUrl(writeUrl);
  const solving = ahead.get(url) ?? solve(url);
  ahead.delete(url);
  return solving;
}
