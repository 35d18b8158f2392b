import { buildTableSet } from '../../../analysis/tables.js';
import { appendixDocx } from '../../../render/docx.js';
import { latexDocument, tableLatex } from '../../../render/latex.js';
import { tablesOf, type Table } from '../../../render/table.js';
import { tableCsv } from '../../../render/tables-csv.js';
import { tablesJson } from '../../../render/tables-json.js';
import { tableMarkdown, tablesMarkdown } from '../../../render/tables-markdown.js';
import { attributeWarnings, checkAttributes, defaultBy } from '../../attributes.js';
import type { Diagnostic } from '../../../model.js';
import type { Context } from '../../context.js';
import { EXIT, stopIfStrict, userError } from '../../errors.js';
import { checkExcelIsCsv, checkOutOutsideNotes, checkOutWritable, writeFolder, writeOneFile } from '../../output.js';
import { prepare } from '../code/action.js';
import { TABLE_IDS, type TableOptions } from './index.js';

const EXTENSION = { md: '.md', csv: '.csv', json: '.json', latex: '.tex', docx: '.docx' } as const;

/** The most columns a table in Word may have (more, and Word cannot open the document). */
const WORD_MAX_COLUMNS = 63;

/** `themes table`: code the notes, build every appendix table, write them in one format. */
export async function tableAction(paths: string[], options: TableOptions, ctx: Context): Promise<number> {
  if (options.format === 'docx' && !options.out) {
    throw userError('TABLE_DOCX_NEEDS_OUT', 'a Word document cannot go to the terminal', 'Add --out appendix.docx.');
  }
  checkExcelIsCsv('TABLE', options);
  const ext = EXTENSION[options.format];
  const single = options.out !== undefined && options.out.toLowerCase().endsWith(ext);
  if (options.out) {
    checkOutExtension(options.out, options.format, single);
    checkOutOutsideNotes(options.out, paths, ctx.io.cwd, single ? 'file' : 'folder');
    checkOutWritable(options.out, ctx.io.cwd, single ? 'file' : 'folder', options.force);
  }
  // Without --only, or with two names that are not both «crosstab», there is always more than
  // one table: say so before the notes are read, not after.
  const oneStream = options.format === 'csv' && (single || !options.out);
  if (oneStream && new Set(options.only ?? TABLE_IDS).size > 1) throw severalCsv(options.only ?? TABLE_IDS, 'several');
  const prepared = prepare(paths, options, ctx);
  const { report } = prepared;
  const by = options.by ?? defaultBy(report.corpus);
  checkAttributes(report.corpus, by);
  const conflicts = attributeWarnings(report.corpus, by);
  const all = tablesOf(buildTableSet(report, by), { lang: report.lang, matrix: options.matrix });
  const tables = select(all, options.only);
  const lang = report.lang;
  // Word holds at most 63 columns in a table; a matrix of hundreds of informants would also
  // take gigabytes to build (30,000 informants ran out of memory). Such tables are left out.
  const wide = options.format === 'docx' ? tables.filter((t) => t.columns.length > WORD_MAX_COLUMNS) : [];
  // Warnings found after the notes were read stop a --strict run too, before anything is written.
  const late: Diagnostic[] = [...conflicts, ...wide.map((t) => ({
    severity: 'warning' as const, code: 'TABLE_TOO_WIDE_FOR_WORD',
    message: `the table ${t.id} has ${t.columns.length} columns, and a Word table holds at most ${WORD_MAX_COLUMNS}; it is left out of ${options.out}`,
    hint: `Write it as CSV for a spreadsheet (themes table … --only ${t.id} --format csv --excel), or split the notes by --by.`,
  }))];
  ctx.report(late);
  stopIfStrict(options.strict, late);

  if (options.format === 'docx') {
    const bytes = await appendixDocx({
      title: report.title ?? report.codebook.title ?? report.codebook.id,
      tables: tables.filter((t) => !wide.includes(t)),
      quotes: report.codebook.codes.map((c) => ({ code: c.id, label: report.label(c.id), quotes: report.quotes.filter((q) => q.code === c.id) })),
      lang,
      codebookLang: report.codebook.language,
    });
    writeOneFile(ctx.io.cwd, options.out!, bytes, options.force);
    ctx.info(`wrote ${tables.length - wide.length} tables and the quotes to ${options.out}`);
    return done(prepared.failed);
  }

  if (oneStream && tables.length > 1) throw severalCsv(tables.map((t) => t.id), String(tables.length));
  const one = (t: Table): string => {
    switch (options.format) {
      case 'md': return tableMarkdown(t, { lang });
      case 'csv': return tableCsv(t, { excel: options.excel });
      case 'json': return tablesJson([t]);
      case 'latex': return tableLatex(t, { lang, labelPrefix: options.labelPrefix });
      default: throw new Error(`unreachable: ${options.format}`);
    }
  };
  const whole = (): string => {
    switch (options.format) {
      case 'md': return tablesMarkdown(tables, { lang });
      case 'json': return tablesJson(tables);
      case 'latex': return tables.map((t) => tableLatex(t, { lang, labelPrefix: options.labelPrefix })).join('\n');
      default: return one(tables[0]!);
    }
  };
  if (!options.out) {
    ctx.io.stdout.write(whole());
  } else if (single) {
    writeOneFile(ctx.io.cwd, options.out, whole(), options.force);
    ctx.info(`wrote ${tables.length} ${tables.length === 1 ? 'table' : 'tables'} to ${options.out}`);
  } else {
    const files = new Map(tables.map((t) => [`${t.id}${ext}`, one(t)]));
    if (options.format === 'latex') files.set('tables.tex', latexDocument(tables, lang));
    writeFolder(ctx.io.cwd, options.out, files, options.force);
    ctx.info(`wrote ${[...files.keys()].join(', ')} to ${options.out}`);
  }
  return done(prepared.failed);
}

function severalCsv(ids: readonly string[], howMany: string): Error {
  return userError('TABLE_CSV_SEVERAL', `${howMany} tables do not fit in one CSV file`,
    `Write them to a folder (--out tables/), or choose one table with --only, e.g. --only ${ids[0]}.`);
}

function select(tables: Table[], only: string[] | undefined): Table[] {
  if (!only) return tables;
  const wanted = (t: Table) => only.some((o) => t.id === o || (o === 'crosstab' && t.id.startsWith('crosstab-')));
  const unknown = only.filter((o) => !tables.some((t) => t.id === o || (o === 'crosstab' && t.id.startsWith('crosstab-'))));
  if (unknown.length) {
    throw userError('TABLE_UNKNOWN', `no table named ${unknown.map((u) => `"${u}"`).join(', ')} in these results`,
      `Tables here: ${tables.map((t) => t.id).join(', ')}.`);
  }
  return tables.filter(wanted);
}

function done(failed: string[]): number {
  return failed.length > 0 ? EXIT.partial : EXIT.ok;
}

/**
 * --out names one file when it ends in the format's extension, and a folder otherwise; a name
 * ending in another format's extension (tables.md with --format latex) is a slip, not a folder.
 */
function checkOutExtension(out: string, format: TableOptions['format'], single: boolean): void {
  if (single) return;
  const other = /\.(md|markdown|csv|json|tex|docx|html|txt)$/i.exec(out);
  if (other) {
    const wanted = EXTENSION[format];
    throw userError('TABLE_OUT_EXTENSION', `--out ${out} ends in .${other[1]} but --format is ${format}`,
      `Give a file ending in ${wanted} for one file${format === 'docx' ? '' : ', or a folder name for one file per table'}, or choose the format that fits the name.`);
  }
}
