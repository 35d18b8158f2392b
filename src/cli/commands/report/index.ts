import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { addNotesOptions, type CodeOptions } from '../code/index.js';
import { count, place } from '../../options.js';

export interface ReportOptions extends Omit<CodeOptions, 'format' | 'out' | 'by'> {
  out?: string;
}

export function registerReport(program: Command, ctx: () => Context): void {
  addNotesOptions(program.command('report')
    .description('one self-contained HTML page with charts, tables and quotes (works offline)')
    .argument('<paths...>', 'note files or folders (.md, .markdown, .txt, .docx, .vtt, .srt)'))
    .option('-o, --out <file>', 'the HTML file to write (default: stdout)', place)
    .option('--force', 'replace an --out file that exists', false)
    .option('-q, --quotes <n>', 'quotes per code', count, 3)
    .action(async (paths: string[], options: ReportOptions) => {
      const { reportAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await reportAction(paths, options, c);
    });
}
