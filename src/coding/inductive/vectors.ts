import type { FeatureTable } from './features.js';

/** A segment as a sparse, L2-normalised TF-IDF vector over the kept features. */
export interface SparseVector {
  ids: Int32Array;
  values: Float64Array;
}

export interface VectorOptions {
  /** A feature must occur in at least this many segments to take part in clustering. */
  minDf: number;
  /** ... and in at most this share of them: words everyone uses separate nothing. */
  maxDfShare: number;
}

/**
 * TF-IDF with sublinear term frequency (1 + ln tf) and smoothed idf (ln((1 + N) / (1 + df)) + 1),
 * then L2-normalised, so cosine similarity is a dot product. Segments left without any kept
 * feature get an empty vector (they are not assigned).
 */
export function tfidf(table: FeatureTable, options: VectorOptions): { vectors: SparseVector[]; dims: number } {
  const n = table.segments.length;
  const maxDf = Math.max(options.minDf, Math.floor(n * options.maxDfShare));
  const idf = new Float64Array(table.keys.length);
  // Kept features are renumbered densely (in feature order, so vectors stay sorted).
  const dim = new Int32Array(table.keys.length);
  let dims = 0;
  for (let i = 0; i < idf.length; i++) {
    const df = table.df[i];
    idf[i] = df >= options.minDf && df <= maxDf ? Math.log((1 + n) / (1 + df)) + 1 : 0;
    dim[i] = idf[i] > 0 ? dims++ : -1;
  }
  const vectors = table.segments.map(({ ids, weights }) => {
    const keep: number[] = [];
    for (let j = 0; j < ids.length; j++) if (idf[ids[j]] > 0) keep.push(j);
    const out: SparseVector = { ids: new Int32Array(keep.length), values: new Float64Array(keep.length) };
    let norm = 0;
    keep.forEach((j, k) => {
      const v = (1 + Math.log(Math.max(1, weights[j])) - (weights[j] < 1 ? 1 - weights[j] : 0)) * idf[ids[j]];
      out.ids[k] = dim[ids[j]];
      out.values[k] = v;
      norm += v * v;
    });
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < out.values.length; k++) out.values[k] /= norm;
    return out;
  });
  return { vectors, dims };
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) s += a.values[i++] * b.values[j++];
    else if (x < y) i++;
    else j++;
  }
  return s;
}

export function dotDense(a: SparseVector, dense: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.ids.length; i++) s += a.values[i] * dense[a.ids[i]];
  return s;
}


/**
 * The same vectors over only the dimensions they use (a sample uses a fraction of the corpus's
 * features), so dense centroids stay small. `back` maps a compact dimension to the original one.
 */
export function compact(vectors: readonly SparseVector[]): { vectors: SparseVector[]; dims: number; back: Int32Array } {
  const used = new Map<number, number>();
  for (const v of vectors) for (const id of v.ids) if (!used.has(id)) used.set(id, 0);
  const back = Int32Array.from([...used.keys()].sort((a, b) => a - b));
  back.forEach((id, i) => used.set(id, i));
  return {
    vectors: vectors.map((v) => ({ ids: Int32Array.from(v.ids, (id) => used.get(id)!), values: v.values })),
    dims: back.length,
    back,
  };
}
