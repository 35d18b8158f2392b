import {
  AlignmentType, BorderStyle, Document, HeadingLevel, HeightRule, Packer, PageOrientation, Paragraph, Table as DocxTable, TableCell, TableRow,
  TextDirection, TextRun, VerticalAlignTable, WidthType, XmlAttributeComponent, XmlComponent, type ISectionOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { LabelLang } from '../analysis/labels.js';
import type { Lang } from '../model.js';
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
  /** The codebook's language: a Norwegian appendix is nynorsk (nn-NO) when the codebook is, bokmål (nb-NO) otherwise. */
  codebookLang?: Lang;
}

/** The document's language for Word's spelling and hyphenation: en-GB, nn-NO or nb-NO. */
export function wordLanguage(lang: LabelLang, codebookLang?: Lang): string {
  return lang === 'en' ? 'en-GB' : codebookLang === 'nn' ? 'nn-NO' : 'nb-NO';
}

/**
 * A caption's number as Word writes it: a SEQ field named as the caption label Word uses in that
 * language (Tabell in Norwegian Word, Table in English), so that its cross-reference dialog
 * lists them with the user's own captions (fldChar begin, instruction, separate,
 * the number, end) with the number as its last result, so Word renumbers the tables and offers
 * them for a cross-reference, and a reader that does not compute fields (LibreOffice, mammoth)
 * still shows the number. A complex field rather than w:fldSimple, which mammoth drops.
 */
function captionNumber(n: number, label: string): TextRun[] {
  return [
    new TextRun({ bold: true, children: [new FieldChar('begin'), new InstrText(` SEQ ${label} \\* ARABIC `), new FieldChar('separate')] }),
    new TextRun({ text: String(n), bold: true }),
    new TextRun({ bold: true, children: [new FieldChar('end')] }),
  ];
}

class FieldCharAttributes extends XmlAttributeComponent<{ type: string }> {
  protected override readonly xmlKeys = { type: 'w:fldCharType' };
}

class FieldChar extends XmlComponent {
  constructor(type: 'begin' | 'separate' | 'end') {
    super('w:fldChar');
    this.root.push(new FieldCharAttributes({ type }));
  }
}

class SpaceAttributes extends XmlAttributeComponent<{ space: string }> {
  protected override readonly xmlKeys = { space: 'xml:space' };
}

