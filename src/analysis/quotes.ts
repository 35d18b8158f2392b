import type { Coding, Corpus, Document, Evidence, Segment } from '../model.js';
import { codedSegments } from './frequencies.js';
import { informantOf } from '../corpus/document.js';
import { sentenceRanges } from '../corpus/sentences.js';

export interface Quote {
  code: string;
  segment: string;
  document: string;
  informant: string;
  role?: string;
  file: string;
  line: number;
  /** The excerpt, cut at sentence boundaries, with … where cut (without «»). */
  text: string;
  /**
   * The informant's own words: the segment is a speaker's turn in a transcript. A paragraph of
   * typed notes is the researcher's account of what was said, and is not set as a quote.
   */
  verbatim: boolean;
  /** The words are the interviewer's (a coded interviewer turn, with --include-interviewer). */
  interviewer?: true;
}

/**
 * Whether a segment is someone's own words: a speaker's turn, or any cue of a subtitle
 * transcript (speech, with or without voices), rather than a paragraph of typed notes.
 */
export function isVerbatim(segment: Pick<Segment, 'speaker'>, doc: Pick<Document, 'path'>): boolean {
  return segment.speaker !== undefined || /\.(vtt|srt)$/i.test(doc.path);
}

export const MAX_QUOTE_CHARS = 300;

/**
 * Up to `perCode` quotes for each code, spread over informants: each informant's best segment
 * first, then second-best, so three quotes come from three people when there are three.
 */
export function selectQuotes(
  corpus: Corpus, codings: readonly Coding[], codeIds: readonly string[], perCode: number, segments = codedSegments(corpus, codings),
): Quote[] {
  const docs = new Map<string, Document>(corpus.documents.map((d) => [d.id, d]));
  const byCode = new Map<string, Coding[]>();
  for (const c of codings) {
    const list = byCode.get(c.code);
    if (list) list.push(c);
    else byCode.set(c.code, [c]);
  }
  const quotes: Quote[] = [];
  for (const code of codeIds) {
    // Scores computed once per candidate, not once per comparison: large corpora have thousands per code.
    const candidates: Array<{ coding: Coding; segment: Segment; score: number }> = [];
    for (const coding of byCode.get(code) ?? []) {
      const segment = segments.get(coding.segment);
      if (segment) candidates.push({ coding, segment, score: score(segment.text, coding) });
    }
    candidates.sort((a, b) => b.score - a.score || a.segment.index - b.segment.index);
    const byInformant = new Map<string, typeof candidates>();
    for (const x of candidates) {
      const inf = informantOf(docs.get(x.segment.document)!);
      const list = byInformant.get(inf);
      if (list) list.push(x);
      else byInformant.set(inf, [x]);
    }
    const picked: typeof candidates = [];
    for (let round = 0; picked.length < perCode; round++) {
      const layer = [...byInformant.values()].map((l) => l[round]).filter((x) => x !== undefined);
      if (layer.length === 0) break;
      picked.push(...layer.slice(0, perCode - picked.length));
    }
    for (const { coding, segment } of picked) {
      const doc = docs.get(segment.document)!;
      const quote: Quote = {
        code, segment: segment.id, document: doc.id, informant: informantOf(doc), file: doc.path,
        line: 0, text: '', verbatim: isVerbatim(segment, doc),
      };
      if (segment.role === 'interviewer') quote.interviewer = true;
      // Evidence in the question an answer was read with (`asked`) has no place in the answer's text.
      const cut = excerptOf(segment.text, coding.evidence.find((e) => !e.asked)?.start ?? 0);
      quote.text = cut.text;
      // The line where the quoted text begins, which is the segment's first line only when the
      // excerpt starts there: a long paragraph's quote may begin lines further down.
      quote.line = segment.line + countNewlines(segment.text, cut.start);
      if (doc.attributes.role !== undefined) quote.role = String(doc.attributes.role);
      quotes.push(quote);
    }
  }
  return quotes;
}

/** Prefer quotes of readable length with more evidence: a vivid extract, not a fragment. */
function score(text: string, coding: Coding): number {
  const len = text.length;
  const lengthScore = len < 40 ? len / 40 : len <= MAX_QUOTE_CHARS ? 1 : MAX_QUOTE_CHARS / len;
  return lengthScore * 2 + Math.min(mentions(coding.evidence), 3) * 0.5 + (/[«"]/.test(text) ? 0.5 : 0);
}

/**
 * How many places of the text the evidence points at: pieces that overlap are one mention
 * («Ingen kurs» found as a denied promoter and as the inhibitor's own phrase; *opplæring and
 * opplæring on one word). Evidence comes sorted by start.
 */
function mentions(evidence: readonly Evidence[]): number {
  let count = 0;
  let end = -1;
  for (const e of evidence) {
    if (e.asked) continue;
    if (e.start >= end) count++;
    end = Math.max(end, e.end);
  }
  return count;
}

/**
 * The sentences around `at`, as many as fit in MAX_QUOTE_CHARS; a single longer sentence is cut
 * at word boundaries around `at`. Marks cuts with ….
 */
export function excerpt(text: string, at: number, max = MAX_QUOTE_CHARS): string {
  return excerptOf(text, at, max).text;
}

/** excerpt(), and where in `text` the excerpt begins. */
export function excerptOf(text: string, at: number, max = MAX_QUOTE_CHARS): { text: string; start: number } {
  const flat = text.replace(BLANKS, ' ');
  const shift = (pos: number) => text.slice(0, pos).replace(BLANKS, ' ').length;
  const anchor = Math.min(shift(at), Math.max(0, flat.length - 1));
  if (flat.length <= max) return { text: flat, start: 0 };
  const sentences = sentenceRanges(flat);
  let i = sentences.findIndex(([, e]) => e > anchor);
  if (i === -1) i = sentences.length - 1;
  let [start, end] = sentences[i]!;
  if (end - start > max) {
    start = Math.max(start, anchor - Math.floor(max / 3));
    end = Math.min(end, start + max);
    while (start > 0 && /\S/.test(flat[start - 1]!) && start < anchor) start++;
    while (end < flat.length && /\S/.test(flat[end]!) && end > anchor) end--;
  } else {
    let lo = i;
    let hi = i;
    for (;;) {
      const next = sentences[hi + 1];
      const prev = sentences[lo - 1];
      if (next && next[1] - start <= max) [hi, end] = [hi + 1, next[1]];
      else if (prev && end - prev[0] <= max) [lo, start] = [lo - 1, prev[0]];
      else break;
    }
  }
  const body = flat.slice(start, end).trim();
  const first = start + (flat.slice(start, end).length - flat.slice(start, end).trimStart().length);
  return { text: `${start > 0 ? '… ' : ''}${body}${end < flat.length ? ' …' : ''}`, start: unflatten(text, first) };
}

/**
 * What a quote shows as one space: a line break with the blanks around it, and any run of blanks
 * (a link target or a table's bars blanked to spaces left «se  rapporten      om driften»).
 */
const BLANKS = /\s*\n\s*|\s{2,}/g;

/** The offset in `text` of position `pos` in its flattened form (each run of BLANKS made one space). */
function unflatten(text: string, pos: number): number {
  const breaks = new RegExp(BLANKS.source, 'g');
  let delta = 0;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    const flatAt = m.index - delta;
    if (flatAt >= pos) break;
    // Inside the single space a break became: the text after the break.
    if (pos < flatAt + 1) return m.index + m[0].length;
    delta += m[0].length - 1;
  }
  return pos + delta;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
