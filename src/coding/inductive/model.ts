import type { Quote } from '../../analysis/quotes.js';
import type { KChoice } from './choosek.js';
import type { Lang } from '../../model.js';

/** A word or phrase with the statistic that made it key (see `scoredBy` where it is listed). */
export interface KeyTerm {
  /** As the informants wrote it most often: "tida", "mangel på tid". */
  term: string;
  /** The stem key it groups by: "tid", "mangel på tid". */
  key: string;
  kind: 'word' | 'phrase';
  /** Segments of the group that contain it. */
  segments: number;
  score: number;
}

export interface CodeOverlap {
  code: string;
  /** Segments of the candidate that the codebook coded with this code. */
  segments: number;
  /** segments / candidate size. */
  share: number;
}

export interface Candidate {
  id: string;
  label: string;
  /** Key terms by log-likelihood G² against the other considered segments. */
  terms: KeyTerm[];
  segments: string[];
  informants: string[];
  /** Mean cosine similarity of its segments to the centroid: 1 = all alike. */
  cohesion: number;
  quotes: Quote[];
  /** `new` when no code covers at least NEW_BELOW of its segments. */
  relation: 'new' | 'overlaps';
  overlaps: CodeOverlap[];
}

export interface Assignment {
  segment: string;
  candidate: string | null;
  /** Cosine similarity to the candidate's centroid. */
  similarity: number | null;
  /** Why a segment has no candidate. */
  reason?: 'coded' | 'no-content';
}

export interface GroupKeyTerms {
  attribute: string;
  value: string;
  segments: number;
  terms: KeyTerm[];
}

export interface LanguagePart {
  language: Lang;
  segments: number;
  clustered: number;
  k: number;
  /** `fixed` also when a language had too few segments to split and makes one candidate. */
  kChoice: Suggestion['kChoice'];
}

export interface Suggestion {
  candidates: Candidate[];
  /** One per corpus segment, in corpus order. */
  assignments: Assignment[];
  k: number;
  /** How k was set: by --k, or chosen by silhouette (with the scores). */
  kChoice: { method: 'fixed' } | ({ method: 'silhouette' } & KChoice);
  seed: number;
  /**
   * With notes in more than one language, each language is grouped on its own: its segments,
   * its k and how that k was set. `k` is then the sum, and `kChoice` is that of the language with
   * the most segments. Absent with one language.
   */
  languages?: LanguagePart[];
  /** Segments considered (all, or the uncoded ones) and how many of them had shared content words. */
  considered: number;
  clustered: number;
  uncodedOnly: boolean;
  keyPhrases: {
    /** Corpus key phrases by summed TF-IDF. */
    corpus: KeyTerm[];
    /** Group key phrases by log-likelihood G² against the other groups. */
    groups: GroupKeyTerms[];
  };
}
