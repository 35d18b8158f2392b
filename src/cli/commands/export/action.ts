import { basename } from 'node:path';
import { codingsFromMarks, unmarkedNotes } from '../../../coding/human.js';
import { codeCorpus, uncoveredLanguages } from '../../../coding/deductive.js';
import { informantOf } from '../../../corpus/index.js';
import type { Coding, Diagnostic } from '../../../model.js';
import { codebookToQdc } from '../../../refi/qdc.js';
import { buildProject, zipProject } from '../../../refi/qdpx.js';
import { toolInfo } from '../../../version.js';
import type { Context } from '../../context.js';
import { EXIT, UserError, stopIfStrict } from '../../errors.js';
import { defaultCodebookPaths, outputLang, readCodebooks, readNotes } from '../../load.js';
import { maskCorpusReported, readNameLists } from '../../mask.js';
import { checkNotNoteName, checkOutOutsideNotes, checkOutWritable, writeOneFile } from '../../output.js';
import type { ExportQdcOptions, ExportQdpxOptions } from './index.js';
import { plural } from '../../../util/plural.js';

export async function exportQdcAction(path: string, options: ExportQdcOptions, ctx: Context): Promise<number> {
  const { codebooks, diagnostics } = readCodebooks([path], ctx.io.cwd);
  ctx.report(diagnostics);
  const codebook = codebooks[0]!;
  if (options.out) checkNotNoteName(options.out, `${codebook.id}.qdc`);
  const lang = options.lang ?? (codebook.language === 'en' ? 'en' : 'nb');
  const xml = codebookToQdc(codebook, { lang, version: toolInfo().version });
  if (options.out) {
    writeOneFile(ctx.io.cwd, options.out, xml, options.force, `${codebook.id}.qdc`);
    ctx.info(`wrote ${options.out} (${codebook.codes.length} codes)`);
  } else ctx.io.stdout.write(xml);
  return EXIT.ok;
}

export async function exportQdpxAction(paths: string[], options: ExportQdpxOptions, ctx: Context): Promise<number> {
  const { cwd } = ctx.io;
  checkOutOutsideNotes(options.out, paths, cwd, 'file');
  checkOutWritable(options.out, cwd, 'file', options.force, 'project.qdpx');
  const books = readCodebooks(options.codebook ?? defaultCodebookPaths(), cwd);
  const notes = readNotes(paths, cwd, {
    unit: options.unit, includeInterviewer: options.includeInterviewer,
    ...(options.interviewerLabels ? { interviewerLabels: options.interviewerLabels } : {}),
    ...(options.informantLabels ? { informantLabels: options.informantLabels } : {}),
  });
  const diagnostics: Diagnostic[] = [...books.diagnostics, ...notes.diagnostics];
  // The sources go into the project whole: masked like every output of themes code.
  const corpus = options.allowIdentifiers ? notes.corpus : maskCorpusReported(notes.corpus, ctx, readNameLists(options.names, cwd));
  const codings: Coding[] = [];
  // A loop, not push(...many): a spread of hundreds of thousands of codings overflows the stack.
  if (options.coder !== 'human') {
    for (const c of codeCorpus(corpus, books.codebooks)) codings.push({ ...c, coder: 'themes' });
    // English notes coded with a Norwegian codebook only (or the other way): as themes code warns.
    const uncovered = uncoveredLanguages(corpus.documents, books.codebooks);
    if (uncovered) diagnostics.push(uncovered);
  }
  if (options.coder !== 'auto') {
    const human = codingsFromMarks(corpus, 'human');
    diagnostics.push(...human.diagnostics);
    // As themes code --human says: notes without marks give the user "human" nothing to code there,
    // and agree reads such a project as a coder who saw those sources and coded nothing.
    const { notes: unmarked, shown: listed } = unmarkedNotes(corpus);
    if (unmarked.length > 0) {
      const all = unmarked.length === corpus.documents.length;
      diagnostics.push({
        severity: 'warning', code: 'HUMAN_NO_MARKS', ...(unmarked.length === 1 ? { file: unmarked[0]!.path } : {}),
        message: all
          ? `--coder ${options.coder} exports the {#code} marks in the notes, and ${unmarked.length === 1 ? 'the note has' : `none of the ${unmarked.length} notes has`} any: the project has no human coding`
          : `${unmarked.length} of ${corpus.documents.length} notes have no {#code} marks: the user human coded nothing in them (${listed})`,
        hint: 'Mark codes at the end of paragraphs, {#lack-of-time #idea-box}, or export only the notes that were coded by hand.',
      });
    }
    for (const c of human.codings) codings.push(c);
  }
  const primary = books.codebooks[0]!;
  const lang = options.lang ?? outputLang(primary, corpus.documents, options.codebook === undefined);
  const built = buildProject(corpus, primary, codings, {
    name: options.name ?? basename(options.out).replace(/\.qdpx$/i, ''), lang, version: toolInfo().version, caseOf: informantOf,
  });
  diagnostics.push(...built.diagnostics);
  ctx.report(diagnostics);
  stopIfStrict(options.strict, diagnostics);
  writeOneFile(cwd, options.out, zipProject(built.files), options.force, 'project.qdpx');
  ctx.info(`wrote ${options.out}: ${plural(notes.corpus.documents.length, 'source')}, ${plural(built.codings, 'coding')}${built.codings < codings.length ? ` (${codings.length - built.codings} left out)` : ''}`);
  return notes.failed.length > 0 || built.codings < codings.length ? EXIT.partial : EXIT.ok;
}
