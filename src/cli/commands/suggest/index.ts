import { InvalidArgumentError, type Command } from 'commander';
import type { Context } from '../../context.js';
import { UserError } from '../../errors.js';
import { count, formatOption, place, positive } from '../../options.js';
import { addNotesOptions, type CodeOptions } from '../code/index.js';

export const SUGGEST_FORMATS = ['terminal', 'json', 'md'] as const;

export interface SuggestCliOptions extends Omit<CodeOptions, 'format' | 'out' | 'quotes' | 'by' | 'human'> {
  format?: (typeof SUGGEST_FORMATS)[number];
  k?: number;
  maxK: number;
  uncoded: boolean;
  writeCodebook?: string;
  quotes: number;
  terms: number;
  by?: string;
  seed: number;
}

export function registerSuggest(program: Command, ctx: () => Context): void {
  addNotesOptions(program.command('suggest')
    .description('the inductive pass: candidate themes and key phrases the data suggests')
    .argument('<paths...>', 'note files or folders (.md, .markdown, .txt, .docx, .vtt, .srt)'))
    .addOption(formatOption(SUGGEST_FORMATS, undefined, 'output on stdout (default terminal)'))
    .option('-k, --k <n>', 'number of candidate themes (default: chosen by silhouette, see --max-k)', candidateCount)
    .option('--max-k <n>', 'the largest number of candidates tried when choosing k', count, 12)
    .option('--uncoded', 'only segments the codebook left uncoded', false)
    .option('--write-codebook <file>', 'write the candidates as a draft codebook (YAML, codes marked candidate: true)', place)
    .option('--force', 'replace an existing --write-codebook file', false)
    .option('-q, --quotes <n>', 'quotes per candidate', count, 3)
    .option('--terms <n>', 'key terms per candidate and per group (1 or more)', positive, 8)
    .option('--by <attribute>', 'compare key phrases between the values of this front-matter attribute (default: role, when notes have two or more roles)')
    .option('--seed <n>', 'seed of the clustering; the same seed gives the same candidates', count, 1)
    .action(async (paths: string[], options: SuggestCliOptions, command: Command) => {
      // --max-k bounds the k themes chooses; with --k it would be ignored without a word.
      if (options.k !== undefined && command.getOptionValueSource('maxK') === 'cli') {
        throw new UserError([{
          severity: 'error', code: 'SUGGEST_K_AND_MAX_K', message: `--k ${options.k} and --max-k ${options.maxK} given together: --max-k only bounds the k themes chooses, and --k sets it`,
          hint: `Give --k ${options.k} to set k, or --max-k ${options.maxK} to let themes choose up to it.`,
        }]);
      }
      const { suggestAction } = await import('./action.js');
      const c = ctx();
      c.exitCode = await suggestAction(paths, options, c);
    });
}

/** --k: a whole number; under 2 is SUGGEST_K_TOO_SMALL once the notes are read (it names the notes' limits). */
function candidateCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number of candidates (2 or more).`);
  return Number(value);
}
