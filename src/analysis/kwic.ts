import type { Occurrence } from '../coding/find.js';
import { linePositions } from '../text/lines.js';

export interface KwicLine {
  term: string;
  file: string;
  line: number;
  /** 1-based column of the keyword in its line, in characters. */
  column: number;
  left: string;
  keyword: string;
  right: string;
}

/**
 * Keyword in context: each occurrence with `width` characters of context on each side, taken
 * from the surrounding text with line breaks flattened to spaces and cut at word boundaries.
 */
export function kwic(text: string, file: string, terms: readonly string[], occurrences: readonly Occurrence[], width = 40): KwicLine[] {
  const at = linePositions(text);
  return occurrences.map((o) => ({
    term: terms[o.term] ?? '', file, line: at.line(o.start), column: at.column(o.start),
    left: cutLeft(flat(text.slice(Math.max(0, o.start - width * 2), o.start)), width),
    keyword: flat(o.text),
    right: cutRight(flat(text.slice(o.end, o.end + width * 2)), width),
  }));
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function cutLeft(s: string, width: number): string {
  if (s.length <= width) return s;
  const cut = s.slice(s.length - width);
  const space = cut.indexOf(' ');
  return `…${space >= 0 && space < width / 2 ? cut.slice(space + 1) : cut}`;
}

function cutRight(s: string, width: number): string {
  if (s.length <= width) return s;
  const cut = s.slice(0, width);
  const space = cut.lastIndexOf(' ');
  return `${space > width / 2 ? cut.slice(0, space) : cut}…`;
}
