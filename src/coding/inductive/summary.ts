import type { Coding, Corpus, Diagnostic } from '../../model.js';
import { DEFAULT_SUGGEST, suggest } from './index.js';
import { evenSample } from './kmeans.js';

/** The inductive summary at the end of `themes code`: what the codebook left uncoded, and what it talks about. */
export interface InductiveSummary {
  segments: number;
  uncoded: number;
  /** uncoded / segments, 0..1. */
  share: number;
  /** The largest candidates among the uncoded segments (at most three). */
  candidates: Array<{ id: string; label: string; segments: number; informants: number; terms: string[] }>;
  /** Why there are no candidates, when there are none (the diagnostic code of the inductive pass). */
  none?: string;
  /** Set when the candidates come from an even sample of the uncoded segments (candidate sizes count the sample). */
  sample?: number;
}

export const SUMMARY_CANDIDATES = 3;
/**
 * The summary is a glance, not the analysis (`themes suggest --uncoded` is): above this many
 * uncoded segments it groups an even sample, so `themes code` stays fast on large corpora.
 */
export const SUMMARY_SAMPLE = 3000;

export function inductiveSummary(corpus: Corpus, codings: readonly Coding[]): InductiveSummary {
  const coded = new Set(codings.map((c) => c.segment));
  const segments = corpus.segments.length;
  const left = corpus.segments.filter((s) => !coded.has(s.id));
  const uncoded = left.length;
  const base = { segments, uncoded, share: segments ? Math.round((uncoded / segments) * 10000) / 10000 : 0 };
  const sampled = uncoded > SUMMARY_SAMPLE;
  const result = suggest({ ...corpus, segments: sampled ? evenSample(left, SUMMARY_SAMPLE) : left }, [], { ...DEFAULT_SUGGEST, quotes: 0 });
  if (uncoded === 0) return { ...base, candidates: [] };
  if (!result.ok) return { ...base, candidates: [], none: (result.diagnostics[0] as Diagnostic).code };
  return {
    ...base,
    ...(sampled ? { sample: SUMMARY_SAMPLE } : {}),
    candidates: result.suggestion.candidates.slice(0, SUMMARY_CANDIDATES).map((c) => ({
      id: c.id, label: c.label, segments: c.segments.length, informants: c.informants.length,
      terms: c.terms.slice(0, 5).map((t) => t.term),
    })),
  };
}
