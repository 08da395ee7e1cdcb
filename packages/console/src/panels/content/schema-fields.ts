/**
 * The fields of a form, read from a zod 4 schema of `@rally/core` rather than written by hand for
 * each kind of content: a new fact in a schema appears in the editor without touching it. The walk
 * reads each schema's definition (`_zod.def`): strings, numbers, enums, objects, arrays, and what
 * `.optional()` and `.default()` wrap; `.meta({ input })` in core says which input a date, a
 * region or a photo wants, where the type alone (a custom check, a string) does not say.
 */

/** What the walk reads of a zod 4 schema (the console takes zod's schemas from core, not zod). */
export interface Schema {
  _zod: { def: Definition };
  /** Without arguments, what `.meta({…})` registered for this schema. */
  meta(): unknown;
}

interface FieldBase {
  /** The key in its object, like `alt`. */
  key: string;
  /** From the front matter's top, like `['photo', 'alt']`. */
  path: string[];
  /** False for `.optional()` and `.default()`: the file may leave it out. */
  required: boolean;
  /** The value the schema puts in when the file leaves it out. */
  fallback?: unknown;
}

export type Field = FieldBase &
  (
    | { input: 'text'; maxLength: number | undefined; multiline: boolean; url: boolean }
    | { input: 'number' }
    | { input: 'choice'; options: readonly string[] }
    | { input: 'region' | 'sector' }
    | { input: 'day' | 'moment' }
    | { input: 'group' | 'photo'; fields: Field[] }
    | { input: 'list'; item: Field }
  );

/** Text longer than this gets a box of several lines. */
const oneLineMost = 200;

interface Definition {
  type: string;
  innerType?: Schema;
  defaultValue?: unknown;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  entries?: Record<string, string>;
  format?: string;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
}

const definitionOf = (schema: Schema) => schema._zod.def;
const inputOf = (schema: Schema) => (schema.meta() as { input?: string } | undefined)?.input;

/** The fields of an object schema, in the order the schema lists them. */
export function fieldsOf(schema: Schema | object, path: string[] = []): Field[] {
  const shape = definitionOf(schema as Schema).shape;
  if (!shape) throw new Error('fieldsOf needs an object schema');
  return Object.entries(shape).map(([key, child]) => fieldOf(child, key, [...path, key]));
}

function fieldOf(schema: Schema, key: string, path: string[]): Field {
  let required = true;
  let fallback: unknown;
  let current = schema;
  let input = inputOf(current);
  // Unwrap .optional(), .default() and a transform's pipe, keeping the first `input` met.
  for (;;) {
    const def = definitionOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') {
      required = false;
      if (def.type !== 'optional') fallback = def.defaultValue;
      current = def.innerType!;
    } else if (def.type === 'pipe') current = def.in!;
    else break;
    input ??= inputOf(current);
  }
  const base = { key, path, required, ...(fallback === undefined ? {} : { fallback }) };
  const def = definitionOf(current);
  if (input === 'day' || input === 'moment' || input === 'region' || input === 'sector')
    return { ...base, input };
  if (input === 'photo') return { ...base, input, fields: fieldsOf(current, path) };
  switch (def.type) {
    case 'object':
      return { ...base, input: 'group', fields: fieldsOf(current, path) };
    case 'array':
      return { ...base, input: 'list', item: fieldOf(def.element!, key, []) };
    case 'enum':
      return { ...base, input: 'choice', options: Object.values(def.entries!) };
    case 'number':
      return { ...base, input: 'number' };
    default: {
      const maxLength = def.checks
        ?.map((check) => check._zod.def)
        .find((check) => check.check === 'max_length')?.maximum;
      return {
        ...base,
        input: 'text',
        maxLength,
        multiline: maxLength !== undefined && maxLength > oneLineMost,
        url: def.format === 'url',
      };
    }
  }
}
