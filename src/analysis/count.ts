import type { Occurrence } from '../coding/find.js';

export interface CountedDocument {
  id: string;
  path: string;
  occurrences: readonly Occurrence[];
  /** Words in the document, for the per-1000-words figure. */
  words: number;
}

export interface TermCountRow {
  term: string;
  /** One count per document, in document order. */
  counts: number[];
  total: number;
  /** The forms that matched, lower-cased and sorted, so a reader can check what was counted. */
  forms: string[];
}

export interface TermCounts {
  documents: Array<{ id: string; path: string; words: number }>;
  rows: TermCountRow[];
}

/** Term × document counts, terms in the order given. */
export function termCounts(terms: readonly string[], documents: readonly CountedDocument[]): TermCounts {
  const rows = terms.map((term, t) => {
    const counts = documents.map((d) => d.occurrences.filter((o) => o.term === t).length);
    const forms = [...new Set(documents.flatMap((d) => d.occurrences.filter((o) => o.term === t).map((o) => o.text.toLowerCase().replace(/\s+/g, ' '))))];
    forms.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { term, counts, total: counts.reduce((s, n) => s + n, 0), forms };
  });
  return { documents: documents.map((d) => ({ id: d.id, path: d.path, words: d.words })), rows };
}
