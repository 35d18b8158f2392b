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
