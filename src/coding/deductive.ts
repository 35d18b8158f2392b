import type { Codebook, Coding, Corpus, Document, Lang, Segment } from '../model.js';
import { Matcher } from './matcher.js';

export { Matcher, type CodeMatch } from './matcher.js';

/** What coding needs of a corpus: each document's language and each segment's text (a Corpus will do). */
export interface CodingInput {
  documents: ReadonlyArray<Pick<Document, 'id' | 'lang'>>;
  segments: ReadonlyArray<Pick<Segment, 'id' | 'document' | 'text'>>;
  /** Not used for coding; allowed so that a Corpus-shaped slice can be passed as it is. */
  unit?: Corpus['unit'];
}

/**
 * The deductive pass: every segment against the codebook's terms. With several codebooks (one
 * per language, sharing ids), each document is coded with the one written in its language.
 * Codings come in segment order, so coding the segments in parts and joining the results in
 * order gives the same list (what src/cli/parallel/ relies on).
 */
export function codeCorpus(corpus: CodingInput, codebooks: readonly Codebook[]): Coding[] {
  return deductiveCoder(codebooks)(corpus);
}

/**
 * codeCorpus with the codebooks compiled once, for coding a corpus in parts (file by file, in
 * slices): the matchers keep the word forms they have looked up from one part to the next.
 */
export function deductiveCoder(codebooks: readonly Codebook[]): (input: CodingInput) => Coding[] {
  const matchers = codebooks.map((cb) => ({ lang: cb.language, matcher: new Matcher(cb) }));
  const pick = (lang: Lang | undefined) =>
    (matchers.find((m) => m.lang === lang) ?? matchers.find((m) => family(m.lang) === family(lang)) ?? matchers[0]!).matcher;
  return (corpus) => {
    if (matchers.length === 0) return [];
    const langOf = new Map(corpus.documents.map((d) => [d.id, d.lang]));
    const codings: Coding[] = [];
    for (const segment of corpus.segments) {
      for (const m of pick(langOf.get(segment.document)).match(segment.text)) {
        codings.push({ segment: segment.id, code: m.code, method: 'deductive', evidence: m.evidence });
      }
    }
    return codings;
  };
}

function family(lang: Lang | undefined): string {
  return lang === 'en' ? 'en' : 'no';
}
