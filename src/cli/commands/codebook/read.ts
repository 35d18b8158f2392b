import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { loadCodebook } from '../../../codebook/load.js';
import { looksLikeCodebook } from '../../../codebook/places.js';
import type { Codebook, Diagnostic } from '../../../model.js';
import { readUpTo } from '../../../util/read.js';
import { UserError, userError } from '../../errors.js';
import { codebookText, codebookTooLarge, MAX_CODEBOOK_BYTES } from '../../load.js';
import type { Io } from '../../io.js';

/** A codebook's bytes, from a file or from git, and the name to show for it. */
export interface Source {
  name: string;
  text: string;
  bytes: Uint8Array;
}

/** `REV:path` (or `:path`, the staged version) when no file has that name. */
const REVISION = /^([^:]*):(.+)$/;

/**
 * Read a file, or `REV:path` with `git show` in the working directory's repository. A file that
 * exists wins over a revision, so a file whose name has a colon is still read as a file.
 */
export async function readSource(arg: string, io: Pick<Io, 'cwd' | 'env'>): Promise<Source> {
  const { cwd } = io;
  const full = resolve(cwd, arg);
  const rev = REVISION.exec(arg);
  if (existsSync(full) || !rev) {
    const name = shown(cwd, full);
    if (existsSync(full) && statSync(full).isDirectory()) {
      throw userError('CODEBOOK_IS_A_FOLDER', `${name} is a folder, not a codebook file`, 'Give the path of a .yaml codebook file.', name);
    }
    let bytes: Buffer | number;
    try {
      bytes = readUpTo(full, MAX_CODEBOOK_BYTES);
    } catch {
      throw userError('CODEBOOK_NOT_FOUND', 'cannot be read', 'Check the path; to read a codebook from git write REV:path, e.g. HEAD~1:codebooks/innovasjon.yaml.', name);
    }
    if (typeof bytes === 'number') throw codebookTooLarge(name, bytes);
    return { name, text: codebookText(bytes, name), bytes };
  }
  // A revision never begins with a dash; git would read one as an option (--output=FILE writes a file).
  if (arg.startsWith('-')) throw userError('CODEBOOK_NOT_FOUND', 'cannot be read', 'Check the path; to read a codebook from git write REV:path, e.g. HEAD~1:codebooks/innovasjon.yaml.', arg);
  const bytes = await gitShow(arg, cwd, io.env);
  return { name: arg, text: codebookText(bytes, arg), bytes };
}

/**
 * `git show REV:path`, without a shell. `--no-textconv` because the README's recipe installs
 * `themes codebook show` as textconv for codebooks, and we need the YAML, not its canonical text.
 */
function gitShow(spec: string, cwd: string, env: Io['env']): Promise<Buffer> {
  return new Promise((done, fail) => {
    execFile('git', ['show', '--no-textconv', '--end-of-options', spec], { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, env: { ...env, GIT_PAGER: 'cat', LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (!error) return done(stdout);
        fail(gitError(spec, error as NodeJS.ErrnoException, stderr.toString('utf8')));
      });
  });
}

function gitError(spec: string, error: NodeJS.ErrnoException, stderr: string): UserError {
  const said = stderr.split('\n').map((l) => l.replace(/^fatal: /, '').trim()).filter(Boolean)[0] ?? error.message;
  const [, rev = '', path = ''] = REVISION.exec(spec) ?? [];
  if (error.code === 'ENOENT') {
    return userError('GIT_NOT_FOUND', `cannot run git to read ${spec}`, 'Install git, or give the codebook as a file.');
  }
  if (/not a git repository/i.test(stderr)) {
    return userError('GIT_NOT_A_REPOSITORY', `cannot read ${spec}: the working directory is not in a git repository`,
      'Run the command inside the repository, or give the codebook as a file.');
  }
  // From a subfolder git names the path it means: «path 'codebooks/x.yaml' exists, but not 'x.yaml'»
  // (in the index: «is in the index, but not»), with «hint: Did you mean 'HEAD~1:codebooks/x.yaml' aka
  // 'HEAD~1:./x.yaml'?». Before, that fell through to GIT_FAILED with no word of the root.
  if (/does not exist in|exists on disk, but not in|exists, but not '|is in the index, but not '|does not exist \(neither|bad revision|invalid object name/i.test(stderr) && /path '/.test(stderr)) {
    const meant = /Did you mean '([^'\n]+)'(?: aka '([^'\n]+)')?/.exec(stderr);
    const suggestion = meant ? `: ${meant[1]}${meant[2] ? ` or ${meant[2]}` : ''}` : '';
    return userError('GIT_PATH_NOT_IN_REVISION', `${spec}: there is no ${path} in ${rev || 'the index'} (git: ${said})`,
      `Check the path: it is relative to the repository root (or starts with ./ for the current folder)${suggestion}.`);
  }
  if (/invalid object name|unknown revision|bad revision|ambiguous argument|not a valid object name/i.test(stderr)) {
    return userError('GIT_BAD_REVISION', `${spec}: there is no revision "${rev}" (git: ${said})`,
      'Check the revision with git log --oneline; a branch, tag, commit or HEAD~1 works.');
  }
  return userError('GIT_FAILED', `git show ${spec} failed: ${said}`, 'Check the revision and path with git show yourself.');
}

/** Load and validate; any error (or a file that is no codebook at all) is an input error. */
export function parseSource(source: Source): { codebook: Codebook; warnings: Diagnostic[] } {
  if (!looksLikeCodebook(source.text)) throw notACodebook(source.name);
  const loaded = loadCodebook(source.text, source.name, source.bytes);
  if (!loaded.codebook) throw new UserError(loaded.diagnostics);
  return { codebook: loaded.codebook, warnings: loaded.diagnostics };
}

export function notACodebook(name: string): UserError {
  return userError('CODEBOOK_NOT_A_CODEBOOK', 'is not a codebook: it has no top-level "codebook:" or "themes:" key',
    'Give a codebook YAML file (see "Codebook format" in the README).', name);
}

function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === '' || rel.startsWith('..') ? path : rel).split(sep).join('/');
}
