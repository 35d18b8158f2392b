import { sphericalKMeans, type Clustering, type KMeansOptions } from './kmeans.js';
import { dotDense, type SparseVector } from './vectors.js';

/** Up to this many segments the final grouping is by evidence accumulation; above, plain k-means. */
export const CONSENSUS_MAX = 1000;
/** How many k-means runs vote, and how much finer than k each run cuts. */
const RUNS = 30;
const OVERCUT = 2;
/** Plain k-means replaces the accumulated grouping when its segments lie this much closer to their centroids. */
const CLEARLY_BETTER = 1.02;

/**
 * Evidence accumulation (Fred & Jain 2005): many seeded k-means runs with twice as many groups
 * each vote on which segments belong together; average linkage on those votes then cuts the
 * corpus into k groups. On short segments a single k-means run depends on where it starts; the
 * pairs that most runs keep together are the stable part. Deterministic for a seed.
 */
export function consensusClusters(vectors: readonly SparseVector[], dims: number, k: number, options: KMeansOptions): Clustering {
  const live = vectors.map((v, i) => (v.ids.length > 0 ? i : -1)).filter((i) => i >= 0);
  const n = live.length;
  const together = new Float32Array(n * n);
  const fine = Math.min(n, k * OVERCUT);
  for (let r = 0; r < RUNS; r++) {
    const { assignment } = sphericalKMeans(vectors, dims, fine, { ...options, seed: options.seed * 7919 + r, restarts: 1 });
    for (let i = 0; i < n; i++) {
      const ai = assignment[live[i]];
      for (let j = i + 1; j < n; j++) {
        if (assignment[live[j]] === ai) {
          together[i * n + j]++;
          together[j * n + i]++;
        }
      }
    }
  }
  const groups = averageLinkage(together, n, k);
  const assignment = new Int32Array(vectors.length).fill(-1);
  groups.forEach((g, c) => { for (const i of g) assignment[live[i]] = c; });
  const accumulated = withCentroids(vectors, dims, assignment, groups.length);
  // Average linkage can go wrong where the votes are all or nothing (segments that repeat, a few
  // clear topics): one catch-all and single segments split off, or copies of one paragraph parted.
  // Plain k-means with the same k is the check; it wins only when clearly tighter.
  const plain = sphericalKMeans(vectors, dims, k, options);
  return plain.objective > accumulated.objective * CLEARLY_BETTER ? plain : accumulated;
}

/**
 * Average linkage (UPGMA) on a similarity matrix, merged down to k groups with the Lance-Williams
 * update. Each row keeps its best partner, so a merge costs O(n) instead of a full O(n²) scan.
 * Ties go to the lowest pair of indexes, so the result is deterministic.
 */
export function averageLinkage(similarity: Float32Array, n: number, k: number): number[][] {
  const sim = Float64Array.from(similarity);
  const members: Array<number[] | undefined> = Array.from({ length: n }, (_, i) => [i]);
  const bestOf = new Int32Array(n).fill(-1);
  const bestVal = new Float64Array(n).fill(-Infinity);
  const rescan = (i: number) => {
    bestOf[i] = -1;
    bestVal[i] = -Infinity;
    for (let j = 0; j < n; j++) {
      if (j !== i && members[j] && sim[i * n + j] > bestVal[i]) {
        bestVal[i] = sim[i * n + j];
        bestOf[i] = j;
      }
    }
  };
  for (let i = 0; i < n; i++) rescan(i);
  let alive = n;
  while (alive > k) {
    let bi = -1;
    for (let i = 0; i < n; i++) if (members[i] && bestOf[i] >= 0 && (bi < 0 || bestVal[i] > bestVal[bi])) bi = i;
    if (bi < 0) break;
    const bj = bestOf[bi];
    const [lo, hi] = bi < bj ? [bi, bj] : [bj, bi];
    const a = members[lo]!;
    const b = members[hi]!;
    for (let x = 0; x < n; x++) {
      if (!members[x] || x === lo || x === hi) continue;
      const s = (a.length * sim[lo * n + x] + b.length * sim[hi * n + x]) / (a.length + b.length);
      sim[lo * n + x] = s;
      sim[x * n + lo] = s;
    }
    members[lo] = a.concat(b);
    members[hi] = undefined;
    alive--;
    rescan(lo);
    for (let x = 0; x < n; x++) {
      if (!members[x] || x === lo) continue;
      if (bestOf[x] === lo || bestOf[x] === hi) rescan(x);
      else {
        const s = sim[x * n + lo];
        if (s > bestVal[x] || (s === bestVal[x] && lo < bestOf[x])) {
          bestVal[x] = s;
          bestOf[x] = lo;
        }
      }
    }
  }
  return members.filter((m): m is number[] => m !== undefined).map((m) => m.sort((x, y) => x - y));
}

function withCentroids(vectors: readonly SparseVector[], dims: number, assignment: Int32Array, k: number): Clustering {
  const centroids = Array.from({ length: k }, () => new Float64Array(dims));
  assignment.forEach((c, i) => {
    if (c < 0) return;
    const v = vectors[i];
    for (let j = 0; j < v.ids.length; j++) centroids[c][v.ids[j]] += v.values[j];
  });
  for (const c of centroids) {
    let norm = 0;
    for (let j = 0; j < c.length; j++) norm += c[j] * c[j];
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < c.length; j++) c[j] /= norm;
  }
  let objective = 0;
  assignment.forEach((c, i) => { if (c >= 0) objective += dotDense(vectors[i], centroids[c]); });
  return { assignment, centroids, objective };
}
