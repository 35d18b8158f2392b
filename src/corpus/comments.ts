import type { Diagnostic } from '../model.js';
import { linePositions } from '../text/lines.js';

/** The text with every `<!-- ... -->` blanked out, and what was found. */
export interface BlankedComments {
  /** Comment characters become spaces, line breaks stay: offsets and line numbers are those of the file. */
  text: string;
  /** How many comments were blanked. */
  count: number;
  /** A warning for a `<!--` that is never closed (it and what follows stay text). */
  diagnostics: Diagnostic[];
}

/**
 * Blank out Markdown (HTML) comments after `from` (the end of the front matter). A comment is
 * invisible wherever the note is shown, so a researcher uses it for notes to self, or to leave
 * a passage out: it is neither coded nor quoted. Pure.
 */
export function blankComments(text: string, from: number, path: string): BlankedComments {
  let open = text.indexOf('<!--', from);
  // Nearly every note has none: one search, and the text comes back as it is.
  if (open === -1) return { text, count: 0, diagnostics: [] };
  let out = '';
  let last = 0;
  let count = 0;
  const diagnostics: Diagnostic[] = [];
  while (open !== -1) {
    const close = text.indexOf('-->', open + 4);
    if (close === -1) {
      // Columns in characters (code points), as in every message: an emoji before it is one.
      const place = linePositions(text);
      diagnostics.push({
        severity: 'warning', code: 'NOTE_UNCLOSED_COMMENT', file: path, line: place.line(open), column: place.column(open),
        message: 'has a comment (<!--) that is never closed; it and the rest of the note are read as text',
        hint: 'Close the comment with --> where it should end.',
      });
      break;
    }
    const end = close + 3;
    out += text.slice(last, open) + text.slice(open, end).replace(/[^\n]/g, ' ');
    last = end;
    count++;
    open = text.indexOf('<!--', end);
  }
  return { text: count > 0 ? out + text.slice(last) : text, count, diagnostics };
}

/**
 * Blank the Markdown syntax that is no part of what was said, after `from`: blockquote markers
 * (`> `, also `> > `), fence lines (```` ``` ````, `~~~`), horizontal rules and setext underlines
 * (`---`, `***`, `___`, `===`), table delimiter rows (`| --- | :-: |`) and the pipes of table
 * rows. Like comments they become spaces, so offsets and lines stay those of the file; a quote
 * reads «Vi har ikke tid», not «> Vi har ikke tid», and `> R:` begins a speaker turn. Pure.
 *
 * Runs on every note, so it only looks at the first character of each line (found with
 * indexOf('\n'), which is native) and builds a new text only for a note that has such a line.
 */
export function blankMarkup(text: string, from: number, setext?: Map<number, number>, keepLinks = false): string {
  const lines = blankLines(text, from, setext);
  return keepLinks ? lines : blankLinks(lines, from);
}

function blankLines(text: string, from: number, setext?: Map<number, number>): string {
  let pieces: string[] | undefined;
  let copied = 0;
  let at = from;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    let first = at;
    while (first < end && first - at < 4 && (text.charCodeAt(first) === 0x20 || text.charCodeAt(first) === 0x09)) first++;
    const c = text.charCodeAt(first);
    if (c === 0x3e /* > */ || c === 0x7c /* | */ || c === 0x60 /* ` */ || c === 0x7e /* ~ */ || c === 0x2d /* - */ || c === 0x2a /* * */ || c === 0x5f /* _ */ || c === 0x3d /* = */) {
      const line = text.slice(at, end);
      const blanked = blankLine(line);
      if (setext && (c === 0x3d || c === 0x2d) && blanked !== line && blanked.trim() === '') {
        const heading = setextHeading(text, from, at, c);
        if (heading !== undefined) setext.set(heading, c === 0x3d ? 1 : 2);
      }
      if (blanked !== line) {
        (pieces ??= []).push(text.slice(copied, at), blanked);
        copied = end;
      }
    }
    if (nl === -1) break;
    at = nl + 1;
  }
  return pieces ? pieces.join('') + text.slice(copied) : text;
}

