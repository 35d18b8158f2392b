import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { findIdentifiers, listsFor } from '../../../privacy/detect.js';
import { pseudonymise } from '../../../privacy/pseudonym.js';
import { writeBundle, writeFileAtomic } from '../../../util/write.js';
import type { Context } from '../../context.js';
import { EXIT, userError } from '../../errors.js';
import { readNotes } from '../../load.js';
import { COPIES_MARK } from '../../../corpus/files.js';
import { readNameLists } from '../../mask.js';
import { checkOutOutsideNotes, checkOutWritable, writeProblemError } from '../../output.js';
import type { AnonymizeOptions } from './index.js';

/**
 * `themes anonymize`: pseudonymised copies in --out and the key in a file of its own. The notes
 * are only read; copies are UTF-8 with `\n` line endings, in the folder layout of the input.
 */
export async function anonymizeAction(paths: string[], options: AnonymizeOptions, ctx: Context): Promise<number> {
  const { cwd } = ctx.io;
  const outDir = resolve(cwd, options.out);
  const keyPath = resolve(cwd, options.key ?? `${options.out.replace(/[/\\]+$/, '')}.key.json`);
  checkOutOutsideNotes(options.out, paths, cwd);
  checkOutOutsideNotes(options.key ?? shown(cwd, keyPath), paths, cwd, 'file', '--key');
  if (keyPath === outDir || keyPath.startsWith(outDir + sep)) {
    throw userError('KEY_INSIDE_OUT', `the key file ${shown(cwd, keyPath)} is inside --out ${options.out}`,
      'Keep the key apart from the copies you share: give --key a path outside the --out folder.');
  }
  // Before the notes are read: a run over thousands of notes refused a full --out only at the end.
  checkOutWritable(options.out, cwd, 'folder', options.force);
  if (existsSync(keyPath) && statSync(keyPath).isDirectory()) {
    throw userError('OUT_IS_DIR', `--key ${shown(cwd, keyPath)} is a folder, not a file`, 'Give a file name for --key, e.g. --key private/anon-key.json.');
  }
  if (existsSync(keyPath) && !options.force) {
    throw userError('KEY_EXISTS', `the key file ${shown(cwd, keyPath)} exists already`, 'Choose another --key, or add --force to replace it.');
  }
  const lists = readNameLists(options.names, cwd);
  // A note whose front matter cannot be read is copied all the same, its whole text searched and
  // masked as check searches it: left out, its names were missing from the pseudonyms and the key
  // (a «Torunn» in another note got a pseudonym of her own), and the copies lacked one interview.
  const notes = readNotes(paths, cwd, { unit: 'paragraph', includeInterviewer: true, keepLinks: true, readBadFrontMatter: true });
  ctx.report(notes.diagnostics);
  const docs = notes.corpus.documents;
  const badFront = new Set(notes.diagnostics.filter((d) => d.severity === 'error' && d.file !== undefined).map((d) => d.file!));
  const copiedBad = docs.filter((d) => badFront.has(d.path)).map((d) => d.path);
  const found = docs.map((d) => findIdentifiers(d.text, listsFor(d, lists)));
  const result = pseudonymise(docs.map((d, i) => ({ text: d.text, findings: found[i]!, lang: d.lang, ...(d.marks ? { marks: d.marks } : {}) })));
  const root = commonDir(docs.map((d) => resolve(cwd, d.path)));
  const files = new Map<string, string>();
  const names = docs.map((d) => relative(root, resolve(cwd, d.path)).split(sep).join('/'));
  // A Word note's or subtitle file's copy is its text (Markdown), named .md: text in a file named
  // .docx opens nowhere, and a .vtt without its cues is no subtitle file.
  const taken = new Set(names);
  docs.forEach((d, i) => files.set(copyName(names[i]!, taken), result.texts[i]!));
  // A mark that these are copies: a later run over a folder that holds this one skips it rather
  // than read every note twice (NOTE_SKIPPED_RESULTS); given by name, the copies are read.
  files.set(COPIES_MARK, 'Pseudonymised copies written by themes anonymize. A run over a folder that holds this one skips it.\n');
  const masked = found.reduce((n, f) => n + f.length, 0);
  const key = `${JSON.stringify({
    version: 1,
    warning: 'This key re-identifies the people in the notes. Keep it out of git and apart from the pseudonymised copies.',
    copies: shown(cwd, outDir),
    persons: result.persons,
  }, null, 2)}\n`;
  // The key and the copies belong together: the new key waits beside the old one (readable by
  // its owner only) until the copies are written, so a run that fails keeps the old key.
  const newKey = join(dirname(keyPath), `.${basename(keyPath)}.new-${process.pid}`);
  const keyProblem = writeFileAtomic(newKey, key, 0o600);
  if (keyProblem) throw writeProblemError(keyProblem, options.key ?? shown(cwd, keyPath), '--key');
  try {
    const problem = writeBundle(outDir, files, options.force);
    if (problem) throw writeProblemError(problem, options.out);
    renameSync(newKey, keyPath);
  } catch (e) {
    rmSync(newKey, { force: true });
    throw e;
  }
  ctx.info(`wrote ${docs.length} pseudonymised file(s) to ${shown(cwd, outDir)}: ${result.persons.length} person(s) renamed, ${masked} identifier(s) replaced`);
  if (copiedBad.length > 0) {
    ctx.info(`${copiedBad.length} of them (${copiedBad.join(', ')}) ${copiedBad.length === 1 ? 'has' : 'have'} front matter that could not be read (see above): copied all the same, the whole text masked as themes check searches it; fix the front matter in the note and run again with --force`);
  }
  ctx.io.stderr.write(`${ctx.err.yellow('warning')} the key ${shown(cwd, keyPath)} re-identifies people: keep it out of git (add it to .gitignore) and store it apart from the copies.\n`);
  return notes.failed.length > 0 || copiedBad.length > 0 ? EXIT.partial : EXIT.ok;
}

function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === '' || rel.startsWith('..') ? path : rel).split(sep).join('/');
}

function commonDir(files: readonly string[]): string {
  if (files.length === 0) return '/';
  let dir = dirname(files[0]!);
  while (!files.every((f) => f.startsWith(dir.endsWith(sep) ? dir : dir + sep))) dir = dirname(dir);
  return dir;
}

/**
 * The name of a note's copy: as the note's, but a Word note's or subtitle file's (.docx, .vtt,
 * .srt) becomes .md, or .docx.md when that is taken.
 */
function copyName(name: string, taken: Set<string>): string {
  if (!/\.(?:docx|vtt|srt)$/i.test(name)) return name;
  const md = name.replace(/\.(?:docx|vtt|srt)$/i, '.md');
  const chosen = taken.has(md) ? `${name}.md` : md;
  taken.add(chosen);
  return chosen;
}
