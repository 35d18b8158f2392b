import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../model.js';
import { formatDiagnostic, sortDiagnostics } from '../render/diagnostics.js';
import type { Io } from './io.js';
import { wantsColor } from './io.js';

/** What every command gets: the streams, colour for stderr and stdout, and a diagnostics reporter. */
export interface Context {
  io: Io;
  /** Colour for stderr (diagnostics, progress). */
  err: ChalkInstance;
  /** Colour for stdout: only when stdout is a terminal and the output is for people. */
  out: ChalkInstance;
  report(diagnostics: readonly Diagnostic[]): void;
  info(message: string): void;
  /** Set by the command's action; run() returns it. */
  exitCode: number;
}

export function makeContext(io: Io, colorFlag?: boolean): Context {
  const err = new Chalk({ level: wantsColor(io.stderr, io.env, colorFlag) ? 1 : 0 });
  const out = new Chalk({ level: wantsColor(io.stdout, io.env, colorFlag) ? 1 : 0 });
  return {
    io, err, out, exitCode: 0,
    report(diagnostics) {
      // The same note read for two purposes (agree's inputs and --notes) says the same once.
      const said = new Set<string>();
      for (const d of sortDiagnostics(diagnostics)) {
        const text = formatDiagnostic(d, err);
        if (!said.has(text)) io.stderr.write(text);
        said.add(text);
      }
    },
    info(message) {
      io.stderr.write(`${err.dim(message)}\n`);
    },
  };
}
