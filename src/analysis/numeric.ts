import type { Corpus } from '../model.js';
import { informantOf } from '../corpus/document.js';
import { compareIds } from '../corpus/index.js';

export interface NumericStats {
  n: number;
  mean: number | null;
  min: number | null;
  max: number | null;
}

export interface NumericAttributes {
  /** Attributes that are numbers in every document that has them (self-ratings 1-5 and the like). */
  attributes: string[];
  perInformant: Array<{ informant: string; values: Array<number | null> }>;
  /** Summary by the values of a grouping attribute, then `all`. */
  by?: { attribute: string; groups: Array<{ value: string | null; stats: NumericStats[] }> };
  all: NumericStats[];
}

/** Numeric front-matter attributes per informant, and n / mean / min / max by another attribute. */
export function numericAttributes(corpus: Corpus, by?: string): NumericAttributes {
  const names = [...new Set(corpus.documents.flatMap((d) => Object.keys(d.attributes)))].sort();
  const attributes = names.filter((name) => {
    const present = corpus.documents.map((d) => d.attributes[name]).filter((v) => v !== undefined);
    return name !== 'id' && present.length > 0 && present.every((v) => typeof v === 'number' && Number.isFinite(v));
  });
  const value = (doc: Corpus['documents'][number], name: string): number | null => {
    const v = doc.attributes[name];
    return typeof v === 'number' ? v : null;
  };
  const perInformant = corpus.documents.map((d) => ({ informant: informantOf(d), values: attributes.map((a) => value(d, a)) }));
  const stats = (docs: Corpus['documents']) => attributes.map((a) => summarise(docs.map((d) => value(d, a)).filter((v): v is number => v !== null)));
  const result: NumericAttributes = { attributes, perInformant, all: stats(corpus.documents) };
  if (by !== undefined) {
    const key = (d: Corpus['documents'][number]) => (d.attributes[by] === undefined ? null : String(d.attributes[by]));
    const values = [...new Set(corpus.documents.map(key))].sort((a, b) => (a === null ? 1 : b === null ? -1 : compareIds(a, b)));
    result.by = { attribute: by, groups: values.map((v) => ({ value: v, stats: stats(corpus.documents.filter((d) => key(d) === v)) })) };
  }
  return result;
}

export function summarise(values: readonly number[]): NumericStats {
  if (values.length === 0) return { n: 0, mean: null, min: null, max: null };
  return { n: values.length, mean: values.reduce((s, v) => s + v, 0) / values.length, min: Math.min(...values), max: Math.max(...values) };
}
