import { buildReport, type CodeReport } from '../../../analysis/report.js';
import { codingsFromMarks, markOfCoding, unmarkedNotes } from '../../../coding/human.js';
import { codebooksUsed, uncoveredLanguages } from '../../../coding/deductive.js';
import { inductiveSummary } from '../../../coding/inductive/summary.js';
import type { Codebook, Coding, Corpus, Diagnostic } from '../../../model.js';
import { frequenciesCsv, matrixCsv } from '../../../render/csv.js';
import { reportJson, segmentsJsonl } from '../../../render/json.js';
import { quotesMarkdown, reportMarkdown } from '../../../render/markdown.js';
import { reportTerminal } from '../../../render/terminal.js';
import { idWarnings, maskCorpusReported, notesRead, readNameLists, tell } from '../../mask.js';
import { buildTableSet } from '../../../analysis/tables.js';
import { tablesOf, type Table } from '../../../render/table.js';
import { tableCsv } from '../../../render/tables-csv.js';
import { tablesJson } from '../../../render/tables-json.js';
import { tablesMarkdown } from '../../../render/tables-markdown.js';
import { tableTerminal } from '../../../render/tables-terminal.js';
import { attributeWarnings, checkAttributes } from '../../attributes.js';
import { toolInfo } from '../../../version.js';
import type { Context } from '../../context.js';
import { EXIT, UserError, stopIfStrict, userError } from '../../errors.js';
import { defaultCodebookPaths, outputLang, readCodebooks, readNotes, segmentOptions, someNotes } from '../../load.js';
import { planNotes, threadPolicy, type NotesPlan } from '../../parallel/notes.js';
import type { LoadedCorpus } from '../../../corpus/index.js';
import type { Finding } from '../../../privacy/detect.js';
import { checkOutOutsideNotes, checkOutWritable, writeFolder } from '../../output.js';
import { progressBar } from '../../progress.js';
import type { CodeOptions } from './index.js';

/** `themes code`: read, code, analyse, render. */
export async function codeAction(paths: string[], options: CodeOptions, ctx: Context): Promise<number> {
  const { cwd } = ctx.io;
  if (options.out) {
    checkOutOutsideNotes(options.out, paths, cwd);
    checkOutWritable(options.out, cwd, 'folder', options.force);
  }
  const prepared = prepare(paths, options, ctx);
  const { report } = prepared;

  const byTables = options.by?.length ? crossTabTables(report, options.by) : undefined;
  // Warnings found after the notes were read stop a --strict run too, before anything is written.
  const late: Diagnostic[] = options.by?.length ? attributeWarnings(report.corpus, options.by) : [];
  if (options.out) late.push(...epochWarnings(ctx.io.env.SOURCE_DATE_EPOCH));
  ctx.report(late);
  stopIfStrict(options.strict, late);
  // The inductive summary ends the report on stdout (not the --by tables, not the bundle, and not
  // CSV, which holds the frequency table only), so it is computed only when it will be shown.
  const format = options.format ?? (options.out ? undefined : 'terminal');
  if (!byTables && format !== undefined && format !== 'csv') report.inductive = inductiveSummary(prepared.corpus, report.codings);
  if (options.out) {
    const files = bundleFiles(report, prepared, options, ctx.io.env);
    for (const t of byTables ?? []) files.set(`${t.id}.csv`, tableCsv(t));
    writeFolder(cwd, options.out, files, options.force);
    ctx.info(`wrote frequencies.csv, matrix.csv, quotes.md, segments.jsonl, run.json${(byTables ?? []).map((t) => `, ${t.id}.csv`).join('')} to ${options.out}`);
  }
  if (!options.out || options.format) {
    ctx.io.stdout.write(byTables ? renderByTables(byTables, options.format ?? 'terminal', report.lang, ctx) : render(report, options.format ?? 'terminal', ctx));
  }
  return prepared.failed.length > 0 ? EXIT.partial : EXIT.ok;
}

/** `--by`: the theme × attribute tables, after checking that the notes have the attributes. */
function crossTabTables(report: CodeReport, by: string[]): Table[] {
  checkAttributes(report.corpus, by);
  return tablesOf(buildTableSet(report, by), { lang: report.lang, matrix: 'checks' }).filter((t) => t.id.startsWith('crosstab-'));
}

function renderByTables(tables: Table[], format: NonNullable<CodeOptions['format']>, lang: CodeReport['lang'], ctx: Context): string {
  switch (format) {
    case 'csv':
      if (tables.length > 1) throw userError('TABLE_CSV_SEVERAL', `${tables.length} tables do not fit in one CSV file`, 'Give one --by attribute for CSV, or use --out for a bundle.');
      return tableCsv(tables[0]!);
    case 'json': return tablesJson(tables);
    case 'md': return tablesMarkdown(tables, { lang });
    case 'terminal': return tables.map((t) => tableTerminal(t, ctx.out, { lang })).join('\n');
  }
}

export interface Prepared {
  report: CodeReport;
  codebooks: Codebook[];
  corpus: Corpus;
  failed: string[];
}

