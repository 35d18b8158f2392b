import type { Diagnostic } from '../model.js';

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, partial: 1, usage: 2 } as const;

/** A user mistake: shown as diagnostics, never as a stack trace. Only run() turns it into an exit code. */
export class UserError extends Error {
  constructor(readonly diagnostics: Diagnostic[], readonly exitCode: number = EXIT.usage) {
    super(diagnostics.map((d) => d.message).join('; '));
  }
}

export function userError(code: string, message: string, hint: string, file?: string): UserError {
  return new UserError([{ severity: 'error', code, message, hint, ...(file ? { file } : {}) }]);
}

/**
 * `--strict`: stop (exit 2, nothing written) when the inputs gave any warning, or any error (a
 * note that could not be read and was left out): without --strict such a run goes on and exits 1.
 * Called once the diagnostics are reported, before any output is made.
 */
export function stopIfStrict(strict: boolean | undefined, diagnostics: readonly Diagnostic[]): void {
  if (!strict) return;
  if (diagnostics.some((d) => d.severity === 'error')) {
    throw new UserError([{ severity: 'error', code: 'STRICT_ERRORS', message: 'stopped because of errors in the inputs (--strict); nothing was written', hint: 'Fix the errors above (or move those files out), or run without --strict to go on without them.' }]);
  }
  if (diagnostics.some((d) => d.severity === 'warning')) {
    throw new UserError([{ severity: 'error', code: 'STRICT_WARNINGS', message: 'stopped because of warnings (--strict)', hint: 'Fix the warnings above, or run without --strict.' }]);
  }
}
