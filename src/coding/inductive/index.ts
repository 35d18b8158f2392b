import { informantOf } from '../../corpus/document.js';
import type { Coding, Corpus, Diagnostic, Document, Segment } from '../../model.js';
import { chooseK } from './choosek.js';
import { CONSENSUS_MAX, consensusClusters } from './consensus.js';
import { extractFeatures } from './features.js';
import { sphericalKMeans } from './kmeans.js';
import { labelFor, slug } from './label.js';
import { groupTerms, overlap, representative } from './describe.js';
import type { Assignment, Candidate, KeyTerm, Suggestion } from './model.js';
import { byLanguage, shareK, subTable } from './languages.js';
import { corpusKeyTerms, keyTerms, sharedTerms, outsideCounts } from './terms.js';
import { tfidf, type SparseVector } from './vectors.js';

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
/** A candidate at least this share of whose segments some code covers is not `new`, whatever the codes. */
const CODED_ABOVE = 0.5;

function codedShare(segs: readonly Segment[], codesOf: ReadonlyMap<string, readonly string[]>): number {
  return segs.length === 0 ? 0 : segs.filter((s) => (codesOf.get(s.id)?.length ?? 0) > 0).length / segs.length;
}

/** How many key terms a candidate's label is chosen from: the default of --terms. */
const LABEL_TERMS = 8;
/** Fewest segments per candidate that --k may ask for, and that the automatic choice allows. */
export const MIN_PER_CANDIDATE = 2;
const AUTO_MIN_PER_CANDIDATE = 3;
/** Fewest segments that share content words for the pass to choose k (and group) at all. */
export const MIN_TO_GROUP = 2 * AUTO_MIN_PER_CANDIDATE;
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
  const langs = considered.map((s) => docs.get(s.document)?.lang ?? 'nb');
  const table = extractFeatures(considered.map((s, i) => ({ text: s.text, lang: langs[i] })));
  if (table.keys.length === 0) {
    return fail('SUGGEST_NO_CONTENT_WORDS', `the ${considered.length} segments have no content words (only stop words, numbers or very short words)`, 'Check the notes: the inductive pass groups segments by the words they share.');
  }
  // Each language on its own (see languages.ts); with one language, the whole table as it is.
  const groups = byLanguage(langs).map(({ language, indexes }) => {
    const sub = indexes.length === considered.length ? table : subTable(table, indexes);
    const { vectors, dims } = tfidf(sub, { minDf: 2, maxDfShare: 0.5 });
    return { language, indexes, table: sub, vectors, dims, live: vectors.filter((v) => v.ids.length > 0).length };
  });
  const live = groups.reduce((a, g) => a + g.live, 0);
  const perLanguage = kPerLanguage(groups, considered.length, options);
  if (!perLanguage.ok) return perLanguage.result;
  const { ks, choices } = perLanguage;

  // Cluster each group; results are mapped back to indexes into `considered`.
  const similarity = new Array<number>(considered.length).fill(0);
  /** Group and cluster of each considered segment; -1 when it has no shared content words. */
  const clusterOf = new Int32Array(considered.length).fill(-1);
  const groupOf = new Int32Array(considered.length).fill(-1);
  const informantOfSeg = (s: Segment) => informantOf(docs.get(s.document)!);
  const draft = groups.flatMap((g, gi) => {
    const k = ks[gi];
    if (k === 0) return [];
    const kmeans = { seed: options.seed, restarts: g.live <= SMALL ? 10 : 3, maxIterations: 60 };
    const clustering = k === 1 || g.live > CONSENSUS_MAX ? sphericalKMeans(g.vectors, g.dims, k, kmeans) : consensusClusters(g.vectors, g.dims, k, kmeans);
    const members: number[][] = Array.from({ length: k }, () => []);
    clustering.assignment.forEach((c, i) => {
      if (c < 0) return;
      members[c].push(i);
      const at = g.indexes[i];
      clusterOf[at] = c;
      groupOf[at] = gi;
      const v = g.vectors[i];
      let s = 0;
      for (let j = 0; j < v.ids.length; j++) s += v.values[j] * clustering.centroids[c][v.ids[j]];
      similarity[at] = s;
    });
    const outside = outsideCounts(g.table, clustering.assignment);
    return members.filter((m) => m.length > 0).map((m) => {
      // One candidate for a whole language has no rest to be key against: its terms are its key phrases.
      // The label (and so the id) comes from the same LABEL_TERMS whatever --terms shows, so that
      // two runs that show more or fewer terms name the candidates alike.
      const wanted = Math.max(options.terms, LABEL_TERMS);
      const corpusTerms = k === 1 ? corpusKeyTerms(g.table, wanted, 0) : [];
      const ranked = k !== 1 ? keyTerms(g.table, m, g.live, wanted, outside) : corpusTerms.length > 0 ? corpusTerms : sharedTerms(g.table, m, wanted);
      const terms = ranked.slice(0, options.terms);
      const global = m.map((i) => g.indexes[i]);
      const segs = global.map((i) => considered[i]);
      const overlaps = overlap(segs, codesOf);
      return {
        group: gi, cluster: clustering.assignment[m[0]],
        label: labelFor(ranked.slice(0, LABEL_TERMS)), terms, members: global,
        segments: segs.map((s) => s.id),
        informants: [...new Set(segs.map(informantOfSeg))].sort(),
        cohesion: round(global.reduce((a, i) => a + similarity[i], 0) / global.length),
        overlaps,
        // Mostly coded already, by several codes none of which covers a quarter, is no new theme either.
        relation: (overlaps[0]?.share ?? 0) >= NEW_BELOW || codedShare(segs, codesOf) >= CODED_ABOVE ? 'overlaps' as const : 'new' as const,
      };
    });
  });
  draft.sort((a, b) => b.members.length - a.members.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || a.members[0] - b.members[0]);
  const used = new Set<string>();
  const candidates: Candidate[] = draft.map((d) => {
    let id = `candidate-${slug(d.label)}`;
    for (let n = 2; used.has(id); n++) id = `candidate-${slug(d.label)}-${n}`;
    used.add(id);
    const { members: m, group: _g, cluster: _c, ...rest } = d;
    return { id, ...rest, quotes: representative(id, m, considered, similarity, docs, options.quotes) };
  });

  const idOfCluster = new Map<string, string>();
  draft.forEach((d, i) => idOfCluster.set(`${d.group}:${d.cluster}`, candidates[i].id));
  const position = new Map(considered.map((s, i) => [s.id, i]));
  const assignments: Assignment[] = corpus.segments.map((s) => {
    const i = position.get(s.id);
    if (i === undefined) return { segment: s.id, candidate: null, similarity: null, reason: 'coded' };
    if (clusterOf[i] < 0) return { segment: s.id, candidate: null, similarity: null, reason: 'no-content' };
    return { segment: s.id, candidate: idOfCluster.get(`${groupOf[i]}:${clusterOf[i]}`)!, similarity: round(similarity[i]) };
  });
  const k = ks.reduce((x, y) => x + y, 0);
  const main = groups.reduce((best, g, gi) => (g.live > groups[best].live ? gi : best), 0);
  const kChoice = options.k !== undefined ? { method: 'fixed' as const } : choices[main];

  return {
    ok: true,
    suggestion: {
      candidates, assignments, k, kChoice, seed: options.seed,
      ...(groups.length > 1 ? { languages: groups.map((g, gi) => ({ language: g.language, segments: g.indexes.length, clustered: g.live, k: ks[gi], kChoice: choices[gi] })) } : {}),
      considered: considered.length, clustered: live, uncodedOnly: options.uncodedOnly,
      keyPhrases: {
        corpus: corpusKeyTerms(table, options.terms * 2, options.terms),
        groups: options.groupBy ? groupTerms(table, considered, docs, options.groupBy, options.terms) : [],
      },
    },
  };
}

