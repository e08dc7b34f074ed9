/** Small console helpers: a padded table and a progress line that rewrites itself on a TTY. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((part / whole) * 100).toFixed(1)}% (${part}/${whole})`;
}

export function progress(label: string, done: number, total: number): void {
  if (process.stdout.isTTY) process.stdout.write(`\r  ${label} ${done}/${total}${done === total ? '\n' : ''}`);
  else if (done === total || done % 100 === 0) process.stdout.write(`  ${label} ${done}/${total}\n`);
}

export function log(message: string): void {
  process.stdout.write(`${message}\n`);
}
