import type { Coding, Corpus, Evidence } from '../model.js';

/** A segment that a code gained or lost, as a reviewer wants to see it: where, what, which term. */
export interface ImpactExample {
  file: string;
  line: number;
  /** A short excerpt around the first matched term, on one line. */
  text: string;
  terms: string[];
}

export interface CodeImpact {
  /** The code's id in the new version (the old id for codes that are gone). */
  code: string;
  /** The old id, when the code was renamed. */
  oldCode?: string;
  before: number;
  after: number;
  gained: number;
  lost: number;
  gainedExamples: ImpactExample[];
  lostExamples: ImpactExample[];
}

export interface Impact {
  documents: number;
  segments: number;
  /** Segments coded with any code, before and after. */
  codedBefore: number;
  codedAfter: number;
  /** Only codes whose segments changed, by id. */
  codes: CodeImpact[];
}

const EXCERPT = 160;

/**
 * What a codebook change does to the coding of a corpus: per code, the segments it gains and loses.
 * `renames` maps old code ids to new ones, so a renamed code is compared with itself; codes merged,
 * split or removed keep their ids, and their segments show up as lost under the old id and gained
 * under the new one.
 */
export function codingImpact(corpus: Corpus, before: Coding[], after: Coding[], renames: Record<string, string>, examples = 3): Impact {
  const segments = new Map(corpus.segments.map((s) => [s.id, s]));
  const paths = new Map(corpus.documents.map((d) => [d.id, d.path]));
  const oldName = new Map(Object.entries(renames).filter(([o, n]) => o !== n).map(([o, n]) => [n, o]));
  const index = (codings: Coding[], rename: (id: string) => string) => {
    const out = new Map<string, Map<string, Evidence[]>>();
    for (const c of codings) {
      const id = rename(c.code);
      let bySegment = out.get(id);
      if (!bySegment) out.set(id, (bySegment = new Map()));
      bySegment.set(c.segment, c.evidence);
    }
    return out;
  };
  const was = index(before, (id) => renames[id] ?? id);
  const now = index(after, (id) => id);
  const order = (ids: Iterable<string>) => [...ids].sort((x, y) => (segments.get(x)?.index ?? 0) - (segments.get(y)?.index ?? 0));
  const example = (segmentId: string, evidence: Evidence[]): ImpactExample => {
    const s = segments.get(segmentId)!;
    return { file: paths.get(s.document) ?? s.document, line: s.line, text: excerpt(s.text, evidence[0]), terms: [...new Set(evidence.map((e) => e.term))] };
  };
  const codes: CodeImpact[] = [];
  for (const id of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const b = was.get(id) ?? new Map<string, Evidence[]>();
    const a = now.get(id) ?? new Map<string, Evidence[]>();
    const gained = order([...a.keys()].filter((s) => !b.has(s)));
    const lost = order([...b.keys()].filter((s) => !a.has(s)));
    if (gained.length === 0 && lost.length === 0) continue;
    const entry: CodeImpact = {
      code: id, before: b.size, after: a.size, gained: gained.length, lost: lost.length,
      gainedExamples: gained.slice(0, examples).map((s) => example(s, a.get(s)!)),
      lostExamples: lost.slice(0, examples).map((s) => example(s, b.get(s)!)),
    };
    const old = oldName.get(id);
    if (old) entry.oldCode = old;
    codes.push(entry);
  }
  return {
    documents: corpus.documents.length,
    segments: corpus.segments.length,
    codedBefore: new Set(before.map((c) => c.segment)).size,
    codedAfter: new Set(after.map((c) => c.segment)).size,
    codes,
  };
}

/** One line of at most EXCERPT characters, centred on the matched term, with … where cut. */
export function excerpt(text: string, evidence?: Evidence): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= EXCERPT) return flat;
  // Offsets are into the original text; whitespace runs only shrink it, so find the term again.
  const at = evidence ? Math.max(0, flat.toLowerCase().indexOf(evidence.text.replace(/\s+/g, ' ').toLowerCase())) : 0;
  let start = Math.max(0, at - Math.floor(EXCERPT / 3));
  let end = Math.min(flat.length, start + EXCERPT);
  start = Math.max(0, end - EXCERPT);
  // Cut at word boundaries.
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
