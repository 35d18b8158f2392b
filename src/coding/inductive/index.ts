import { informantOf } from '../../corpus/document.js';
import type { Coding, Corpus, Diagnostic, Document, Segment } from '../../model.js';
import { chooseK } from './choosek.js';
import { CONSENSUS_MAX, consensusClusters } from './consensus.js';
import { extractFeatures } from './features.js';
import { sphericalKMeans } from './kmeans.js';
import { labelFor, slug } from './label.js';
import { groupTerms, overlap, representative } from './describe.js';
import type { Assignment, Candidate, KeyTerm, Suggestion } from './model.js';
import { corpusKeyTerms, keyTerms, outsideCounts } from './terms.js';
import { tfidf } from './vectors.js';

export type * from './model.js';

export interface SuggestOptions {
  /** Number of candidates; chosen by silhouette when absent. */
  k?: number;
  /** The largest k tried when choosing. */
  maxK: number;
  seed: number;
  /** Only segments the codebook left uncoded. */
  uncodedOnly: boolean;
  /** Quotes per candidate. */
  quotes: number;
  /** Key terms per candidate and per group. */
  terms: number;
  /** Attribute whose values are compared for group key phrases (e.g. role); none when absent. */
  groupBy?: string;
}

export const DEFAULT_SUGGEST: SuggestOptions = { maxK: 12, seed: 1, uncodedOnly: false, quotes: 3, terms: 8 };

/** A candidate is new when no code covers this share of its segments. */
export const NEW_BELOW = 0.25;
/** Fewest segments per candidate that --k may ask for, and that the automatic choice allows. */
export const MIN_PER_CANDIDATE = 2;
const AUTO_MIN_PER_CANDIDATE = 3;
/** Up to this many segments, k-means gets 10 restarts; above, 3. */
const SMALL = 1000;
/** Restarts per k when choosing k: 10 up to TINY segments, 3 up to SMALL, 1 above. */
const TINY = 300;

export type SuggestResult = { ok: true; suggestion: Suggestion } | { ok: false; diagnostics: Diagnostic[] };

function fail(code: string, message: string, hint: string): SuggestResult {
  return { ok: false, diagnostics: [{ severity: 'error', code, message, hint }] };
}

/**
 * The inductive pass: group segments by the words they share (stems, compound parts, phrases;
 * TF-IDF, spherical k-means), name each group from its key terms, and relate it to the codebook.
 * Pure and deterministic: the corpus is already in id order, and the clustering is seeded.
 */