interface LanguageVectors {
  vectors: SparseVector[];
  dims: number;
  /** Segments with shared content words. */
  live: number;
}

type KPerLanguage = { ok: true; ks: number[]; choices: Array<Suggestion['kChoice']> } | { ok: false; result: SuggestResult };

/**
 * How many candidates each language gets: --k shared out by segments, or k chosen by silhouette
 * per language within its share of --max-k. `considered`: the segments, for messages.
 */
function kPerLanguage(groups: readonly LanguageVectors[], considered: number, options: SuggestOptions): KPerLanguage {
  const live = groups.reduce((a, g) => a + g.live, 0);
  const failed = (code: string, message: string, hint: string): KPerLanguage => ({ ok: false, result: fail(code, message, hint) });
  if (options.k !== undefined) {
    if (options.k < 2) return failed('SUGGEST_K_TOO_SMALL', `--k ${options.k} asks for fewer than 2 candidates`, 'Give --k 2 or more, or leave it out to let themes choose.');
    if (live < options.k * MIN_PER_CANDIDATE) {
      return failed('SUGGEST_TOO_FEW_SEGMENTS', `--k ${options.k} needs at least ${options.k * MIN_PER_CANDIDATE} segments that share content words; found ${live} of ${considered}`,
        `Give a smaller --k (at most ${Math.floor(live / MIN_PER_CANDIDATE)}), or add notes.`);
    }
    const ks = shareK(options.k, groups.map((g) => g.live), groups.map((g) => Math.max(1, Math.floor(g.live / MIN_PER_CANDIDATE))));
    return { ok: true, ks, choices: groups.map(() => ({ method: 'fixed' as const })) };
  }
  if (options.maxK < 2) return failed('SUGGEST_K_TOO_SMALL', `--max-k ${options.maxK} leaves no k to choose from`, 'Give --max-k 2 or more.');
  if (Math.min(options.maxK, Math.floor(live / AUTO_MIN_PER_CANDIDATE)) < 2) {
    return failed('SUGGEST_TOO_FEW_SEGMENTS', `${live} of ${considered} segments share content words; grouping needs at least ${MIN_TO_GROUP}`, 'Add notes, or use a smaller coding unit (--unit sentence).');
  }
  const ks: number[] = [];
  const choices: Array<Suggestion['kChoice']> = [];
  for (const g of groups) {
    // --max-k bounds all candidates together: each language may have its share of it (at least 2).
    const share = Math.max(2, Math.round((options.maxK * g.live) / live));
    const maxK = Math.min(options.maxK, share, Math.floor(g.live / AUTO_MIN_PER_CANDIDATE));
    if (maxK < 2) {
      // Too few segments in this language to split: they make one candidate (or none).
      ks.push(g.live > 0 ? 1 : 0);
      choices.push({ method: 'fixed' });
      continue;
    }
    // Choosing k needs a rough grouping per k, not the best of many: fewer restarts on large corpora.
    // On few segments the silhouettes of neighbouring k differ by less than one grouping's noise:
    // each k's scores are then the mean over three seeded groupings.
    const choice = chooseK(g.vectors, g.dims, 2, maxK, { seed: options.seed, maxIterations: 60, restarts: g.live <= TINY ? 10 : g.live <= SMALL ? 3 : 1 }, g.live <= TINY ? 3 : 1);
    ks.push(choice.k);
    choices.push({ method: 'silhouette', ...choice });
  }
  return { ok: true, ks, choices };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export type { KeyTerm };
