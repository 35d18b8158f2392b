import type { Codebook, Coding, Corpus } from '../model.js';
import { informantOf } from '../corpus/document.js';
import { compareIds } from '../corpus/index.js';
import { frequencies, indexCorpus, type FrequencyRow } from './frequencies.js';

export interface CrossTabValue {
  /** The attribute value as text; documents without the attribute fall under `null`. */
  value: string | null;
  /** Informants with this value: the denominator of every share in the column. */
  informants: number;
}

export interface CrossTabRow {
  kind: FrequencyRow['kind'];
  id: string;
  depth: number;
  /** One cell per value, in the order of `values`. */
  cells: Array<{ informants: number; segments: number }>;
  total: { informants: number; segments: number };
}

export interface CrossTab {
  attribute: string;
  values: CrossTabValue[];
  rows: CrossTabRow[];
}

/** Attribute names that at least one document has, sorted. */
export function attributeNames(corpus: Corpus): string[] {
  return [...new Set(corpus.documents.flatMap((d) => Object.keys(d.attributes)))].sort();
}

/**
 * Theme and code frequencies split by a document attribute (role, site ...): the frequency table
 * computed once per attribute value. Undefined when no document has the attribute.
 */
export function crossTab(corpus: Corpus, codebook: Codebook, codings: readonly Coding[], attribute: string): CrossTab | undefined {
  if (!corpus.documents.some((d) => d.attributes[attribute] !== undefined)) return undefined;
  const valueOf = (doc: Corpus['documents'][number]) => {
    const v = doc.attributes[attribute];
    return v === undefined ? null : String(v);
  };
  const keys = [...new Set(corpus.documents.map(valueOf))];
  keys.sort((a, b) => (a === null ? 1 : b === null ? -1 : compareIds(a, b)));
  const all = frequencies(codebook, codings, indexCorpus(corpus, codings));
  const perValue = keys.map((key) => {
    const documents = corpus.documents.filter((d) => valueOf(d) === key);
    const ids = new Set(documents.map((d) => d.id));
    const sub: Corpus = { documents, segments: corpus.segments.filter((s) => ids.has(s.document)), unit: corpus.unit };
    const segmentIds = new Set(sub.segments.map((s) => s.id));
    const subCodings = codings.filter((c) => segmentIds.has(c.segment));
    return { key, informants: new Set(documents.map(informantOf)).size, rows: frequencies(codebook, subCodings, indexCorpus(sub, subCodings)) };
  });
  return {
    attribute,
    values: perValue.map((p) => ({ value: p.key, informants: p.informants })),
    rows: all.map((r, i) => ({
      kind: r.kind, id: r.id, depth: r.depth,
      cells: perValue.map((p) => ({ informants: p.rows[i]!.informants, segments: p.rows[i]!.segments })),
      total: { informants: r.informants, segments: r.segments },
    })),
  };
}
