'use strict';
/** Plain-text tables and number formatting for the benchmark output. */

/** Formats a number with `digits` significant-ish decimals, thousands separated. */
function num(value, digits = 1) {
  if (value === undefined || value === null || Number.isNaN(value)) return '-';
  const abs = Math.abs(value);
  const d = abs >= 100 ? 0 : abs >= 10 ? Math.min(digits, 1) : digits;
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** `1.23x` */
function ratio(value) {
  return value === undefined || Number.isNaN(value) ? '-' : `${value.toFixed(2)}x`;
}

/** Bytes as MiB with one decimal. */
function mib(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Renders rows (arrays of cells) under `headers` as an aligned text table; the first column is
 * left-aligned, the others right-aligned. Also usable as Markdown (pipes and a separator line).
 */
function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r) =>
    `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  const sep = `|${widths.map((w, c) => (c === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(cells[0]), sep, ...cells.slice(1).map(line)].join('\n');
}

module.exports = { num, ratio, mib, table };
