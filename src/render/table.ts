import type { LabelLang } from '../analysis/labels.js';
import type { TableSet } from '../analysis/tables.js';
import type { Area } from '../analysis/areas.js';
import type { NumericStats } from '../analysis/numeric.js';
import { attributeName, captions } from './captions.js';
import { fixed, percent } from './format.js';

// The one shape every appendix table takes on its way to a renderer: the renderers (md, csv,
// json, LaTeX, DOCX, terminal, HTML) know this shape and nothing about what the numbers mean.

export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Columns with the same group next to each other share a spanning header. */
  group?: string;
  align: 'left' | 'right' | 'center';
  /** How a number is shown: count, share of informants (0..1), mean with two decimals, or ✓. */
  format?: 'int' | 'share' | 'decimal' | 'number' | 'check' | 'jaccard';
  /** Narrow columns whose header is set sideways where the format can (LaTeX). */
  rotate?: boolean;
}

export interface Row {
  cells: Cell[];
  /** theme: a heading row with bold label; section: a row that names a group; total: a sum row. */
  style?: 'theme' | 'section' | 'total';
  /** Indentation of the first cell (theme depth). */
  depth?: number;
  /** The ids of the themes or codes the row is about, for machine-readable formats (see Table.idColumns). */
  ids?: string[];
}

export interface Table {
  /** File name without extension: frequencies, crosstab-role, matrix ... */
  id: string;
  caption: string;
  columns: Column[];
  rows: Row[];
  /**
   * Headers of the id columns that CSV and JSON put before the others: labels repeat (each area is
   * under both inhibitors and promoters) and indentation is lost there, ids are unique.
   */
  idColumns?: string[];
}

export interface TableOptions {
  lang: LabelLang;
  /** The code × informant matrix as ✓ marks or as segment counts. */
  matrix: 'checks' | 'counts';
}

/** Every table of a table set, in the order an appendix would list them; empty tables are left out. */
export function tablesOf(set: TableSet, options: TableOptions): Table[] {
  const t = captions(options.lang);
  const { report } = set;
  const label = report.label;
  const tables: Table[] = [];
  const labelCol: Column = { header: t.label, align: 'left' };

  tables.push({
    id: 'frequencies', caption: t.frequencies,
    columns: [labelCol, { header: t.id, align: 'left' }, { header: t.segments, align: 'right', format: 'int' },
      { header: t.informants, align: 'right', format: 'int' }, { header: t.share, align: 'right', format: 'share' }],
    rows: report.frequencies.map((r) => ({
      cells: [label(r.id), r.id, r.segments, r.informants, r.share], depth: r.depth, ...(r.kind === 'theme' ? { style: 'theme' as const } : {}),
    })),
  });

  for (const ct of set.crossTabs) {
    const groups = ct.values.map((v) => `${v.value ?? t.none} (n = ${v.informants})`);
    const total = `${t.total} (n = ${report.informants.length})`;
    tables.push({
      id: `crosstab-${slug(ct.attribute)}`, caption: t.crosstab(attributeName(ct.attribute, options.lang)),
      columns: [labelCol, ...[...groups, total].flatMap((g) => [
        { header: t.inf, group: g, align: 'right' as const, format: 'int' as const },
        { header: t.segm, group: g, align: 'right' as const, format: 'int' as const },
      ])],
      rows: ct.rows.map((r) => ({
        cells: [label(r.id), ...[...r.cells, r.total].flatMap((c) => [c.informants, c.segments])],
        depth: r.depth, ...(r.kind === 'theme' ? { style: 'theme' as const } : {}), ids: [r.id],
      })),
      idColumns: ['id'],
    });
  }

  const checks = options.matrix === 'checks';
  const matrixRows: Row[] = [];
  let section: string | undefined;
  const themeOf = new Map(report.codebook.codes.map((c) => [c.id, c.themePath[0]]));
  for (const r of report.matrix) {
    const top = themeOf.get(r.code);
    if (top !== undefined && top !== section) {
      section = top;
      matrixRows.push({ cells: [label(top), ...report.informants.map(() => null), null], style: 'section', ids: [top] });
    }
    // With checks, 1 where an informant has the code (✓ in text; 1 and 0 in CSV and JSON, as the total counts them).
    const cells = checks ? r.counts.map((n) => (n > 0 ? 1 : 0)) : r.counts;
    matrixRows.push({ cells: [label(r.code), ...cells, cells.reduce((s, n) => s + n, 0)], depth: 1, ids: [r.code] });
  }
  tables.push({
    id: 'matrix', caption: checks ? t.matrix : t.matrixCounts,
    columns: [{ header: t.code, align: 'left' },
      ...report.informants.map((inf) => ({ header: inf, align: 'center' as const, format: checks ? 'check' as const : 'int' as const, rotate: true })),
      { header: checks ? t.informants : t.segments, align: 'right', format: 'int' }],
    rows: matrixRows,
    idColumns: ['id'],
  });

  if (set.areas.length > 0) {
    const rows: Row[] = [];
    for (const a of set.areas) {
      const name = a.inhibitors.theme ? label(a.inhibitors.theme) : a.promoters.theme ? label(a.promoters.theme) : t.other;
      // An area's total, where that side has the area: its theme, or the codes right under inhibitors/promoters.
      const side = (s: Area['inhibitors']) => (s.theme || (a.area === '' && s.codes.length > 0) ? s.informants : null);
      rows.push({ cells: [name, null, side(a.inhibitors), null, side(a.promoters)], style: 'theme' });
      const n = Math.max(a.inhibitors.codes.length, a.promoters.codes.length);
      for (let i = 0; i < n; i++) {
        const x = a.inhibitors.codes[i];
        const y = a.promoters.codes[i];
        rows.push({ cells: [null, x ? label(x.id) : null, x ? x.informants : null, y ? label(y.id) : null, y ? y.informants : null], depth: 1 });
      }
    }
    tables.push({
      id: 'inhibitors-promoters', caption: t.areas,
      columns: [{ header: t.area, align: 'left' }, { header: t.code, group: t.inhibitors, align: 'left' },
        { header: t.inf, group: t.inhibitors, align: 'right', format: 'int' }, { header: t.code, group: t.promoters, align: 'left' },
        { header: t.inf, group: t.promoters, align: 'right', format: 'int' }],
      rows,
    });
  }

  tables.push({
    id: 'cooccurrence', caption: t.cooccurrence,
    columns: [{ header: t.codeA, align: 'left' }, { header: t.codeB, align: 'left' },
      { header: t.n, group: t.inSegment, align: 'right', format: 'int' }, { header: t.jaccard, group: t.inSegment, align: 'right', format: 'jaccard' },
      { header: t.n, group: t.inInformant, align: 'right', format: 'int' }, { header: t.jaccard, group: t.inInformant, align: 'right', format: 'jaccard' }],
    // Pairs that share at least one segment: with a dozen informants nearly every pair shares an
    // informant, and a table of all of them is too long to read (the JSON of the analysis has them all).
    rows: set.coOccurrence.pairs.filter((p) => p.segments > 0)
      .map((p) => ({ cells: [label(p.a), label(p.b), p.segments, p.segmentJaccard, p.informants, p.informantJaccard], ids: [p.a, p.b] })),
    idColumns: ['id A', 'id B'],
  });

  const num = set.numeric;
  if (num.attributes.length > 0) {
    const by = num.by?.attribute;
    tables.push({
      id: 'numeric', caption: t.numeric,
      columns: [{ header: t.informant, align: 'left' }, ...(by ? [{ header: attributeName(by, options.lang), align: 'left' as const }] : []),
        ...num.attributes.map((a) => ({ header: a, align: 'right' as const, format: 'number' as const }))],
      rows: num.perInformant.map((p) => ({ cells: [p.informant, ...(by ? [p.by] : []), ...p.values] })),
    });
    const statCells = (stats: NumericStats[]): Cell[] => stats.flatMap((s) => [s.n, s.mean, s.min, s.max]);
    tables.push({
      id: 'numeric-summary', caption: t.numericSummary(by === undefined ? undefined : attributeName(by, options.lang)),
      columns: [{ header: by === undefined ? '' : attributeName(by, options.lang), align: 'left' }, ...num.attributes.flatMap((a) => [
        { header: t.n, group: a, align: 'right' as const, format: 'int' as const },
        { header: t.mean, group: a, align: 'right' as const, format: 'decimal' as const },
        { header: t.min, group: a, align: 'right' as const, format: 'number' as const },
        { header: t.max, group: a, align: 'right' as const, format: 'number' as const },
      ])],
      rows: [...(num.by?.groups ?? []).map((g) => ({ cells: [g.value ?? t.none, ...statCells(g.stats)] })),
        { cells: [t.all, ...statCells(num.all)], style: 'total' as const }],
    });
  }
  return tables;
}

