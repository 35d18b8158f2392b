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
 * The context stays inside the keyword's paragraph (`paragraphs`: ranges of `text`, in order):
 * it ran on into the heading above («… kutt. # Del 5: Samskaping Samskaping med …») and into
 * the next speaker's turn. A keyword in no paragraph (a heading) has its line as context, without
 * the marks that make it a heading (`#`, `**`).
 */
export function kwic(text: string, file: string, terms: readonly string[], occurrences: readonly Occurrence[], width = 40,
  paragraphs?: ReadonlyArray<{ start: number; end: number }>): KwicLine[] {
  const at = linePositions(text);
  return occurrences.map((o) => {
    const [from, to] = paragraphs ? around(text, paragraphs, o.start, o.end) : [0, text.length];
    return {
      term: terms[o.term] ?? '', file, line: at.line(o.start), column: at.column(o.start),
      left: cutLeft(flat(text.slice(Math.max(from, o.start - width * 2), o.start)), width),
      keyword: flat(o.text),
      right: cutRight(flat(text.slice(o.end, Math.max(o.end, Math.min(to, o.end + width * 2)))), width),
    };
  });
}

/** The paragraph that holds the keyword at `start`–`end`, or its line, as a range of `text`. */
function around(text: string, paragraphs: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): [number, number] {
  // The last paragraph that begins at or before the keyword (they are in text order).
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.start <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const p = found >= 0 ? paragraphs[found]! : undefined;
  if (p && start < p.end) return [p.start, Math.max(p.end, end)];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', start);
  const lineEnd = nl === -1 ? text.length : nl;
  const line = text.slice(lineStart, lineEnd);
  const marks = HEADING_MARKS.exec(line);
  const lead = marks?.[1]?.length ?? 0;
  const trail = marks?.[3]?.length ?? 0;
  return [Math.min(start, lineStart + lead), Math.max(end, lineEnd - trail)];
}

/** A heading line's marks: `# ` (and closing `#`s) or a line in `**` / `__`; the text is group 2. */
const HEADING_MARKS = /^([ \t]*(?:#{1,6}[ \t]+|\*\*|__)?)(.*?)([ \t]+#+[ \t]*|\*\*[ \t]*|__[ \t]*|[ \t]*)$/;

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
