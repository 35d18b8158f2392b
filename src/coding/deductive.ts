import type { Codebook, Coding, Corpus, Diagnostic, Document, Evidence, Lang, Segment } from '../model.js';
import { Matcher, type CodeMatch } from './matcher.js';

export { Matcher, type CodeMatch } from './matcher.js';

/** What coding needs of a corpus: each document's language and each segment's text (a Corpus will do). */
export interface CodingInput {
  /** A document's text is needed only for the questions its answers are read with (Segment.asked). */
  documents: ReadonlyArray<Pick<Document, 'id' | 'lang'> & { text?: string }>;
  segments: ReadonlyArray<Pick<Segment, 'id' | 'document' | 'text' | 'asked'>>;
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
  // Each codebook is compiled when a note first needs it: a corpus without English notes never compiles the English one.
  const matchers = codebooks.map((cb) => ({ lang: cb.language, codebook: cb, matcher: undefined as Matcher | undefined }));
  const pick = (lang: Lang | undefined) => {
    const m = matchers.find((x) => x.lang === lang) ?? matchers.find((x) => family(x.lang) === family(lang)) ?? matchers[0]!;
    return (m.matcher ??= new Matcher(m.codebook));
  };
  return (corpus) => {
    if (matchers.length === 0) return [];
    const langOf = new Map(corpus.documents.map((d) => [d.id, d.lang]));
    const textOf = new Map(corpus.documents.map((d) => [d.id, d.text]));
    const codings: Coding[] = [];
    let document: string | undefined;
    let matcher: Matcher | undefined;
    for (const segment of corpus.segments) {
      // A document's segments come together: its matcher is picked once.
      if (segment.document !== document || !matcher) {
        document = segment.document;
        matcher = pick(langOf.get(document));
      }
      const question = segment.asked && textOf.get(segment.document)?.slice(segment.asked.start, segment.asked.end);
      const word = question ? matcher.answerWord(segment.text, question) : undefined;
      const matches = question && word ? answerMatches(matcher, question, segment.text, word) : matcher.match(segment.text);
      for (const m of matches) {
        codings.push({ segment: segment.id, code: m.code, method: 'deductive', evidence: m.evidence });
      }
    }
    return codings;
  };
}

/**
 * A short answer read with the interviewer's question before it: the question with the answer's
 * first word as the whole reply («Har dere avsatt tid? Nei.» is lack of time, «… Ja.» set-aside
 * time, "Do you get time set aside? Not." lack of time; after a no, only codes the no decides),
 * and the answer on its own for what it says itself («Nei, men samskapingen gikk bra» is co-creation too). Evidence in the question is
 * marked `asked`, with offsets into the question; the rest has offsets into the answer.
 */
function answerMatches(matcher: Matcher, question: string, answer: string, word: { start: number; end: number; yes: boolean }): CodeMatch[] {
  const offset = question.length + 1;
  const place = <T extends { start: number; end: number }>(span: T): T & { asked?: true } =>
    (span.start >= offset ? { ...span, start: span.start - offset + word.start, end: span.end - offset + word.start } : { ...span, asked: true });
  const byCode = new Map<string, Evidence[]>();
  for (const m of matcher.matchAnswer(`${question} ${answer.slice(word.start, word.end)}.`)) {
    // After a no, only what the no itself decides: a lack it makes (its cue), not the topic the
    // question named («Har dere samarbeid med frivillige? Nei.» is no volunteering).
    if (!word.yes && !m.evidence.some((e) => e.cue)) continue;
    byCode.set(m.code, m.evidence.map((e): Evidence => {
      const { cue, ...rest } = e;
      return cue ? { ...place(rest), cue: place(cue) } : place(rest);
    }));
  }
  for (const m of matcher.match(answer)) byCode.set(m.code, [...(byCode.get(m.code) ?? []), ...m.evidence]);
  return [...byCode.keys()].sort((a, b) => matcher.codeIndex(a) - matcher.codeIndex(b)).map((code) => ({ code, evidence: byCode.get(code)! }));
}

function family(lang: Lang | undefined): string {
  return lang === 'en' ? 'en' : 'no';
}

const LANGUAGE_NAMES: Record<string, string> = { no: 'Norwegian', en: 'English' };

/**
 * A warning when some documents are in a language (Norwegian or English) that no codebook is
 * in: they are coded with the first codebook, whose stems and cue words are of the other
 * language, and so get far fewer codings. Pure.
 */
export function uncoveredLanguages(documents: ReadonlyArray<Pick<Document, 'id' | 'lang'>>, codebooks: readonly Codebook[]): Diagnostic | undefined {
  if (codebooks.length === 0) return undefined;
  const covered = new Set(codebooks.map((cb) => family(cb.language)));
  const left = documents.filter((d) => !covered.has(family(d.lang)));
  if (left.length === 0) return undefined;
  // Two families only, and the codebooks cover at least one: the notes left are all of the other.
  const language = LANGUAGE_NAMES[family(left[0]!.lang)]!;
  const ids = left.slice(0, 5).map((d) => d.id).join(', ') + (left.length > 5 ? ', …' : '');
  return {
    severity: 'warning', code: 'NOTES_LANGUAGE_WITHOUT_CODEBOOK',
    message: `${left.length} note(s) in ${language} (${ids}), and no codebook in ${language}: coded with ${codebooks[0]!.id} (${codebooks[0]!.language}), so with far fewer codings`,
    hint: 'Give one codebook per language with the same ids (the shipped ones: --codebook codebooks/innovasjon.yaml --codebook codebooks/innovation-en.yaml), or set lang: in a note\'s front matter if the guess is wrong.',
  };
}
