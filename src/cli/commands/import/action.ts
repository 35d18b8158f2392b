import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { loadCodebook } from '../../../codebook/load.js';
import { DEFAULT_SPEAKERS } from '../../../corpus/index.js';
import { parseNote } from '../../../corpus/document.js';
import { lineIndex } from '../../../text/lines.js';
import type { Diagnostic, Lang } from '../../../model.js';
import { qdcToYaml, slug } from '../../../refi/qdc.js';
import { readProject } from '../../../refi/read-project.js';
import { codePointOffsets } from '../../../refi/positions.js';
import { writeBundle } from '../../../util/write.js';
import type { Context } from '../../context.js';
import { EXIT, UserError, userError } from '../../errors.js';
import { checkNotNoteName, writeOneFile, writeProblemError } from '../../output.js';
import type { ImportOptions } from './index.js';
import { plural } from '../../../util/plural.js';

function readInput(cwd: string, file: string): Uint8Array {
  try {
    return readFileSync(resolve(cwd, file));
  } catch {
    throw userError('INPUT_NOT_FOUND', 'cannot be read', 'Check the path.', file);
  }
}

/**
 * --id and --language given win over the id and language that a file themes wrote carries in its
 * origin; that origin's win over the defaults (the file name's id, nb).
 */
function given(options: ImportOptions): { keepId: boolean; language: Lang; keepLanguage: boolean } {
  return { keepId: options.id !== undefined, language: options.language ?? 'nb', keepLanguage: options.language !== undefined };
}

/** Warnings that the loaded codebook gives for every imported code (no terms yet) are summed up in one line. */
function validate(yaml: string, name: string, ctx: Context): Diagnostic[] {
  const loaded = loadCodebook(yaml, name);
  const noTerms = loaded.diagnostics.filter((d) => d.code === 'CODEBOOK_CODE_WITHOUT_TERMS');
  const rest = loaded.diagnostics.filter((d) => d.code !== 'CODEBOOK_CODE_WITHOUT_TERMS');
  if (noTerms.length > 0) ctx.info(`${noTerms.length} code(s) have no terms yet: add terms for the deductive pass, or use the codebook for human coding.`);
  return rest;
}

export async function importQdcAction(file: string, options: ImportOptions, ctx: Context): Promise<number> {
  const bytes = readInput(ctx.io.cwd, file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A zip: a .qdpx project (which holds the codebook inside its project.qde), not a .qdc.
    throw new UserError([{ severity: 'error', code: 'QDC_NOT_A_CODEBOOK', file, message: 'is a zip (a .qdpx project?), not a REFI-QDA codebook', hint: 'Import a project with themes import qdpx; its codebook comes with it.' }]);
  }
  const id = options.id ?? slug(basename(file).replace(/\.[^.]+$/, ''));
  if (options.out) checkNotNoteName(options.out, `${id}.yaml`);
  const result = qdcToYaml(new TextDecoder().decode(bytes), file, { id, ...given(options) });
  if (!result.yaml || result.diagnostics.some((d) => d.severity === 'error')) throw new UserError(result.diagnostics);
  const problems = validate(result.yaml, options.out ?? `${id}.yaml`, ctx);
  ctx.report([...result.diagnostics, ...problems]);
  if (options.out) {
    writeOneFile(ctx.io.cwd, options.out, result.yaml, options.force, `${id}.yaml`);
    ctx.info(`wrote ${options.out}`);
  } else ctx.io.stdout.write(result.yaml);
  // Written all the same, so that the error can be fixed at its line; but it does not load yet.
  return loadsNot(problems, options.out ?? 'the codebook', ctx) ? EXIT.partial : EXIT.ok;
}

/** Whether the imported codebook has errors that stop it from loading (then said on stderr: fix them before using it). */
function loadsNot(problems: readonly Diagnostic[], name: string, ctx: Context): boolean {
  if (!problems.some((d) => d.severity === 'error')) return false;
  ctx.info(`${name} does not load as it is (see the errors above): fix it at the lines named before you code with it`);
  return true;
}

