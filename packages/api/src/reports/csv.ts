/** CSV for staff spreadsheets: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */

/**
 * A CSV file as a stream: the header line, then one chunk per batch of rows, each batch read only
 * when the one before has been taken, so a large export holds one batch at a time.
 */
export function csvStream<Row extends Record<string, unknown>>(
  batches: AsyncIterable<Row[]>,
  columns: (keyof Row & string)[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const reading = batches[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(line(columns)));
        return;
      }
      const batch = await reading.next();
      if (batch.done) {
        controller.close();
        return;
      }
      let text = '';
      for (const row of batch.value) text += line(columns.map((column) => row[column]));
      controller.enqueue(encoder.encode(text));
    },
    // The download was cut short: stop reading, which gives the database's cursor back.
    async cancel() {
      await reading.return?.();
    },
  });
}

function line(values: unknown[]): string {
  return values.map(cell).join(',') + '\r\n';
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
