/**
 * A piece as it was at a commit of the content folder's history: its files in every language it
 * had then, read as the editor reads a piece, to be published again through the same checks.
 */
import { pieceVersionOf, type Collection, type Piece } from '@rally/content';
import { locales } from '@rally/core';
import { textAt } from './git.ts';

/** Where a piece's file in one language is, from the top of the content folder's repository. */
export const piecePath = (collection: Collection, id: string, lang: string) =>
  `${collection}/${lang}/${id}.mdx`;

/** The piece as it was at `commit`: empty when it had no file then. */
export async function pieceAt(
  contentDir: string,
  collection: Collection,
  id: string,
  commit: string,
): Promise<Piece> {
  const piece: Piece = {};
  for (const lang of locales) {
    const path = piecePath(collection, id, lang);
    const text = await textAt(contentDir, commit, path);
    if (text !== null) piece[lang] = pieceVersionOf(text, `${path} at ${commit.slice(0, 7)}`);
  }
  return piece;
}
