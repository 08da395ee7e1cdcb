/**
 * Publishing calls (`/api/v1/staff/content`): the pieces of each kind of content, one piece in its
 * languages, publishing, previewing and unpublishing it, its draft and history, photos and the
 * site builds that follow. Routes
 * that a Rally does not have yet answer 404 (or 503 when publishing is off); the screens say so
 * and offer what there is.
 */
import type { Locale } from '@rally/core';
import { ApiProblem, apiBase, consoleLanguage, request, type FieldProblem } from './api.ts';

export const collections = [
  'spotlights',
  'events',
  'petitions',
  'regions',
  'sectors',
  'pages',
] as const;
export type Collection = (typeof collections)[number];

/**
 * The kinds of content the sites have a fixed set of: the organization's own pages (home, about,
 * accessibility, privacy), which are changed, never added to or taken off.
 */
export const fixedCollections: readonly Collection[] = ['pages'];

/** One language's file: the front matter as the schema reads it, and the story below it. */
export interface PieceVersion {
  data: Record<string, unknown>;
  body: string;
}
export type Versions = Partial<Record<Locale, PieceVersion>>;

export interface PieceSummary {
  id: string;
  languages: Locale[];
  title: string;
}

export interface Draft {
  versions: Versions;
  publish_at: string | null;
  updated_at: string;
  updated_by: { name: string; email: string } | null;
}

export interface Piece {
  collection: Collection;
  id: string;
  versions: Versions;
  /** Absent where the API keeps no drafts yet. */
  draft?: Draft | null;
}

export interface SitePage {
  site: string;
  lang: string;
  url: string;
}

export interface Build {
  id: string;
  status: 'queued' | 'building' | 'done' | 'failed';
  /** The sites it makes; null: every one (a region's or sector's change shows on all). */
  sites: string[] | null;
  pages: SitePage[];
  started_at: string;
  finished_at: string | null;
  seconds: number | null;
  problem: string | null;
}

export interface Published {
  collection: Collection;
  id: string;
  files: string[];
  commit: string | null;
  pushed: boolean | null;
  /** Absent before the API builds sites; null where the sites are built elsewhere. */
  build?: Build | null;
}

export interface HistoryEntry {
  commit: string;
  author: { name: string; email: string };
  date: string;
  message: string;
}

export interface SavedDraft {
  draft: Draft;
  problems?: FieldProblem[];
}

export interface UploadedPhoto {
  src: string;
  width: number;
  height: number;
}

const piecePath = (collection: Collection, id: string) =>
  `/staff/content/${collection}/${encodeURIComponent(id)}`;

/** Whether a refusal means the route is not there (yet), rather than a problem with the request. */
export function notAvailable(error: unknown): boolean {
  return error instanceof ApiProblem && (error.status === 404 || error.status === 501);
}

/** The calls, as one object so a test can hand a screen stand-ins. */
export const contentApi = {
  list: (collection: Collection) =>
    request<{ collection: Collection; pieces: PieceSummary[] }>(`/staff/content/${collection}`),
  read: (collection: Collection, id: string) => request<Piece>(piecePath(collection, id)),
  publish: (collection: Collection, id: string, versions: Versions) =>
    request<Published>(piecePath(collection, id), { method: 'PUT', body: { versions } }),
  saveDraft: (collection: Collection, id: string, versions: Versions, publishAt: string | null) =>
    request<SavedDraft>(`${piecePath(collection, id)}/draft`, {
      method: 'PUT',
      body: { versions, publish_at: publishAt },
    }),
  discardDraft: (collection: Collection, id: string) =>
    request<void>(`${piecePath(collection, id)}/draft`, { method: 'DELETE' }),
  history: (collection: Collection, id: string) =>
    request<{ history: HistoryEntry[] }>(`${piecePath(collection, id)}/history`),
  restore: (collection: Collection, id: string, commit: string) =>
    request<Published>(`${piecePath(collection, id)}/restore`, {
      method: 'POST',
      body: { commit },
    }),
  unpublish: (collection: Collection, id: string) =>
    request<Published>(piecePath(collection, id), { method: 'DELETE' }),
  build: (id: string) =>
    request<{ build: Build }>(`/staff/content/builds/${encodeURIComponent(id)}`),
  /** Builds the piece's pages as written, without publishing it; its pages are the API's own. */
  preview: (collection: Collection, id: string, versions: Versions) =>
    request<{ preview: Build }>('/staff/content/previews', {
      method: 'POST',
      body: { collection, id, versions },
    }),
  previewStatus: (id: string) =>
    request<{ preview: Build }>(`/staff/content/previews/${encodeURIComponent(id)}`),
  uploadPhoto,
};

export type ContentApi = typeof contentApi;

/** The address the console shows a photo of content/photos/ from, for the crop preview. */
export const photoUrl = (src: string) =>
  `${apiBase}/staff/content/photos/${encodeURIComponent(src)}`;

/** Sends a photo as multipart form data (the API strips its location and turns it upright). */
async function uploadPhoto(file: File): Promise<UploadedPhoto> {
  const form = new FormData();
  form.set('photo', file);
  let response: Response;
  try {
    response = await fetch(`${apiBase}/staff/content/photos`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...consoleLanguage() },
      body: form,
    });
  } catch {
    throw new ApiProblem(0, '');
  }
  if (!response.ok) {
    let detail = '';
    let errors: FieldProblem[] = [];
    try {
      const problem = (await response.json()) as { detail?: string; errors?: FieldProblem[] };
      detail = problem.detail ?? '';
      errors = problem.errors ?? [];
    } catch {
      // Not problem+json: the status says enough.
    }
    throw new ApiProblem(response.status, detail || `${response.status}`, errors);
  }
  return (await response.json()) as UploadedPhoto;
}
