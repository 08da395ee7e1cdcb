/**
 * The People screens' endpoints: a person, their timeline, logging a one-on-one conversation,
 * correcting contact details, the export of everything held about them, and erasure. The API
 * records each view, conversation, correction, export and erasure in the audit log.
 */
import type {
  Conversation,
  ConversationRequest,
  PersonCorrection,
  PersonTimeline,
  TimelineEntry,
} from '@rally/core';
import { apiUrl, request } from './api.ts';

export type { Conversation, ConversationRequest, PersonCorrection, PersonTimeline, TimelineEntry };

/** A person as `GET /people/:id` answers (OSDI), the parts the console shows. */
export interface PersonResource {
  given_name?: string | null;
  family_name?: string | null;
  /** Empty for a walk-in added at the door without an email. */
  email_addresses?: { address: string }[];
  phone_numbers?: { number: string }[];
  created_date?: string;
}

const path = (id: string) => `/people/${encodeURIComponent(id)}`;

export const people = {
  get: (id: string) => request<PersonResource>(path(id)),
  timeline: (id: string) => request<PersonTimeline>(`${path(id)}/timeline`),
  logConversation: (id: string, body: ConversationRequest) =>
    request<Conversation>(`${path(id)}/conversations`, { method: 'POST', body }),
  correct: (id: string, body: PersonCorrection) =>
    request<PersonResource>(path(id), { method: 'PATCH', body }),
  erase: (id: string) => request<void>(path(id), { method: 'DELETE' }),
  /** The export's address: a link with `download`, which the API answers as a JSON file. */
  exportUrl: (id: string) => apiUrl(`${path(id)}/export`),
};

/**
 * A person's name as the console writes it, or their email when no name is on file, or else
 * `unnamed` (a walk-in without an email whose name was cleared since).
 */
export function displayName(
  person: { given_name?: string | null; family_name?: string | null; email?: string | null },
  unnamed = '',
): string {
  return (
    [person.given_name, person.family_name].filter(Boolean).join(' ') || person.email || unnamed
  );
}

/** Today on this device, written 2026-11-01, as a date field holds it. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
