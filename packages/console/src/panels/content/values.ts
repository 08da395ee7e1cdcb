/** Reading and changing a front matter object by path, and tidying it before it is checked or sent. */

export type Path = readonly (string | number)[];

/** The value at `path`, or undefined. */
export function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** A copy of `data` with `value` at `path` (undefined removes it), making objects and lists on the way. */
export function withValueAt<T>(data: T, path: Path, value: unknown): T {
  const [step, ...rest] = path;
  if (step === undefined) return value as T;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(data)
    ? [...(data as unknown[])]
    : { ...((data ?? {}) as Record<string, unknown>) };
  const next = withValueAt((copy as Record<string | number, unknown>)[step], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[step as string];
  else (copy as Record<string | number, unknown>)[step] = next;
  return copy as T;
}

/**
 * The data as a file would hold it: no empty text, no empty lists or groups. An optional place
 * left empty is then absent, as it would be had nobody written it, and a missing required field
 * gets the schema's "Missing; write …" rather than a message about empty text.
 */
export function tidy(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) {
    const items = value.map(tidy).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, tidy(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** The dotted form of a path, as the API's problems name fields (`photo.alt`, `target.0.name`). */
export const dotted = (path: Path) => path.join('.');
