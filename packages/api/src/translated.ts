/**
 * Content written in several languages is stored as the first language's row plus the others'
 * text in its `translations` column; readers ask for a language with `?lang=`.
 */
export interface Translatable {
  translations: Record<string, Record<string, unknown>>;
}

/** The row with its text in `lang` when it has been translated into it, else as written. */
export function inLanguage<Row extends Translatable>(row: Row, lang: string | undefined): Row {
  const translation = lang ? row.translations[lang] : undefined;
  return translation ? { ...row, ...translation } : row;
}
