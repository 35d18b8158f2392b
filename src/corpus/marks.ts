import type { InlineMark } from '../model.js';

/**
 * Inline code marks, for coding by hand in a text editor: `{#lack-of-time #idea-box}` at the end
 * of a paragraph (or sentence). Every id starts with `#`; ids follow the codebook's id rule.
 */
const MARK = /\{[ \t]*(#[a-z0-9][a-z0-9-]*(?:[ \t,]+#[a-z0-9][a-z0-9-]*)*)[ \t]*\}/g;

export interface ExtractedMarks {
  /** The text with every mark replaced by spaces of the same length, so offsets and lines stay put. */
  text: string;
  marks: InlineMark[];
}

/**
 * Find the marks after `from` (the end of the front matter) and blank them out, so the
 * deductive pass never matches a term inside a mark and segment text does not show them.
 */
export function extractMarks(text: string, from = 0): ExtractedMarks {
  // Marks are rare: most notes have no `{` at all, and a search for one character is far
  // cheaper than running the mark pattern over the whole text.
  if (text.indexOf('{', from) === -1) return { text, marks: [] };
  const marks: InlineMark[] = [];
  let line = 1;
  let counted = 0;
  let out = '';
  let last = 0;
  MARK.lastIndex = from;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    const column = m.index - text.lastIndexOf('\n', m.index - 1);
    const codes = [...new Set(m[1]!.split(/[ \t,]+/).map((s) => s.slice(1)))].sort();
    marks.push({ start: m.index, end: m.index + m[0].length, line, column, codes });
    out += text.slice(last, m.index) + ' '.repeat(m[0].length);
    last = m.index + m[0].length;
  }
  if (marks.length === 0) return { text, marks };
  return { text: out + text.slice(last), marks };
}
