import { Option, type Command } from 'commander';
import type { Context } from '../../context.js';
import { collect, count, formatOption, list, place } from '../../options.js';
import { UNITS, type CodeOptions } from '../code/index.js';

export const AGREE_FORMATS = ['terminal', 'csv', 'json', 'md'] as const;

export interface AgreeCommandOptions extends Pick<CodeOptions, 'codebook' | 'unit' | 'includeInterviewer' | 'interviewerLabels' | 'informantLabels' | 'strict' | 'allowIdentifiers' | 'names'> {
  format?: (typeof AGREE_FORMATS)[number];
  dropUncoded: boolean;
  reference?: string;
  notes?: string[];
  /** The users to compare of an input with several (a .qdpx project's users, a CSV's coder column). */
  user?: string[];
  maxDisagreements: number;
}

export function registerAgree(program: Command, ctx: () => Context): void {
  program.command('agree')
    .description('intercoder agreement: percent, Cohen\'s kappa, Krippendorff\'s alpha per code; disagreements; precision/recall of automatic against human coding')
    .argument('<codings...>', 'two or more codings: segments.jsonl or a `themes code --out` folder, notes with {#code} marks, a document,line,code CSV, or a .qdpx project; NAME=PATH names a coder')
    .addOption(new Option('-u, --unit <unit>', 'coding unit; must be the one the automatic run used').choices(UNITS).default('paragraph'))
    .option('-c, --codebook <file>', 'warn about codes that are not in this codebook (repeatable)', collect)
    .option('--include-interviewer', 'count interviewer turns as units too', false)
    .option('--interviewer-labels <labels>', 'speaker labels of the interviewer, comma-separated', list)
    .option('--informant-labels <labels>', 'speaker labels of informants, comma-separated', list)
    .option('--strict', 'treat warnings as errors', false)
    .addOption(formatOption(AGREE_FORMATS, 'terminal'))
    .option('--drop-uncoded', 'leave out units that no coder gave any code', false)
    .option('--reference <coder>', 'score every other coder against this one (default: automatic coders against the first human coder)')
    .option('--notes <path>', 'the notes a CSV coding refers to (repeatable; default: units from the other inputs)', collect)
    .option('--user <name>', 'of an input coded by several users (a .qdpx project, a CSV with a coder column), compare only this user (repeatable; default: every user, each a coder of its own)', collect)
    .option('--max-disagreements <n>', 'disagreements shown in the terminal', count, 30)
    .option('--allow-identifiers', 'keep names, phone numbers and other identifiers in the texts shown (masked by default)', false)
    .option('--names <file>', 'names to mask always, one per line; a line "!phrase" is never a name', place)
    .action(async (inputs: string[], options: AgreeCommandOptions) => {
      const { agreeAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await agreeAction(inputs, options, c);
    });
}
