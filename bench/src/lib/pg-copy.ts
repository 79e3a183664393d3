import type pg from 'pg';

/**
 * `COPY … FROM STDIN` with plain `pg` (no pg-copy-streams): a Submittable that sends the
 * statement with the simple-query protocol and, when PostgreSQL answers CopyInResponse,
 * writes the given chunks as CopyData messages (waiting for the socket to drain), then
 * CopyDone. Resolves with the row count of the CommandComplete ("COPY 20000").
 *
 * Rows are in COPY's text format: see copyLine() below.
 */

/** The parts of pg's Connection this uses (present in pg 8, not all in @types/pg). */
type CopyConnection = pg.Connection & {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
};

class CopyFromStdin implements pg.Submittable {
  private rowCount = 0;
  private failed: Error | null = null;
  private settled = false;

  constructor(
    private readonly text: string,
    private readonly chunks: Iterable<Buffer> | AsyncIterable<Buffer>,
    private readonly done: (error: Error | null, rowCount: number) => void,
  ) {}

  submit(connection: pg.Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    void this.send(connection);
  }

  private async send(connection: CopyConnection): Promise<void> {
    const socket = connection.stream;
    try {
      for await (const chunk of this.chunks) {
        if (this.failed) return;
        connection.sendCopyFromChunk(chunk);
        if (socket.writableNeedDrain) await new Promise<void>((resolve) => socket.once('drain', resolve));
      }
      if (!this.failed) connection.endCopyFrom();
    } catch (error) {
      connection.sendCopyFail(error instanceof Error ? error.message : String(error));
    }
  }

  handleCommandComplete(message: { text?: string }): void {
    const match = /^COPY (\d+)/.exec(message.text ?? '');
    if (match) this.rowCount = Number(match[1]);
  }

  handleReadyForQuery(): void {
    this.settle(this.failed, this.rowCount);
  }

  handleError(error: Error): void {
    // pg drops the active query on an ErrorResponse: the ReadyForQuery that follows is not ours.
    this.failed = error;
    this.settle(error, 0);
  }

  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}

  private settle(error: Error | null, rowCount: number): void {
    if (this.settled) return;
    this.settled = true;
    this.done(error, rowCount);
  }
}

/** Runs `COPY <table> (<columns>) FROM STDIN` on `client`; returns the number of rows copied. */
export function copyFrom(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  chunks: Iterable<Buffer> | AsyncIterable<Buffer>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const text = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
    client.query(new CopyFromStdin(text, chunks, (error, rowCount) => (error ? reject(error) : resolve(rowCount))));
  });
}

export type CopyValue = string | number | null | undefined;

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
const escapeValue = (value: string) => value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** One row in COPY's text format, newline included. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) line += '\t';
    line += value === null || value === undefined ? '\\N' : escapeValue(String(value));
  }
  return `${line}\n`;
}

/** Groups rows (already text lines) into chunks of about `chunkBytes` for copyFrom(). */
export function* copyChunks(lines: Iterable<string>, chunkBytes = 256 * 1024): Generator<Buffer> {
  let pending: string[] = [];
  let size = 0;
  for (const line of lines) {
    pending.push(line);
    size += line.length;
    if (size >= chunkBytes) {
      yield Buffer.from(pending.join(''), 'utf8');
      pending = [];
      size = 0;
    }
  }
  if (pending.length) yield Buffer.from(pending.join(''), 'utf8');
}
