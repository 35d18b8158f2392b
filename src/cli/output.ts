import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { writeBundle, writeFileAtomic } from '../util/write.js';
import { bundleProblem } from './commands/code/action.js';
import { userError } from './errors.js';

/** Write one file whole or not at all; a missing folder or a folder in the way is a clear error. */
export function writeOneFile(cwd: string, out: string, content: string | Uint8Array): void {
  const full = resolve(cwd, out);
  if (existsSync(full) && statSync(full).isDirectory()) {
    throw userError('OUT_IS_DIR', `--out ${out} is a folder, not a file`, 'Give a file name for --out, e.g. --out appendix/report.html.');
  }
  const problem = writeFileAtomic(full, content);
  if (problem?.kind === 'no-parent') {
    throw userError('OUT_NO_PARENT', `the folder that should hold --out ${out} does not exist`, 'Create the folder first, or choose another place.');
  }
  if (problem) throw bundleProblem(problem.kind, out);
}

/** Write a folder of files whole or not at all (see writeBundle). */
export function writeFolder(cwd: string, out: string, files: ReadonlyMap<string, string | Uint8Array>, force: boolean): void {
  const problem = writeBundle(resolve(cwd, out), files, force);
  if (problem) throw bundleProblem(problem.kind, out);
}
