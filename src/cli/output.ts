import { basename, dirname, join, resolve } from 'node:path';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { bundleProblem, parentProblem, writeBundle, writeFileAtomic } from '../util/write.js';
import { NOTE_EXTENSIONS, within } from '../corpus/files.js';
import { userError, type UserError } from './errors.js';
import type { WriteProblem } from '../util/write.js';

/**
 * Write one file whole or not at all; a missing folder or a folder in the way is a clear error,
 * and a file that exists is replaced only with --force (checked before the work, and again here).
 */
export function writeOneFile(cwd: string, out: string, content: string | Uint8Array, force: boolean, example = 'report.html'): void {
  const full = resolve(cwd, out);
  checkNotFolder(full, out, example);
  checkNotExisting(full, out, force);
  const problem = writeFileAtomic(full, content);
  if (problem) throw writeProblemError(problem, out);
}

/**
 * Refuse an --out with a note's extension for a command that writes no note (export qdc, import
 * qdc): the file may be a note, and such a command never sees the notes to tell; a new one would
 * be read as a note by the next run. Not even with --force.
 */
export function checkNotNoteName(out: string, example: string): void {
  const lower = out.toLowerCase();
  const ext = NOTE_EXTENSIONS.find((e) => lower.endsWith(e));
  if (ext !== undefined) {
    throw userError('OUT_NOTE_EXTENSION', `--out ${out} has the extension of a note (${ext})`,
      `Give --out a name such as ${example}: a file with a note's extension may be a note, and is never written, not even with --force.`);
  }
}

function checkNotExisting(full: string, out: string, force: boolean): void {
  if (!force && existsSync(full)) {
    throw userError('OUT_EXISTS', `--out ${out} already exists`, 'Choose another name, or add --force to replace it.');
  }
}

/** `example` is a file name of the kind the command writes, for the hint: a project, not a report. */
function checkNotFolder(full: string, out: string, example: string): void {
  if (existsSync(full) && statSync(full).isDirectory()) {
    throw userError('OUT_IS_DIR', `--out ${out} is a folder, not a file`, `Give a file name for --out, e.g. --out ${join(out, example)}.`);
  }
}

/**
 * Refuse, before any work, an --out that the write at the end would refuse: a folder that is not
 * empty (without --force), a file where a folder is wanted or the other way round, or no folder
 * to hold it. Coding a large corpus first and then refusing wasted the time and printed notices
 * («masked 3 personal identifier(s) in the 12 notes read») about outputs that were never written.
 */
export function checkOutWritable(out: string, cwd: string, kind: 'folder' | 'file', force: boolean, example = 'report.html'): void {
  const full = resolve(cwd, out);
  if (kind === 'file') {
    checkNotFolder(full, out, example);
    checkNotExisting(full, out, force);
    const noParent = parentProblem(dirname(full));
    if (noParent) throw writeProblemError(noParent, out);
    return;
  }
  const problem = bundleProblem(full, force);
  if (problem) throw writeProblemError(problem, out);
}

/** Write a folder of files whole or not at all (see writeBundle). */
export function writeFolder(cwd: string, out: string, files: ReadonlyMap<string, string | Uint8Array>, force: boolean): void {
  const problem = writeBundle(resolve(cwd, out), files, force);
  if (problem) throw writeProblemError(problem, out);
}

/** The error for a place an option (--out, --key) cannot be written to, named as the user typed it. */
export function writeProblemError(problem: WriteProblem, out: string, option = '--out'): UserError {
  switch (problem.kind) {
    case 'is-file': return userError('OUT_IS_FILE', `${option} ${out} is a file, not a folder`, `Give a folder name for ${option}.`);
    case 'not-empty': return userError('OUT_NOT_EMPTY', `${option} ${out} is a folder that is not empty`, 'Choose a new folder, or add --force to replace its contents.');
    case 'no-parent': return userError('OUT_NO_PARENT', `the folder that should hold ${option} ${out} does not exist`, 'Create the parent folder first, or choose another place.');
    case 'cannot-write': return userError('OUT_CANNOT_WRITE', `cannot write ${option} ${out}: ${problem.reason}`, 'Choose a place you can write to (check the path, the permissions and the free space); nothing was written.');
  }
}

/**
 * Refuse an --out inside a folder of notes (a later run would read quotes.md as a note) or one
 * that is or holds notes (--force replaces it as a whole). One file (a report, a project) may go
 * beside the notes unless it has a note's extension. Paths are compared as the file system
 * resolves them, so a symbolic link on either side does not hide the overlap.
 */
export function checkOutOutsideNotes(out: string, paths: string[], cwd: string, kind: 'folder' | 'file' = 'folder', option = '--out'): void {
  const target = realPlace(resolve(cwd, out));
  const readAsNote = kind === 'folder' || NOTE_EXTENSIONS.some((e) => target.toLowerCase().endsWith(e));
  for (const p of paths) {
    let input: string;
    let isDir: boolean;
    try {
      input = realpathSync(resolve(cwd, p));
      isDir = statSync(input).isDirectory();
    } catch {
      continue;
    }
    // --force replaces --out as a whole: it must never be or hold the notes themselves.
    // The hint names the option the user gave (--write-codebook, --key ...), not always --out.
    if (within(input, target) && !(isDir && input === target)) {
      throw userError('OUT_CONTAINS_NOTES', `${option} ${out} ${kind === 'file' ? 'is the note' : 'contains the notes'} ${p}`,
        kind === 'file'
          ? `Give ${option} another file name: a note is never written over, not even with --force.`
          : `Write results to a new folder outside the notes; ${option} is replaced as a whole.`);
    }
    // Notes given as files (a.md, notes/*.md) leave their folder free, as «themes code a.md --out
    // results» expects; what themes writes there, a later run over the folder recognises and
    // skips (NOTE_SKIPPED_RESULTS).
    if (isDir && readAsNote && within(target, input)) {
      throw userError('OUT_INSIDE_NOTES', `${option} ${out} is inside the notes folder ${p}`,
        'Write results outside the notes folder, so a later run does not read them as notes.');
    }
    // A file a later run would read as a note, beside notes given as files, is a note in their
    // folder (or one of them: «report a.md --out b.md» wrote HTML over the note b.md).
    if (!isDir && kind === 'file' && readAsNote && dirname(input) === dirname(target)) {
      throw userError('OUT_INSIDE_NOTES', `${option} ${out} is beside the note ${p}, where a later run would read it as a note`,
        'Write results outside the notes folder, or give the file an extension themes does not read as a note (.html, .tex, .csv).');
    }
  }
}


/** The real path of a place that may not exist yet: its nearest existing folder resolved, the rest appended. */
function realPlace(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPlace(parent), basename(path));
  }
}

/** `--excel` only shapes CSV: with another format it would be silently ignored, so it is refused (TABLE_EXCEL_NOT_CSV, COUNT_…, KWIC_…). */
export function checkExcelIsCsv(prefix: string, options: { excel?: boolean; format: string }): void {
  if (options.excel && options.format !== 'csv') {
    throw userError(`${prefix}_EXCEL_NOT_CSV`, `--excel applies to CSV, not ${options.format}`, 'Add --format csv, or leave out --excel.');
  }
}
