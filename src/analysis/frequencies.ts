import type { Code, Codebook, Coding, Corpus, Segment, Theme } from '../model.js';
import { informantOf } from '../corpus/document.js';
import { compareIds } from '../corpus/index.js';

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
  /** All informants, sorted (compareIds). */
  informants: string[];
  /**
   * Per coding (in the order of the codings indexed): its segment as a number, the segment's
   * index in the corpus (negative for a segment the corpus does not have, one number per id).
   */
  segmentOf: Int32Array;
  /** Per coding: its informant's place in `informants`, or -1 when the corpus does not have its segment. */
  informantOf: Int32Array;
}

/**
 * Who said each coded segment, and all informants. The counts work with numbers per coding:
 * sets of numbers are much cheaper than sets of id strings on a corpus of millions of words.
 */
export function indexCorpus(corpus: Corpus, codings: readonly Coding[], found = segmentsOfCodings(corpus, codings)): CorpusIndex {
  // Sorted as note ids are: with an `informant:` attribute shared by several notes, the order of
  // the notes is not that of the informants.
  const informants = [...new Set(corpus.documents.map(informantOf))].sort(compareIds);
  const informantNumbers = new Map(informants.map((informant, n) => [informant, n]));
  const byDocument = new Map<string, number>();
  for (const d of corpus.documents) byDocument.set(d.id, informantNumbers.get(informantOf(d))!);
  const segmentOf = new Int32Array(codings.length);
  const informantOfCoding = new Int32Array(codings.length);
  const missing = new Map<string, number>();
  let lastDocument: string | undefined;
  let lastInformant = -1;
  for (let k = 0; k < codings.length; k++) {
    const segment = found[k];
    if (segment) {
      segmentOf[k] = segment.index;
      // Codings of one document come together: its informant is looked up once.
      if (segment.document !== lastDocument) {
        lastDocument = segment.document;
        lastInformant = byDocument.get(segment.document) ?? -1;
      }
      informantOfCoding[k] = lastInformant;
    } else {
      const id = codings[k]!.segment;
      let n = missing.get(id);
      if (n === undefined) missing.set(id, (n = -1 - missing.size));
      segmentOf[k] = n;
      informantOfCoding[k] = -1;
    }
  }
  return { informants, segmentOf, informantOf: informantOfCoding };
}

/**
 * The segment of each coding (undefined when the corpus does not have it). Codings usually come
 * in segment order (the deductive pass makes them so): then one walk through both lists finds
 * them; otherwise the coded segments are put in a map.
 */
export function segmentsOfCodings(corpus: Corpus, codings: readonly Coding[]): Array<Segment | undefined> {
  const out = new Array<Segment | undefined>(codings.length);
  const segments = corpus.segments;
  let j = 0;
  for (let k = 0; k < codings.length; k++) {
    const id = codings[k]!.segment;
    while (j < segments.length && segments[j]!.id !== id) j++;
    if (j === segments.length) return segmentsAnyOrder(segments, codings);
    out[k] = segments[j];
  }
  return out;
}

function segmentsAnyOrder(segments: readonly Segment[], codings: readonly Coding[]): Array<Segment | undefined> {
  const coded = new Set(codings.map((c) => c.segment));
  const byId = new Map<string, Segment>();
  for (const s of segments) if (coded.has(s.id)) byId.set(s.id, s);
  return codings.map((c) => byId.get(c.segment));
}

/** The segments that have codings, by id. */
export function codedSegments(corpus: Corpus, codings: readonly Coding[], found = segmentsOfCodings(corpus, codings)): Map<string, Segment> {
  const out = new Map<string, Segment>();
  found.forEach((s) => s && out.set(s.id, s));
  return out;
}

/**
 * Theme and code frequencies in codebook order. A theme counts the distinct segments and
 * informants coded with any code below it, so a segment with two codes of one theme counts once.
 */
export function frequencies(codebook: Codebook, codings: readonly Coding[], index: CorpusIndex): FrequencyRow[] {
  checkIndex(codings, index);
  const segmentsByCode = new Map<string, Set<number>>();
  /** Informant number by segment number. */
  const informantBySegment = new Map<number, number>();
  for (let k = 0; k < codings.length; k++) {
    const segment = index.segmentOf[k]!;
    informantBySegment.set(segment, index.informantOf[k]!);
    const code = codings[k]!.code;
    let set = segmentsByCode.get(code);
    if (!set) segmentsByCode.set(code, (set = new Set()));
    set.add(segment);
  }
  const total = index.informants.length;
  const row = (kind: FrequencyRow['kind'], id: string, path: string[], segments: Set<number>): FrequencyRow => {
    const informants = new Set<number>();
    for (const s of segments) informants.add(informantBySegment.get(s)!);
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

/** An index made for other codings would count the wrong segments: a programming error. */
export function checkIndex(codings: readonly Coding[], index: CorpusIndex): void {
  if (index.segmentOf.length !== codings.length) throw new Error('the index was made for other codings');
}

/** Code × informant counts of coded segments, codes in codebook order. */
export function codeMatrix(codebook: Codebook, codings: readonly Coding[], index: CorpusIndex): Array<{ code: Code; counts: number[] }> {
  checkIndex(codings, index);
  const counts = new Map(codebook.codes.map((c) => [c.id, new Array<number>(index.informants.length).fill(0)]));
  const seen = new Map<string, Set<number>>();
  for (let k = 0; k < codings.length; k++) {
    const code = codings[k]!.code;
    let segments = seen.get(code);
    if (!segments) seen.set(code, (segments = new Set()));
    const segment = index.segmentOf[k]!;
    if (segments.has(segment)) continue;
    segments.add(segment);
    const row = counts.get(code);
    const i = index.informantOf[k]!;
    if (row && i >= 0) row[i]!++;
  }
  return codebook.codes.map((code) => ({ code, counts: counts.get(code.id)! }));
}