export function suggest(corpus: Corpus, codings: readonly Coding[], options: SuggestOptions): SuggestResult {
  const codesOf = new Map<string, string[]>();
  for (const c of codings) {
    const list = codesOf.get(c.segment);
    if (!list) codesOf.set(c.segment, [c.code]);
    else if (!list.includes(c.code)) list.push(c.code);
  }
  const docs = new Map<string, Document>(corpus.documents.map((d) => [d.id, d]));
  const considered = corpus.segments.filter((s) => !options.uncodedOnly || !codesOf.has(s.id));
  if (corpus.segments.length === 0) {
    return fail('SUGGEST_EMPTY_CORPUS', 'the notes have no segments to group', 'Check that the notes contain text (interviewer turns are left out unless --include-interviewer).');
  }
  if (considered.length === 0) {
    return fail('SUGGEST_NOTHING_UNCODED', 'the codebook coded every segment, so --uncoded leaves nothing to group', 'Run without --uncoded to group all segments.');
  }
  const table = extractFeatures(considered.map((s) => ({ text: s.text, lang: docs.get(s.document)?.lang ?? 'nb' })));
  if (table.keys.length === 0) {
    return fail('SUGGEST_NO_CONTENT_WORDS', `the ${considered.length} segments have no content words (only stop words, numbers or very short words)`, 'Check the notes: the inductive pass groups segments by the words they share.');
  }
  const { vectors, dims } = tfidf(table, { minDf: 2, maxDfShare: 0.5 });
  const live = vectors.filter((v) => v.ids.length > 0).length;
  const kmeans = { seed: options.seed, restarts: live <= SMALL ? 10 : 3, maxIterations: 60 };
  let k: number;
  let kChoice: Suggestion['kChoice'];
  if (options.k !== undefined) {
    if (options.k < 2) return fail('SUGGEST_K_TOO_SMALL', `--k ${options.k} asks for fewer than 2 candidates`, 'Give --k 2 or more, or leave it out to let themes choose.');
    if (live < options.k * MIN_PER_CANDIDATE) {
      return fail('SUGGEST_TOO_FEW_SEGMENTS', `--k ${options.k} needs at least ${options.k * MIN_PER_CANDIDATE} segments that share content words; found ${live} of ${considered.length}`,
        `Give a smaller --k (at most ${Math.floor(live / MIN_PER_CANDIDATE)}), or add notes.`);
    }
    k = options.k;
    kChoice = { method: 'fixed' };
  } else {
    if (options.maxK < 2) return fail('SUGGEST_K_TOO_SMALL', `--max-k ${options.maxK} leaves no k to choose from`, 'Give --max-k 2 or more.');
    const maxK = Math.min(options.maxK, Math.floor(live / AUTO_MIN_PER_CANDIDATE));
    if (maxK < 2) {
      return fail('SUGGEST_TOO_FEW_SEGMENTS', `${live} of ${considered.length} segments share content words; grouping needs at least ${2 * AUTO_MIN_PER_CANDIDATE}`, 'Add notes, or use a smaller coding unit (--unit sentence).');
    }
    // Choosing k needs a rough grouping per k, not the best of many: fewer restarts on large corpora.
    const choice = chooseK(vectors, dims, 2, maxK, { ...kmeans, restarts: live <= TINY ? 10 : live <= SMALL ? 3 : 1 });
    k = choice.k;
    kChoice = { method: 'silhouette', ...choice };
  }
  const clustering = live <= CONSENSUS_MAX ? consensusClusters(vectors, dims, k, kmeans) : sphericalKMeans(vectors, dims, k, kmeans);

  const members: number[][] = Array.from({ length: k }, () => []);
  clustering.assignment.forEach((c, i) => { if (c >= 0) members[c].push(i); });
  const similarity = vectors.map((v, i) => {
    const c = clustering.assignment[i];
    if (c < 0) return 0;
    let s = 0;
    for (let j = 0; j < v.ids.length; j++) s += v.values[j] * clustering.centroids[c][v.ids[j]];
    return s;
  });
  const informantOfSeg = (s: Segment) => informantOf(docs.get(s.document)!);

  const outside = outsideCounts(table, clustering.assignment);
  const draft = members.filter((m) => m.length > 0).map((m) => {
    const terms = keyTerms(table, m, live, options.terms, outside);
    const segs = m.map((i) => considered[i]);
    const overlaps = overlap(segs, codesOf);
    return {
      label: labelFor(terms), terms, members: m,
      segments: segs.map((s) => s.id),
      informants: [...new Set(segs.map(informantOfSeg))].sort(),
      cohesion: round(m.reduce((a, i) => a + similarity[i], 0) / m.length),
      overlaps,
      relation: (overlaps[0]?.share ?? 0) >= NEW_BELOW ? 'overlaps' as const : 'new' as const,
    };
  });
  draft.sort((a, b) => b.members.length - a.members.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || a.members[0] - b.members[0]);
  const used = new Set<string>();
  const candidates: Candidate[] = draft.map((d) => {
    let id = `candidate-${slug(d.label)}`;
    for (let n = 2; used.has(id); n++) id = `candidate-${slug(d.label)}-${n}`;
    used.add(id);
    const { members: m, ...rest } = d;
    return { id, ...rest, quotes: representative(id, m, considered, similarity, docs, options.quotes) };
  });

  const idOfCluster = new Map<number, string>();
  draft.forEach((d, i) => idOfCluster.set(clustering.assignment[d.members[0]], candidates[i].id));
  const position = new Map(considered.map((s, i) => [s.id, i]));
  const assignments: Assignment[] = corpus.segments.map((s) => {
    const i = position.get(s.id);
    if (i === undefined) return { segment: s.id, candidate: null, similarity: null, reason: 'coded' };
    const c = clustering.assignment[i];
    if (c < 0) return { segment: s.id, candidate: null, similarity: null, reason: 'no-content' };
    return { segment: s.id, candidate: idOfCluster.get(c)!, similarity: round(similarity[i]) };
  });

  return {
    ok: true,
    suggestion: {
      candidates, assignments, k, kChoice, seed: options.seed,
      considered: considered.length, clustered: live, uncodedOnly: options.uncodedOnly,
      keyPhrases: {
        corpus: corpusKeyTerms(table, options.terms * 2, options.terms),
        groups: options.groupBy ? groupTerms(table, considered, docs, options.groupBy, options.terms) : [],
      },
    },
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export type { KeyTerm };
