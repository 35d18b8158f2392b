import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { run } from '../../src/cli/run.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const samples = fileURLToPath(new URL('../../samples/notes', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with captured streams (no TTY, no colour unless asked). */
export async function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; tty?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (s: string | Uint8Array) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), isTTY: options.tty ?? false },
    stderr: { write: (s: string | Uint8Array) => (stderr += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? root,
  });
  return { code, stdout, stderr };
}

const exec = promisify(execFile);

/** Run the real built binary (bin/themes.js → dist/), as a user's shell would. */
export async function runBin(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [`${root}/bin/themes.js`, ...args], {
      cwd: options.cwd ?? root, env: { PATH: process.env.PATH ?? '', ...options.env }, maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** Golden-file comparison: normalise line endings and the tool version before comparing. */
export function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/\u001b\[[0-9;]*m/g, '').replace(/"version": "\d+\.\d+\.\d+[^"]*"/g, '"version": "X"');
}
