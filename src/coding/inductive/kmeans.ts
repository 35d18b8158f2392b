import { prng } from './random.js';
import { compact, dotDense, type SparseVector } from './vectors.js';

export interface Clustering {
  /** Cluster of each vector; -1 for empty vectors. */
  assignment: Int32Array;
  /** L2-normalised centroids, k × dims. */
  centroids: Float64Array[];
  /** Sum over vectors of the cosine to their centroid (higher is tighter). */
  objective: number;
}

export interface KMeansOptions {
  seed: number;
  restarts: number;
  maxIterations: number;
}

/**
 * Spherical k-means (cosine similarity) with k-means++ seeding from a seeded PRNG; the best of
 * `restarts` runs by objective. Deterministic for the same vectors, k and seed.
 */
export function sphericalKMeans(vectors: readonly SparseVector[], dims: number, k: number, options: KMeansOptions): Clustering {
  const random = prng(options.seed);
  const live = vectors.filter((v) => v.ids.length > 0);
  // A large corpus: the restarts run on an even sample, then the best start is refined on all.
  const small = live.length > SAMPLE ? compact(evenSample(live, SAMPLE)) : { vectors, dims, back: undefined };
  let best: Clustering | undefined;
  for (let r = 0; r < options.restarts; r++) {
    const run = once(small.vectors, k, seedPlusPlus(small.vectors, liveOf(small.vectors), small.dims, k, random), options.maxIterations);
    if (!best || run.objective > best.objective + 1e-12) best = run;
  }
  if (!small.back) return best!;
  const back = small.back;
  const start = best!.centroids.map((c) => {
    const full = new Float64Array(dims);
    c.forEach((x, j) => { full[back[j]] = x; });
    return full;
  });
  return once(vectors, k, start, Math.min(options.maxIterations, REFINE));
}

/** Above this many segments, restarts run on a sample of this size. */
export const SAMPLE = 3000;
/** Iterations on the whole corpus after the sample: the start is already good. */
const REFINE = 20;

export function evenSample<T>(items: readonly T[], size: number): T[] {
  const step = Math.max(1, items.length / size);
  const out: T[] = [];
  for (let x = 0; Math.floor(x) < items.length && out.length < size; x += step) out.push(items[Math.floor(x)]);
  return out;
}

function liveOf(vectors: readonly SparseVector[]): number[] {
  return vectors.map((v, i) => (v.ids.length > 0 ? i : -1)).filter((i) => i >= 0);
}

function once(vectors: readonly SparseVector[], k: number, start: Float64Array[], maxIterations: number): Clustering {
  const live = liveOf(vectors);
  const centroids = start.map((c) => Float64Array.from(c));
  // Stop when (almost) nobody moves: the last few per mille change nothing a reader would see.
  const settled = Math.floor(live.length / 1000);
  const assignment = new Int32Array(vectors.length).fill(-1);
  const similarity = new Float64Array(vectors.length);
  let objective = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = 0;
    objective = 0;
    for (const i of live) {
      let bestC = 0;
      let bestS = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dotDense(vectors[i], centroids[c]);
        if (s > bestS) [bestS, bestC] = [s, c];
      }
      if (assignment[i] !== bestC) changed++;
      assignment[i] = bestC;
      similarity[i] = bestS;
      objective += bestS;
    }
    if (changed <= settled && iteration > 0) break;
    recompute(vectors, live, assignment, similarity, centroids);
  }
  return { assignment, centroids, objective };
}

/** New centroids as normalised sums; an emptied cluster takes the vector that fits its cluster worst. */
function recompute(vectors: readonly SparseVector[], live: number[], assignment: Int32Array, similarity: Float64Array, centroids: Float64Array[]): void {
  const k = centroids.length;
  const sizes = new Int32Array(k);
  for (const c of centroids) c.fill(0);
  for (const i of live) {
    const c = centroids[assignment[i]];
    sizes[assignment[i]]++;
    const v = vectors[i];
    for (let j = 0; j < v.ids.length; j++) c[v.ids[j]] += v.values[j];
  }
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) {
      let worst = -1;
      for (const i of live) if (sizes[assignment[i]] > 1 && (worst < 0 || similarity[i] < similarity[worst])) worst = i;
      if (worst < 0) continue;
      sizes[assignment[worst]]--;
      assignment[worst] = c;
      similarity[worst] = 1;
      sizes[c] = 1;
      const v = vectors[worst];
      for (let j = 0; j < v.ids.length; j++) centroids[c][v.ids[j]] = v.values[j];
      continue;
    }
    normalise(centroids[c]);
  }
}

function normalise(c: Float64Array): void {
  let n = 0;
  for (let j = 0; j < c.length; j++) n += c[j] * c[j];
  n = Math.sqrt(n);
  if (n > 0) for (let j = 0; j < c.length; j++) c[j] /= n;
}

/** k-means++: each next seed drawn with probability proportional to its distance (1 − cosine) from the nearest seed. */
function seedPlusPlus(vectors: readonly SparseVector[], live: number[], dims: number, k: number, random: () => number): Float64Array[] {
  const centroids: Float64Array[] = [];
  const distance = new Float64Array(vectors.length).fill(Infinity);
  let next = live[Math.floor(random() * live.length)];
  for (let c = 0; c < k; c++) {
    const centroid = new Float64Array(dims);
    const v = vectors[next];
    for (let j = 0; j < v.ids.length; j++) centroid[v.ids[j]] = v.values[j];
    centroids.push(centroid);
    if (c === k - 1) break;
    let total = 0;
    for (const i of live) {
      const d = Math.max(0, 1 - dotDense(vectors[i], centroid));
      if (d < distance[i]) distance[i] = d;
      total += distance[i] * distance[i];
    }
    let target = random() * total;
    next = live[live.length - 1];
    for (const i of live) {
      target -= distance[i] * distance[i];
      if (target <= 0 && distance[i] > 0) {
        next = i;
        break;
      }
    }
  }
  return centroids;
}
