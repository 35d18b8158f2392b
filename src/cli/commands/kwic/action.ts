import { kwic, type KwicLine } from '../../../analysis/kwic.js';
import { findTerms } from '../../../coding/find.js';
import { MASK_LABELS } from '../../../privacy/mask.js';
import { Ranges } from '../../../util/ranges.js';
import { toCsv } from '../../../render/csv.js';
import { pad, width } from '../../../render/format.js';
import { JSON_VERSION } from '../../../render/json.js';
import { toolInfo } from '../../../version.js';
import type { Context } from '../../context.js';
import { parseTerms, readDocuments, unquoted } from '../../documents.js';
import { EXIT, userError } from '../../errors.js';
import { maskUnits, readNameLists } from '../../mask.js';
import { checkExcelIsCsv } from '../../output.js';
import type { KwicOptions } from './index.js';

/** `themes kwic`: each occurrence of a term with its context and place. */
export async function kwicAction(rawTerm: string, paths: string[], options: KwicOptions, ctx: Context): Promise<number> {
  checkExcelIsCsv('KWIC', options);
  const term = rawTerm.trim();
  if (term === '') throw userError('KWIC_NO_TERM', 'the term is empty', 'Give a word to look for, e.g. themes kwic samskaping samples/notes.');
  const terms = parseTerms([term], 'KWIC');
  const read = readDocuments(paths, ctx.io.cwd);
  ctx.report(read.diagnostics);
  // Context lines are quotes too: identifiers are masked unless --allow-identifiers.
  const documents = options.allowIdentifiers ? read.documents : maskUnits(read.documents, ctx, readNameLists(options.names, ctx.io.cwd),
    (d, offset) => ({ paragraphs: d.paragraphs.map((p) => ({ start: offset(p.start, 'start'), end: offset(p.end, 'end') })) }));
  const masked = documents !== read.documents;
  const lines = documents.flatMap(({ doc, text, paragraphs }) => {
    const found = findTerms(text, doc.lang, terms, options.exact);
    return kwic(text, doc.path, [term], masked ? outsideMasks(text, found) : found, options.width, paragraphs);
  });
  if (lines.length === 0) {
    // A name looked for is masked in the context lines: say so, rather than that it is not there.
    // The term once, in one pair of quotes: '"ikke tid"' and «ikke tid» were shown in two.
    const shown = `"${unquoted(term)}"`;
    const hidden = documents === read.documents ? 0 : read.documents.reduce((n, { doc, text }) => n + findTerms(text, doc.lang, terms, options.exact).length, 0);
    ctx.info(hidden > 0
      ? `no occurrences of ${shown} after masking: its ${hidden} occurrence(s) are masked as personal identifiers (add --allow-identifiers on notes you have checked to see them)`
      : `no occurrences of ${shown}`);
  }
  ctx.io.stdout.write(render(lines, options, ctx));
  return read.failed.length > 0 ? EXIT.partial : EXIT.ok;
}

/**
 * The occurrences that are not inside a mask's label: «e-post» would find every `[E-POST]` that
 * masking put in place of an address, «telefon» every `[TELEFON]`, "email" every `[EMAIL]`.
 */
function outsideMasks<O extends { start: number }>(text: string, found: O[]): O[] {
  if (found.length === 0 || !text.includes('[')) return found;
  const labels = new Ranges(text.length);
  MASK_LABELS.lastIndex = 0;
  for (let m = MASK_LABELS.exec(text); m; m = MASK_LABELS.exec(text)) labels.add(m.index, m.index + m[0].length);
  return found.filter((o) => !labels.overlaps(o.start, o.start + 1));
}

function render(lines: KwicLine[], options: KwicOptions, ctx: Context): string {
  switch (options.format) {
    case 'csv':
      return toCsv([['file', 'line', 'column', 'left', 'keyword', 'right'], ...lines.map((l) => [l.file, l.line, l.column, l.left, l.keyword, l.right])], { excel: options.excel });
    case 'json':
      return `${JSON.stringify({ version: JSON_VERSION, tool: toolInfo(), exact: options.exact, lines }, null, 2)}\n`;
    case 'md':
      return `| file:line | left | keyword | right |\n| --- | ---: | :---: | --- |\n${lines.map((l) => `| \`${l.file}:${l.line}\` | ${md(l.left)} | **${md(l.keyword)}** | ${md(l.right)} |`).join('\n')}\n`;
    default: {
      // reduce, not Math.max(...lines): a spread of a million lines overflows the stack.
      const placeWidth = lines.reduce((w, l) => Math.max(w, width(`${l.file}:${l.line}`)), 0);
      const leftWidth = lines.reduce((w, l) => Math.max(w, width(l.left)), 0);
      return lines.map((l) => `${ctx.out.dim(pad(`${l.file}:${l.line}`, placeWidth))}  ${pad(l.left, leftWidth, true)}${ctx.out.bold.cyan(l.keyword)}${l.right}`.trimEnd()).join('\n') + (lines.length ? '\n' : '');
    }
  }
}

function md(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}
