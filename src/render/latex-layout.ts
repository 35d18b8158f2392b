// How a LaTeX table is laid out: its column widths, type size, and whether it is a float or a
// longtable, estimated from its texts for the narrowest line a thesis is likely to have.
import { formatCell, hasGroups, headerGroups, type Column, type FormatOptions, type Table } from './table.js';

/** Tables longer than this become a `longtable` that breaks across pages. */
export const LONGTABLE_ROWS = 25;

/**
 * A long table with more columns than this (a code × informant matrix of many informants, a
 * cross-tab of many sites) is set on a landscape page: a longtable cannot be scaled down.
 */
export const LANDSCAPE_COLUMNS = 14;

/** Whether a table breaks across pages: many rows, or rows whose labels wrap to many lines. */
export function isLong(table: Table, lines: readonly number[]): boolean {
  return table.rows.length > LONGTABLE_ROWS || headerLines(table) + lines.reduce((a, b) => a + b, 0) > LONGTABLE_LINES;
}

/**
 * A float of more lines than this, caption and header included, is a `longtable` instead: a
 * 12 pt report's page holds about 43 lines of its \small type, a 10 pt article's 50. The
 * lines are an estimate (words wrapped on the narrowest line), so it is left some room.
 */
export const LONGTABLE_LINES = 40;

/** The lines a table's caption, rules and header take: group labels, and headers set sideways as tall as they are long. */
function headerLines(table: Table): number {
  const groups = hasGroups(table) ? Math.max(1, ...headerGroups(table.columns).map((g) => groupLines(g.label).length)) : 0;
  const sideways = Math.max(0, ...table.columns.filter((c) => c.rotate).map((c) => Math.ceil((c.header.length * CHAR_EM) / 1.2)));
  return 3 + groups + Math.max(1, sideways);
}

/** Whether a table is set on a landscape page: a long one (a longtable cannot be scaled down) of many columns. */
export function onLandscape(table: Table): boolean {
  return table.rows.length > LONGTABLE_ROWS && table.columns.length > LANDSCAPE_COLUMNS;
}

/** Average width of a character in Latin Modern, in em: digits are 0.5 em, most letters less, capitals more. */
const CHAR_EM = 0.5;

export interface Layout {
  /** The column types, for \begin{tabular} or \begin{longtable}. */
  spec: string;
  /** The type size and column space: what the column count allows, smaller where the numbers would not leave the labels room. */
  size: TypeSize;
  /** Each row's estimated number of lines, its text wrapped in its column on the narrowest line. */
  lines: number[];
}

/**
 * The column types. Text columns wrap (ragged right) when they share the width with others;
 * numbers never wrap. Wrapping columns share what the numbers leave of the line: the numbers'
 * width is estimated from their longest cell, header or group label (in em of the table's own
 * type size) and taken from \linewidth in TeX, so the table fits whatever line the thesis has
 * (a default article's 345 pt, a 12 pt report's 390 pt). Numbers under a group label are set in
 * columns of a fixed width that share the label, so a label wider than its numbers widens each of
 * them alike and the table's width is what was estimated. Where the numbers leave the text too
 * little room, the type gets smaller (down to \tiny); only then do the text columns get fixed
 * shares of the line. When there is room, each text column gets its longest word; the rest is
 * shared by how long its longest cell is, so a column of short ids does not take half of it.
 */
