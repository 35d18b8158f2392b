import { words } from '../../text/tokenize.js';
import { prng } from './random.js';

/**
 * The plain baseline the inductive pass is measured against: lower-cased word tokens (no
 * stemming, no stop words, no compounds, no phrases), TF-IDF as scikit-learn's TfidfVectorizer
 * defaults (raw tf, smoothed idf, L2 norm), Euclidean k-means with k-means++ seeding, best of 10.
 */
export function baselineClusters(texts: readonly string[], k: number, seed = 1): number[] {
  const vocab = new Map<string, number>();
  const docs = texts.map((t) => {
    const counts = new Map<number, number>();
    for (const w of words(t)) {
      let id = vocab.get(w);
      if (id === undefined) vocab.set(w, (id = vocab.size));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  });
  const n = docs.length;
  const df = new Float64Array(vocab.size);
  for (const d of docs) for (const id of d.keys()) df[id]++;
  const dims = vocab.size;
  const x = docs.map((d) => {
    const v = new Float64Array(dims);
    for (const [id, tf] of d) v[id] = tf * (Math.log((1 + n) / (1 + df[id])) + 1);
    const norm = Math.hypot(...v) || 1;
    return v.map((y) => y / norm);
  });
  const random = prng(seed);
  let best: { labels: number[]; inertia: number } | undefined;
  for (let r = 0; r < 10; r++) {
    const run = kmeans(x, k, random);
    if (!best || run.inertia < best.inertia) best = run;
  }
  return best!.labels;
}

function distance2(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s;
}

function kmeans(x: Float64Array[], k: number, random: () => number): { labels: number[]; inertia: number } {
  const centres: Float64Array[] = [Float64Array.from(x[Math.floor(random() * x.length)])];
  while (centres.length < k) {
    const d = x.map((p) => Math.min(...centres.map((c) => distance2(p, c))));
    let target = random() * d.reduce((a, b) => a + b, 0);
    let pick = x.length - 1;
    for (let i = 0; i < x.length; i++) if ((target -= d[i]) <= 0) { pick = i; break; }
    centres.push(Float64Array.from(x[pick]));
  }
  const labels = new Array<number>(x.length).fill(-1);
  let inertia = 0;
  for (let it = 0; it < 100; it++) {
    let changed = false;
    inertia = 0;
    x.forEach((p, i) => {
      let bestC = 0;
      let bestD = Infinity;
      centres.forEach((c, j) => {
        const d = distance2(p, c);
        if (d < bestD) [bestD, bestC] = [d, j];
      });
      if (labels[i] !== bestC) changed = true;
      labels[i] = bestC;
      inertia += bestD;
    });
    if (!changed) break;
    centres.forEach((c, j) => {
      const members = x.filter((_, i) => labels[i] === j);
      if (members.length === 0) return;
      c.fill(0);
      for (const p of members) for (let t = 0; t < c.length; t++) c[t] += p[t] / members.length;
    });
  }
  return { labels, inertia };
}
