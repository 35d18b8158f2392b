import type { LabelLang } from '../analysis/labels.js';
import { groupLines, isLong, layout, onLandscape } from './latex-layout.js';
import { formatCell, hasGroups, headerGroups, type Column, type FormatOptions, type Row, type Table } from './table.js';

export { LANDSCAPE_COLUMNS, LONGTABLE_LINES, LONGTABLE_ROWS } from './latex-layout.js';


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

/**
 * "arbeidsgiver (n = 5)" set on two lines, and a long value ("Søndre Nordstrand bydel") broken
 * between its words, so a group is not much wider than the two numbers under it: eight sites
 * side by side made the cross-tab 73 pt wider than a landscape page.
 */
function groupLabel(label: string): string {
  // «(n = 5)» with ties (~), so that it never breaks.
  const lines = groupLines(label).map((l) => escapeLatex(l).replace(/\(n = (\d+)\)/g, '(n~=~$1)'));
  return lines.length > 1 ? `\\begin{tabular}[b]{@{}c@{}}${lines.join('\\\\')}\\end{tabular}` : lines[0] ?? '';
}

function headCell(c: Column): string {
  const text = escapeLatex(c.header);
  return c.rotate ? `\\rotatebox{90}{${text}}` : text;
}

function body(table: Table, f: FormatOptions, wrapsFirst: boolean): string {
  return table.rows.map((row) => `${row.cells.map((v, i) => bodyCell(row, i, formatCell(v, table.columns[i]!, f), wrapsFirst)).join(' & ')} \\\\`).join('\n');
}

/**
 * A body cell. A theme's label is bold; a code's is indented by its depth: in a column that wraps,
 * with \leftskip, so that its second line is indented as its first (\hspace* indents only the
 * first, and a wrapped code's second line stood under its theme).
 */
function bodyCell(row: Row, i: number, text: string, wrapsFirst: boolean): string {
  let s = escapeLatex(text === '–' ? '' : text);
  if (i === 0) {
    if (row.style && s) s = `\\textbf{${s}}`;
    if (row.depth && s) s = wrapsFirst ? `\\setlength{\\leftskip}{${row.depth}em}${s}` : `\\hspace*{${row.depth}em}${s}`;
  }
  return s;
}

/**
 * One table as a LaTeX fragment for \input: `table` + `tabular` with booktabs rules, or a
 * `longtable` (repeating its header on every page) when it has more than LONGTABLE_ROWS rows or
 * its rows, wrapped on the narrowest line, take more than LONGTABLE_LINES lines: a float taller
 * than the page runs off it, and holds back the floats after it (inhibitors against promoters,
 * 24 rows of labels that wrap to two or three lines, was 116 pt too tall in a 12 pt report).
 */
export function tableLatex(table: Table, options: Pick<FormatOptions, 'lang'> & { labelPrefix?: string }): string {
  const f: FormatOptions = { lang: options.lang, comma: options.lang === 'nb', raw: false };
  const { spec, size: { latex: size }, lines } = layout(table, f);
  // A prefix keeps two runs' tables apart in one thesis (tab:pilot-frequencies, tab:main-frequencies).
  const caption = `\\caption{${escapeLatex(table.caption)}}\\label{tab:${options.labelPrefix ? `${options.labelPrefix}-` : ''}${table.id}}`;
  const head = `% themes: ${table.id}. Needs \\usepackage{${LATEX_PACKAGES.join(',')}}; with pdflatex [utf8]{inputenc}, [T1]{fontenc} and lmodern (without it T1 text falls back to bitmap fonts where cm-super is missing), with lualatex or xelatex fontspec.\n`;
  if (isLong(table, lines)) {
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
${body(table, f, spec.startsWith('>'))}
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
${body(table, f, spec.startsWith('>'))}
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
