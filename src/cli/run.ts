import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Help, type Option } from 'commander';
import { toolInfo } from '../version.js';
import { registerAgree } from './commands/agree/index.js';
import { registerAnonymize } from './commands/anonymize/index.js';
import { registerCheck } from './commands/check/index.js';
import { registerCode } from './commands/code/index.js';
import { registerCodebook } from './commands/codebook/index.js';
import { registerExport } from './commands/export/index.js';
import { registerImport } from './commands/import/index.js';
import { registerCount } from './commands/count/index.js';
import { registerKwic } from './commands/kwic/index.js';
import { registerReport } from './commands/report/index.js';
import { registerSuggest } from './commands/suggest/index.js';
import { registerTable } from './commands/table/index.js';
import { makeContext, type Context } from './context.js';
import { EXIT, UserError } from './errors.js';
import type { Io } from './io.js';

/** Every command, in the order `themes --help` lists them. Each registers itself and imports its work lazily. */
const COMMANDS: Array<(program: Command, ctx: () => Context) => void> = [
  registerCode,
  registerSuggest,
  registerCodebook,
  registerAgree,
  registerExport,
  registerImport,
  registerTable,
  registerReport,
  registerCount,
  registerKwic,
  registerCheck,
  registerAnonymize,
];

/**
 * An option's line in --help, as commander writes it, but without commander's «(default: false)»
 * after a flag (a flag is off unless given) and without its «(default: …)» where the description
 * says the default in words: `--exact` read «(default: every inflection, by stem) (default:
 * false)», `--allow-identifiers` «(masked by default) (default: false)».
 */
function optionDescription(this: Help, option: Option): string {
  const said = (option.isBoolean() && option.defaultValue === false) || /\bdefault\b/i.test(option.description);
  if (!said) return Help.prototype.optionDescription.call(this, option);
  const shown = Object.assign(Object.create(Object.getPrototypeOf(option) as object) as Option, option, { defaultValue: undefined });
  return Help.prototype.optionDescription.call(this, shown);
}

/**
 * A usage error points to the help of the command it was made in: «(run themes kwic --help for
 * usage)», not the program's, which lists only the commands (each command inherited the
 * program's line).
 */
function pointToOwnHelp(command: Command, path: string[] = []): void {
  for (const sub of command.commands) {
    const own = [...path, sub.name()];
    sub.showHelpAfterError(`(run themes ${own.join(' ')} --help for usage)`);
    pointToOwnHelp(sub, own);
  }
}

/**
 * The whole CLI as a function: argv (without node and script) and streams in, exit code out.
 * 0 ok, 1 completed but some inputs had errors, 2 usage or input error.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let context: Context | undefined;
  const program = new Command('themes');
  const ctx = () => (context ??= makeContext(io, program.opts().color as boolean | undefined));
  program
    .description('Thematic analysis of interview notes: deductive coding with a YAML codebook, inductive suggestions, tables.')
    .version(toolInfo().version, '-V, --version')
    .option('--no-color', 'no colours, even on a terminal')
    .exitOverride()
    .showHelpAfterError('(run themes --help for usage)')
    .configureHelp({ optionDescription })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const register of COMMANDS) register(program, ctx);
  program.commands.forEach((c) => c.exitOverride());
  pointToOwnHelp(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context?.exitCode ?? EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // A file whose name begins with a dash reads as an option: say how to name it.
      const named = e.code === 'commander.unknownOption' ? /'(-[^']*)'/.exec(e.message)?.[1] : undefined;
      if (named !== undefined && (/\.[a-z]{2,8}$/i.test(named) || existsSync(resolve(io.cwd, named)))) {
        io.stderr.write(`  hint: to name a file that begins with -, write ./${named}, or put -- before the file names.\n`);
      }
      // --help and --version end here with exit code 0; bad usage with 1, which we make 2.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UserError) {
      ctx().report(e.diagnostics);
      return e.exitCode;
    }
    io.stderr.write(`themes: internal error: ${(e as Error)?.stack ?? String(e)}\nThis is a bug in themes; please report it with the command you ran.\n`);
    return 70;
  }
}
