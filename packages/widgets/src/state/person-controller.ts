/**
 * The person known on the page, as a form widget sees them: read from the device until the store
 * (person.ts) loads — when someone begins on a form, since no form needs the store to be shown —
 * and from the store after, which redraws every widget when the person changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';
import type { KnownPerson } from './person.ts';

/** Where the person is kept: localStorage if they asked to be remembered, else sessionStorage. */
export const storageKey = 'rally:person';

/** The person kept on this device, if any. */
export function savedPerson(): KnownPerson | null {
  try {
    const saved = localStorage.getItem(storageKey) ?? sessionStorage.getItem(storageKey);
    return saved ? (JSON.parse(saved) as KnownPerson) : null;
  } catch {
    return null; // Storage blocked (private mode, sandboxed frame): remember nothing.
  }
}

let store: ReadableAtom<KnownPerson | null> | undefined;
const hosts = new Set<ReactiveControllerHost>();

/** Called by the store as it loads: from then on it is the one source of who the person is. */
export function connectStore($person: ReadableAtom<KnownPerson | null>): void {
  store = $person;
  $person.listen(() => {
    for (const host of hosts) host.requestUpdate();
  });
}

/** The store, with what it does: remembering the person after an action, forgetting them. */
export const loadPersonStore = () => import('./person.ts');

export class PersonController implements ReactiveController {
  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  /** The person already known on this page, to prefill the form. */
  get known(): KnownPerson | null {
    return store ? store.get() : savedPerson();
  }

  /** "Not you?": forgets the person on this device, in every widget. */
  readonly forget = (): void => {
    loadPersonStore().then(
      ({ forgetPerson }) => forgetPerson(),
      () => {
        // Offline before the store loaded: then only the device knows them.
        try {
          localStorage.removeItem(storageKey);
          sessionStorage.removeItem(storageKey);
        } catch {
          // Storage blocked: nothing was kept.
        }
        for (const host of hosts) host.requestUpdate();
      },
    );
  };

  /** Shares who the person is with the other widgets on the page; resolves to their first name. */
  remember(data: FormData, extra: Partial<KnownPerson> = {}): Promise<string> {
    return loadPersonStore().then(
      ({ rememberPerson }) => rememberPerson(data, extra),
      () => String(data.get('given_name')).trim(), // Offline before the store loaded: this form only.
    );
  }
}
