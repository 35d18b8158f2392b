import { Option, type Command } from 'commander';
import { DEFAULT_SPEAKERS } from '../../../corpus/segment.js';
import type { Context } from '../../context.js';
import { collect, count, list, oneOf, place } from '../../options.js';

export const FORMATS = ['terminal', 'csv', 'json', 'md'] as const;
export const UNITS = ['paragraph', 'sentence', 'turn'] as const;

export interface CodeOptions {
  codebook?: string[];
  unit: (typeof UNITS)[number];
  format?: (typeof FORMATS)[number];
  out?: string;
  force: boolean;
  quotes: number;
  lang?: 'nb' | 'en';
  includeInterviewer: boolean;
  interviewerLabels?: string[];
  informantLabels?: string[];
  strict: boolean;
  /** Take the codings from the human coder's inline marks instead of the deductive pass. */
  human?: boolean;
  /** Cross-tabulate by these document attributes (theme × value tables) instead of the frequency table. */
  by?: string[];
  /** Keep names, phone numbers and other identifiers in outputs (masked by default). */
  allowIdentifiers?: boolean;
  /** A file of names that must always be masked (and !phrases that are never names). */
  names?: string;
}

/** Options shared by every command that reads notes and a codebook. */
export function addNotesOptions(cmd: Command): Command {
  return cmd
    .option('-c, --codebook <file>', 'codebook YAML; repeat for one codebook per language (default: the shipped innovasjon + innovation-en)', collect)
    .addOption(new Option('-u, --unit <unit>', 'coding unit').choices(UNITS).default('paragraph'))
    .option('--include-interviewer', 'code interviewer turns too', false)
    .option('--interviewer-labels <labels>', `speaker labels of the interviewer, comma-separated (default: ${DEFAULT_SPEAKERS.interviewer.join(',')})`, list)
    .option('--informant-labels <labels>', `speaker labels of informants, comma-separated (default: ${DEFAULT_SPEAKERS.informant.join(',')})`, list)
    .addOption(new Option('--lang <lang>', 'language of labels and headings in tables (default: the codebook\'s)').argParser(oneOf(['nb', 'en'] as const)))
    .option('--strict', 'treat warnings as errors', false)
    .option('--allow-identifiers', 'keep names, phone numbers, e-mail, addresses and fødselsnummer in outputs (masked by default)', false)
    .option('--names <file>', 'names to mask always, one per line; a line "!phrase" is never a name', place);
}

export function registerCode(program: Command, ctx: () => Context): void {
  addNotesOptions(program.command('code')
    .description('code notes with a codebook: theme frequencies and quotes')
    .argument('<paths...>', 'note files or folders (.md, .markdown, .txt, .docx, .vtt, .srt)'))
    .addOption(new Option('-f, --format <format>', 'output on stdout (default: terminal; with --out, none)').choices(FORMATS))
    .option('-o, --out <dir>', 'write a bundle: frequencies.csv, matrix.csv, quotes.md, segments.jsonl, run.json', place)
    .option('--force', 'replace a non-empty --out folder', false)
    .option('-q, --quotes <n>', 'quotes per code', count, 3)
    .option('--human', 'use the inline code marks {#code} written in the notes instead of the codebook\'s terms', false)
    .option('--by <attribute>', 'theme × attribute table (role, site ...) instead of the frequency table; repeat or comma-separate', (v: string, prev: string[] | undefined) => [...(prev ?? []), ...list(v)])
    .action(async (paths: string[], options: CodeOptions) => {
      const { codeAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await codeAction(paths, options, c);
    });
}
