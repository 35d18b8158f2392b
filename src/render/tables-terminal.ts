import type { ChalkInstance } from 'chalk';
import { pad, width } from './format.js';
import { formatCell, headerGroups, type FormatOptions, type Table } from './table.js';

/** A table for a person at a terminal: aligned columns, grouped headers above their columns. */
export function tableTerminal(table: Table, c: ChalkInstance, options: Pick<FormatOptions, 'lang'>): string {
  const f: FormatOptions = { lang: options.lang, comma: options.lang === 'nb', raw: false };
  const body = table.rows.map((row) => row.cells.map((v, i) => {
    const s = formatCell(v, table.columns[i]!, f);
    return i === 0 && row.depth && s ? `${'  '.repeat(row.depth)}${s}` : s;
  }));
  const widths = table.columns.map((col, i) => Math.max(width(col.header), ...body.map((r) => width(r[i] ?? ''))));
  const groups = headerGroups(table.columns);
  // Widen the columns of a group evenly when its label is wider than the columns under it.
  for (const g of groups) {
    const span = widths.slice(g.start, g.start + g.span).reduce((s, w) => s + w, 0) + 2 * (g.span - 1);
    const extra = width(g.label) - span;
    for (let k = 0; k < g.span && extra > 0; k++) widths[g.start + k]! += Math.floor(extra / g.span) + (k < extra % g.span ? 1 : 0);
  }
  const line = (cells: string[]) => cells.map((s, i) => pad(s, widths[i]!, table.columns[i]!.align === 'right')).join('  ').trimEnd();
  const out = [c.bold(table.caption)];
  if (groups.some((g) => g.label)) {
    out.push(c.bold(groups.map((g) => {
      const span = widths.slice(g.start, g.start + g.span).reduce((s, w) => s + w, 0) + 2 * (g.span - 1);
      return pad(g.label, span);
    }).join('  ').trimEnd()));
  }
  out.push(c.bold(line(table.columns.map((col) => col.header))));
  out.push(c.dim('─'.repeat(widths.reduce((s, w) => s + w, 0) + 2 * (widths.length - 1))));
  table.rows.forEach((row, r) => {
    const text = line(body[r]!);
    out.push(row.style ? c.bold(text) : text);
  });
  return `${out.join('\n')}\n`;
}
