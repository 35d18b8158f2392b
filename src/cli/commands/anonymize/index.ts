import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { place } from '../../options.js';

export interface AnonymizeOptions {
  out: string;
  key?: string;
  force: boolean;
  names?: string;
}

export function registerAnonymize(program: Command, ctx: () => Context): void {
  program.command('anonymize')
    .description('write pseudonymised copies of notes (Person 1, Person 2, ...; phones and e-mail masked) and a separate key file')
    .argument('<paths...>', 'note files or folders (.md, .markdown, .txt, .docx, .vtt, .srt)')
    .requiredOption('-o, --out <dir>', 'folder for the pseudonymised copies (outside the notes folder)', place)
    .option('--key <file>', 'where to write the key (pseudonym → real name); default: <out>.key.json beside the folder', place)
    .option('--force', 'replace a non-empty --out folder and an existing key file', false)
    .option('--names <file>', 'names to replace always, one per line; a line "!phrase" is never a name', place)
    .action(async (paths: string[], options: AnonymizeOptions) => {
      const { anonymizeAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await anonymizeAction(paths, options, c);
    });
}
