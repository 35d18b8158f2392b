import { Option, type Command } from 'commander';
import type { Context } from '../../context.js';
import { oneOf, place } from '../../options.js';

export interface CheckOptions {
  format: 'text' | 'json';
  names?: string;
}

export function registerCheck(program: Command, ctx: () => Context): void {
  program.command('check')
    .description('list likely personal identifiers (names, phone numbers, e-mail, addresses, fødselsnummer) in notes')
    .argument('<paths...>', 'note files or folders (.md, .markdown, .txt, .docx, .vtt, .srt)')
    .addOption(new Option('-f, --format <format>', 'output on stdout: text (file:line:column kind text) or json').argParser(oneOf(['text', 'json'] as const)).default('text'))
    .option('--names <file>', 'names to find always, one per line; a line "!phrase" is never a name', place)
    .action(async (paths: string[], options: CheckOptions) => {
      const { checkAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await checkAction(paths, options, c);
    });
}
