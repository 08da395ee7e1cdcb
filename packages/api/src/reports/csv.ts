/** CSV for staff spreadsheets: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */

export function toCsv<Row extends Record<string, unknown>>(
  rows: Row[],
  columns: (keyof Row & string)[],
): string {
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => cell(row[column])).join(','));
  return lines.join('\r\n') + '\r\n';
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  // A name like "=HYPERLINK(...)" typed into a public form must stay text in Excel or Sheets.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
