/**
 * The secrets staff are handed — invitation links, session cookies, API keys — are 32 random
 * bytes, and only their SHA-256 is stored: a token that random cannot be guessed from its hash, so
 * a copy of the database lets nobody in, and a fast hash keeps each request's check cheap.
 */
import { createHash, randomBytes } from 'node:crypto';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 32 random bytes, written in base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
