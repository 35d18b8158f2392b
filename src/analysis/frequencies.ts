import type { Code, Codebook, Coding, Corpus, Segment, Theme } from '../model.js';
import { informantOf } from '../corpus/document.js';

export interface FrequencyRow {
  kind: 'theme' | 'code';
  id: string;
  /** Theme ids above this row, outermost first. */
  path: string[];
  depth: number;
  segments: number;
  informants: number;
  /** informants / all informants in the corpus, 0..1. */
  share: number;
}

export interface CorpusIndex {
  /** Segment id → informant, for the coded segments. */
  informantOfSegment: Map<string, string>;
  /** All informants, in corpus order. */
  informants: string[];
}

/** Who said each coded segment, and all informants. */
export function indexCorpus(corpus: Corpus, codings: readonly Coding[], coded = codedSegments(corpus, codings)): CorpusIndex {
  const byDoc = new Map(corpus.documents.map((d) => [d.id, informantOf(d)]));
  const informantOfSegment = new Map<string, string>();
  for (const [id, s] of coded) informantOfSegment.set(id, byDoc.get(s.document)!);
  return { informantOfSegment, informants: [...new Set(corpus.documents.map(informantOf))] };
}

/**
 * The segments that have codings, by id. Most segments of a large corpus have none, so they are
 * not all put in a map. Codings usually come in segment order (the deductive pass makes them so):
 * then one walk through both lists finds them; otherwise every segment is checked.
 */
export function codedSegments(corpus: Corpus, codings: readonly Coding[]): Map<string, Segment> {
  const out = new Map<string, Segment>();
  const segments = corpus.segments;
  let j = 0;
  for (const c of codings) {
    while (j < segments.length && segments[j]!.id !== c.segment) j++;
    if (j === segments.length) return codedSegmentsAnyOrder(segments, codings);
    out.set(c.segment, segments[j]!);
  }
  return out;
}

function codedSegmentsAnyOrder(segments: readonly Segment[], codings: readonly Coding[]): Map<string, Segment> {
  const coded = new Set(codings.map((c) => c.segment));
  const out = new Map<string, Segment>();
  for (const s of segments) if (coded.has(s.id)) out.set(s.id, s);
  return out;
}

/**
 * Theme and code frequencies in codebook order. A theme counts the distinct segments and
 * informants coded with any code below it, so a segment with two codes of one theme counts once.
 */
export function frequencies(codebook: Codebook, codings: readonly Coding[], index: CorpusIndex): FrequencyRow[] {
  // Segments and informants as small numbers: sets of numbers are much cheaper than sets of ids.
  const segmentNumbers = new Map<string, number>();
  const informantNumbers = new Map<string | undefined, number>();
  /** Informant number by segment number. */
  const informantOf: number[] = [];
  const segmentsByCode = new Map<string, Set<number>>();
  for (const c of codings) {
    let n = segmentNumbers.get(c.segment);
    if (n === undefined) {
      n = segmentNumbers.size;
      segmentNumbers.set(c.segment, n);
      const informant = index.informantOfSegment.get(c.segment);
      let i = informantNumbers.get(informant);
      if (i === undefined) informantNumbers.set(informant, (i = informantNumbers.size));
      informantOf.push(i);
    }
    let set = segmentsByCode.get(c.code);
    if (!set) segmentsByCode.set(c.code, (set = new Set()));
    set.add(n);
  }
  const total = index.informants.length;
  const row = (kind: FrequencyRow['kind'], id: string, path: string[], segments: Set<number>): FrequencyRow => {
    const informants = new Set<number>();
    for (const s of segments) informants.add(informantOf[s]!);
    return { kind, id, path, depth: path.length, segments: segments.size, informants: informants.size, share: total ? informants.size / total : 0 };
  };
  const rows: FrequencyRow[] = [];
  const walk = (theme: Theme, path: string[]): Set<number> => {
    const at = rows.length;
    const all = new Set<number>();
    const codeRows: FrequencyRow[] = [];
    for (const code of theme.codes) {
      const segs = segmentsByCode.get(code.id) ?? new Set<number>();
      for (const s of segs) all.add(s);
      codeRows.push(row('code', code.id, [...path, theme.id], segs));
    }
    rows.push(...codeRows);
    for (const sub of theme.themes) for (const s of walk(sub, [...path, theme.id])) all.add(s);
    rows.splice(at, 0, row('theme', theme.id, path, all));
    return all;
  };
  for (const theme of codebook.themes) walk(theme, []);
  return rows;
}

/** Code × informant counts of coded segments, codes in codebook order. */
export function codeMatrix(codebook: Codebook, codings: readonly Coding[], index: CorpusIndex): Array<{ code: Code; counts: number[] }> {
  const col = new Map(index.informants.map((inf, i) => [inf, i]));
  const counts = new Map(codebook.codes.map((c) => [c.id, new Array<number>(index.informants.length).fill(0)]));
  const seen = new Set<string>();
  for (const c of codings) {
    const key = `${c.code}\u0000${c.segment}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const row = counts.get(c.code);
    const i = col.get(index.informantOfSegment.get(c.segment)!);
    if (row && i !== undefined) row[i]!++;
  }
  return codebook.codes.map((code) => ({ code, counts: counts.get(code.id)! }));
}
