import {
  AlignmentType, BorderStyle, Document, HeadingLevel, HeightRule, Packer, PageOrientation, Paragraph, Table as DocxTable, TableCell, TableRow,
  TextDirection, TextRun, VerticalAlignTable, WidthType, type ISectionOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { LabelLang } from '../analysis/labels.js';
import type { Quote } from '../analysis/quotes.js';
import { captions } from './captions.js';
import { attribution, excerptText, guillemets } from './format.js';
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
  // Sections of pages: a table too wide for a portrait page gets a landscape one of its own.
  const sections: Array<{ landscape: boolean; children: Array<Paragraph | DocxTable> }> = [
    { landscape: false, children: [new Paragraph({ text: input.title, heading: HeadingLevel.HEADING_1 })] },
  ];
  input.tables.forEach((table, n) => {
    const { widths, landscape } = columnLayout(table);
    if (sections[sections.length - 1]!.landscape !== landscape) sections.push({ landscape, children: [] });
    const children = sections[sections.length - 1]!.children;
    children.push(new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun({ text: `${input.lang === 'nb' ? 'Tabell' : 'Table'} ${n + 1}: `, bold: true }), new TextRun(table.caption)] }));
    children.push(docxTable(table, f, widths), new Paragraph({ text: '' }));
  });
  if (sections[sections.length - 1]!.landscape) sections.push({ landscape: false, children: [] });
  const children = sections[sections.length - 1]!.children;
  if (input.quotes.some((q) => q.quotes.length > 0)) {
    children.push(new Paragraph({ text: t.quotes, heading: HeadingLevel.HEADING_1 }));
    for (const group of input.quotes) {
      if (group.quotes.length === 0) continue;
      children.push(new Paragraph({ text: `${group.label} (${group.code})`, heading: HeadingLevel.HEADING_2 }));
      for (const q of group.quotes) {
        children.push(new Paragraph({
          style: 'Quote',
          children: [new TextRun(`${excerptText(q)} ${attribution(q, input.lang)}`), new TextRun({ text: `  ${q.file}:${q.line}`, color: '666666', size: 16 })],
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
    sections: sections.filter((x) => x.children.length > 0).map((x): ISectionOptions => ({
      ...(x.landscape ? { properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } } } : {}),
      children: x.children,
    })),
  });
  return deterministic(await Packer.toBuffer(doc));
}

/** A4 with the docx package's margins of 2.54 cm, in twips (1/1440 inch). */
const PORTRAIT_TEXT_WIDTH = 11906 - 2 * 1440;
const LANDSCAPE_TEXT_WIDTH = 16838 - 2 * 1440;
/** Narrowest a label column may be before its words break in the middle. */
const MIN_TEXT_COLUMN = 2400;

/**
 * Column widths in twips, and whether the table needs a landscape page. Numbers get what their
 * header needs (a rotated header, as the code × informant matrix has, only a digit's width);
 * label columns share the rest of the page by how long their texts run (a code's label needs
 * more room than its id), and never less than MIN_TEXT_COLUMN. A table whose columns do not fit
 * a portrait page at those widths gets a landscape one. Without widths Word and LibreOffice give
 * every column the same share, and a 14-informant matrix sets its labels two letters a line.
 */
export function columnLayout(table: Table): { widths: number[]; landscape: boolean } {
  const isText = (c: Table['columns'][number]) => c.align === 'left' && !c.format;
  const widths = table.columns.map((c) => (isText(c) ? 0 : c.rotate ? 480 : Math.min(1600, Math.max(700, 110 * c.header.length + 300))));
  const used = widths.reduce((a, b) => a + b, 0);
  const text = table.columns.flatMap((c, i) => (isText(c) ? [i] : []));
  const landscape = used + MIN_TEXT_COLUMN * text.length > PORTRAIT_TEXT_WIDTH;
  const need = new Map(text.map((i) => [i, Math.min(40, Math.max(8, table.columns[i]!.header.length, ...table.rows.map((r) => String(r.cells[i] ?? '').length)))]));
  // Share the rest by need; a column that would fall under the minimum gets the minimum, and
  // the others share what is left, until every share is at least the minimum.
  let rest = Math.max(0, (landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH) - used);
  let open = [...text];
  for (;;) {
    const total = open.reduce((a, i) => a + need.get(i)!, 0);
    const small = open.filter((i) => (rest * need.get(i)!) / total < MIN_TEXT_COLUMN);
    if (small.length === 0 || small.length === open.length) {
      for (const i of open) widths[i] = small.length === 0 ? Math.floor((rest * need.get(i)!) / total) : MIN_TEXT_COLUMN;
      break;
    }
    for (const i of small) widths[i] = MIN_TEXT_COLUMN;
    rest -= MIN_TEXT_COLUMN * small.length;
    open = open.filter((i) => !small.includes(i));
  }
  // Wider than a landscape page even so (30 informants and more): every column shrinks alike.
  const total = widths.reduce((a, b) => a + b, 0);
  if (total > LANDSCAPE_TEXT_WIDTH) return { widths: widths.map((w) => Math.floor((w * LANDSCAPE_TEXT_WIDTH) / total)), landscape };
  return { widths, landscape };
}

/** The height a header row of rotated headers needs, in twips: its longest header at 9 pt. */
function rotatedHeaderHeight(table: Table): number {
  const longest = Math.max(0, ...table.columns.filter((c) => c.rotate).map((c) => c.header.length));
  return longest === 0 ? 0 : 300 + 110 * longest;
}

function docxTable(table: Table, f: FormatOptions, widths: number[]): DocxTable {
  const rows: TableRow[] = [];
  const align = (a: string) => (a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  // Only header cells carry their own borders; the table draws the top and bottom rules. Fewer
  // border elements keep large tables fast to write (docx builds an object per XML element).
  const cell = (text: string, opts: { bold?: boolean; alignment: string; span?: number; rule?: boolean; indent?: number; rotate?: boolean }) =>
    new TableCell({
      ...(opts.span && opts.span > 1 ? { columnSpan: opts.span } : {}),
      ...(opts.rule ? { borders: { bottom: THIN } } : {}),
      // Read from the bottom up, as the LaTeX matrix's \rotatebox{90}: a column a digit wide.
      ...(opts.rotate ? { textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT, verticalAlign: VerticalAlignTable.BOTTOM } : {}),
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
  const rotated = rotatedHeaderHeight(table);
  rows.push(new TableRow({
    tableHeader: true,
    ...(rotated > 0 ? { height: { value: rotated, rule: HeightRule.ATLEAST } } : {}),
    children: table.columns.map((c) => cell(c.header, { bold: true, alignment: c.rotate ? 'left' : c.align, rule: true, rotate: c.rotate ?? false })),
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
    rows, width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: widths,
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
    // A local time: fflate writes the zip's local date fields, so a UTC date became 1979 (refused) west of UTC and 01:00 in Oslo.
    out[name] = [content, { mtime: new Date(1980, 0, 1, 0, 0, 0) }];
  }
  return zipSync(out, { level: 6 });
}
