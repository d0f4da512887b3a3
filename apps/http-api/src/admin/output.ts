/** Where a command writes; the real CLI gives process.stdout/stderr. */
export interface AdminIo {
  readonly env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  /** All of standard input (`--password-stdin`); absent where there is none. */
  stdin?(): Promise<string>;
  /** The real standard error, when there is one: long commands draw a progress bar on a terminal. */
  readonly errStream?: NodeJS.WriteStream;
}

type Row = Record<string, string | number | boolean | null>;

/** JSON (the default, one document per command) or, with `--table`, aligned text for people. */
export function print(io: AdminIo, value: Row | Row[], table: boolean): void {
  if (!table) {
    io.out(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  io.out(Array.isArray(value) ? columns(value) : pairs(value));
}

function columns(rows: Row[]): string {
  if (rows.length === 0) return '(none)\n';
  const keys = Object.keys(rows[0]!);
  const cells = [keys, ...rows.map((row) => keys.map((k) => String(row[k] ?? '')))];
  const widths = keys.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  return `${cells
    .map((line) =>
      line
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

function pairs(row: Row): string {
  const width = Math.max(...Object.keys(row).map((k) => k.length));
  return `${Object.entries(row)
    .map(([k, v]) => `${k.padEnd(width)}  ${v ?? ''}`)
    .join('\n')}\n`;
}
