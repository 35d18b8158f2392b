import { termCounts, type TermCounts } from '../../../analysis/count.js';
import type { LabelLang } from '../../../analysis/labels.js';
import { findTerms } from '../../../coding/find.js';
import { words } from '../../../text/tokenize.js';
import { captions } from '../../../render/captions.js';
import type { Table } from '../../../render/table.js';
import { tableCsv } from '../../../render/tables-csv.js';
import { tablesJson } from '../../../render/tables-json.js';
import { tableMarkdown } from '../../../render/tables-markdown.js';
import { tableTerminal } from '../../../render/tables-terminal.js';
import type { Context } from '../../context.js';
import { parseTerms, readDocuments, unquoted } from '../../documents.js';
import { EXIT, userError } from '../../errors.js';
import { checkExcelIsCsv } from '../../output.js';
import { progressBar } from '../../progress.js';
import type { CountOptions } from './index.js';

/** `themes count`: how often each term occurs in each document. */
export async function countAction(rawTerms: string[], files: string[], sawDash: boolean, options: CountOptions, ctx: Context): Promise<number> {
  checkExcelIsCsv('COUNT', options);
  if (!sawDash || files.length === 0) {
    throw userError('COUNT_NO_FILES', 'no files to count in', 'Put the files after --, e.g. themes count innovasjon samskaping -- docs/strategi.md.');
  }
  const cleaned = rawTerms.map((t) => unquoted(t.trim())).filter(Boolean);
  if (cleaned.length === 0) {
    throw userError('COUNT_NO_TERMS', 'no terms to count', 'Give the words before --, e.g. themes count innovasjon samskaping skal må -- docs/strategi.md.');
  }
  const terms = parseTerms(cleaned, 'COUNT');
  const read = readDocuments(files, ctx.io.cwd);
  ctx.report(read.diagnostics);
  const bar = progressBar(ctx.io, 'counting');
  const counted = read.documents.map(({ doc, text }, i) => {
    const occurrences = findTerms(text, doc.lang, terms, options.exact);
    bar.update(i + 1, read.documents.length);
    return { id: doc.id, path: doc.path, occurrences, words: words(text).length };
  });
  bar.done();
  const lang: LabelLang = options.lang ?? (read.documents.every(({ doc }) => doc.lang === 'en') ? 'en' : 'nb');
  const counts = termCounts(cleaned, counted);
  const table = countTable(counts, lang);
  switch (options.format) {
    case 'csv': ctx.io.stdout.write(tableCsv(table, { excel: options.excel })); break;
    case 'md': ctx.io.stdout.write(tableMarkdown(table, { lang })); break;
    case 'json': ctx.io.stdout.write(tablesJson([table], { exact: options.exact, documents: counts.documents })); break;
    default: ctx.io.stdout.write(tableTerminal(table, ctx.out, { lang }));
  }
  return read.failed.length > 0 ? EXIT.partial : EXIT.ok;
}

/** Terms as rows, documents as columns, a total, the forms counted, and a last row with word counts. */
export function countTable(counts: TermCounts, lang: LabelLang): Table {
  const t = captions(lang);
  return {
    id: 'count', caption: t.count,
    columns: [{ header: t.term, align: 'left' }, ...counts.documents.map((d) => ({ header: d.id, align: 'right' as const, format: 'int' as const })),
      ...(counts.documents.length > 1 ? [{ header: t.total, align: 'right' as const, format: 'int' as const }] : []), { header: t.forms, align: 'left' }],
    rows: [
      ...counts.rows.map((r) => ({ cells: [r.term, ...r.counts, ...(counts.documents.length > 1 ? [r.total] : []), r.forms.join(' ')] })),
      { cells: [`(${t.words})`, ...counts.documents.map((d) => d.words), ...(counts.documents.length > 1 ? [counts.documents.reduce((s, d) => s + d.words, 0)] : []), ''], style: 'total' as const },
    ],
  };
}
