import { formatCell, type FormatOptions, type Table } from './table.js';

/**
 * Text in a table cell, shown as written: Markdown's emphasis, code and HTML characters, a link's
 * `](`, the cell separator and line breaks would otherwise turn a label into markup (quotes.md
 * escapes its quotes the same way).
 */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/[*_`<]/g, '\\$&').replace(/\]\(/g, '\\](').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A table as GitHub-flavoured Markdown. Grouped headers become "group: header". */
export function tableMarkdown(table: Table, options: Pick<FormatOptions, 'lang'>): string {
  const f: FormatOptions = { lang: options.lang, comma: options.lang === 'nb', raw: false };
  const head = table.columns.map((c) => cell(c.group ? `${c.group}: ${c.header}` : c.header));
  const lines = [`**${cell(table.caption)}**`, '', `| ${head.join(' | ')} |`,
    `| ${table.columns.map((c) => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---')).join(' | ')} |`];
  for (const row of table.rows) {
    const cells = row.cells.map((v, i) => {
      let s = cell(formatCell(v, table.columns[i]!, f));
      if (i === 0) {
        if (row.style === 'theme' || row.style === 'section' || row.style === 'total') s = s && s !== '–' ? `**${s}**` : s;
        if (row.depth && s) s = `${'&nbsp;&nbsp;'.repeat(row.depth)}${s}`;
      }
      return s;
    });
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function tablesMarkdown(tables: readonly Table[], options: Pick<FormatOptions, 'lang'>): string {
  return tables.map((t) => tableMarkdown(t, options)).join('\n');
}
