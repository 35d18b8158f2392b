import { Option, type Command } from 'commander';
import type { Context } from '../../context.js';
import { oneOf, place } from '../../options.js';
import { addNotesOptions, type CodeOptions } from '../code/index.js';

export const CODERS = ['auto', 'human', 'both'] as const;

export interface ExportQdcOptions {
  out?: string;
  lang?: 'nb' | 'en';
  force: boolean;
}

export interface ExportQdpxOptions extends Omit<CodeOptions, 'format' | 'quotes' | 'human'> {
  out: string;
  name?: string;
  coder: (typeof CODERS)[number];
}

export function registerExport(program: Command, ctx: () => Context): void {
  const exp = program.command('export').description('write REFI-QDA files for NVivo, ATLAS.ti, MAXQDA, QualCoder');
  exp.command('qdc')
    .description('a codebook as a REFI-QDA codebook (.qdc); stdout unless --out')
    .argument('<codebook>', 'codebook YAML')
    .option('-o, --out <file>', 'write the .qdc to this file', place)
    .option('--force', 'replace an existing --out file', false)
    .addOption(new Option('--lang <lang>', 'language of code names (default: the codebook\'s)').argParser(oneOf(['nb', 'en'] as const)))
    .action(async (codebook: string, options: ExportQdcOptions) => {
      const { exportQdcAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await exportQdcAction(codebook, options, c);
    });
  addNotesOptions(exp.command('qdpx')
    .description('notes and their coding as a REFI-QDA project (.qdpx)')
    .argument('<paths...>', 'note files or folders (.md, .markdown, .txt, .docx, .vtt, .srt)'))
    .requiredOption('-o, --out <file>', 'the .qdpx file to write', place)
    .option('--force', 'replace an existing --out file', false)
    .option('--name <name>', 'project name (default: the --out file name)')
    .addOption(new Option('--coder <coder>', 'which coding to include: the codebook\'s terms (auto), the {#code} marks (human), or both as two users').argParser(oneOf(CODERS)).default('auto'))
    .action(async (paths: string[], options: ExportQdpxOptions) => {
      const { exportQdpxAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await exportQdpxAction(paths, options, c);
    });
  exp.commands.forEach((c) => c.exitOverride());
}
