import { evenSample, sphericalKMeans, type KMeansOptions } from './kmeans.js';
import { compact, dotDense, type SparseVector } from './vectors.js';

export interface KScore {
  k: number;
  /** Mean silhouette with cosine distance, −1..1: how much closer segments sit to their own candidate than to the next. */
  silhouette: number;
  /** Share of the sample in the largest candidate. */
  largest: number;
}

/** A candidate holding more than this share of the segments is no theme but "everything else". */
export const MAX_LARGEST = 0.5;

export interface KChoice {
  k: number;
  scores: KScore[];
  /** False when every k left a candidate above MAX_LARGEST, so the best silhouette overall was taken. */
  balanced: boolean;
  /** How many segments the scores were computed on (an even spread when the corpus is large). */
  sample: number;
}

/** Segments used to choose k: all of them up to this many, else an evenly spaced sample. */
export const K_SAMPLE = 1000;

/**
 * Choose the number of candidates: cluster an even sample for every k in [minK, maxK] and keep
 * the k with the highest mean silhouette (cosine distance) among those whose largest candidate
 * holds at most half of the sample. On long, many-topic paragraphs the silhouette alone favours
 * k = 2: one small group and one "everything else". Ties go to the smaller k. With `seeds` > 1,
 * each k is grouped that many times (seeds options.seed, + 7919, …) and its scores are the means.
 */
export function chooseK(vectors: readonly SparseVector[], dims: number, minK: number, maxK: number, options: KMeansOptions, seeds = 1): KChoice {
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
    let sil = 0;
    let largest = 0;
    for (let r = 0; r < seeds; r++) {
      const { assignment } = sphericalKMeans(sample, small.dims, k, { ...options, seed: options.seed + r * 7919 });
      const sizes = new Array<number>(k).fill(0);
      for (let i = 0; i < n; i++) sizes[assignment[i]]++;
      sil += silhouette(distance, n, assignment, k);
      largest += Math.max(...sizes) / n;
    }
    scores.push({ k, silhouette: round(sil / seeds), largest: round(largest / seeds) });
  }
  const balanced = scores.filter((s) => s.largest <= MAX_LARGEST);
  const pool = balanced.length > 0 ? balanced : scores;
  let best = pool[0];
  for (const s of pool) if (s.silhouette > best.silhouette + 1e-9) best = s;
  return { k: best.k, scores, sample: n, balanced: balanced.length > 0 };
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

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
