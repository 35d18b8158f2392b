import { Option, type Command } from 'commander';
import type { Context } from '../../context.js';
import { UserError } from '../../errors.js';
import { collect, count, formatOption } from '../../options.js';
import { UNITS } from '../code/index.js';

export interface LintOptions {
  strict: boolean;
  format: 'terminal' | 'json';
}

export interface DiffOptions {
  format: 'terminal' | 'md' | 'json';
  impact?: string[];
  unit: (typeof UNITS)[number];
  includeInterviewer: boolean;
  allowIdentifiers?: boolean;
  examples: number;
}

export interface TestOptions {
  format: 'terminal' | 'json';
}

/** The options of `codebook diff` that only --impact reads, by key and flag. */
const IMPACT_OPTIONS = [['unit', '--unit'], ['includeInterviewer', '--include-interviewer'], ['examples', '--examples'], ['allowIdentifiers', '--allow-identifiers']] as const;

/** `themes codebook lint|show|diff|test`: review a codebook, and changes to it, in git. */
export function registerCodebook(program: Command, ctx: () => Context): void {
  const cb = program.command('codebook')
    .description('review codebooks: lint, canonical text for git diff, semantic diff with impact, example tests');
  // The work is imported lazily, so `themes --help` stays fast.
  const actions = () => import('./action.js');

  cb.command('lint')
    .description('check codebooks: every problem with file:line:column, code and hint (exit 1 on errors)')
    .argument('<files...>', 'codebook files or REV:path')
    .option('--strict', 'warnings fail too (exit 1)', false)
    .addOption(formatOption(['terminal', 'json'] as const, 'terminal'))
    .action(async (files: string[], options: LintOptions) => {
      const c = ctx();
      c.exitCode = await (await actions()).lintAction(files, options, c);
    });

  cb.command('show')
    .description('print the canonical text of a codebook (for reading, and as a git diff textconv)')
    .argument('<file>', 'codebook file or REV:path')
    .action(async (file: string) => {
      const c = ctx();
      c.exitCode = await (await actions()).showAction(file, c);
    });

  cb.command('diff')
    .description('semantic diff of two codebook versions (exit 0 equal, 1 different, 2 error)')
    .argument('<old>', 'old version: a file or REV:path (e.g. HEAD~1:codebooks/innovasjon.yaml)')
    .argument('<new>', 'new version: a file or REV:path')
    .addOption(formatOption(['terminal', 'md', 'json'] as const, 'terminal'))
    .option('--impact <notes>', 'code these notes (file or folder; repeatable) with both versions and show segments gained and lost', collect)
    .addOption(new Option('-u, --unit <unit>', 'coding unit for --impact').choices(UNITS).default('paragraph'))
    .option('--include-interviewer', 'code interviewer turns too (--impact)', false)
    .option('--examples <n>', 'examples per code gained and lost (--impact)', count, 3)
    .option('--allow-identifiers', 'keep names, phone numbers and other identifiers in --impact examples (masked by default)', false)
    .action(async (oldArg: string, newArg: string, options: DiffOptions, command: Command) => {
      // The options of --impact do nothing without it: say so, rather than ignore them.
      const given = IMPACT_OPTIONS.filter(([key]) => command.getOptionValueSource(key) === 'cli').map(([, flag]) => flag);
      if (!options.impact && given.length > 0) {
        throw new UserError([{
          severity: 'error', code: 'CODEBOOK_DIFF_WITHOUT_IMPACT', message: `${given.join(', ')} only ${given.length === 1 ? 'works' : 'work'} with --impact, which was not given`,
          hint: 'Add --impact NOTES (a file or folder) to code notes with both versions, or leave the option out.',
        }]);
      }
      const c = ctx();
      c.exitCode = await (await actions()).diffAction(oldArg, newArg, options, c);
    });

  cb.command('test')
    .description("check that each code's examples get the code and its counterexamples do not (exit 1 on failures)")
    .argument('<files...>', 'codebook files or REV:path')
    .addOption(formatOption(['terminal', 'json'] as const, 'terminal'))
    .action(async (files: string[], options: TestOptions) => {
      const c = ctx();
      c.exitCode = await (await actions()).testAction(files, options, c);
    });
}
