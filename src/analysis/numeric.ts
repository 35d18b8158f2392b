import type { Corpus } from '../model.js';
import { informantOf } from '../corpus/document.js';
import { compareIds } from '../corpus/index.js';
import { attributeOf } from './crosstab.js';

export interface NumericStats {
  n: number;
  mean: number | null;
  min: number | null;
  max: number | null;
}

export interface NumericAttributes {
  /** Attributes that are numbers in every document that has them (self-ratings 1-5 and the like). */
  attributes: string[];
  /** One row per informant (its notes' first value of each attribute), with its value of `by`. */
  perInformant: Array<{ informant: string; by: string | null; values: Array<number | null> }>;
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
  // An informant with two notes (informant: p5) is one row, and counts once in the summaries.
  const key = by !== undefined ? attributeOf(corpus, by) : () => null;
  const rows = new Map<string, NumericAttributes['perInformant'][number]>();
  for (const d of corpus.documents) {
    const who = informantOf(d);
    let row = rows.get(who);
    if (!row) rows.set(who, (row = { informant: who, by: key(d), values: attributes.map(() => null) }));
    row.by ??= key(d);
    attributes.forEach((a, i) => {
      const v = d.attributes[a];
      if (row!.values[i] === null && typeof v === 'number') row!.values[i] = v;
    });
  }
  const perInformant = [...rows.values()];
  const stats = (list: typeof perInformant) => attributes.map((_, i) => summarise(list.map((r) => r.values[i]!).filter((v): v is number => v !== null)));
  const result: NumericAttributes = { attributes, perInformant, all: stats(perInformant) };
  if (by !== undefined) {
    const values = [...new Set(perInformant.map((r) => r.by))].sort((a, b) => (a === null ? 1 : b === null ? -1 : compareIds(a, b)));
    result.by = { attribute: by, groups: values.map((v) => ({ value: v, stats: stats(perInformant.filter((r) => r.by === v)) })) };
  }
  return result;
}

export function summarise(values: readonly number[]): NumericStats {
  if (values.length === 0) return { n: 0, mean: null, min: null, max: null };
  return { n: values.length, mean: values.reduce((s, v) => s + v, 0) / values.length, min: values.reduce((a, v) => Math.min(a, v)), max: values.reduce((a, v) => Math.max(a, v)) };
}
