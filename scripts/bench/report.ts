/** Medians, units and the final table of the benchmark. */

export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');
export const kb = (bytes: number) =>
  Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : 'n/a';
export const mb = (bytes: number) =>
  Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : 'n/a';
export const fps = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} fps` : 'n/a');
export const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a');
export const percent = (value: number) =>
  Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%` : 'n/a';

export type Verdict = 'PASS' | 'MISS' | '';
export const verdict = (pass: boolean | undefined): Verdict =>
  pass === undefined ? '' : pass ? 'PASS' : 'MISS';

export interface Row {
  readonly figure: string;
  readonly game: string;
  readonly bare: string;
  readonly ratio: string;
  readonly target: string;
  readonly verdict: Verdict;
}

/** A Markdown table (aligned, so it reads as well in a terminal as in the README). */
export function markdownTable(headers: readonly string[], rows: readonly string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [
    line(headers),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

export function rowsTable(rows: readonly Row[]): string {
  return markdownTable(
    ['measure', 'Red Flags', 'bare Phaser 4 page', 'ratio', 'target', ''],
    rows.map((r) => [r.figure, r.game, r.bare, r.ratio, r.target, r.verdict]),
  );
}
