/**
 * The password fallback an admin may allow an account: argon2id with OWASP's parameters (19 MiB,
 * two passes, one lane), so a stolen hash costs an attacker that much memory per guess — and the
 * API as much per check, which is why checks run a few at a time.
 */
import { hash, verify } from '@node-rs/argon2';
import { concurrencyCap } from '../concurrency-cap.ts';

// argon2id is the library's default algorithm; the costs are written out so a change of default
// cannot weaken them unnoticed (passwords.test.ts reads them back from a hash).
const parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, parameters);
}

/**
 * A hash of 32 random bytes nobody kept, with the same costs, checked when there is no account
 * (or no password) so that the answer takes as long as for a wrong password. Written out rather
 * than made at the first check, which would take twice as long as the checks after it.
 */
export const decoyHash =
  '$argon2id$v=19$m=19456,t=2,p=1$zIVaGDOCAgIMkKsehB1WZg$icswl8KHm4wYiA2XZ4CxrAvY0BOqs1koRBeHUY9KS08';

/**
 * Every password check of the process goes through here: two at once (one takes about 11 ms of a
 * core and 19 MiB; the libuv pool they run in has four threads, which the database driver and the
 * file system share), and eight more waiting, some 50 ms of work. A flood of sign-ins beyond that
 * is refused (`AtCapacity`) rather than queued, so it cannot take the API's CPU or memory.
 */
export const passwordChecks = concurrencyCap({ atOnce: 2, waiting: 8 });

/**
 * Whether `password` matches `stored`; with no stored hash, a check against the decoy that always
 * fails, taking as long as a real one. Rejects with `AtCapacity` when too many checks are waiting.
 */
export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  return passwordChecks.run(async () => {
    if (stored === null) {
      await verify(decoyHash, password);
      return false;
    }
    try {
      return await verify(stored, password);
    } catch {
      return false; // Not a hash the library reads: nothing matches it.
    }
  });
}
