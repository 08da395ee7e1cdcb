/**
 * The person this visitor said they are, shared by every widget on the page so the next one is
 * prefilled. Kept for the visit only (sessionStorage) unless the person asks to be remembered
 * (localStorage); "Not you?" forgets them everywhere. Their RSVPs live here too: they are the
 * person's, so they are kept, and forgotten, exactly as long as the person is.
 */
import { atom } from 'nanostores';

/** An RSVP made on this device, so the person who comes back can find it and cancel it. */
export interface RememberedRsvp {
  status: 'accepted' | 'waitlisted';
  /** The API's signed link that cancels it (`rally:cancel`). */
  cancel: string;
}

export interface KnownPerson {
  given_name: string;
  family_name?: string;
  email: string;
  /** The phone number the person gave, so the next form does not ask for it again. */
  phone?: string;
  postal_code?: string;
  /** The person's own referral code, once Rally gave one. */
  referral_code?: string;
  /** The person's RSVPs on this device, by event id. */
  rsvps?: Record<string, RememberedRsvp>;
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
