/**
 * A petition, event or spotlight whose files were removed from the content folder keeps its row,
 * so its signatures and RSVPs keep their meaning, and is marked unpublished (content-sync.ts): the
 * public reads leave it out, as the sites do from their next build.
 */
import { HttpProblem } from './http/problems.ts';

/** Leaves unpublished rows out of a public list (`alias` the table's). */
export const publishedOnly = (alias: string) => `${alias}.unpublished_at is null`;

/** The row, unless it is no longer published: then a 404 that says so. */
export function published<Row extends Record<string, unknown>>(
  row: Row,
  kind: string,
  id: string,
): Row {
  if (row.unpublished_at != null)
    throw new HttpProblem(404, `The ${kind} "${id}" is no longer published.`);
  return row;
}
