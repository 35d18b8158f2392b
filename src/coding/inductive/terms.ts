import type { FeatureTable } from './features.js';
import { logLikelihood } from './keyness.js';
import type { KeyTerm } from './model.js';

/** A key term must occur in at least this many segments of its group. */
const MIN_SEGMENTS = 2;

/**
 * The features a group of segments uses more than the rest, by log-likelihood G² on segment
 * counts. `outside` counts the features of segments in no group, which count for neither side.
 */
export function outsideCounts(table: FeatureTable, assignment: Int32Array): Map<number, number> {
  const outside = new Map<number, number>();
  assignment.forEach((a, i) => {
    if (a < 0) for (const id of table.segments[i].ids) outside.set(id, (outside.get(id) ?? 0) + 1);
  });
  return outside;
}

export function keyTerms(table: FeatureTable, members: readonly number[], total: number, count: number, outside: ReadonlyMap<number, number>, phrases = 0): KeyTerm[] {
  const inGroup = new Map<number, number>();
  for (const i of members) for (const id of table.segments[i].ids) inGroup.set(id, (inGroup.get(id) ?? 0) + 1);
  const c = members.length;
  const scored: KeyTerm[] = [];
  for (const [id, a] of inGroup) {
    if (a < MIN_SEGMENTS || table.kinds[id] === 'prefix') continue;
    const b = table.df[id] - a - (outside.get(id) ?? 0);
    const score = logLikelihood(a, b, c, total - c);
    if (score <= 0) continue;
    scored.push({ term: table.surface[id], key: table.keys[id], kind: table.kinds[id] as KeyTerm['kind'], segments: a, score: Math.round(score * 100) / 100 });
  }
  return phrases > 0 ? wordsThenPhrases(scored, count, phrases) : top(scored, count);
}

/**
 * Single words outscore phrases on any count-based statistic, so lists of key phrases show the
 * best `words` words and then the best `phrases` phrases, each by score.
 */
function wordsThenPhrases(scored: KeyTerm[], words: number, phrases: number): KeyTerm[] {
  return [...top(scored.filter((t) => t.kind === 'word'), words), ...top(scored.filter((t) => t.kind === 'phrase'), phrases)];
}

/** The corpus's key words and phrases by summed TF-IDF: Σ over segments of tf · ln(N / df). */
export function corpusKeyTerms(table: FeatureTable, count: number, phrases: number): KeyTerm[] {
  const n = table.segments.length;
  const sums = new Float64Array(table.keys.length);
  for (const { ids, weights } of table.segments) {
    for (let j = 0; j < ids.length; j++) sums[ids[j]] += weights[j];
  }
  const scored: KeyTerm[] = [];
  for (let id = 0; id < sums.length; id++) {
    const df = table.df[id];
    if (df < MIN_SEGMENTS || df === n || table.kinds[id] === 'prefix') continue;
    scored.push({ term: table.surface[id], key: table.keys[id], kind: table.kinds[id] as KeyTerm['kind'], segments: df, score: Math.round(sums[id] * Math.log(n / df) * 100) / 100 });
  }
  return wordsThenPhrases(scored, count, phrases);
}

/**
 * Words and phrases the members share, by how many of them share each: for a candidate that is a
 * whole language's few segments, where every shared word is in all of them and so has no TF-IDF
 * weight (two English segments on «rain» and «stormwater» came out «(uten fellesord)»).
 */
export function sharedTerms(table: FeatureTable, members: readonly number[], count: number): KeyTerm[] {
  const inGroup = new Map<number, number>();
  for (const i of members) for (const id of table.segments[i].ids) inGroup.set(id, (inGroup.get(id) ?? 0) + 1);
  const scored: KeyTerm[] = [];
  for (const [id, a] of inGroup) {
    if (a < MIN_SEGMENTS || table.kinds[id] === 'prefix') continue;
    scored.push({ term: table.surface[id], key: table.keys[id], kind: table.kinds[id] as KeyTerm['kind'], segments: a, score: a });
  }
  return top(scored, count);
}

/** Highest score first; ties by key, so output never depends on map order. */
function top(scored: KeyTerm[], count: number): KeyTerm[] {
  if (scored.length > count * 20) {
    // Only the best few are shown: cut by score before the full sort.
    const cut = [...scored].map((t) => t.score).sort((a, b) => b - a)[count - 1];
    scored = scored.filter((t) => t.score >= cut);
  }
  scored.sort((x, y) => y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return scored.slice(0, count);
}