export function layout(table: Table, f: FormatOptions): Layout {
  const isText = (c: Column) => c.align === 'left' && !c.format;
  const textCols = table.columns.flatMap((c, i) => (isText(c) ? [i] : []));
  const text = textCols.length;
  const wrap = text > 1 || table.columns.length > 6;
  const plain = (c: Column) => (c.align === 'right' ? 'r' : c.align === 'center' ? 'c' : 'l');
  const cellTexts = (i: number) => table.rows.map((r) => formatCell(r.cells[i] ?? null, table.columns[i]!, f));
  let sizeIndex = defaultSize(table.columns.length);
  if (!wrap) {
    return { spec: table.columns.map(plain).join(''), size: SIZES[sizeIndex]!, lines: table.rows.map(() => 1) };
  }
  // A group label over numbers («Søndre Nordstrand (n = 5)», set on lines of GROUP_LINE
  // characters) takes its share of each column under it.
  const grouped = new Array<number>(table.columns.length).fill(0);
  const inGroup = new Array<boolean>(table.columns.length).fill(false);
  if (hasGroups(table)) {
    for (const g of headerGroups(table.columns)) {
      if (!g.label) continue;
      const longest = Math.max(0, ...groupLines(g.label).map(textEm));
      for (let i = g.start; i < g.start + g.span; i++) {
        grouped[i] = longest / g.span;
        inGroup[i] = true;
      }
    }
  }
  const numberEm = new Map<number, number>();
  const wordEm = new Map<number, number>();
  const cellEm = new Map<number, number>();
  table.columns.forEach((c, i) => {
    if (isText(c)) {
      const texts = [c.header, ...cellTexts(i)];
      // Its longest word (bold in the first column, where themes are), so that no word sticks out.
      const bold = i === 0 ? BOLD : 1;
      const longest = Math.max(...texts.flatMap((t) => t.split(/[\s/-]+/)).map((w) => w.length));
      wordEm.set(i, Math.min(WORD_EM_MAX, Math.ceil(longest * CHAR_EM * bold * 2) / 2));
      const depth = i === 0 ? Math.max(0, ...table.rows.map((r) => r.depth ?? 0)) : 0;
      cellEm.set(i, Math.max(...texts.map((t) => t.length)) * CHAR_EM * bold + depth);
    } else {
      if (inGroup[i]) {
        // A fixed width: measured a little more closely, for the label over it is shared out exactly.
        const em = Math.max(textEm(c.header), grouped[i]!, ...cellTexts(i).map(textEm));
        numberEm.set(i, Math.ceil((em + 0.15) * 10) / 10);
      } else {
        // Half an em a character, or the closer measure where that is more: «Segmenter» and
        // «Informanter» are wider than that (13.2 em for 13 of the frequency table's numbers).
        const em = (t: string) => Math.max(t.length * CHAR_EM, textEm(t));
        numberEm.set(i, Math.max(c.rotate ? 2 * CHAR_EM : em(c.header), ...cellTexts(i).map(em)));
      }
    }
  });
  // Rounded up to half an em, and half an em more: an estimate a hair short made a table 0.1 pt too wide.
  const numbersEm = Math.ceil([...numberEm.values()].reduce((a, b) => a + b, 0) * 2) / 2 + 0.5;
  const wordsEm = [...wordEm.values()].reduce((a, b) => a + b, 0);
  const seps = 2 * table.columns.length;
  const line = onLandscape(table) ? NARROW_LANDSCAPE_PT : NARROW_LINE_PT;
  const numbersPt = (s: TypeSize) => numbersEm * s.pt + seps * s.tabcolsep;
  // Smaller type while the numbers leave the text columns less than MIN_TEXT_EM each (half that
  // before \tiny, which is hard to read), and \footnotesize rather than \small where the text
  // columns' longest words would not fit.
  const tooWide = (k: number) => {
    const s = SIZES[k]!;
    return numbersPt(s) + minTextEm(k) * s.pt * text > line || (k === 0 && numbersPt(s) + wordsEm * s.pt > line);
  };
  // A float is scaled down to the line besides, so its type stops at \scriptsize; a longtable cannot be.
  const smallest = table.rows.length > LONGTABLE_ROWS ? SIZES.length - 1 : 2;
  while (sizeIndex < smallest && tooWide(sizeIndex)) sizeIndex++;
  const size = SIZES[sizeIndex]!;
  const lineEm = (line - seps * size.tabcolsep) / size.pt;
  // The rest of the line is shared by how much more than its longest word each column's longest cell needs.
  const need = new Map(textCols.map((i) => [i, Math.max(1, cellEm.get(i)! - (wordEm.get(i) ?? 0))]));
  const needTotal = [...need.values()].reduce((a, b) => a + b, 0);
  const share = (i: number) => Number((need.get(i)! / needTotal).toFixed(3));
  const width = new Map<number, string>();
  const estimate = new Map<number, number>();
  if (numbersPt(size) + wordsEm * size.pt <= line) {
    for (const [i, em] of wordEm) {
      width.set(i, `\\dimexpr${em}em+(\\linewidth-${numbersEm + wordsEm}em-${seps}\\tabcolsep)*${Math.round(share(i) * 1000)}/1000\\relax`);
      estimate.set(i, em + (lineEm - numbersEm - wordsEm) * share(i));
    }
  } else if (numbersPt(size) + minTextEm(sizeIndex) * size.pt * text <= line) {
    // Shares of what the numbers leave, but a column whose share would be narrower than its
    // longest word gets that word, and the others share the rest; a long word may be hyphenated.
    const fixed = new Map<number, number>();
    for (;;) {
      const open = textCols.filter((i) => !fixed.has(i));
      const rest = lineEm - numbersEm - [...fixed.values()].reduce((a, b) => a + b, 0);
      const openNeed = open.reduce((a, i) => a + need.get(i)!, 0);
      const narrow = open.filter((i) => (rest * need.get(i)!) / openNeed < wordEm.get(i)!);
      if (narrow.length === 0 || narrow.length === open.length) break;
      for (const i of narrow) fixed.set(i, wordEm.get(i)!);
    }
    const fixedEm = [...fixed.values()].reduce((a, b) => a + b, 0);
    const open = textCols.filter((i) => !fixed.has(i));
    const openNeed = open.reduce((a, i) => a + need.get(i)!, 0);
    for (const i of textCols) {
      const part = Math.round((need.get(i)! / openNeed) * 1000);
      width.set(i, fixed.has(i) ? `${fixed.get(i)}em` : `\\dimexpr(\\linewidth-${numbersEm + fixedEm}em-${seps}\\tabcolsep)*${part}/1000\\relax`);
      estimate.set(i, fixed.get(i) ?? ((lineEm - numbersEm - fixedEm) * part) / 1000);
    }
  } else {
    // The numbers alone take most of the line even in \tiny: shares of the line, as on a wider one.
    for (const i of wordEm.keys()) {
      const s = fallbackShare(text, table.columns.length - text);
      width.set(i, `${s.toFixed(2)}\\linewidth`);
      estimate.set(i, (s * line) / size.pt);
    }
  }
  // \hspace{0pt}: TeX hyphenates no word that begins a paragraph, and every cell begins one.
  const spec = table.columns.map((c, i) => {
    if (width.has(i)) return `>{\\raggedright\\arraybackslash\\hspace{0pt}}p{${width.get(i)}}`;
    if (inGroup[i]) return `>{${c.align === 'center' ? '\\centering' : '\\raggedleft'}\\arraybackslash}p{${numberEm.get(i)}em}`;
    return plain(c);
  }).join('');
  const lines = table.rows.map((row) => Math.max(1, ...textCols.map((i) => {
    const s = formatCell(row.cells[i] ?? null, table.columns[i]!, f);
    const indent = i === 0 ? row.depth ?? 0 : 0;
    return s ? wrappedLines(s, (estimate.get(i)! - indent) / (CHAR_EM * (i === 0 && row.style ? BOLD : 1))) : 1;
  })));
  return { spec, size, lines };
}

