import { toolInfo } from '../version.js';
import { roundHalf } from './format.js';
import { JSON_VERSION } from './json.js';
import type { Table } from './table.js';

/** Tables as JSON: raw numbers (shares 0..1, means unrounded), one object per row keyed by column. */
export function tablesJson(tables: readonly Table[], extra: Record<string, unknown> = {}): string {
  const tool = toolInfo();
  return `${JSON.stringify({
    version: JSON_VERSION,
    tool: { name: tool.name, version: tool.version },
    ...extra,
    tables: tables.map((t) => ({
      id: t.id,
      caption: t.caption,
      columns: t.columns.map((c) => ({ header: c.header, ...(c.group ? { group: c.group } : {}), ...(c.format ? { format: c.format } : {}) })),
      rows: t.rows.map((r) => ({ ...(r.ids ? { ids: r.ids } : {}), ...(r.style ? { style: r.style } : {}), ...(r.depth ? { depth: r.depth } : {}), cells: r.cells.map(round) })),
    })),
  }, null, 2)}\n`;
}

function round(v: string | number | null): string | number | null {
  return typeof v === 'number' && !Number.isInteger(v) ? roundHalf(v, 4) : v;
}