/**
 * A coding as rows of codings.csv: one per paragraph it codes text in, so that a coding that runs
 * over two paragraphs codes both, as `themes agree` reads the .qdpx itself (a row names one line,
 * and so one paragraph). Without paragraphs, or when it codes text in none, one row as selected.
 */
function parts(c: { start: number; end: number }, paragraphs: ReadonlyArray<{ start: number; end: number }>, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const p of paragraphs) {
    const from = Math.max(p.start, c.start);
    const to = Math.min(p.end, c.end);
    if (to > from && text.slice(from, to).trim() !== '') out.push([from, to]);
  }
  return out.length > 0 ? out : [[c.start, c.end]];
}

const LOSSY = new Set(['QDPX_SOURCE_MISSING', 'QDPX_SOURCE_TOO_LARGE', 'QDPX_UNKNOWN_CODE', 'QDPX_THEME_CODINGS', 'QDPX_BAD_POSITION']);

export async function importQdpxAction(file: string, options: ImportOptions & { out: string }, ctx: Context): Promise<number> {
  const bytes = readInput(ctx.io.cwd, file);
  const id = options.id ?? slug(basename(file).replace(/\.[^.]+$/, ''));
  const result = readProject(bytes, file, { id, ...given(options) });
  if (!result.project) throw new UserError(result.diagnostics);
  const project = result.project;
  const files = new Map<string, string>();
  const rows: Array<Array<string | number>> = [['document', 'line', 'code', 'start', 'end', 'coder', 'text']];
  const encoder = new TextEncoder();
  const options0 = { unit: 'paragraph' as const, includeInterviewer: true, speakers: DEFAULT_SPEAKERS };
  let written = 0;
  for (const s of project.sources) {
    files.set(`notes/${s.fileName}`, s.text);
    const note = parseNote(s.fileName, encoder.encode(s.text), options0);
    const doc = note.document;
    const line = lineIndex(s.text);
    const points = codePointOffsets(s.text);
    // Informants' paragraphs, when their offsets are those of the text as written (no line ends or
    // marks were changed in reading). An interviewer's paragraph is no unit `agree` reads (by default).
    const paragraphs = doc?.text === s.text ? note.segments.filter((p) => p.role !== 'interviewer') : [];
    for (const c of project.codings.filter((x) => x.source === s.guid)) {
      written++;
      for (const [from, to] of parts(c, paragraphs, s.text)) {
        let start = from;
        while (start < to && /\s/.test(s.text[start]!)) start++;
        // Positions in code points from 0, as in the .qde (and as Python and R slice text), not in JavaScript's UTF-16 units.
        rows.push([doc?.id ?? s.fileName.replace(/\.txt$/, ''), line(start), c.code, points(from), points(to), c.user, s.text.slice(from, to)]);
      }
    }
  }
  const diagnostics = [...result.diagnostics];
  let codebookErrors = false;
  if (project.codebookYaml) {
    files.set('codebook.yaml', project.codebookYaml);
    const problems = validate(project.codebookYaml, writtenCodebook(options.out), ctx);
    diagnostics.push(...problems);
    codebookErrors = problems.some((d) => d.severity === 'error');
  }
  files.set('codings.csv', stringify(rows, { record_delimiter: '\n' }));
  ctx.report(diagnostics);
  const problem = writeBundle(resolve(ctx.io.cwd, options.out), files, options.force);
  if (problem) throw writeProblemError(problem, options.out);
  const split = rows.length - 1 > written ? ` in ${rows.length - 1} rows (a coding over several paragraphs has a row for each)` : '';
  ctx.info(`wrote ${options.out}: ${plural(project.sources.length, 'note')}, ${plural(written, 'coding')}${split}${project.codebookYaml ? ', codebook.yaml' : ''}`);
  if (codebookErrors) loadsNot(diagnostics, writtenCodebook(options.out), ctx);
  return diagnostics.some((d) => LOSSY.has(d.code)) || codebookErrors ? EXIT.partial : EXIT.ok;
}

/** The codebook.yaml written into --out, as messages name it: `back/` gives back/codebook.yaml, not back//codebook.yaml. */
function writtenCodebook(out: string): string {
  return `${out.replace(/(?<=.)[\\/]+$/, '')}/codebook.yaml`;
}