/** The shared front half of every command that codes notes: load, validate, mask, code, report. */
export function prepare(paths: string[], options: Omit<CodeOptions, 'format' | 'out' | 'force' | 'quotes'> & { quotes?: number }, ctx: Context): Prepared {
  const { cwd } = ctx.io;
  // For a large corpus a worker thread starts now, and reads the codebooks while this thread reads notes.
  const plan = options.human ? undefined : planNotes(paths, cwd, codebookFiles(options), threadPolicy(ctx.io.env));
  try {
    return prepareWith(plan, paths, options, ctx);
  } finally {
    plan?.close();
  }
}

function prepareWith(plan: NotesPlan | undefined, paths: string[], options: Omit<CodeOptions, 'format' | 'out' | 'force' | 'quotes'> & { quotes?: number }, ctx: Context): Prepared {
  const { cwd } = ctx.io;
  const notesOptions = {
    unit: options.unit,
    includeInterviewer: options.includeInterviewer,
    ...(options.interviewerLabels ? { interviewerLabels: options.interviewerLabels } : {}),
    ...(options.informantLabels ? { informantLabels: options.informantLabels } : {}),
  };
  const names = readNameLists(options.names, cwd);
  let books: ReturnType<typeof readCodebooks>;
  let notes: LoadedCorpus;
  let codings: Coding[];
  let findings: Finding[] | undefined;
  let extra: Diagnostic[] = [];
  if (!plan) {
    books = readCodebooks(codebookFiles(options), cwd);
    notes = readNotes(paths, cwd, notesOptions);
    const human = humanCodings(notes.corpus, books.codebooks[0]!);
    codings = human.codings;
    extra = human.diagnostics;
  } else {
    // Read, masked and coded file by file, on both cores for large corpora (see parallel/notes.ts).
    const bar = progressBar(ctx.io, 'coding');
    const worked = someNotes(plan.run({
      options: segmentOptions(notesOptions), mask: !options.allowIdentifiers, ...(names ? { names } : {}),
    }, bar.update), paths);
    bar.done();
    books = worked.books;
    notes = worked;
    codings = worked.codings;
    findings = worked.findings;
  }
  const diagnostics: Diagnostic[] = [...books.diagnostics, ...notes.diagnostics, ...extra];
  const uncovered = plan ? uncoveredLanguages(notes.corpus.documents, books.codebooks) : undefined;
  if (uncovered) diagnostics.push(uncovered);
  if (!options.allowIdentifiers) diagnostics.push(...idWarnings(notes.corpus.documents, names));
  ctx.report(diagnostics);
  stopIfStrict(options.strict, diagnostics);
  let corpus = notes.corpus;
  // Human codings were read from the marks before masking; masking then keeps identifiers out of every output.
  if (findings) tell(findings, ctx, notesRead(notes.corpus.documents.length));
  else if (!options.allowIdentifiers) corpus = maskCorpusReported(corpus, ctx, names);
  const primary = books.codebooks[0]!;
  const lang = options.lang ?? outputLang(primary, corpus.documents, options.codebook === undefined);
  const report = buildReport(corpus, primary, codings, { quotes: options.quotes ?? 3, lang });
  // Headings name the codebook in the language they are written in: an English report of English
  // notes was titled «Innovasjon i kommunen», the first default codebook's title.
  const titled = books.codebooks.find((cb) => (cb.language === 'en') === (lang === 'en')) ?? primary;
  report.title = titled.title ?? titled.id;
  if (options.human) report.human = true;
  // --human reads the marks and checks them against the first codebook only.
  report.codebooksUsed = options.human ? [{ codebook: primary, documents: corpus.documents.length }] : codebooksUsed(corpus.documents, books.codebooks);
  return { report, codebooks: books.codebooks, corpus, failed: notes.failed };
}

/** The codebook files of a run: --codebook, or the default ones. */
function codebookFiles(options: Pick<CodeOptions, 'codebook'>): readonly string[] {
  return options.codebook ?? defaultCodebookPaths();
}

