import { adjustedRandIndex } from '../../analysis/ari.js';
import { parseNote } from '../../corpus/document.js';
import { DEFAULT_SPEAKERS } from '../../corpus/segment.js';
import type { Corpus, Document, Segment } from '../../model.js';
import { baselineClusters } from './baseline.js';
import { DEFAULT_SUGGEST, suggest } from './index.js';

/** A labelled evaluation set: a corpus whose segments each carry the topic they were written on. */
export interface LabelledCorpus {
  corpus: Corpus;
  labels: string[];
}

/**
 * Build the evaluation corpus from a TSV of `informant  role  topic  text` rows: one note per
 * informant (front matter + one paragraph per row), read by the ordinary note parser.
 */
export function labelledCorpus(tsv: string): LabelledCorpus {
  const rows = tsv.trim().split('\n').slice(1).map((l) => l.split('\t'));
  const informants = [...new Set(rows.map((r) => r[0]))];
  const documents: Document[] = [];
  const segments: Segment[] = [];
  const labels: string[] = [];
  for (const inf of informants) {
    const mine = rows.filter((r) => r[0] === inf);
    const text = `---\nid: ${inf}\nrole: ${mine[0][1]}\nlang: nb\n---\n\n# Notater\n\n${mine.map((r) => r[3]).join('\n\n')}\n`;
    const note = parseNote(`${inf}.md`, new TextEncoder().encode(text), { unit: 'paragraph', includeInterviewer: false, speakers: DEFAULT_SPEAKERS });
    if (!note.document || note.segments.length !== mine.length) throw new Error(`evaluation note ${inf} did not parse into ${mine.length} segments`);
    documents.push(note.document);
    note.segments.forEach((s, i) => {
      segments.push({ ...s, index: segments.length });
      labels.push(mine[i][2]);
    });
  }
  return { corpus: { documents, segments, unit: 'paragraph' }, labels };
}

export interface Evaluation {
  segments: number;
  topics: number;
  /** ARI of `themes suggest --k <topics>`. */
  suggestAri: number;
  /** ARI of `themes suggest` with k chosen automatically, and that k. */
  autoAri: number;
  /** The k chosen automatically, per seed. */
  autoK: number[];
  seeds: number;
  /** ARI of the plain TF-IDF + k-means baseline with k = topics. */
  baselineAri: number;
}

/**
 * ARI of the inductive pass and of the baseline on a labelled corpus, each the mean over the
 * same `seeds` (seeds 1..n): on a hundred segments one seed's ARI moves by a few hundredths.
 */
export function evaluate({ corpus, labels }: LabelledCorpus, seeds = 5): Evaluation {
  const topics = new Set(labels).size;
  const run = (seed: number, k?: number) => {
    const r = suggest(corpus, [], { ...DEFAULT_SUGGEST, seed, ...(k ? { k } : {}) });
    if (!r.ok) throw new Error(r.diagnostics[0].message);
    return r.suggestion;
  };
  const part = (s: ReturnType<typeof run>) => s.assignments.map((a) => a.candidate ?? `none:${a.segment}`);
  const texts = corpus.segments.map((s) => s.text);
  let fixed = 0;
  let auto = 0;
  let baseline = 0;
  const ks: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    fixed += adjustedRandIndex(labels, part(run(seed, topics)));
    const a = run(seed);
    ks.push(a.k);
    auto += adjustedRandIndex(labels, part(a));
    baseline += adjustedRandIndex(labels, baselineClusters(texts, topics, seed).map(String));
  }
  return {
    segments: labels.length,
    topics,
    seeds,
    suggestAri: round(fixed / seeds),
    autoAri: round(auto / seeds),
    autoK: ks,
    baselineAri: round(baseline / seeds),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
