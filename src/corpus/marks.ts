import type { InlineMark } from '../model.js';

/**
 * Inline code marks, for coding by hand in a text editor: `{#lack-of-time #idea-box}` at the end
 * of a paragraph (or sentence). Every id starts with `#`; ids follow the codebook's id rule.
 */
const MARK = /^\{[ \t]*(#[a-z0-9][a-z0-9-]*(?:[ \t,]+#[a-z0-9][a-z0-9-]*)*)[ \t]*\}$/;
/** What a coder meant as a mark: braces on one line whose text starts with `#`. */
const MARK_LIKE = /\{[ \t]*#[^{}\n]{0,200}\}/g;

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
  let line = 1;
  let counted = 0;
  let out = '';
  let last = 0;
  MARK_LIKE.lastIndex = from;
  for (let m = MARK_LIKE.exec(text); m; m = MARK_LIKE.exec(text)) {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    const column = m.index - text.lastIndexOf('\n', m.index - 1);
    const valid = MARK.exec(m[0]);
    if (valid) {
      const codes = [...new Set(valid[1]!.split(/[ \t,]+/).map((s) => s.slice(1)))].sort();
      marks.push({ start: m.index, end: m.index + m[0].length, line, column, codes });
    } else invalid.push({ line, column, text: m[0] });
    out += text.slice(last, m.index) + ' '.repeat(m[0].length);
    last = m.index + m[0].length;
  }
  if (marks.length === 0 && invalid.length === 0) return { text, marks, invalid };
  return { text: out + text.slice(last), marks, invalid };
}
