import type { LabelLang } from '../analysis/labels.js';
import { formatCell, hasGroups, headerGroups, type Column, type FormatOptions, type Row, type Table } from './table.js';

/** Tables longer than this become a `longtable` that breaks across pages. */
export const LONGTABLE_ROWS = 25;

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}', '&': '\\&', '%': '\\%', '$': '\\$', '#': '\\#', '_': '\\_',
  '{': '\\{', '}': '\\}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}', '✓': '\\checkmark{}',
};

/**
 * Text set safely in LaTeX: the ten special characters escaped in one pass (so the backslash of
 * an escape is never escaped again). Letters such as æ, ø, å, « and » stay as they are: with
 * \usepackage[utf8]{inputenc} and \usepackage[T1]{fontenc} they print as written. Characters
 * those cannot print are spelled in LaTeX or named (see printable).
 */
export function escapeLatex(text: string): string {
  // Composed first (a label typed on macOS may write å as a + ring); [ and ] in braces, since a
  // cell that begins with [ after \\ would be read as the \\[length] of the row before.
  return text.normalize('NFC').replace(/[\\&%$#_{}~^✓]/g, (c) => SPECIALS[c]!).replace(/[[\]]/g, '{$&}').replace(/[^\x20-\x7e\n]/gu, printable);
}

/**
 * Characters that pdflatex with [utf8]{inputenc} and [T1]{fontenc} has no glyph for stop the
 * compile ("Unicode character ≥ not set up"). Those a codebook or a note may well hold get a
 * LaTeX spelling; Sámi ŧ is drawn as t with a stroke.
 */
const SPELLED: Record<string, string> = {
  '\t': ' ', '≥': '$\\geq$', '≤': '$\\leq$', '−': '$-$', '≈': '$\\approx$', '≠': '$\\neq$', '→': '$\\rightarrow$',
  '←': '$\\leftarrow$', '↔': '$\\leftrightarrow$', '∞': '$\\infty$', '…': '\\ldots{}',
  '\u2010': '-', '\u2011': '-', '\u2012': '--', '\u2009': '\\,', '\u202f': '\\,', '\u2007': '~', '\u200a': '\\,', '\u2002': ' ', '\u2003': '\\quad{}', '\u200b': '',
  'ŧ': '\\mbox{t\\kern-.42em\\raisebox{.12ex}{-}\\kern.05em}', 'Ŧ': '\\mbox{T\\kern-.52em\\raisebox{.1ex}{-}\\kern.2em}',
};

/** Latin-1 and Latin Extended-A print as written (but for the few letters T1 lacks), and so does common punctuation. */
function printsAsWritten(c: number): boolean {
  if (c >= 0xa0 && c <= 0x17f) return ![0x126, 0x127, 0x138, 0x13f, 0x140, 0x149, 0x166, 0x167, 0x17f].includes(c);
  return [0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2030, 0x2039, 0x203a, 0x20ac].includes(c);
}

/** One character outside ASCII: as written, spelled in LaTeX, or (an emoji, a rare letter) named by its code point, so the document still compiles. */
function printable(ch: string): string {
  const spelled = SPELLED[ch];
  if (spelled !== undefined) return spelled;
  const c = ch.codePointAt(0)!;
  if (printsAsWritten(c)) return ch;
  return `{[}U+${c.toString(16).toUpperCase().padStart(4, '0')}{]}`;
}

/** The packages a table fragment needs, named in the preamble of `tables.tex` and in each fragment's header. */
export const LATEX_PACKAGES = ['booktabs', 'longtable', 'array', 'graphicx', 'amssymb', 'pdflscape'];

/**
 * A long table with more columns than this (a code × informant matrix of many informants, a
 * cross-tab of many sites) is set on a landscape page: a longtable cannot be scaled down.
 */
export const LANDSCAPE_COLUMNS = 14;

/** Whether a table is set on a landscape page: a long one (a longtable cannot be scaled down) of many columns. */
function onLandscape(table: Table): boolean {
  return table.rows.length > LONGTABLE_ROWS && table.columns.length > LANDSCAPE_COLUMNS;
}

/** Average width of a character in Latin Modern, in em: digits are 0.5 em, most letters less, capitals more. */
const CHAR_EM = 0.5;

/**
 * The column types. Text columns wrap (ragged right) when they share the width with others;
 * numbers never wrap. Wrapping columns share what the numbers leave of the line: the numbers'
 * width is estimated from their longest cell, header or group label (in em of the table's own
 * type size) and taken from \linewidth in TeX, so the table fits whatever line the thesis has
 * (a default article's 345 pt too). When that leaves room, each text column also gets its
 * longest word. Where the numbers would take nearly all of a 345 pt line, the text columns get
 * fixed shares of the line, as before (and a thesis with so many columns needs a wider line).
 */
function columnSpec(table: Table, f: FormatOptions): string {
  const isText = (c: Column) => c.align === 'left' && !c.format;
  const text = table.columns.filter(isText).length;
  const wrap = text > 1 || table.columns.length > 6;
  const plain = (c: Column) => (c.align === 'right' ? 'r' : c.align === 'center' ? 'c' : 'l');
  if (!wrap) return table.columns.map(plain).join('');
  const cellTexts = (i: number) => table.rows.map((r) => formatCell(r.cells[i] ?? null, table.columns[i]!, f));
  // A group label over numbers («Søndre Nordstrand (n = 5)», set on lines of GROUP_LINE
  // characters) takes its share of each column under it.
  const grouped = new Array<number>(table.columns.length).fill(0);
  if (hasGroups(table)) {
    for (const g of headerGroups(table.columns)) {
      const longest = Math.max(0, ...groupLines(g.label).map((l) => l.length));
      for (let i = g.start; i < g.start + g.span; i++) grouped[i] = longest / g.span;
    }
  }
  let numbersEm = 0;
  const wordEm = new Map<number, number>();
  table.columns.forEach((c, i) => {
    if (isText(c)) {
      // Its longest word (bold in the first column, where themes are), so that no word sticks out.
      const longest = Math.max(...[c.header, ...cellTexts(i)].flatMap((t) => t.split(/[\s/-]+/)).map((w) => w.length));
      wordEm.set(i, Math.min(WORD_EM_MAX, Math.ceil(longest * CHAR_EM * (i === 0 ? BOLD : 1) * 2) / 2));
    } else {
      numbersEm += Math.max(c.rotate ? 2 : c.header.length, grouped[i]!, ...cellTexts(i).map((t) => t.length)) * CHAR_EM;
    }
  });
  // Rounded up to half an em, and half an em more: an estimate a hair short made a table 0.1 pt too wide.
  numbersEm = Math.ceil(numbersEm * 2) / 2 + 0.5;
  const wordsEm = [...wordEm.values()].reduce((a, b) => a + b, 0);
  const { pt, tabcolsep } = typeSize(table.columns.length);
  const seps = 2 * table.columns.length;
  const width = new Map<number, string>();
  const line = onLandscape(table) ? NARROW_LANDSCAPE_PT : NARROW_LINE_PT;
  const numbersPt = numbersEm * pt + seps * tabcolsep;
  if (numbersPt + wordsEm * pt <= line) {
    // Each text column gets its longest word and an equal part of what is left of the line.
    for (const [i, em] of wordEm) width.set(i, `\\dimexpr${em}em+(\\linewidth-${numbersEm + wordsEm}em-${seps}\\tabcolsep)/${text}\\relax`);
  } else if (numbersPt <= line - MIN_TEXT_PT * text) {
    // Equal parts of what the numbers leave; a long word may be hyphenated.
    for (const i of wordEm.keys()) width.set(i, `\\dimexpr(\\linewidth-${numbersEm}em-${seps}\\tabcolsep)/${text}\\relax`);
  } else {
    // The numbers alone take most of a narrow line: shares of the line, as on a wider one.
    for (const i of wordEm.keys()) width.set(i, `${fallbackShare(text, table.columns.length - text).toFixed(2)}\\linewidth`);
  }
  // \hspace{0pt}: TeX hyphenates no word that begins a paragraph, and every cell begins one.
  return table.columns.map((c, i) => (width.has(i) ? `>{\\raggedright\\arraybackslash\\hspace{0pt}}p{${width.get(i)}}` : plain(c))).join('');
}

/** Bold type is wider than roman by about this much. */
const BOLD = 1.15;
/** A longer word than this (in em) is left to stick out rather than widen its column further. */
const WORD_EM_MAX = 12;
/** A default article's line, 345 pt: the narrowest a thesis is likely to set tables in. */
const NARROW_LINE_PT = 345;
/** The same page turned (its text height, less a little): the line of a landscape table. */
const NARROW_LANDSCAPE_PT = 520;
/** A text column is measured against the line only if the numbers leave it at least this. */
const MIN_TEXT_PT = 30;

/**
 * The type size of a table by its number of columns, and the space between them: more columns,
 * smaller type and less space (a matrix of 30+ informants). In points, in a 10 pt document.
 */
function typeSize(columns: number): { latex: string; pt: number; tabcolsep: number } {
  if (columns > 30) return { latex: '\\scriptsize\\setlength{\\tabcolsep}{2pt}', pt: 7, tabcolsep: 2 };
  if (columns > 8) return { latex: '\\footnotesize\\setlength{\\tabcolsep}{4pt}', pt: 8, tabcolsep: 4 };
  return { latex: '\\small', pt: 9, tabcolsep: 6 };
}

/** Text columns' share of the line when the numbers are too many to measure against it. */
function fallbackShare(text: number, numeric: number): number {
  return text > 1
    ? Math.max(0.12, Math.min(0.3, (0.78 - 0.07 * numeric) / text))
    : Math.max(0.22, Math.min(0.35, 0.9 - 0.06 * numeric));
}

function header(table: Table): string {
  const lines: string[] = [];
  if (hasGroups(table)) {
    const groups = headerGroups(table.columns);
    lines.push(`${groups.map((g) => (g.label ? `\\multicolumn{${g.span}}{c}{${groupLabel(g.label)}}` : Array(g.span).fill('').join(' & '))).join(' & ')} \\\\`);
    const rules = groups.filter((g) => g.label).map((g) => `\\cmidrule(lr){${g.start + 1}-${g.start + g.span}}`).join(' ');
    if (rules) lines.push(rules);
  }
  lines.push(`${table.columns.map(headCell).join(' & ')} \\\\`);
  return lines.join('\n');
}

/** Longest line of a group label, in characters: about the width of the two numbers under it. */
const GROUP_LINE = 12;

/**
 * "arbeidsgiver (n = 5)" set on two lines, and a long value ("Søndre Nordstrand bydel") broken
 * between its words, so a group is not much wider than the two numbers under it: eight sites
 * side by side made the cross-tab 73 pt wider than a landscape page.
 */
function groupLabel(label: string): string {
  const lines = groupLines(label);
  return lines.length > 1 ? `\\begin{tabular}[b]{@{}c@{}}${lines.map(escapeLatex).join('\\\\')}\\end{tabular}` : escapeLatex(label);
}

/** A group label's lines: its words on lines of GROUP_LINE characters, then its «(n = 5)». */
function groupLines(label: string): string[] {
  if (!label) return [];
  const m = /^(.*\S) (\(n = \d+\))$/.exec(label);
  return m ? [...wrapWords(m[1]!, GROUP_LINE), m[2]!] : wrapWords(label, GROUP_LINE);
}

/** Words gathered greedily into lines of at most `width` characters (a longer word is a line of its own). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function headCell(c: Column): string {
  const text = escapeLatex(c.header);
  return c.rotate ? `\\rotatebox{90}{${text}}` : text;
}

function body(table: Table, f: FormatOptions): string {
  return table.rows.map((row) => `${row.cells.map((v, i) => bodyCell(row, i, formatCell(v, table.columns[i]!, f))).join(' & ')} \\\\`).join('\n');
}

function bodyCell(row: Row, i: number, text: string): string {
  let s = escapeLatex(text === '–' ? '' : text);
  if (i === 0) {
    if (row.style && s) s = `\\textbf{${s}}`;
    if (row.depth && s) s = `\\hspace*{${row.depth}em}${s}`;
  }
  return s;
}

/**
 * One table as a LaTeX fragment for \input: `table` + `tabular` with booktabs rules, or a
 * `longtable` (repeating its header on every page) when it has more than LONGTABLE_ROWS rows.
 */
export function tableLatex(table: Table, options: Pick<FormatOptions, 'lang'>): string {
  const f: FormatOptions = { lang: options.lang, comma: options.lang === 'nb', raw: false };
  const spec = columnSpec(table, f);
  // Many columns: smaller type and less space between columns (a matrix of 30+ informants).
  const size = typeSize(table.columns.length).latex;
  const caption = `\\caption{${escapeLatex(table.caption)}}\\label{tab:${table.id}}`;
  const head = `% themes: ${table.id}. Needs \\usepackage{${LATEX_PACKAGES.join(',')}}; with pdflatex [utf8]{inputenc} and [T1]{fontenc}, with lualatex or xelatex fontspec.\n`;
  if (table.rows.length > LONGTABLE_ROWS) {
    const wide = onLandscape(table);
    return `${head}${wide ? '\\begin{landscape}\n' : ''}{${size}
\\begin{longtable}{${spec}}
${caption} \\\\
\\toprule
${header(table)}
\\midrule
\\endfirsthead
\\toprule
${header(table)}
\\midrule
\\endhead
\\bottomrule
\\endlastfoot
${body(table, f)}
\\end{longtable}
}
${wide ? '\\end{landscape}\n' : ''}`;
  }
  return `${head}\\begin{table}[htbp]
\\centering
${size}
${caption}
% Scaled down only when wider than the text (many columns, long group labels).
\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%
\\begin{tabular}{${spec}}
\\toprule
${header(table)}
\\midrule
${body(table, f)}
\\bottomrule
\\end{tabular}%
}
\\end{table}
`;
}

/** A complete document that \input-s every table fragment: compile it to check the appendix, or copy its preamble. */
export function latexDocument(tables: readonly Table[], lang: LabelLang): string {
  // lualatex and xelatex read UTF-8 themselves and need Unicode fonts: with T1 fontenc they would
  // set « as ń and drop – and č without an error.
  return `% Generated by themes. Compile with pdflatex, lualatex or xelatex; the table files can be \\input into a thesis as they are.
\\documentclass[a4paper]{article}
\\usepackage{iftex}
\\ifPDFTeX
  \\usepackage[utf8]{inputenc}
  \\usepackage[T1]{fontenc}
  \\usepackage{lmodern}
\\else
  \\usepackage{fontspec}
\\fi
\\usepackage[margin=2.5cm]{geometry}
\\usepackage{${LATEX_PACKAGES.join(',')}}
${lang === 'nb' ? '\\renewcommand{\\tablename}{Tabell}\n' : ''}\\begin{document}
${tables.map((t) => `\\input{${t.id}}`).join('\n')}
\\end{document}
`;
}
