/** Personal referral codes: short, unambiguous when read aloud or typed from a flyer. */
import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: codes get copied by hand from phones and paper.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Eight characters from a 31-letter alphabet: about 8.5 × 10¹¹ codes. */
export function newReferralCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}
