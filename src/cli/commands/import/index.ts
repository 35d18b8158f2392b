import { Option, type Command } from 'commander';
import type { Context } from '../../context.js';
import { codebookId, oneOf, place } from '../../options.js';

export interface ImportOptions {
  out?: string;
  force: boolean;
  id?: string;
  /** Given only when the user gave it: it wins over the language a file themes wrote carries. */
  language?: 'nb' | 'nn' | 'en';
}

export function registerImport(program: Command, ctx: () => Context): void {
  const imp = program.command('import').description('read REFI-QDA files from NVivo, ATLAS.ti, MAXQDA, QualCoder');
  const common = (cmd: Command) => cmd
    .option('--force', 'replace an existing --out', false)
    .option('--id <id>', 'codebook id: lower-case letters a-z, digits and hyphens (default: the one a file themes wrote names, else from the file name)', codebookId)
    .addOption(new Option('--language <lang>', 'language of the codebook (decides stemming), also for a file themes wrote (default: the one such a file carries, else nb)').argParser(oneOf(['nb', 'nn', 'en'] as const)));
  common(imp.command('qdc')
    .description('a REFI-QDA codebook (.qdc) as a YAML codebook; stdout unless --out')
    .argument('<file>', '.qdc file')
    .option('-o, --out <file>', 'write the YAML codebook to this file', place))
    .action(async (file: string, options: ImportOptions) => {
      const { importQdcAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await importQdcAction(file, options, c);
    });
  common(imp.command('qdpx')
    .description('a REFI-QDA project (.qdpx or .qde): text sources as notes, its codebook, and its codings as a CSV that themes agree reads')
    .argument('<file>', '.qdpx or .qde file')
    .requiredOption('-o, --out <dir>', 'folder to write notes/, codebook.yaml and codings.csv to', place))
    .action(async (file: string, options: ImportOptions & { out: string }) => {
      const { importQdpxAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await importQdpxAction(file, options, c);
    });
  imp.commands.forEach((c) => c.exitOverride());
}
