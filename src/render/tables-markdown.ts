import { formatCell, type FormatOptions, type Table } from './table.js';

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
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