/**
 * A setext heading, as Pandoc writes levels 1 and 2 (`Del 2` over `=====` or `-----`): the line
 * above an underline of `=` (or of `-` with no spaces) is a heading when it stands alone, after a
 * blank line or the front matter, and is no list item, speaker line or heading itself. Returns
 * the offset where that line begins.
 */
function setextHeading(text: string, from: number, underline: number, c: number): number | undefined {
  if (underline <= from) return undefined;
  const nl = text.indexOf('\n', underline);
  const mark = text.slice(underline, nl === -1 ? text.length : nl).trim();
  if (!(c === 0x3d ? /^=+$/ : /^-{2,}$/).test(mark)) return undefined;
  const start = Math.max(from, text.lastIndexOf('\n', underline - 2) + 1);
  const above = text.slice(start, underline - 1);
  if (above.trim() === '' || /^\s{0,3}(?:[#>|*+•-]|\d{1,3}[.)]\s|\S{1,30}:\s)/.test(above)) return undefined;
  if (start > from) {
    const before = text.slice(Math.max(from, text.lastIndexOf('\n', start - 2) + 1), start - 1);
    if (before.trim() !== '') return undefined;
  }
  return start;
}

const QUOTE_MARKERS = /^[ \t]{0,3}(?:>[ \t]?)+/;
const FENCE = /^[ \t]{0,3}(?:`{3,}|~{3,})/;
const RULE = /^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/;
const TABLE_DELIMITER = /^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$/;

/** One line with its Markdown syntax turned to spaces (the same line when it has none). */
function blankLine(line: string): string {
  if (FENCE.test(line) || RULE.test(line) || TABLE_DELIMITER.test(line)) return ' '.repeat(line.length);
  const quote = QUOTE_MARKERS.exec(line);
  if (quote) {
    const rest = line.slice(quote[0].length);
    return ' '.repeat(quote[0].length) + (rest.trimStart().startsWith('|') ? tableRow(rest) : rest);
  }
  return /^[ \t]*\|/.test(line) ? tableRow(line) : line;
}

/** A table row's pipes as spaces: `| Struktur | 4 |` reads ` Struktur   4 `. */
function tableRow(line: string): string {
  return line.replace(/\|/g, ' ');
}

/** How far back from a `](` the link text's `[` is looked for. */
const LINK_TEXT = 1000;

/**
 * The targets of Markdown links and images, which nobody said: `[innovasjon](https://…/innovasjon-plan)`
 * reads `innovasjon` and `![bilde av tavla](tavle.png)` reads `bilde av tavla`. The brackets,
 * the `!` and the `(target)` become spaces; the link text stays. A target has no white space
 * and ends on its line, so `[sic](sitat)` style text with spaces in parentheses stays as written;
 * parentheses inside it are paired (`(https://no.wikipedia.org/wiki/Kommune_(Norge))`).
 */
function blankLinks(text: string, from: number): string {
  let at = text.indexOf('](', from);
  if (at === -1) return text;
  let pieces: string[] | undefined;
  let copied = 0;
  for (; at !== -1; at = text.indexOf('](', at + 2)) {
    // Parentheses in a target come in pairs, as CommonMark reads them (wiki/Kommune_(Norge)).
    let end = at + 2;
    let depth = 0;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 0x29 /* ) */ && depth-- === 0) break;
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) break;
      if (c === 0x28 /* ( */) depth++;
      end++;
    }
    if (text.charCodeAt(end) !== 0x29 || end === at + 2) continue;
    // The link text's [ on the same line, at most LINK_TEXT back: a bounded look, so a note full
    // of «](» without a [ is not read back to its start once per «](».
    let open = -1;
    for (let k = at - 1; k >= Math.max(from, copied, at - LINK_TEXT); k--) {
      const c = text.charCodeAt(k);
      if (c === 0x0a) break;
      if (c === 0x5b /* [ */) {
        open = k;
        break;
      }
    }
    if (open === -1) continue;
    const bang = open > from && text.charCodeAt(open - 1) === 0x21 /* ! */ ? open - 1 : open;
    (pieces ??= []).push(text.slice(copied, bang), ' '.repeat(open + 1 - bang), text.slice(open + 1, at), ' '.repeat(end + 1 - at));
    copied = end + 1;
    at = end - 1;
  }
  return pieces ? pieces.join('') + text.slice(copied) : text;
}
