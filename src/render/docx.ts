import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table as DocxTable, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { LabelLang } from '../analysis/labels.js';
import type { Quote } from '../analysis/quotes.js';
import { captions } from './captions.js';
import { attribution, guillemets } from './format.js';
import { formatCell, hasGroups, headerGroups, type FormatOptions, type Table } from './table.js';

export interface DocxInput {
  title: string;
  tables: readonly Table[];
  /** Quotes per code, with the code's label, shown after the tables. */
  quotes: Array<{ code: string; label: string; quotes: Quote[] }>;
  lang: LabelLang;
}

const RULE = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/**
 * The appendix as a Word document: a heading, each table with a caption (Word's Caption style)
 * and a repeating header row, then the quotes in Word's Quote style. Tables are ruled like
 * booktabs (top, header and bottom rules only), which reads well in a thesis.
 */
export async function appendixDocx(input: DocxInput): Promise<Uint8Array> {
  const t = captions(input.lang);
  const f: FormatOptions = { lang: input.lang, comma: input.lang === 'nb', raw: false };
  const children: Array<Paragraph | DocxTable> = [new Paragraph({ text: input.title, heading: HeadingLevel.HEADING_1 })];
  input.tables.forEach((table, n) => {
    children.push(new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun({ text: `${input.lang === 'nb' ? 'Tabell' : 'Table'} ${n + 1}: `, bold: true }), new TextRun(table.caption)] }));
    children.push(docxTable(table, f), new Paragraph({ text: '' }));
  });
  if (input.quotes.some((q) => q.quotes.length > 0)) {
    children.push(new Paragraph({ text: t.quotes, heading: HeadingLevel.HEADING_1 }));
    for (const group of input.quotes) {
      if (group.quotes.length === 0) continue;
      children.push(new Paragraph({ text: `${group.label} (${group.code})`, heading: HeadingLevel.HEADING_2 }));
      for (const q of group.quotes) {
        children.push(new Paragraph({
          style: 'Quote',
          children: [new TextRun(`${guillemets(q.text)} ${attribution(q)}`), new TextRun({ text: `  ${q.file}:${q.line}`, color: '666666', size: 16 })],
        }));
      }
    }
  }
  const doc = new Document({
    title: input.title,
    creator: 'themes',
    styles: {
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, size: 20 }, paragraph: { spacing: { before: 240, after: 120 } } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true }, paragraph: { indent: { left: 567, right: 567 }, spacing: { after: 160 } } },
      ],
    },
    sections: [{ children }],
  });
  return deterministic(await Packer.toBuffer(doc));
}

function docxTable(table: Table, f: FormatOptions): DocxTable {
  const rows: TableRow[] = [];
  const align = (a: string) => (a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  // Only header cells carry their own borders; the table draws the top and bottom rules. Fewer
  // border elements keep large tables fast to write (docx builds an object per XML element).
  const cell = (text: string, opts: { bold?: boolean; alignment: string; span?: number; rule?: boolean; indent?: number }) =>
    new TableCell({
      ...(opts.span && opts.span > 1 ? { columnSpan: opts.span } : {}),
      ...(opts.rule ? { borders: { bottom: THIN } } : {}),
      children: [new Paragraph({
        alignment: align(opts.alignment),
        ...(opts.indent ? { indent: { left: opts.indent * 227 } } : {}),
        children: [new TextRun({ text, bold: opts.bold ?? false, size: 18 })],
      })],
    });
  const grouped = hasGroups(table);
  if (grouped) {
    rows.push(new TableRow({
      tableHeader: true,
      children: headerGroups(table.columns).map((g) => cell(g.label, { bold: true, alignment: 'center', span: g.span, rule: g.label !== '' })),
    }));
  }
  rows.push(new TableRow({
    tableHeader: true,
    children: table.columns.map((c) => cell(c.header, { bold: true, alignment: c.align, rule: true })),
  }));
  table.rows.forEach((row) => {
    rows.push(new TableRow({
      children: row.cells.map((v, i) => {
        const text = formatCell(v, table.columns[i]!, f);
        return cell(text === '–' ? '' : text, {
          alignment: table.columns[i]!.align, bold: i === 0 && row.style !== undefined, ...(i === 0 && row.depth ? { indent: row.depth } : {}),
        });
      }),
    }));
  });
  return new DocxTable({
    rows, width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: RULE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
  });
}

/**
 * The same document gives the same bytes: the zip is rewritten with a fixed file time, and the
 * creation and modification times (optional in core.xml) are left out.
 */
function deterministic(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    let content = data;
    if (name === 'docProps/core.xml') {
      content = strToU8(strFromU8(data).replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, ''));
    }
    out[name] = [content, { mtime: new Date(Date.UTC(1980, 0, 1)) }];
  }
  return zipSync(out, { level: 6 });
}
