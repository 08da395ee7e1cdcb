/** The staff endpoints the console uses: who is signed in, signing in and out, what admins manage. */
import type {
  ApiKey,
  ApiKeyCreated,
  AuditEntry,
  StaffAccount,
  StaffInvitation,
  StaffMe,
  StaffPasskey,
  StaffSession,
} from '@rally/core';
import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { ApiProblem, request } from './api.ts';

export type {
  ApiKey,
  AuditEntry,
  StaffAccount,
  StaffInvitation,
  StaffMe,
  StaffPasskey,
  StaffSession,
};

const meKey = 'rally-console-me';

/** The account and session signed in, or null when nobody is; remembered on the device. */
export async function whoAmI(): Promise<StaffMe | null> {
  try {
    const me = await request<StaffMe>('/staff/me');
    try {
      localStorage.setItem(meKey, JSON.stringify(me));
    } catch {
      // Not remembered: with no signal, the console asks to sign in.
    }
    return me;
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 401 || error.status === 403)) {
      forgetMe();
      return null;
    }
    throw error;
  }
}

/**
 * Who was last signed in on this device, for opening the screens kept offline (the check-in at
 * the door) when the API cannot be reached; what they do waits for the API, which checks the
 * session cookie as ever.
 */
export function rememberedMe(): StaffMe | null {
  try {
    const kept = localStorage.getItem(meKey);
    return kept ? (JSON.parse(kept) as StaffMe) : null;
  } catch {
    return null;
  }
}

/** Forgets who was signed in (on signing out, or when the API says nobody is). */
export function forgetMe(): void {
  try {
    localStorage.removeItem(meKey);
  } catch {
    // Nothing was remembered.
  }
}

interface Options<T> {
  challenge_id: string;
  options: T;
}

/** Signs in with a passkey the browser offers (a discoverable credential). */
export async function signInWithPasskey(): Promise<void> {
  const { challenge_id, options } = await request<Options<PublicKeyCredentialRequestOptionsJSON>>(
    '/staff/sign-in/options',
    { method: 'POST' },
  );
  const response = await startAuthentication({ optionsJSON: options });
  await request('/staff/sign-in', { method: 'POST', body: { challenge_id, response } });
}

export async function signInWithPassword(email: string, password: string): Promise<void> {
  await request('/staff/sign-in/password', { method: 'POST', body: { email, password } });
}

export async function signOut(): Promise<void> {
  await request('/staff/sign-out', { method: 'POST' });
}

export interface InvitationInfo {
  email: string;
  name: string | null;
  role: string;
  expires_at: string;
}

export function invitationInfo(token: string): Promise<InvitationInfo> {
  return request('/staff/invitations/lookup', { method: 'POST', body: { invitation: token } });
}

/**
 * Makes the invitation's first passkey, which makes the account, named as the person confirmed
 * or typed, and signs it in.
 */
export async function enroll(
  invitation: string,
  passkeyName: string,
  accountName: string,
): Promise<void> {
  const { challenge_id, options } = await request<Options<PublicKeyCredentialCreationOptionsJSON>>(
    '/staff/passkeys/registration-options',
    { method: 'POST', body: { invitation } },
  );
  const response = await startRegistration({ optionsJSON: options });
  await request('/staff/passkeys/registration', {
    method: 'POST',
    body: { invitation, challenge_id, name: passkeyName, account_name: accountName, response },
  });
}

/** Makes another passkey on this device for the account signed in. */
export async function addPasskey(passkeyName: string): Promise<void> {
  const { challenge_id, options } = await request<Options<PublicKeyCredentialCreationOptionsJSON>>(
    '/staff/passkeys/registration-options',
    { method: 'POST', body: {} },
  );
  const response = await startRegistration({ optionsJSON: options });
  await request('/staff/passkeys/registration', {
    method: 'POST',
    body: { challenge_id, name: passkeyName, response },
  });
}

/** What the account signed in changes of its own: its name, passkeys and password. */
export const myAccount = {
  rename: (name: string) =>
    request<{ account: StaffAccount }>('/staff/me', { method: 'PATCH', body: { name } }),
  passkeys: () => request<{ passkeys: StaffPasskey[] }>('/staff/me/passkeys'),
  addPasskey,
  removePasskey: (id: string) =>
    request<void>(`/staff/me/passkeys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  setPassword: (password: string) =>
    request<void>('/staff/me/password', { method: 'PUT', body: { password } }),
};

/** Whether an error is the browser's: the person closed the passkey prompt, or it timed out. */
export function passkeyCancelled(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError')
  );
}

export interface InvitationRequest {
  email: string;
  role: string;
  name?: string;
  regions?: string[];
  sectors?: string[];
  sources?: string[];
}

export const invitations = {
  list: () => request<{ invitations: StaffInvitation[] }>('/staff/invitations'),
  create: (body: InvitationRequest) =>
    request<{ url: string; expires_at: string }>('/staff/invitations', { method: 'POST', body }),
};

export const accounts = {
  list: () => request<{ accounts: StaffAccount[] }>('/staff/accounts'),
  change: (id: string, body: Partial<Omit<StaffAccount, 'id'>> & { disabled?: boolean }) =>
    request<StaffAccount>(`/staff/accounts/${id}`, { method: 'PATCH', body }),
};

export const apiKeys = {
  list: () => request<{ api_keys: ApiKey[] }>('/staff/api-keys'),
  create: (name: string, scope: string) =>
    request<ApiKeyCreated>('/staff/api-keys', { method: 'POST', body: { name, scope } }),
  revoke: (id: string) => request<void>(`/staff/api-keys/${id}`, { method: 'DELETE' }),
};

export const sessions = {
  list: (account?: string) =>
    request<{ sessions: StaffSession[] }>('/staff/sessions', { query: { account } }),
  end: (id: string) => request<void>(`/staff/sessions/${id}`, { method: 'DELETE' }),
};

export interface AuditFilters {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export const audit = {
  page: (filters: AuditFilters, before?: string) =>
    request<{ entries: AuditEntry[]; next: string | null }>('/staff/audit', {
      query: { ...filters, before },
    }),
};

/** "a, b ,c" → ['a', 'b', 'c']. */
export function listOf(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
