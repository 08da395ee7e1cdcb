/** CSV for staff spreadsheets: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import type { BatchedQuery } from '../database.ts';
import { audit, type AuditRecord } from '../staff/audit.ts';

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

/**
 * An export as a CSV download, recorded in the audit log before its first row leaves: which
 * export (`record`), its filters and how many rows it holds. Streamed a batch of rows at a time as
 * the client takes it: memory stays at one batch whatever the size, and other requests are
 * answered between batches. The first batch is read before answering, so a query that fails is an
 * error answer rather than a cut-off file.
 */
export async function csvDownload(
  c: Context<AppContext>,
  filename: string,
  query: BatchedQuery,
  columns: string[],
  record: AuditRecord,
): Promise<Response> {
  const { db } = c.var;
  // Counted apart from the rows, in a statement of its own: as many as there were when it began.
  const where = query.where?.length ? `where ${query.where.join(' and ')}` : '';
  const [counted] = await db.query<{ rows: number }>(
    `select count(*)::int as rows from ${query.from} ${where}`,
    query.params,
  );
  await audit(c, { ...record, detail: { ...record.detail, rows: counted!.rows } });
  const batches = db.batches(query)[Symbol.asyncIterator]();
  let first: IteratorResult<Record<string, unknown>[]> | undefined = await batches.next();
  // The rows as the stream reads them: the batch read already, then the rest. Written out rather
  // than as a generator because a generator never started skips its `finally`: a download cut off
  // after the header must still give the cursor, and its connection, back.
  const rows: AsyncIterableIterator<Record<string, unknown>[]> = {
    async next() {
      if (!first) return batches.next();
      const batch = first;
      first = undefined;
      return batch;
    },
    async return() {
      first = undefined;
      await batches.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return c.body(csvStream(rows, columns), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
  });
}
