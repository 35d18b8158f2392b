import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { draftCodebook } from '../../../codebook/draft.js';
import { suggest } from '../../../coding/inductive/index.js';
import { representative } from '../../../coding/inductive/describe.js';
import type { Candidate, Suggestion } from '../../../coding/inductive/model.js';
import type { Corpus, Diagnostic } from '../../../model.js';
import { codebookFields } from '../../../render/json.js';
import { suggestJson, suggestMarkdown, suggestTerminal, type SuggestView } from '../../../render/suggest.js';
import { parentProblem, writeFileAtomic, type WriteProblem } from '../../../util/write.js';
import { checkAttributes } from '../../attributes.js';
import type { Context } from '../../context.js';
import { EXIT, UserError, stopIfStrict, userError } from '../../errors.js';
import { defaultCodebookPaths } from '../../load.js';
import { checkOutOutsideNotes } from '../../output.js';
import { prepare } from '../code/action.js';
import type { SuggestCliOptions } from './index.js';

/** `themes suggest`: read and code (for overlaps and --uncoded), then the inductive pass, then render. */
export async function suggestAction(paths: string[], options: SuggestCliOptions, ctx: Context): Promise<number> {
  const target = options.writeCodebook ? checkDraftWritable(options.writeCodebook, paths, options.force, ctx.io.cwd) : undefined;
  // --by here names the attribute for group key phrases, not code's cross-tables.
  const { by: _by, ...notesOptions } = options;
  const prepared = prepare(paths, { ...notesOptions, quotes: 0 }, ctx);
  const { corpus, report } = prepared;
  if (options.by !== undefined) checkAttributes(corpus, [options.by]);
  const groupBy = options.by ?? (new Set(corpus.documents.map((d) => d.attributes.role).filter((r) => r !== undefined)).size >= 2 ? 'role' : undefined);
  const result = suggest(corpus, report.codings, {
    ...(options.k !== undefined ? { k: options.k } : {}),
    maxK: options.maxK, seed: options.seed, uncodedOnly: options.uncoded,
    quotes: options.quotes, terms: options.terms, ...(groupBy ? { groupBy } : {}),
  });
  if (!result.ok) throw new UserError(result.diagnostics, EXIT.usage);
  const suggestion = result.suggestion;
  const primary = prepared.codebooks[0]!;
  const view: SuggestView = {
    suggestion, corpus, lang: report.lang, label: report.label,
    codebooks: codebookFields(report),
  };
  if (target && options.writeCodebook) {
    // One codebook has one language: English candidates in a bokmål draft (or the other way round)
    // would code the other language's text with their words (ideas, time, back).
    const family = (l: string) => (l === 'en' ? 'en' : 'no');
    const langOf = new Map(corpus.documents.map((d) => [d.id, d.lang]));
    const segmentDoc = new Map(corpus.segments.map((s) => [s.id, s.document]));
    const candidateLang = (c: (typeof suggestion.candidates)[number]) => langOf.get(segmentDoc.get(c.segments[0]!)!) ?? primary.language;
    // With a codebook per language (the default ones), the draft is in the language most
    // candidates are in: English notes alone gave an empty bokmål draft, every candidate left out.
    const inFamily = (cb: typeof primary) => suggestion.candidates.filter((c) => family(candidateLang(c)) === family(cb.language)).length;
    const base = prepared.codebooks.reduce((best, cb) => (inFamily(cb) > inFamily(best) ? cb : best), primary);
    const drafted = suggestion.candidates.filter((c) => family(candidateLang(c)) === family(base.language));
    const left = suggestion.candidates.length - drafted.length;
    if (left > 0) {
      const other = base.language === 'en' ? 'Norwegian' : 'English';
      const warnings: Diagnostic[] = [{
        severity: 'warning', code: 'SUGGEST_DRAFT_OTHER_LANGUAGE',
        message: `${left} candidate(s) from ${other} notes are left out of the draft, which is in the codebook's language (${base.language}): their terms would code the other language's text`,
        hint: `Draft them apart: themes suggest on those notes alone, with a codebook in their language (-c ${otherCodebook(prepared.codebooks.findIndex((cb) => family(cb.language) !== family(base.language)), options.codebook, ctx.io.cwd) ?? (base.language === 'en' ? 'codebooks/innovasjon.yaml' : 'codebooks/innovation-en.yaml')}) and --write-codebook.`,
      }];
      ctx.report(warnings);
      // Found after the notes were read, and a warning all the same: --strict stops before the draft is written.
      stopIfStrict(options.strict, warnings);
    }
    const yaml = draftCodebook(drafted, {
      id: `${base.id}-candidates`, language: base.language, terms: options.terms,
      segments: candidateSegments(suggestion, corpus),
    });
    const problem = writeFileAtomic(target, yaml);
    if (problem) throw draftProblem(problem, options.writeCodebook);
    ctx.info(`wrote ${drafted.length} candidate codes to ${options.writeCodebook}`);
  }
  const format = options.format ?? 'terminal';
  const text = format === 'json' ? suggestJson(view) : format === 'md' ? suggestMarkdown(view) : suggestTerminal(view, ctx.out);
  ctx.io.stdout.write(text);
  return prepared.failed.length > 0 ? EXIT.partial : EXIT.ok;
}