/** `--human`: the marks as one coder's codings; codes the codebook does not know are reported and left out. */
function humanCodings(corpus: Corpus, codebook: Codebook): { codings: Coding[]; diagnostics: Diagnostic[] } {
  const { codings, diagnostics } = codingsFromMarks(corpus);
  const known = new Set(codebook.codes.map((c) => c.id));
  const docOf = new Map(corpus.documents.map((d) => [d.id, d]));
  const segmentOf = new Map(corpus.segments.map((s) => [s.id, s]));
  // Under --human a note without marks is a note its coder coded nothing in: say so, as agree does
  // (AGREE_NO_MARKS), or a table of zeros (and «all uncoded») reads as a finding.
  const { notes: unmarked, shown } = unmarkedNotes(corpus);
  if (unmarked.length > 0) {
    diagnostics.push({
      severity: 'warning', code: 'HUMAN_NO_MARKS',
      ...(unmarked.length === 1 ? { file: unmarked[0]!.path } : {}),
      message: unmarked.length === corpus.documents.length
        ? `--human reports the {#code} marks in the notes, and ${unmarked.length === 1 ? 'the note has' : `none of the ${unmarked.length} notes has`} any: every segment is reported as uncoded`
        : `${unmarked.length} of ${corpus.documents.length} notes have no {#code} marks and are reported as coded with nothing (${shown})`,
      hint: 'Mark codes at the end of paragraphs, {#lack-of-time #idea-box}, or leave out --human to code with the codebook\'s terms.',
    });
  }
  const unknown = codings.filter((c) => !known.has(c.code));
  for (const c of unknown) {
    const segment = segmentOf.get(c.segment);
    const doc = segment ? docOf.get(segment.document) : undefined;
    const mark = segment ? markOfCoding(doc, segment, c.code) : undefined;
    diagnostics.push({
      severity: 'warning', code: 'HUMAN_UNKNOWN_CODE', file: doc?.path ?? segment?.document ?? '',
      line: mark?.line ?? segment?.line ?? 1, ...(mark ? { column: mark.column } : {}),
      message: `the mark uses the code "${c.code}", which is not in codebook ${codebook.id}; it is left out`,
      hint: 'Check the spelling against the codebook\'s code ids, or add the code to the codebook.',
    });
  }
  return { codings: codings.filter((c) => known.has(c.code)), diagnostics };
}

export function render(report: CodeReport, format: NonNullable<CodeOptions['format']>, ctx: Context): string {
  switch (format) {
    case 'csv': return frequenciesCsv(report);
    case 'json': return reportJson(report);
    case 'md': return reportMarkdown(report);
    case 'terminal': {
      const columns = ctx.io.stdout.columns ?? 100;
      return reportTerminal(report, ctx.out, columns);
    }
  }
}

function bundleFiles(report: CodeReport, prepared: Prepared, options: CodeOptions, env: Context['io']['env']): Map<string, string> {
  const themeOf = new Map(report.codebook.codes.map((c) => [c.id, c.themePath]));
  const pathOf = new Map(report.corpus.documents.map((d) => [d.id, d.path]));
  return new Map([
    ['frequencies.csv', frequenciesCsv(report)],
    ['matrix.csv', matrixCsv(report)],
    ['quotes.md', quotesMarkdown(report)],
    ['segments.jsonl', segmentsJsonl(report.corpus.segments, report.codings, (c) => themeOf.get(c) ?? [], (d) => pathOf.get(d) ?? d)],
    ['run.json', runJson(prepared, options, env)],
  ]);
}

/** SOURCE_DATE_EPOCH set to something that is no time: run.json gets the current time, with a warning. */
function epochWarnings(epoch: string | undefined): Diagnostic[] {
  if (epoch === undefined || epoch === '' || sourceDate(epoch) !== undefined) return [];
  return [{
    severity: 'warning', code: 'SOURCE_DATE_EPOCH_IGNORED',
    message: `SOURCE_DATE_EPOCH="${epoch.length > 30 ? `${epoch.slice(0, 30)}…` : epoch}" is not a time in whole seconds since 1970; run.json gets the current time`,
    hint: 'Set it to a whole number of seconds, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or leave it unset.',
  }];
}

/**
 * The time SOURCE_DATE_EPOCH gives (whole seconds since 1970, as reproducible builds set it), or
 * undefined when it is unset or no such time: a date JavaScript can hold, up to the year 275760.
 */
export function sourceDate(epoch: string | undefined): Date | undefined {
  if (epoch === undefined || !/^\d+$/.test(epoch.trim())) return undefined;
  const ms = Number(epoch.trim()) * 1000;
  return ms <= 8.64e15 ? new Date(ms) : undefined;
}

/** Provenance: enough to regenerate a thesis table exactly. The only field that varies between runs is `created`. */
function runJson(prepared: Prepared, options: CodeOptions, env: Context['io']['env']): string {
  const tool = toolInfo();
  const created = sourceDate(env.SOURCE_DATE_EPOCH) ?? new Date();
  return `${JSON.stringify({
    version: 1,
    tool: { name: tool.name, version: tool.version },
    created: created.toISOString(),
    command: 'code',
    options: {
      unit: options.unit, quotes: options.quotes, lang: prepared.report.lang, human: options.human ?? false,
      includeInterviewer: options.includeInterviewer, strict: options.strict, allowIdentifiers: options.allowIdentifiers === true, names: options.names ?? null,
      interviewerLabels: options.interviewerLabels ?? null, informantLabels: options.informantLabels ?? null,
    },
    // Every codebook given, with the notes it coded: 0 for one loaded but not used (no note in its language).
    codebooks: prepared.codebooks.map((cb) => ({
      id: cb.id, language: cb.language, path: cb.source.path, sha256: cb.source.sha256,
      documents: prepared.report.codebooksUsed?.find((u) => u.codebook === cb)?.documents ?? 0,
    })),
    inputs: prepared.corpus.documents.map((d) => ({ id: d.id, path: d.path, sha256: d.sha256, encoding: d.encoding, lang: d.lang })),
    counts: {
      documents: prepared.corpus.documents.length,
      segments: prepared.corpus.segments.length,
      codings: prepared.report.codings.length,
    },
    failed: prepared.failed,
  }, null, 2)}\n`;
}
