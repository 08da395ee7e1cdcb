/**
 * The person this visitor said they are, shared by every widget on the page so the next one is
 * prefilled. Kept for the visit only (sessionStorage) unless the person asks to be remembered
 * (localStorage); "Not you?" forgets them everywhere.
 */
import { atom } from 'nanostores';

export interface KnownPerson {
  given_name: string;
  family_name?: string;
  email: string;
  postal_code?: string;
  /** The person's own referral code, once Rally gave one. */
  referral_code?: string;
  /** Whether the person asked this device to remember them. */
  remember: boolean;
}

const storageKey = 'rally:person';

function read(): KnownPerson | null {
  try {
    const saved = localStorage.getItem(storageKey) ?? sessionStorage.getItem(storageKey);
    return saved ? (JSON.parse(saved) as KnownPerson) : null;
  } catch {
    return null; // Storage blocked (private mode, sandboxed frame): remember nothing.
  }
}

export const $person = atom<KnownPerson | null>(read());

$person.listen((person) => {
  try {
    localStorage.removeItem(storageKey);
    sessionStorage.removeItem(storageKey);
    if (person)
      (person.remember ? localStorage : sessionStorage).setItem(storageKey, JSON.stringify(person));
  } catch {
    // Storage blocked: the person is still known for this page.
  }
});

/** "Not you?": forget the person on this device. */
export function forgetPerson(): void {
  $person.set(null);
}