/** A text's width in em in Latin Modern, closer than CHAR_EM: capitals and m, w are wider, i, l, t and points narrower. */
function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += /[MW%]/.test(ch) ? 0.95 : /[A-ZÆØÅ]/.test(ch) ? 0.72 : /[mw]/.test(ch) ? 0.8 : /[ijlft.,:;()' ]/.test(ch) ? 0.28 : 0.5;
  return em;
}

/** How many lines a text takes, its words gathered greedily into lines of `chars` characters. */
function wrappedLines(text: string, chars: number): number {
  return wrapWords(text, Math.max(1, Math.floor(chars))).length;
}

/** Bold type is wider than roman by about this much. */
const BOLD = 1.15;
/** A longer word than this (in em) is left to stick out rather than widen its column further. */
const WORD_EM_MAX = 12;
/**
 * The narrowest line a thesis is likely to set tables in, in points of a 12 pt document (whose
 * \footnotesize is 10 pt): a 12 pt memoir's 383 pt, or a default 10 pt article's 345 pt, which
 * holds as many characters of its smaller type.
 */
const NARROW_LINE_PT = 380;
/** The same pages turned (an 11 pt article's 541 pt of its smaller type, a 12 pt report's 592 pt): the line of a landscape table. */
const NARROW_LANDSCAPE_PT = 585;
/** Room a text column is left at the least, in em of the table's type, before the type gets smaller. */
const MIN_TEXT_EM = 8;

/** The least room of a text column at a type size: half as much in \scriptsize, before the type gets \tiny. */
function minTextEm(sizeIndex: number): number {
  return sizeIndex >= 2 ? MIN_TEXT_EM / 2 : MIN_TEXT_EM;
}

export interface TypeSize {
  latex: string;
  /** Width of an em in a 12 pt document (Computer Modern and Latin Modern widen their small sizes). */
  pt: number;
  tabcolsep: number;
}

/** More columns, smaller type and less space between them. */
const SIZES: TypeSize[] = [
  { latex: '\\small', pt: 11, tabcolsep: 6 },
  { latex: '\\footnotesize\\setlength{\\tabcolsep}{4pt}', pt: 10, tabcolsep: 4 },
  { latex: '\\scriptsize\\setlength{\\tabcolsep}{2pt}', pt: 9.25, tabcolsep: 2 },
  { latex: '\\tiny\\setlength{\\tabcolsep}{1.5pt}', pt: 7.2, tabcolsep: 1.5 },
];

/** The type size a table of this many columns starts from (a matrix of 30+ informants in \scriptsize). */
function defaultSize(columns: number): number {
  if (columns > 30) return 2;
  if (columns > 8) return 1;
  return 0;
}

/** Text columns' share of the line when the numbers are too many to measure against it. */
function fallbackShare(text: number, numeric: number): number {
  return text > 1
    ? Math.max(0.12, Math.min(0.3, (0.78 - 0.07 * numeric) / text))
    : Math.max(0.22, Math.min(0.35, 0.9 - 0.06 * numeric));
}

/** Longest line of a group label, in characters: about the width of the two numbers under it. */
const GROUP_LINE = 10;

/** A group label's lines: its words on lines of GROUP_LINE characters, then its «(n = 5)». */
export function groupLines(label: string): string[] {
  if (!label) return [];
  const m = /^(.*\S) (\(n = \d+\))$/.exec(label);
  return m ? [...wrapWords(m[1]!, GROUP_LINE), m[2]!] : wrapWords(label, GROUP_LINE);
}

/** Words gathered greedily into lines of at most `width` characters (a longer word is a line of its own; a word may break after its hyphen). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const parts = word.length > width ? word.split(/(?<=-)(?=.)/) : [word];
    parts.forEach((part, k) => {
      const last = lines[lines.length - 1];
      const joined = k > 0 ? `${last}${part}` : `${last} ${part}`;
      if (last !== undefined && joined.length <= width) lines[lines.length - 1] = joined;
      else lines.push(part);
    });
  }
  return lines;
}
