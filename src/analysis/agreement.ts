// Reliability statistics on nominal data. Pure functions over a reliability data matrix:
// one row per coder, one column per unit, `null` where a coder gave no value (missing data).

export type Value = string | number | boolean;
export type Matrix = ReadonlyArray<ReadonlyArray<Value | null>>;

export interface AlphaResult {
  /** Krippendorff's alpha; null when it is undefined (fewer than two pairable values, or no variation at all). */
  alpha: number | null;
  /** Pairable values: values in units that have at least two of them. */
  n: number;
  /** Observed and expected disagreement (nominal metric). */
  observed: number;
  expected: number;
}

/**
 * Krippendorff's alpha for nominal data with missing values, via the coincidence matrix
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011):
 *   o_ck = Σ_u (number of c-k pairs in unit u) / (m_u − 1), over units with m_u ≥ 2 values
 *   n_c = Σ_k o_ck, n = Σ_c n_c
 *   alpha = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k
 */
export function krippendorffAlpha(matrix: Matrix): AlphaResult {
  const units = matrix.length === 0 ? 0 : Math.max(...matrix.map((r) => r.length));
  const key = (v: Value) => `${typeof v}:${String(v)}`;
  const coincidence = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number) => {
    let row = coincidence.get(c);
    if (!row) coincidence.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + w);
  };
  for (let u = 0; u < units; u++) {
    const values: string[] = [];
    for (const row of matrix) {
      const v = row[u];
      if (v !== null && v !== undefined) values.push(key(v));
    }
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(values[i]!, values[j]!, 1 / (m - 1));
  }
  const nc = new Map<string, number>();
  let n = 0;
  let disagreeing = 0;
  for (const [c, row] of coincidence) {
    for (const [k, o] of row) {
      nc.set(c, (nc.get(c) ?? 0) + o);
      n += o;
      if (c !== k) disagreeing += o;
    }
  }
  let expectedPairs = 0;
  for (const [c, a] of nc) for (const [k, b] of nc) if (c !== k) expectedPairs += a * b;
  n = round(n);
  if (n < 2) return { alpha: null, n, observed: 0, expected: 0 };
  const observed = disagreeing / n;
  const expected = expectedPairs / (n * (n - 1));
  if (expected === 0) return { alpha: null, n, observed, expected };
  return { alpha: 1 - observed / expected, n, observed, expected };
}

export interface KappaResult {
  /** Cohen's kappa; null when chance agreement is 1 (both coders used one and the same value throughout). */
  kappa: number | null;
  /** Units both coders gave a value. */
  n: number;
  observed: number;
  expected: number;
}

/**
 * Cohen's kappa for two coders: (p_o − p_e) / (1 − p_e), where p_o is the share of units with the
 * same value and p_e = Σ_c p_a(c) · p_b(c) from each coder's own marginal distribution. Units
 * where either coder has no value are left out.
 */
export function cohenKappa(a: ReadonlyArray<Value | null>, b: ReadonlyArray<Value | null>): KappaResult {
  const key = (v: Value) => `${typeof v}:${String(v)}`;
  const ma = new Map<string, number>();
  const mb = new Map<string, number>();
  let n = 0;
  let same = 0;
  for (let u = 0; u < Math.min(a.length, b.length); u++) {
    const x = a[u];
    const y = b[u];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    n++;
    if (key(x) === key(y)) same++;
    ma.set(key(x), (ma.get(key(x)) ?? 0) + 1);
    mb.set(key(y), (mb.get(key(y)) ?? 0) + 1);
  }
  if (n === 0) return { kappa: null, n, observed: 0, expected: 0 };
  const observed = same / n;
  let expected = 0;
  for (const [c, fa] of ma) expected += (fa / n) * ((mb.get(c) ?? 0) / n);
  if (expected >= 1 - 1e-12) return { kappa: null, n, observed, expected };
  return { kappa: (observed - expected) / (1 - expected), n, observed, expected };
}

export interface PercentResult {
  /** Share of units (with two or more values) where every coder gave the same value; null when there are none. */
  percent: number | null;
  n: number;
  agreed: number;
}

export function percentAgreement(matrix: Matrix): PercentResult {
  const units = matrix.length === 0 ? 0 : Math.max(...matrix.map((r) => r.length));
  let n = 0;
  let agreed = 0;
  for (let u = 0; u < units; u++) {
    const values = new Set<string>();
    let m = 0;
    for (const row of matrix) {
      const v = row[u];
      if (v === null || v === undefined) continue;
      m++;
      values.add(`${typeof v}:${String(v)}`);
    }
    if (m < 2) continue;
    n++;
    if (values.size === 1) agreed++;
  }
  return { percent: n === 0 ? null : agreed / n, n, agreed };
}

export interface PrfResult {
  tp: number;
  fp: number;
  fn: number;
  /** null when undefined (nothing predicted, or nothing to find). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** Precision, recall and F1 from counts of true positives, false positives and false negatives. */
export function prf(tp: number, fp: number, fn: number): PrfResult {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Floating sums of 1/(m−1) drift by a few ulps; n is a whole number of pairable values. */
function round(x: number): number {
  return Math.abs(x - Math.round(x)) < 1e-9 ? Math.round(x) : x;
}
