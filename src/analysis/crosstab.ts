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
  const valueOf = attributeOf(corpus, attribute);
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

/**
 * A document's value of an attribute; a note without it takes the value its informant's other
 * notes agree on (`informant: p5` in two notes, `role: leder` in one of them). Null when none.
 */
export function attributeOf(corpus: Corpus, attribute: string): (doc: Corpus['documents'][number]) => string | null {
  const values = informantValues(corpus, attribute);
  return (doc) => {
    const v = doc.attributes[attribute];
    if (v !== undefined) return String(v);
    const others = values.get(informantOf(doc));
    return others && others.size === 1 ? [...others][0]! : null;
  };
}

/** The values each informant's notes give an attribute (informants with none are left out). */
function informantValues(corpus: Corpus, attribute: string): Map<string, Set<string>> {
  const values = new Map<string, Set<string>>();
  for (const doc of corpus.documents) {
    const v = doc.attributes[attribute];
    if (v === undefined) continue;
    const who = informantOf(doc);
    const set = values.get(who);
    if (set) set.add(String(v));
    else values.set(who, new Set([String(v)]));
  }
  return values;
}

/**
 * The notes with no value for an attribute, neither in their own front matter nor from their
 * informant's other notes (see attributeOf): they make the "(no value)" column. Sorted by id.
 */
export function notesWithoutAttribute(corpus: Corpus, attribute: string): string[] {
  const of = attributeOf(corpus, attribute);
  return corpus.documents.filter((d) => of(d) === null).map((d) => d.id).sort(compareIds);
}

/** Informants whose notes give an attribute different values, with the values sorted: they count under each. */
export function attributeConflicts(corpus: Corpus, attribute: string): Array<{ informant: string; values: string[] }> {
  return [...informantValues(corpus, attribute)]
    .filter(([, set]) => set.size > 1)
    .map(([informant, set]) => ({ informant, values: [...set].sort(compareIds) }))
    .sort((a, b) => compareIds(a.informant, b.informant));
}
