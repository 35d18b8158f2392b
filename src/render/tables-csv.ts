import { toCsv, type CsvOptions } from './csv.js';
import { formatCell, type Table } from './table.js';

/**
 * A table as RFC 4180 CSV: one header line (grouped headers joined as "group: header"), the id
 * columns first where the table has them, numbers machine-readable (shares as fractions). With `excel`, decimal commas to go with the `;`.
 */
export function tableCsv(table: Table, options: CsvOptions = {}): string {
  const f = { lang: 'en' as const, comma: options.excel === true, raw: true };
  const ids = table.idColumns ?? [];
  const rows: string[][] = [[...ids, ...table.columns.map((c) => (c.group ? `${c.group}: ${c.header}` : c.header))]];
  for (const row of table.rows) rows.push([...ids.map((_, k) => row.ids?.[k] ?? ''), ...row.cells.map((v, i) => formatCell(v, table.columns[i]!, f))]);
  return toCsv(rows, options);
}
