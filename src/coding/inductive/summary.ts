import type { Coding, Corpus, Diagnostic } from '../../model.js';
import { DEFAULT_SUGGEST, suggest } from './index.js';

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
}

export const SUMMARY_CANDIDATES = 3;

export function inductiveSummary(corpus: Corpus, codings: readonly Coding[]): InductiveSummary {
  const coded = new Set(codings.map((c) => c.segment));
  const segments = corpus.segments.length;
  const uncoded = corpus.segments.filter((s) => !coded.has(s.id)).length;
  const base = { segments, uncoded, share: segments ? Math.round((uncoded / segments) * 10000) / 10000 : 0 };
  const result = suggest(corpus, codings, { ...DEFAULT_SUGGEST, uncodedOnly: true, quotes: 0 });
  if (!result.ok) return { ...base, candidates: [], none: (result.diagnostics[0] as Diagnostic).code };
  return {
    ...base,
    candidates: result.suggestion.candidates.slice(0, SUMMARY_CANDIDATES).map((c) => ({
      id: c.id, label: c.label, segments: c.segments.length, informants: c.informants.length,
      terms: c.terms.slice(0, 5).map((t) => t.term),
    })),
  };
}
