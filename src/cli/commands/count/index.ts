import { Option, type Command } from 'commander';
import type { Context } from '../../context.js';
import { formatOption, oneOf } from '../../options.js';

export const COUNT_FORMATS = ['terminal', 'csv', 'md', 'json'] as const;

export interface CountOptions {
  exact: boolean;
  format: (typeof COUNT_FORMATS)[number];
  excel: boolean;
  lang?: 'nb' | 'en';
}

export function registerCount(program: Command, ctx: () => Context): void {
  program.command('count')
    .description('term × document counts for document analysis: themes count TERM... -- FILES')
    .usage('[options] <terms...> -- <files...>')
    .argument('[terms-and-files...]', 'terms, then --, then files or folders')
    .option('--exact', 'count only the forms as written (default: every inflection, by stem)', false)
    .addOption(formatOption(COUNT_FORMATS, 'terminal'))
    .option('--excel', 'CSV for Norwegian Excel: UTF-8 with BOM, ; separators', false)
    .addOption(new Option('--lang <lang>', 'language of headers (default: nb, en when all files are English)').argParser(oneOf(['nb', 'en'] as const)))
    .action(async (operands: string[], options: CountOptions, command: Command) => {
      // Commander drops the `--`; the raw arguments tell where the terms end and the files begin.
      const raw = (command.parent as unknown as { rawArgs?: string[] } | null)?.rawArgs ?? [];
      const dash = raw.indexOf('--');
      const files = dash >= 0 ? raw.slice(dash + 1) : [];
      const terms = operands.slice(0, operands.length - files.length);
      const { countAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await countAction(terms, files, dash >= 0, options, c);
    });
}
