/**
 * The password fallback an admin may allow an account: argon2id with OWASP's parameters (19 MiB,
 * two passes, one lane), so a stolen hash costs an attacker that much memory per guess.
 */
import { hash, verify } from '@node-rs/argon2';

// argon2id is the library's default algorithm; the costs are written out so a change of default
// cannot weaken them unnoticed (passwords.test.ts reads them back from a hash).
const parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, parameters);
}

/** A hash of nothing anyone knows, checked when there is no account, so timing tells nothing. */
let decoy: Promise<string> | undefined;

/**
 * Whether `password` matches `stored`; with no stored hash, a check against a decoy that always
 * fails, taking as long as a real one.
 */
export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    await verify(await (decoy ??= hashPassword(crypto.randomUUID())), password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false; // Not a hash the library reads: nothing matches it.
  }
}