/**
 * The run's codebook at index `at` (the one in the other language; -1: none), as a path from the
 * working folder (the default codebooks' too, which the hint named as codebooks/…, a path only
 * from themes's own folder).
 */
function otherCodebook(at: number, given: readonly string[] | undefined, cwd: string): string | undefined {
  const file = at < 0 ? undefined : (given ?? defaultCodebookPaths())[at];
  return file === undefined ? undefined : relative(cwd, resolve(cwd, file)).split(sep).join('/');
}

/**
 * Each candidate's segment texts, nearest its centre first and one per informant before a second
 * from anyone: the order its quotes were chosen in (from the similarities of the assignments).
 */
function candidateSegments(suggestion: Suggestion, corpus: Corpus): (c: Candidate) => readonly string[] {
  const docs = new Map(corpus.documents.map((d) => [d.id, d]));
  // Assignments are one per corpus segment, in corpus order.
  const at = suggestion.assignments.flatMap((a, i) => (a.candidate === null ? [] : [i]));
  const grouped = at.map((i) => corpus.segments[i]!);
  const similarity = at.map((i) => suggestion.assignments[i]!.similarity ?? 0);
  const members = new Map<string, number[]>();
  at.forEach((i, j) => {
    const id = suggestion.assignments[i]!.candidate!;
    members.set(id, [...(members.get(id) ?? []), j]);
  });
  const text = new Map(corpus.segments.map((s) => [s.id, s.text]));
  return (c) => {
    const m = members.get(c.id) ?? [];
    return representative(c.id, m, grouped, similarity, docs, m.length).map((q) => text.get(q.segment)!);
  };
}

/**
 * Refuse, before the notes are read and grouped, a --write-codebook the write at the end would
 * refuse, as code, table and report check their --out: a file with a note's extension in the notes
 * folder (a later run read draft.md as one more informant), an existing file without --force, a
 * folder in the way, or no folder to hold it. The full path to write to, when it can be.
 */
function checkDraftWritable(file: string, paths: string[], force: boolean, cwd: string): string {
  checkOutOutsideNotes(file, paths, cwd, 'file', '--write-codebook');
  const target = resolve(cwd, file);
  if (existsSync(target) && !force) {
    throw userError('SUGGEST_CODEBOOK_EXISTS', `--write-codebook ${file} exists already`,
      'Choose a new file name, or add --force to replace it.');
  }
  if (existsSync(target) && statSync(target).isDirectory()) throw draftProblem({ kind: 'is-file', path: target }, file);
  const noParent = parentProblem(dirname(target));
  if (noParent) throw draftProblem(noParent, file);
  return target;
}

function draftProblem(problem: WriteProblem, file: string): UserError {
  switch (problem.kind) {
    case 'no-parent': return userError('SUGGEST_CODEBOOK_NO_PARENT', `the folder for --write-codebook ${file} does not exist`, 'Create the folder first, or choose another place.');
    case 'cannot-write': return userError('SUGGEST_CODEBOOK_CANNOT_WRITE', `cannot write --write-codebook ${file}: ${problem.reason}`, 'Choose a place you can write to; nothing was written.');
    default: return userError('SUGGEST_CODEBOOK_IS_FOLDER', `--write-codebook ${file} is a folder`, 'Give a file name such as draft.yaml.');
  }
}
