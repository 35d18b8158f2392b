import { evenSample, sphericalKMeans, type KMeansOptions } from './kmeans.js';
import { compact, dotDense, type SparseVector } from './vectors.js';

export interface KScore {
  k: number;
  /** Mean silhouette with cosine distance, −1..1: how much closer segments sit to their own candidate than to the next. */
  silhouette: number;
}

export interface KChoice {
  k: number;
  scores: KScore[];
  /** How many segments the scores were computed on (an even spread when the corpus is large). */
  sample: number;
}

/** Segments used to choose k: all of them up to this many, else an evenly spaced sample. */
export const K_SAMPLE = 1000;

/**
 * Choose the number of candidates: cluster an even sample for every k in [minK, maxK] and keep
 * the k with the highest mean silhouette (cosine distance). Ties go to the smaller k.
 */
export function chooseK(vectors: readonly SparseVector[], dims: number, minK: number, maxK: number, options: KMeansOptions): KChoice {
  const small = compact(evenSample(vectors.filter((v) => v.ids.length > 0), K_SAMPLE));
  const sample = small.vectors;
  const n = sample.length;
  const distance = new Float32Array(n * n);
  const dense = new Float64Array(small.dims);
  for (let i = 0; i < n; i++) {
    const a = sample[i];
    for (let j = 0; j < a.ids.length; j++) dense[a.ids[j]] = a.values[j];
    for (let j = i + 1; j < n; j++) {
      const d = 1 - dotDense(sample[j], dense);
      distance[i * n + j] = d;
      distance[j * n + i] = d;
    }
    for (let j = 0; j < a.ids.length; j++) dense[a.ids[j]] = 0;
  }
  const scores: KScore[] = [];
  for (let k = minK; k <= maxK; k++) {
    const { assignment } = sphericalKMeans(sample, small.dims, k, options);
    scores.push({ k, silhouette: silhouette(distance, n, assignment, k) });
  }
  let best = scores[0];
  for (const s of scores) if (s.silhouette > best.silhouette + 1e-9) best = s;
  return { k: best.k, scores, sample: n };
}

export function silhouette(distance: Float32Array, n: number, assignment: Int32Array, k: number): number {
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[assignment[i]]++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) if (j !== i) sums[assignment[j]] += distance[i * n + j];
    const own = assignment[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b);
  }
  return n > 0 ? total / n : 0;
}
