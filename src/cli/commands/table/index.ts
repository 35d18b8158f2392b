import { Option, type Command } from 'commander';
import type { Context } from '../../context.js';
import { addNotesOptions, type CodeOptions } from '../code/index.js';
import { count, formatOption, labelPrefix, list, place } from '../../options.js';

export const TABLE_FORMATS = ['md', 'csv', 'json', 'latex', 'docx'] as const;
export const TABLE_IDS = ['frequencies', 'crosstab', 'matrix', 'inhibitors-promoters', 'cooccurrence', 'numeric', 'numeric-summary'] as const;

export interface TableOptions extends Omit<CodeOptions, 'format' | 'out' | 'by'> {
  format: (typeof TABLE_FORMATS)[number];
  by?: string[];
  matrix: 'checks' | 'counts';
  excel: boolean;
  only?: string[];
  out?: string;
  labelPrefix?: string;
}

export function registerTable(program: Command, ctx: () => Context): void {
  addNotesOptions(program.command('table')
    .description('appendix tables: frequencies, cross-tabs, code × informant matrix, inhibitors vs promoters, co-occurrence, numeric attributes')
    .argument('<paths...>', 'note files or folders (.md, .markdown, .txt, .docx, .vtt, .srt)'))
    .addOption(formatOption(TABLE_FORMATS, 'md', 'table format'))
    .option('--by <attribute>', 'cross-tabulate by a document attribute; repeat or comma-separate (default: role and site)', (v: string, prev: string[] | undefined) => [...(prev ?? []), ...list(v)])
    .addOption(new Option('--matrix <kind>', 'code × informant matrix as ✓ marks or segment counts').choices(['checks', 'counts']).default('checks'))
    .option('--excel', 'CSV for Norwegian Excel: UTF-8 with BOM, ; separators, decimal commas', false)
    .option('--only <tables>', `only these tables, comma-separated: ${TABLE_IDS.join(', ')}`, list)
    .option('-o, --out <path>', 'a folder (one file per table) or a file (.md, .json, .tex, .csv for one table, .docx)', place)
    .option('--force', 'replace a non-empty --out folder, or an --out file that exists', false)
    .option('-q, --quotes <n>', 'quotes per code in the DOCX appendix', count, 3)
    .option('--label-prefix <prefix>', 'LaTeX labels tab:PREFIX-frequencies … instead of tab:frequencies, for two runs in one thesis (letters, digits, -)', labelPrefix)
    .action(async (paths: string[], options: TableOptions) => {
      const { tableAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await tableAction(paths, options, c);
    });
}
