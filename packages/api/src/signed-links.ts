/** Links that act for a person without a login (cancel an RSVP), signed so nobody can forge one. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signLink(secret: string, purpose: string, id: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url');
}

export function verifyLink(secret: string, purpose: string, id: string, token: string): boolean {
  const expected = Buffer.from(signLink(secret, purpose, id));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
