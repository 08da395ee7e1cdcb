/**
 * The person this visitor said they are, shared by every widget on the page so the next one is
 * prefilled. Kept for the visit only (sessionStorage) unless the person asks to be remembered
 * (localStorage); "Not you?" forgets them everywhere. Their RSVPs live here too: they are the
 * person's, so they are kept, and forgotten, exactly as long as the person is. Loaded when someone
 * begins on a form: until then widgets read the person from the device (person-controller.ts).
 */
import { atom } from 'nanostores';
import { connectStore, savedPerson, storageKey } from './person-controller.ts';

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

export const $person = atom<KnownPerson | null>(savedPerson());

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

connectStore($person);

/** "Not you?": forget the person on this device. */
export function forgetPerson(): void {
  $person.set(null);
}

/**
 * Keeps who the person is from the form they sent (the fields of person-fields in
 * internal/form-templates.ts, and "Remember me"); returns their first name.
 */
export function rememberPerson(data: FormData, extra: Partial<KnownPerson> = {}): string {
  const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
  const email = text('email') ?? '';
  // What the person told another form is kept only if this is still them.
  const same = $person.get()?.email === email ? $person.get() : undefined;
  // A field this form shows says what to keep, even emptied; one it does not show keeps the last.
  const kept = (name: 'phone' | 'postal_code') => (data.has(name) ? text(name) : same?.[name]);
  $person.set({
    given_name: text('given_name') ?? '',
    family_name: text('family_name'),
    email,
    phone: kept('phone'),
    postal_code: kept('postal_code'),
    referral_code: same?.referral_code,
    rsvps: same?.rsvps,
    remember: data.get('remember') === 'on',
    ...extra,
  });
  return text('given_name') ?? '';
}