class InstrText extends XmlComponent {
  constructor(instruction: string) {
    super('w:instrText');
    this.root.push(new SpaceAttributes({ space: 'preserve' }));
    this.root.push(instruction);
  }
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
  input.tables.forEach((whole, n) => {
    // A matrix of many informants in parts of a landscape page each, numbered as one table.
    const parts = matrixParts(whole, input.lang);
    parts.forEach((table, k) => {
      const { widths, landscape } = columnLayout(table);
      if (sections[sections.length - 1]!.landscape !== landscape) sections.push({ landscape, children: [] });
      const children = sections[sections.length - 1]!.children;
      const label = input.lang === 'nb' ? 'Tabell' : 'Table';
      const number = k === 0 ? captionNumber(n + 1, label) : [new TextRun({ text: String(n + 1), bold: true })];
      children.push(new Paragraph({
        style: 'Caption', keepNext: true,
        children: [new TextRun({ text: `${label} `, bold: true }), ...number, new TextRun({ text: ': ', bold: true }), new TextRun(table.caption)],
      }));
      children.push(docxTable(table, f, widths), new Paragraph({ text: '' }));
    });
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
          children: [new TextRun(`${excerptText(q, input.lang)} ${attribution(q, input.lang)}`), new TextRun({ text: `  ${q.file}:${q.line}`, color: '666666', size: 16 })],
        }));
      }
    }
  }
  const doc = new Document({
    title: input.title,
    creator: 'themes',
    styles: {
      // The language Word spell-checks and hyphenates in (it took the user's own, English in most).
      default: { document: { run: { language: { value: wordLanguage(input.lang, input.codebookLang) } } } },
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
  const widths = table.columns.map((c) => (isText(c) ? 0 : numberWidth(c)));
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

/** The least width of the code column of the code × informant matrix: about 6 cm, so that labels break between words. */
const MATRIX_CODE_COLUMN = 3400;
/** An informant's column: a digit or ✓ wide, and the height of a line of 9 pt set sideways, with its narrow cell margins. */
const ROTATED_COLUMN = 480;
/** Cell margins of the narrow informant columns, in twips (Word's default is 108 on each side: 216 of 480). */
const NARROW_MARGIN = 30;

/**
 * The code × informant matrix in parts of as many informants as a landscape page holds beside a
 * code column of MATRIX_CODE_COLUMN, each part with the codes and captioned «del 1 av 2», as
 * the HTML report prints it; the total column in the last part. 36 informants in one table left
 * each 316 twips (the rotated names cut) and the codes 2.8 cm, broken in the middle of words.
 * Other tables, and a matrix that fits, are one part.
 */
export function matrixParts(table: Table, lang: LabelLang): Table[] {
  const informants = table.columns.flatMap((c, i) => (c.rotate ? [i] : []));
  if (informants.length === 0) return [table];
  const others = table.columns.flatMap((c, i) => (c.rotate || i === 0 ? [] : [i]));
  const othersWidth = others.reduce((a, i) => a + numberWidth(table.columns[i]!), 0);
  const most = Math.max(1, Math.floor((LANDSCAPE_TEXT_WIDTH - MATRIX_CODE_COLUMN - othersWidth) / ROTATED_COLUMN));
  if (informants.length <= most) return [table];
  const count = Math.ceil(informants.length / most);
  const size = Math.ceil(informants.length / count);
  return Array.from({ length: count }, (_, k) => {
    const keep = [0, ...informants.slice(k * size, (k + 1) * size), ...(k === count - 1 ? others : [])];
    return {
      ...table,
      caption: `${table.caption} (${captions(lang).part(k + 1, count)})`,
      columns: keep.map((i) => table.columns[i]!),
      rows: table.rows.map((r) => ({ ...r, cells: keep.map((i) => r.cells[i] ?? null) })),
    };
  });
}

/** A number column's width in twips: as wide as its header needs. */
function numberWidth(c: Table['columns'][number]): number {
  return c.rotate ? ROTATED_COLUMN : Math.min(1600, Math.max(700, 110 * c.header.length + 300));
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
  const cell = (text: string, opts: { bold?: boolean; alignment: string; span?: number; rule?: boolean; indent?: number; rotate?: boolean; narrow?: boolean; keepNext?: boolean }) =>
    new TableCell({
      ...(opts.span && opts.span > 1 ? { columnSpan: opts.span } : {}),
      ...(opts.rule ? { borders: { bottom: THIN } } : {}),
      // Read from the bottom up, as the LaTeX matrix's \rotatebox{90}: a column a digit wide.
      ...(opts.rotate ? { textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT, verticalAlign: VerticalAlignTable.BOTTOM } : {}),
      ...(opts.narrow ? { margins: { left: NARROW_MARGIN, right: NARROW_MARGIN } } : {}),
      children: [new Paragraph({
        alignment: align(opts.alignment),
        ...(opts.indent ? { indent: { left: opts.indent * 227 } } : {}),
        // A header row keeps with the row after it, so it never ends a page alone.
        ...(opts.keepNext ? { keepNext: true } : {}),
        children: [new TextRun({ text, bold: opts.bold ?? false, size: 18 })],
      })],
    });
  const grouped = hasGroups(table);
  if (grouped) {
    rows.push(new TableRow({
      tableHeader: true,
      cantSplit: true,
      // «(n = 5)» with no-break spaces: Word broke «arbeidsgiver (n =» from «5)».
      children: headerGroups(table.columns).map((g) => cell(g.label.replace(/\(n = (\d+)\)/g, '(n\u00a0=\u00a0$1)'), {
        bold: true, alignment: 'center', span: g.span, rule: g.label !== '', keepNext: true,
      })),
    }));
  }
  const rotated = rotatedHeaderHeight(table);
  rows.push(new TableRow({
    tableHeader: true,
    cantSplit: true,
    ...(rotated > 0 ? { height: { value: rotated, rule: HeightRule.ATLEAST } } : {}),
    children: table.columns.map((c) => cell(c.header, { bold: true, alignment: c.rotate ? 'left' : c.align, rule: true, rotate: c.rotate ?? false, narrow: c.rotate ?? false, keepNext: true })),
  }));
  table.rows.forEach((row) => {
    rows.push(new TableRow({
      // A row is not split across pages: half a wrapped label on one page, its numbers on the next.
      cantSplit: true,
      children: row.cells.map((v, i) => {
        const text = formatCell(v, table.columns[i]!, f);
        return cell(text === '–' ? '' : text, {
          alignment: table.columns[i]!.align, bold: i === 0 && row.style !== undefined, ...(i === 0 && row.depth ? { indent: row.depth } : {}),
          narrow: table.columns[i]!.rotate ?? false,
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