export interface FormatOptions {
  lang: LabelLang;
  /** Decimal comma (Norwegian text, Norwegian Excel) instead of a point. */
  comma: boolean;
  /** Machine-readable: shares as fractions, no ✓ (CSV, JSON). */
  raw: boolean;
}

/** A cell as text, locale-independent (never toLocaleString), so output is byte-stable. */
export function formatCell(cell: Cell, column: Column, options: FormatOptions): string {
  // An empty number is a dash in text for people; an empty text cell stays empty.
  if (cell === null) return options.raw || !column.format ? '' : '–';
  if (typeof cell === 'string') return cell;
  const dec = (x: number, digits: number) => {
    const s = fixed(x, digits);
    return options.comma ? s.replace('.', ',') : s;
  };
  switch (column.format) {
    case 'share': return options.raw ? dec(cell, 3) : percent(cell);
    case 'decimal': return dec(cell, 2);
    case 'number': return Number.isInteger(cell) ? String(cell) : dec(cell, 2);
    case 'jaccard': return dec(cell, options.raw ? 3 : 2);
    case 'check': return options.raw ? String(cell) : cell > 0 ? '✓' : '';
    default: return String(cell);
  }
}

/** Header groups as runs: [{ label, span }], with label '' for columns without a group. */
export function headerGroups(columns: readonly Column[]): Array<{ label: string; span: number; start: number }> {
  const runs: Array<{ label: string; span: number; start: number }> = [];
  columns.forEach((c, i) => {
    const last = runs[runs.length - 1];
    if (last && c.group !== undefined && last.label === c.group) last.span++;
    else runs.push({ label: c.group ?? '', span: 1, start: i });
  });
  return runs;
}

export function hasGroups(table: Table): boolean {
  return table.columns.some((c) => c.group !== undefined);
}

/**
 * Attribute values and ids as safe file-name parts. Letters stay as written, composed (NFKC):
 * taken apart, the ring of «område» was no letter and made «omra-de».
 */
export function slug(s: string): string {
  return s.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'attribute';
}
