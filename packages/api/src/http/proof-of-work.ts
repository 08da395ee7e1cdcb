/**
 * Proof of work instead of a stopwatch. A widget asks for a small puzzle (`GET /challenge`,
 * ALTCHA's open format, SHA-256), solves it in the browser in well under a second, and sends the
 * answer with its submission. Checking it costs the API one hash. A person pays nothing for being
 * fast or for letting the browser fill the form; a bot pays for every submission in CPU time, and
 * no third party sees anyone. The puzzle is signed with a secret only the API holds, expires, and
 * counts once.
 */
import { createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { ProofOfWork } from '@rally/core';
import type { RallySettings } from '../config.ts';
import type { RateLimiter } from './rate-limits.ts';

/** How long a puzzle can be solved and sent: long enough to fill in a form at leisure. */
const challengeSeconds = 30 * 60;

/** The signing secrets, derived from the API's link secret so there is nothing more to configure. */
function secrets(linkSecret: string) {
  const derive = (purpose: string) =>
    createHmac('sha256', linkSecret).update(`rally proof of work: ${purpose}`).digest('hex');
  return {
    hmacSignatureSecret: derive('challenge'),
    hmacKeySignatureSecret: derive('key'),
  };
}

/**
 * A new puzzle. Its answer is a counter the solver must find by trying each in turn, drawn between
 * a tenth of the configured maximum and the maximum, so solving takes a bounded, random time.
 */
export function newChallenge(linkSecret: string, settings: RallySettings): Promise<Challenge> {
  const max = settings.abuse.proof_of_work.max_counter;
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(max, Math.max(1, Math.floor(max / 10))),
    deriveKey,
    expiresAt: new Date(Date.now() + challengeSeconds * 1000),
    ...secrets(linkSecret),
  });
}

/**
 * Whether `proof` answers a puzzle this API set, in time, for the first time. Anything malformed,
 * tampered with, expired or already used is simply not a proof.
 */
export async function provedWork(
  proof: ProofOfWork | undefined,
  linkSecret: string,
  limiter: RateLimiter,
): Promise<boolean> {
  if (!proof) return false;
  let verified: boolean;
  try {
    ({ verified } = await verifySolution({
      challenge: proof.challenge as unknown as Challenge,
      solution: proof.solution,
      deriveKey,
      ...secrets(linkSecret),
    }));
  } catch {
    return false; // The library refuses parameters it cannot read: no proof either.
  }
  if (!verified) return false;
  // Once only: the shared counters see every instance's use of the same answer.
  const used = await limiter.hit([
    { key: `pow:${proof.challenge.signature}`, max: 1, windowSeconds: challengeSeconds },
  ]);
  return used === 0;
}
