import { stringify } from 'csv-stringify/sync';
import type { CodeReport } from '../analysis/report.js';
import { decimal } from './format.js';

export interface CsvOptions {
  /** Norwegian Excel: UTF-8 BOM, `;` separators, CRLF. */
  excel?: boolean;
}

/**
 * Fields put in quotes besides those csv-stringify quotes itself (a separator, a quote, the
 * record delimiter CRLF): one with a line break of its own (a label or front-matter value of
 * two lines, which would split its row), and one that a spreadsheet could read as a formula.
 */
const QUOTED: RegExp[] = [/[\r\n]/, /^[=+\-@]/];

/** RFC 4180 CSV: comma, CRLF, quotes where needed. */
export function toCsv(rows: Array<Array<string | number>>, options: CsvOptions = {}): string {
  const body = stringify(rows, { delimiter: options.excel ? ';' : ',', record_delimiter: '\r\n', quoted_match: QUOTED });
  return options.excel ? `\uFEFF${body}` : body;
}

export function frequenciesCsv(report: CodeReport, options: CsvOptions = {}): string {
  const rows: Array<Array<string | number>> = [['kind', 'id', 'parent', 'label', 'segments', 'informants', 'share']];
  for (const r of report.frequencies) {
    rows.push([r.kind, r.id, r.path[r.path.length - 1] ?? '', report.label(r.id), r.segments, r.informants, decimal(r.share)]);
  }
  return toCsv(rows, options);
}

export function matrixCsv(report: CodeReport, options: CsvOptions = {}): string {
  const rows: Array<Array<string | number>> = [['code', 'label', ...report.informants]];
  for (const r of report.matrix) rows.push([r.code, report.label(r.code), ...r.counts]);
  return toCsv(rows, options);
}
