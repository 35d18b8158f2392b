import { canonicalText } from '../../../codebook/canonical.js';
import { diffCodebooks } from '../../../codebook/diff.js';
import { lintCodebook, lintTranslations } from '../../../codebook/lint.js';
import { loadCodebook } from '../../../codebook/load.js';
import { casePlaces, looksLikeCodebook } from '../../../codebook/places.js';
import type { Diagnostic } from '../../../model.js';
import { diffJson, diffMarkdown, diffTerminal, type DiffReport } from '../../../render/codebook-diff.js';
import { testJson, testTerminal, type TestReport } from '../../../render/codebook-test.js';
import { formatDiagnostic, sortDiagnostics } from '../../../render/diagnostics.js';
import type { Context } from '../../context.js';
import { EXIT, userError } from '../../errors.js';
import type { DiffOptions, LintOptions, TestOptions } from './index.js';
import { notACodebook, parseSource, readSource } from './read.js';

/**
 * `lint`: the problems are the output, so they go to stdout (as compilers and linters print them);
 * the count goes to stderr. Exit 1 when there are errors, or warnings with --strict.
 */
export async function lintAction(files: string[], options: LintOptions, ctx: Context): Promise<number> {
  const sources = await Promise.all(files.map((f) => readSource(f, ctx.io)));
  const loaded = sources.map((source) => {
    if (!looksLikeCodebook(source.text)) throw notACodebook(source.name);
    const { codebook, diagnostics } = loadCodebook(source.text, source.name, source.bytes);
    const extra = codebook ? lintCodebook(codebook, casePlaces(source.text, source.name)) : [];
    return { file: source.name, codebook, diagnostics: [...diagnostics, ...extra] };
  });
  const set = lintTranslations(loaded.flatMap((r) => (r.codebook ? [r.codebook] : [])));
  const results = loaded.map((r) => ({ file: r.file, diagnostics: sortDiagnostics([...r.diagnostics, ...set.filter((d) => d.file === r.file)]) }));
  const all: Diagnostic[] = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  if (options.format === 'json') {
    ctx.io.stdout.write(`${JSON.stringify({ version: 1, errors, warnings, files: results }, null, 2)}\n`);
  } else {
    for (const d of all) ctx.io.stdout.write(formatDiagnostic(d, ctx.out));
  }
  const n = results.length;
  ctx.info(`${n} ${n === 1 ? 'codebook' : 'codebooks'}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return errors > 0 || (options.strict && warnings > 0) ? EXIT.partial : EXIT.ok;
}

/** `show`: the canonical text only; warnings would clutter every `git diff` that uses it as textconv. */
export async function showAction(file: string, ctx: Context): Promise<number> {
  const { codebook } = parseSource(await readSource(file, ctx.io));
  ctx.io.stdout.write(canonicalText(codebook));
  return EXIT.ok;
}

/** `diff`: exit 0 when the versions mean the same, 1 when they differ, 2 on bad input (like diff(1)). */
export async function diffAction(oldArg: string, newArg: string, options: DiffOptions, ctx: Context): Promise<number> {
  const [a, b] = await Promise.all([readSource(oldArg, ctx.io), readSource(newArg, ctx.io)]);
  const { codebook: before } = parseSource(a);
  const { codebook: after } = parseSource(b);
  if (before.language !== after.language) {
    throw userError('CODEBOOK_LANGUAGE_MISMATCH',
      `${a.name} is in language ${before.language} and ${b.name} in ${after.language}: these are two codebooks, not two versions of one`,
      'Compare two versions of the same codebook, e.g. HEAD~1:codebooks/innovasjon.yaml codebooks/innovasjon.yaml.');
  }
  const diff = diffCodebooks(before, after);
  const report: DiffReport = { diff, oldName: a.name, newName: b.name };
  if (options.impact) {
    // The matcher and the notes reader load the stemmers: only when asked, so `show` (git's textconv) stays quick.
    const [{ readNotes }, { codeCorpus, uncoveredLanguages }, { codingImpact }, { maskCorpusReported }] = await Promise.all([
      import('../../load.js'), import('../../../coding/deductive.js'), import('../../../codebook/impact.js'), import('../../mask.js'),
    ]);
    const notes = readNotes(options.impact, ctx.io.cwd, { unit: options.unit, includeInterviewer: options.includeInterviewer });
    ctx.report(notes.diagnostics);
    // English notes coded with a Norwegian codebook (or the other way) gain and lose little: as themes code warns.
    const uncovered = uncoveredLanguages(notes.corpus.documents, [after]);
    if (uncovered) {
      ctx.report([{ ...uncovered, hint: '--impact codes the notes with the codebook compared only: give the notes in its language, and diff the codebook in the other language (its twin) for the others.' }]);
    }
    // Examples quote segment text: masked like every output of themes code.
    const corpus = options.allowIdentifiers ? notes.corpus : maskCorpusReported(notes.corpus, ctx);
    const impact = codingImpact(corpus, codeCorpus(corpus, [before]), codeCorpus(corpus, [after]), diff.renames, options.examples);
    report.impact = { ...impact, notes: options.impact };
  }
  const text = options.format === 'json' ? diffJson(report) : options.format === 'md' ? diffMarkdown(report) : diffTerminal(report, ctx.out);
  ctx.io.stdout.write(text);
  return diff.equal ? EXIT.ok : 1;
}

/** `test`: exit 1 when an example misses its code or a counterexample gets it. */
export async function testAction(files: string[], options: TestOptions, ctx: Context): Promise<number> {
  const { testCodebook } = await import('../../../codebook/testing.js');
  const sources = await Promise.all(files.map((f) => readSource(f, ctx.io)));
  const reports: TestReport[] = sources.map((source) => {
    const { codebook } = parseSource(source);
    return { file: source.name, result: testCodebook(codebook, casePlaces(source.text, source.name)) };
  });
  ctx.io.stdout.write(options.format === 'json' ? testJson(reports) : testTerminal(reports, ctx.out));
  return reports.some((r) => r.result.failed > 0) ? EXIT.partial : EXIT.ok;
}
