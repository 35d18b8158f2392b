import type { Codebook, Coding, Corpus, Diagnostic, Document, Evidence, Lang, Segment } from '../model.js';
import { firstSentence, isShortAnswer } from '../corpus/segment.js';
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
    const m = matchers[codebookFor(codebooks, lang)]!;
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
      // A short answer is read with the question; a longer one only for its first sentence, when that is short.
      const short = question ? isShortAnswer(segment.text) : false;
      const word = question && short ? matcher.answerWord(segment.text, question) : undefined;
      const obstacle = question && !word ? matcher.obstacleAsked(question) : undefined;
      const matches = question && word ? answerMatches(matcher, question, segment.text, word)
        : obstacle ? obstacleMatches(matcher, obstacle, segment.text, short ? segment.text : firstSentence(segment.text)) : matcher.match(segment.text);
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
  return inCodebookOrder(matcher, byCode);
}

/** Codes and their evidence as a matcher gives them: in the codebook's order. */
function inCodebookOrder(matcher: Matcher, byCode: ReadonlyMap<string, Evidence[]>): CodeMatch[] {
  return [...byCode.keys()].sort((a, b) => matcher.codeIndex(a) - matcher.codeIndex(b)).map((code) => ({ code, evidence: byCode.get(code)! }));
}

/**
 * A short answer to a question that asks what hinders («Hva hemmer innovasjon hos dere? – Tid. Og
 * penger.»): what it says on its own, and, as a lack, each term that says nothing on its own (a
 * lack code's term without a cue), read as if the answer said it was the problem: «Problemet er
 * tid.», «… er problemet.». The cue of such evidence is the question's word, marked `asked`.
 */
function obstacleMatches(matcher: Matcher, obstacle: { start: number; end: number; text: string }, answer: string, named: string): CodeMatch[] {
  const own = matcher.match(answer);
  const said = (e: Evidence) => own.some((m) => m.evidence.some((o) => o.start < e.end && e.start < o.end));
  const byCode = new Map(own.map((m) => [m.code, [...m.evidence]]));
  const [before, after] = matcher.english ? ['The problem is ', ' is the problem.'] : ['Problemet er ', ' er problemet.'];
  // Each sentence on its own («Tid. Og penger.»), when it can name an obstacle as it stands.
  for (const found of named.matchAll(/[^.!?…]+/gu)) {
    const sentence = found[0].trimEnd();
    const at = found.index!;
    if (!matcher.namesObstacle(sentence)) continue;
    for (const [text, offset] of [[before + sentence, before.length], [sentence + after, 0]] as const) {
      for (const m of matcher.match(text)) {
        for (const e of m.evidence) {
          // Only a term of the sentence, with the framing's word as its cue, that the answer left unsaid.
          if (!e.cue || e.start < offset || e.end > offset + sentence.length || (e.cue.start >= offset && e.cue.end <= offset + sentence.length)) continue;
          addFramed(m.code, { ...e, start: e.start - offset + at, end: e.end - offset + at, cue: { ...obstacle, asked: true } });
        }
      }
    }
  }
  for (const list of byCode.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return inCodebookOrder(matcher, byCode);

  function addFramed(code: string, placed: Evidence): void {
    if (said(placed)) return;
    const list = byCode.get(code) ?? [];
    if (!list.some((x) => x.start === placed.start && x.end === placed.end)) byCode.set(code, [...list, placed]);
  }
}

/**
 * The index of the codebook a note in `lang` is coded with: the one in its language, else one of
 * its family (bokmål for nynorsk), else the first. Pure; what the coder and the outputs that name
 * the codebooks used both go by.
 */
export function codebookFor(codebooks: ReadonlyArray<Pick<Codebook, 'language'>>, lang: Lang | undefined): number {
  const exact = codebooks.findIndex((cb) => cb.language === lang);
  if (exact >= 0) return exact;
  const near = codebooks.findIndex((cb) => family(cb.language) === family(lang));
  return near >= 0 ? near : 0;
}

/** The codebooks that coded at least one of the documents, in the run's order, each with how many documents it coded. */
export function codebooksUsed<C extends Pick<Codebook, 'language'>>(documents: ReadonlyArray<Pick<Document, 'lang'>>, codebooks: readonly C[]): Array<{ codebook: C; documents: number }> {
  if (codebooks.length === 0) return [];
  const counts = codebooks.map(() => 0);
  for (const d of documents) counts[codebookFor(codebooks, d.lang)]! += 1;
  return codebooks.map((codebook, i) => ({ codebook, documents: counts[i]! })).filter((u) => u.documents > 0);
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
