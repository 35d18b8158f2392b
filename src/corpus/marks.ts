import type { InlineMark } from '../model.js';
import { linePositions } from '../text/lines.js';

/**
 * Inline code marks, for coding by hand in a text editor: `{#lack-of-time #idea-box}` at the end
 * of a paragraph (or sentence). Every id starts with `#`; ids follow the codebook's id rule.
 */
const MARK = /^\{[ \t]*(#[a-z0-9][a-z0-9-]*(?:[ \t,]+#[a-z0-9][a-z0-9-]*)*)[ \t]*\}$/;
/**
 * What a coder meant as a mark: braces on one line whose text starts with `#`; or, at the end of
 * a heading line, any braces: Pandoc's heading attributes (`# Innledning {#_Toc123 .unnumbered}`).
 */
const MARK_LIKE = /\{[ \t]*#[^{}\n]{0,200}\}|^#{1,6}[ \t][^\n{]*(\{[^{}\n]{0,200}\})[ \t]*$/gm;
/** Pandoc's attributes in braces: a class (`.unnumbered`) or a key=value among them. */
const PANDOC_ATTRIBUTES = /(?:^|[ \t])(?:\.[\w-]+|[\w-]+=)/;

export interface ExtractedMarks {
  /** The text with every mark replaced by spaces of the same length, so offsets and lines stay put. */
  text: string;
  marks: InlineMark[];
  /** Braces that look like a mark but break the id rule ({#Tid}, {#økonomi}, {# tid}): blanked too, and reported. */
  invalid: Array<{ line: number; column: number; text: string }>;
}

/**
 * Find the marks after `from` (the end of the front matter) and blank them out, so the
 * deductive pass never matches a term inside a mark and segment text does not show them.
 */
export function extractMarks(text: string, from = 0): ExtractedMarks {
  // Marks are rare: most notes have no `{` at all, and a search for one character is far
  // cheaper than running the mark pattern over the whole text.
  if (text.indexOf('{', from) === -1) return { text, marks: [], invalid: [] };
  const marks: InlineMark[] = [];
  const invalid: ExtractedMarks['invalid'] = [];
  // Columns in characters (code points), as in every message: an emoji before a mark is one.
  const place = linePositions(text);
  let out = '';
  let last = 0;
  MARK_LIKE.lastIndex = from;
  for (let m = MARK_LIKE.exec(text); m; m = MARK_LIKE.exec(text)) {
    // A heading's braces are Pandoc attributes, not a coding: blanked, so the heading path reads
    // «Innledning»; nothing is reported. A heading is no unit, so a mark there would code nothing.
    const heading = m[1] !== undefined;
    const braces = heading ? m[1]! : m[0];
    const at = heading ? m.index + m[0].lastIndexOf(braces) : m.index;
    if (at < from) continue;
    const line = place.line(at);
    const column = place.column(at);
    const valid = heading ? null : MARK.exec(braces);
    if (valid) {
      const codes = [...new Set(valid[1]!.split(/[ \t,]+/).map((s) => s.slice(1)))].sort();
      marks.push({ start: at, end: at + braces.length, line, column, codes, written: braces });
    } else if (!heading && !PANDOC_ATTRIBUTES.test(braces.slice(1, -1))) invalid.push({ line, column, text: braces });
    out += text.slice(last, at) + ' '.repeat(braces.length);
    last = at + braces.length;
  }
  if (last === 0) return { text, marks, invalid };
  return { text: out + text.slice(last), marks, invalid };
}

/**
 * A text with marks blanked out (as `extractMarks` leaves it, then changed) with the marks written
 * back: `at` maps a mark's offset in the blanked text to the changed one. A mark whose blanks are
 * no longer blanks of its length there is put after what stands there. Pure.
 */
export function restoreMarks(text: string, marks: readonly InlineMark[], at: (offset: number, side: 'start' | 'end') => number = (o) => o): string {
  let out = '';
  let last = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    const start = at(mark.start, 'start');
    const end = at(mark.end, 'end');
    if (start < last) continue;
    const blank = end - start === mark.written.length && /^[ ]*$/.test(text.slice(start, end));
    out += blank ? text.slice(last, start) + mark.written : `${text.slice(last, end)}${mark.written}`;
    last = end;
  }
  return out + text.slice(last);
}
