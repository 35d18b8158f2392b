import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { count, formatOption, place } from '../../options.js';

export const KWIC_FORMATS = ['terminal', 'csv', 'md', 'json'] as const;

export interface KwicOptions {
  exact: boolean;
  width: number;
  format: (typeof KWIC_FORMATS)[number];
  excel: boolean;
  allowIdentifiers: boolean;
  names?: string;
}

export function registerKwic(program: Command, ctx: () => Context): void {
  program.command('kwic')
    .description('keyword in context: every occurrence of a term with the words around it and file:line')
    .argument('<term>', 'a word (every inflection), samskap* (word start), "a phrase" or /regex/')
    .argument('<paths...>', 'files or folders (.md, .markdown, .txt, .docx, .vtt, .srt)')
    .option('--exact', 'only the form as written (default: every inflection, by stem)', false)
    .option('-w, --width <n>', 'characters of context on each side', count, 40)
    .addOption(formatOption(KWIC_FORMATS, 'terminal'))
    .option('--excel', 'CSV for Norwegian Excel: UTF-8 with BOM, ; separators', false)
    .option('--allow-identifiers', 'keep names, phone numbers and other identifiers in the context lines (masked by default)', false)
    .option('--names <file>', 'names to mask always, one per line; a line "!phrase" is never a name', place)
    .action(async (term: string, paths: string[], options: KwicOptions) => {
      const { kwicAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await kwicAction(term, paths, options, c);
    });
}
