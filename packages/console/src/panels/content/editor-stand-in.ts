/**
 * The piece editor in tests: one member story in English, regions and sectors to choose from, and
 * a stand-in for the content API that records what is published.
 */
import { expect } from 'vitest';
import { page } from 'vitest/browser';
import { ApiProblem } from '../../data/api.ts';
import { contentApi, type Collection, type Piece, type Versions } from '../../data/content.ts';
import type { RallyPieceEditor } from './piece-editor.ts';
import './piece-editor.ts';

export const spotlight: Piece = {
  collection: 'spotlights',
  id: 'maria-gomez',
  versions: {
    en: {
      data: {
        name: 'Maria Gómez',
        kind: 'member',
        region: 'texas-gulf',
        sector: 'education',
        photo: { src: 'maria-gomez.jpg', alt: 'Maria Gómez in her cafeteria apron, smiling.' },
        quote: 'We feed six hundred kids before eight.',
        date: '2026-11-21',
      },
      body: 'Maria has served breakfast for twelve years.',
    },
  },
};

/** A stand-in API: regions and sectors to choose from, one story, publications recorded. */
export function standIn(publish: (versions: Versions) => Promise<unknown> = async () => ({})) {
  const sent: Versions[] = [];
  const api: typeof contentApi = {
    ...contentApi,
    list: async (collection: Collection) => ({
      collection,
      pieces: (collection === 'regions'
        ? ['louisiana', 'texas-gulf']
        : collection === 'sectors'
          ? ['education', 'domestic-work']
          : []
      ).map((id) => ({ id, languages: ['en', 'es'], title: id })),
    }),
    read: async () => structuredClone(spotlight),
    history: async () => {
      throw new ApiProblem(404, 'Not Found');
    },
    publish: async (collection, id, versions) => {
      sent.push(versions);
      return {
        collection,
        id,
        files: [],
        commit: null,
        pushed: null,
        ...((await publish(versions)) as object),
      } as Awaited<ReturnType<typeof contentApi.publish>>;
    },
  };
  return { api, sent };
}

/** Opens the editor on a piece (a new one with `pieceId` empty), ready once Publish shows. */
export async function mount(
  api: typeof contentApi,
  pieceId = 'maria-gomez',
  locale: 'en' | 'es' = 'en',
) {
  const editor = document.createElement('rally-piece-editor') as RallyPieceEditor;
  editor.locale = locale;
  editor.collection = 'spotlights';
  editor.pieceId = pieceId;
  editor.api = api;
  document.body.append(editor);
  const publish = locale === 'es' ? 'Publicar' : 'Publish';
  await expect.element(page.getByRole('button', { name: publish, exact: true })).toBeVisible();
  return editor;
}

/** The id of what has the focus inside an element's shadow root. */
export const focusedId = (host: HTMLElement) => host.shadowRoot!.activeElement?.id;
