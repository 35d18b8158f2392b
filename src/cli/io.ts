/** The streams and environment a command runs with; tests pass fakes, bin/themes.js the real ones. */
export interface Io {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Colour only for a person at a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(stream: { isTTY?: boolean }, env: Io['env'], flag?: boolean): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  // A terminal that says it cannot draw (Emacs' shell, some CI logs) gets no escape codes.
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
