import type { InductiveSummary } from '../coding/inductive/summary.js';
import type { Codebook, Coding, Corpus } from '../model.js';
import { codedSegments, codeMatrix, frequencies, indexCorpus, segmentsOfCodings, type FrequencyRow } from './frequencies.js';
import { labeller, type LabelLang } from './labels.js';
import { selectQuotes, type Quote } from './quotes.js';

/** Everything the renderers need for the main report of `themes code`. Built by a pure function. */
export interface CodeReport {
  codebook: Codebook;
  /**
   * The codebook title that headings show: that of the run's codebook in the output language (with
   * the default codebooks and English notes, innovation-en's, not innovasjon's), else `codebook`'s.
   */
  title?: string;
  /**
   * The codebooks that coded the notes, in the run's order, each with how many notes it coded: with a
   * codebook per language, each note is coded with the one in its language (English notes alone, with
   * the default codebooks, by innovation-en only). `codebook` gives the report its codes and themes.
   * Set by the CLI; a report built without it names `codebook` alone.
   */
  codebooksUsed?: Array<{ codebook: Codebook; documents: number }>;
  corpus: Corpus;
  codings: Coding[];
  informants: string[];
  frequencies: FrequencyRow[];
  matrix: Array<{ code: string; counts: number[] }>;
  quotes: Quote[];
  label: (id: string) => string;
  lang: LabelLang;
  /** The inductive summary (issue 3): share left uncoded and the top candidates among it. */
  inductive?: InductiveSummary;
  /** The codings are the hand coding of the notes' {#code} marks (themes code --human), not the codebook's terms. */
  human?: boolean;
}

export interface ReportOptions {
  quotes: number;
  lang: LabelLang;
}

/**
 * The matrix and the quotes are worked out when a renderer first asks for them: the CSV on stdout
 * holds the frequency table only, and on a large corpus choosing quotes is a good part of the report's time.
 */
export function buildReport(corpus: Corpus, codebook: Codebook, codings: Coding[], options: ReportOptions): CodeReport {
  const found = segmentsOfCodings(corpus, codings);
  const index = indexCorpus(corpus, codings, found);
  let matrix: CodeReport['matrix'] | undefined;
  let quotes: Quote[] | undefined;
  return {
    codebook, corpus, codings, informants: index.informants,
    frequencies: frequencies(codebook, codings, index),
    get matrix() {
      return (matrix ??= codeMatrix(codebook, codings, index).map((r) => ({ code: r.code.id, counts: r.counts })));
    },
    get quotes() {
      return (quotes ??= selectQuotes(corpus, codings, codebook.codes.map((c) => c.id), options.quotes, codedSegments(corpus, codings, found)));
    },
    label: labeller(codebook, options.lang),
    lang: options.lang,
  };
}
