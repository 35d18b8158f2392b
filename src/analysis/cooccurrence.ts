import type { Codebook, Coding } from '../model.js';
import { checkIndex, type CorpusIndex } from './frequencies.js';

export interface CoOccurrence {
  a: string;
  b: string;
  /** Segments coded with both. */
  segments: number;
  /** Segments with both / segments with either. */
  segmentJaccard: number;
  /** Informants with both codes somewhere in their notes. */
  informants: number;
  informantJaccard: number;
}

export interface CoOccurrenceTable {
  /** Codes in codebook order that have at least one coding. */
  codes: string[];
  /** Every pair (a before b in codebook order) that shares a segment or an informant. */
  pairs: CoOccurrence[];
}

/** Code co-occurrence within a segment and within an informant, with counts and Jaccard indices. */
export function coOccurrence(codebook: Codebook, codings: readonly Coding[], index: CorpusIndex): CoOccurrenceTable {
  const segs = new Map<string, Set<string>>();
  const infs = new Map<string, Set<string>>();
  checkIndex(codings, index);
  codings.forEach((c, k) => {
    (segs.get(c.code) ?? segs.set(c.code, new Set()).get(c.code)!).add(c.segment);
    const inf = index.informantOf[k]!;
    if (inf >= 0) (infs.get(c.code) ?? infs.set(c.code, new Set()).get(c.code)!).add(index.informants[inf]!);
  });
  const codes = codebook.codes.map((c) => c.id).filter((id) => segs.has(id));
  const pairs: CoOccurrence[] = [];
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      const a = codes[i]!;
      const b = codes[j]!;
      const s = overlap(segs.get(a)!, segs.get(b)!);
      const n = overlap(infs.get(a)!, infs.get(b)!);
      if (s.both === 0 && n.both === 0) continue;
      pairs.push({ a, b, segments: s.both, segmentJaccard: s.jaccard, informants: n.both, informantJaccard: n.jaccard });
    }
  }
  // Codebook order from a map: indexOf in the comparator read the code list at every comparison
  // (2,000 codes, two million pairs: 49 s).
  const order = new Map(codes.map((c, i) => [c, i]));
  pairs.sort((x, y) => y.segments - x.segments || y.informants - x.informants || order.get(x.a)! - order.get(y.a)! || order.get(x.b)! - order.get(y.b)!);
  return { codes, pairs };
}

function overlap(x: Set<string>, y: Set<string>): { both: number; jaccard: number } {
  let both = 0;
  for (const v of x) if (y.has(v)) both++;
  const either = x.size + y.size - both;
  return { both, jaccard: either ? both / either : 0 };
}
