import type { Codebook, Evidence, Lang, Polarity, Term, WordPattern } from '../model.js';
import { COUNTERFACTUAL_REACH, CUE_REACH_AFTER, CUE_WINDOW_AFTER, CUE_WINDOW_BEFORE, DENIAL_REACH, RHETORIC_OPENING, RHETORIC_REACH, WISH_REACH, cueMatcher, cueWords, type CueMatcher } from '../text/cues.js';
import { FormTable } from '../text/forms.js';
import { requiredWordRuns } from './literal.js';
import { allMatches, termRegex } from '../util/regex.js';
import { LiteralSet } from './literal-set.js';
import { plainStemmer, type Stemmer } from '../text/stem.js';
import { TokenBuffer, UNIT, tokenize, unitClass, words } from '../text/tokenize.js';
import { stopwordsFor } from '../text/stopwords.js';
import { blankUrls } from '../text/urls.js';

/**
 * A codebook whose codes are lists of terms (`<prefix>0`, `<prefix>1`, …, each of polarity any;
 * a term keeps its own polarity): to match terms that stand outside a codebook's codes, as
 * `count` and `kwic` do with theirs and a Matcher with its terms' unless lists.
 */
export function termListsCodebook(language: Lang, lack: readonly string[], prefix: string, lists: ReadonlyArray<readonly Term[]>): Codebook {
  return {
    id: 'terms', language, cues: { lack: [...lack] }, themes: [], source: { path: '', sha256: '' },
    codes: lists.map((terms, i) => ({
      id: `${prefix}${i}`, themePath: [], label: {}, examples: [], counterexamples: [], polarity: 'any' as const, terms: [...terms],
    })),
  };
}

/** One code's match in a segment, before it becomes a Coding. */
export interface CodeMatch {
  code: string;
  evidence: Evidence[];
}

interface TermRef {
  code: number;
  raw: string;
  patterns: number[];
  polarity: Polarity;
  /** Index of the term's unless list in `unlessLists` (see `unlessOverlaps`), or -1. */
  unless: number;
}

interface RegexRef {
  code: number;
  raw: string;
  /** As the codebook has it; compiled (see `regex`) when a segment first has its pieces. */
  source: { source: string; flags: string };
  /**
   * Made on first use: building an expression with \p{L} classes and the i flag costs V8 about a
   * millisecond, most of a Matcher's making, and a small corpus tries only some of them.
   */
  regex: RegExp | undefined;
  polarity: Polarity;
  /** As TermRef.unless. */
  unless: number;
  /**
   * For each of these lists, every match contains a word with one of its pieces (ids of texts in
   * the word scanner; see regexPieces): segments that lack the pieces of some list are skipped.
   * Undefined: tried on every segment.
   */
  pieces: number[][] | undefined;
}

/** Words that end a clause for the polarity rule, like punctuation does: "ikke penger, men tid". */
/** Longest answer, in words, that can deny a question's term: «Det har vi ikke», "We don't have it". */
const REPLY_LENGTH = 4;
/** How many words of the sentence after a rhetorical question are read for an answer (see rhetorical). */
const ANSWER_WORDS = 12;

/** The most words a typed note's label before its colon may have («Avsatt tid:», «Støtte fra ledelsen:»). */
const LABEL_WORDS = 3;
/** The most words of a label that is the term and a phrase after it that opens with a preposition: «Tid til utvikling i hverdagen:». */
const LABEL_PHRASE = 6;
/** How many words after a term its question may run on before the «?» («Mangler dere tid til utvikling?»). */
const QUESTION_REACH = 6;
/** The most words a no may go on with and still answer for itself («Nei, ikke noe formelt i alle fall.»). */
const DENIAL_GOES_ON = 8;
/** The most words an answer may have to the end of its sentence and still be read as a no to its question («Nei, folk er nysgjerrige …»). */
const ANSWER_GOES_ON = 20;
/** How many words after a term an interviewer's question read with an answer may run on before the «?» («Har dere tid til å jobbe med nye ideer?»). */
const ANSWER_REACH = 8;
/** How far after an applied-for term a refusal is looked for in its sentence («søkte om midler i fjor, men fikk avslag»). */
const APPLICATION_REACH = 12;
/** The most words of a short question going on from the term's («Og penger?», "Or money?"; see CueMatcher.followsUp). */
const FOLLOW_UP_WORDS = 3;
const CLAUSE_WORDS = new Set(['men', 'mens', 'derimot', 'but', 'whereas', 'however', 'although']);
const NO_HITS: readonly number[] = [];
/** Put before and after a word's letters in the candidate filter: texts that begin or end with them match at the word's start or end only. */
const WORD_START = 1;
const WORD_END = 2;
const START = String.fromCharCode(WORD_START);
const END = String.fromCharCode(WORD_END);

/** Kinds of texts in the word scanner: a word worth looking up, and a piece of a regular expression's required text. */
const CANDIDATE = 1;
const PIECE = 2;
/** A word that begins with a codebook stem (see candidateTexts): the only ones worth stemming. */
const STEM = 4;

/**
 * The texts that make a word worth looking up. A form can satisfy a stem pattern only if it
 * begins with the stem (Norwegian: Snowball only cuts endings, and never below three letters, so
 * a stem of one or two letters is the whole word) or, in English, with the stem but its last
 * letter (Porter rewrites endings: "happy" → "happi"); see the property tests in
 * test/stem.test.ts. A prefix pattern or a cue word needs the form to begin with it, a clause
 * word or an exact cue to be it, and a compound part or suffix to contain it. In a corpus, most
 * tokens are words no pattern can match, and they never reach the form table. Stem texts are of
 * kind STEM too: only words that have one are stemmed.
 */
function candidateTexts(
  stemKeys: Iterable<string>, prefixes: ReadonlyArray<{ text: string }>, suffixes: ReadonlyArray<{ stemHead: string }>,
  parts: ReadonlyArray<{ text: string }>, codebook: Codebook, clauseWords: ReadonlySet<string>,
): Array<{ text: string; kinds: number }> {
  const english = codebook.language === 'en';
  const stems = [...stemKeys].map((k) => (english ? START + k.slice(0, Math.max(1, k.length - 1)) : k.length <= 2 ? START + k + END : START + k));
  // Cue and clause words serve the polarity rule alone: a codebook whose terms all count
  // whatever is said of them (an unless matcher's, count's, kwic's) need not find them.
  const polar = codebook.codes.some((c) => c.terms.some((t) => (t.polarity ?? c.polarity) !== 'any'));
  // A plain cue word is the whole word (cues are not stemmed), a prefix begins it, an ending ends it.
  const cues = !polar ? [] : cueWords(codebook.language, codebook.cues.lack).map(({ kind, text }) =>
    (kind === 'stem' || kind === 'prefix' ? START : '') + text + (kind === 'stem' || kind === 'suffix' ? END : ''));
  const others = [
    ...cues, ...(polar ? [...clauseWords] : []).map((w) => START + w + END), ...prefixes.map((p) => START + p.text),
    ...suffixes.map((p) => p.stemHead), ...parts.map((p) => p.text),
  ];
  return [...stems.map((t) => ({ text: bmpOnly(t), kinds: CANDIDATE | STEM })), ...others.map((t) => ({ text: bmpOnly(t), kinds: CANDIDATE }))];
}

/**
 * What a segment's words must contain for a regular expression to be worth trying (see
 * requiredWordRuns): for each requirement, a piece per text, its run anchored to the word's start
 * or end where the text says so ("fri " in /\bfri (en )?dag/ ends its word), which makes it
 * rarer. Undefined when there is none: the expression is tried on every segment.
 */
export function regexPieces(regex: { source: string; flags: string }, common: ReadonlySet<string>): string[][] | undefined {
  const all = requiredWordRuns(regex.source, regex.flags.includes('i'));
  // A requirement that a common word meets (vi, det, ok, ikke) is met in nearly every segment: it
  // filters nothing, and costs the word scanner a hit on each such word. The others are kept,
  // when there are any: /\b(vi|me|teamet) får bestemme/ waits for «bestemme» alone.
  const rare = all.filter((runs) => runs.every(({ run }) => run.length >= 3 && !common.has(run)));
  const requirements = (rare.length > 0 ? rare : all)
    .map((runs) => runs.map(({ run, startsWord, endsWord }) => bmpOnly((startsWord ? START : '') + run + (endsWord ? END : ''))));
  return requirements.length > 0 ? requirements : undefined;
}

/** A text cut before its first character outside the Basic Multilingual Plane: a shorter text still has to occur, so the filter stays safe. */
function bmpOnly(text: string): string {
  const at = text.search(/[\uD800-\uDFFF]/);
  return at === -1 ? text : text.slice(0, at);
}

function sortEvidence(list: Evidence[]): Evidence[] {
  return list.sort((a, b) => a.start - b.start || a.end - b.end || (a.term < b.term ? -1 : 1));
}

/** Whether a piece of evidence differs from the one before it in a sorted list (same term on the same text: a repeat). */
function once(e: Evidence, i: number, list: readonly Evidence[]): boolean {
  const before = list[i - 1];
  return before === undefined || before.start !== e.start || before.end !== e.end || before.term !== e.term;
}

/**
 * A codebook compiled for matching. Word patterns are indexed so that each distinct word form is
 * looked up once per run (forms repeat heavily in any corpus), then cached by form id. The hot
 * path (every token of every segment) allocates nothing: tokens go into typed arrays, forms are
 * found by hashing their characters in place, and clauses and cues are looked at only when a
 * term that needs polarity has matched.
 */
export class Matcher {
  private readonly codeIds: string[];
  /** Per code, the index of the code a denied presence term of it is coded as (Code.opposite), or -1. */
  private readonly opposites: Int32Array;
  private readonly stem: Stemmer;
  private readonly cues: CueMatcher;
  private readonly byStem = new Map<string, number[]>();
  private readonly prefixes: Array<{ text: string; id: number }> = [];
  /** Prefix patterns by their first two letters (shorter ones always checked), so a new form checks only a few. */
  private readonly prefixIndex = new Map<string, Array<{ text: string; id: number }>>();
  private readonly shortPrefixes: Array<{ text: string; id: number }> = [];
  private readonly suffixes: Array<{ text: string; stem: string; stemHead: string; id: number }> = [];
  private readonly parts: Array<{ text: string; id: number }> = [];
  private readonly startsWith: TermRef[][] = [];
  private readonly regexes: RegexRef[] = [];
  /** The segment (see `stamp`) in which each piece was last seen. */
  private seen: Int32Array;
  /** The regular expressions with no pieces, tried on every segment. */
  private readonly everywhere: number[];
  /**
   * Per piece, the regular expressions (indices in `regexes`) listed under it: each expression
   * under every piece of its shortest list. A segment's candidates are found from the pieces it
   * has, not by asking every expression whether its pieces were seen.
   */
  private readonly regexesByPiece: number[][];
  /** The segment (see `stamp`) in which each regular expression was last made a candidate. */
  private readonly regexSeen: Int32Array;
  private readonly candidates: number[] = [];
  private stamp = 0;
  /** Lower-cased word forms seen so far, and the pattern ids each satisfies (filled on first sight). */
  private readonly forms = new FormTable();
  private readonly formHits: Array<readonly number[] | undefined> = [];
  /**
   * 1 when some hit of the form begins a term. Function words such as "og" and "i" are words of
   * phrases, so they have hits, but no term begins with them: a segment whose hits are all such
   * words holds no term, and its words need not be tried.
   */
  private formStarts = new Uint8Array(1024);
  private readonly clauseWordIds: Set<number>;
  /** Finds, in each word, the texts that make it a candidate for lookup and the regular expressions' pieces. */
  private readonly words: LiteralSet;
  private readonly tokens = new TokenBuffer();
  private ids = new Int32Array(256);
  private clause = new Int32Array(256);
  /** Per clause of the current segment: its first token (and n after the last clause). */
  private clauseFrom = new Int32Array(258);
  /** Per clause of the current segment, what hedged() found: 0 not yet asked, 1 hedged, 2 not. */
  private hedges = new Uint8Array(258);
  /** The terms' unless lists, as the codes of a codebook of their own (`u0`, `u1`, …), matched by a Matcher made when first needed. */
  private readonly unlessLists: Term[][] = [];
  private unlessMatcher: Matcher | undefined;
  /** The segment (see `stamp`) whose unless matches `unlessFound` holds: per list, the spans its terms cover. */
  private unlessStamp = 0;
  private unlessFound: Array<Evidence[] | undefined> = [];
  private readonly language: Codebook['language'];
  private readonly extraCues: readonly string[];

  constructor(codebook: Codebook) {
    this.stem = plainStemmer(codebook.language);
    this.language = codebook.language;
    this.extraCues = codebook.cues.lack;
    this.cues = cueMatcher(codebook.language, codebook.cues.lack);
    this.codeIds = codebook.codes.map((c) => c.id);
    this.opposites = Int32Array.from(codebook.codes, (c) => (c.opposite === undefined ? -1 : this.codeIds.indexOf(c.opposite)));
    const patternIds = new Map<string, number>();
    const patternId = (p: WordPattern): number => {
      const key = `${p.kind}:${p.text}`;
      let id = patternIds.get(key);
      if (id !== undefined) return id;
      id = patternIds.size;
      patternIds.set(key, id);
      this.startsWith.push([]);
      if (p.kind === 'stem') {
        // The stemmer is not idempotent ("ressurs" → "ressur", "ressurser" → "ressurs"), so a
        // form matches when its stem equals the term's stem or the term as written.
        for (const key of new Set([this.stem(p.text), p.text])) {
          const list = this.byStem.get(key) ?? [];
          list.push(id);
          this.byStem.set(key, list);
        }
      } else if (p.kind === 'prefix') this.prefixes.push({ text: p.text, id });
      else if (p.kind === 'suffix') {
        const stem = this.stem(p.text);
        this.suffixes.push({ text: p.text, stem, stemHead: stem.slice(0, Math.max(1, stem.length - 1)), id });
      }
      else this.parts.push({ text: p.text, id });
      return id;
    };
    const pieceTexts: string[] = [];
    const common = stopwordsFor(codebook.language);
    codebook.codes.forEach((code, codeIndex) => {
      for (const term of code.terms) {
        const polarity = term.polarity ?? code.polarity;
        const unless = term.unless?.length ? this.unlessLists.push(term.unless) - 1 : -1;
        if (term.kind === 'regex' && term.regex) {
          const pieces = regexPieces(term.regex, common)?.map((texts) => texts.map((t) => {
            if (!pieceTexts.includes(t)) pieceTexts.push(t);
            return pieceTexts.indexOf(t);
          }));
          this.regexes.push({ code: codeIndex, raw: term.raw, source: term.regex, regex: undefined, polarity, unless, pieces });
        } else if (term.words && term.words.length > 0) {
          const patterns = term.words.map(patternId);
          this.startsWith[patterns[0]!]!.push({ code: codeIndex, raw: term.raw, patterns, polarity, unless });
        }
      }
    });
    for (const p of this.prefixes) {
      if (p.text.length < 2) this.shortPrefixes.push(p);
      else {
        const key = p.text.slice(0, 2);
        this.prefixIndex.set(key, [...(this.prefixIndex.get(key) ?? []), p]);
      }
    }
    this.clauseWordIds = new Set([...CLAUSE_WORDS].map((w) => this.forms.add(w)));
    // Piece texts first, so that a piece's id is its index in the scanner.
    const candidates = candidateTexts(this.byStem.keys(), this.prefixes, this.suffixes, this.parts, codebook, CLAUSE_WORDS);
    this.words = new LiteralSet([...pieceTexts, ...candidates.map((c) => c.text)], [...pieceTexts.map(() => PIECE), ...candidates.map((c) => c.kinds)]);
    this.seen = new Int32Array(pieceTexts.length);
    this.everywhere = [];
    this.regexesByPiece = pieceTexts.map(() => []);
    this.regexes.forEach((r, x) => {
      if (r.pieces === undefined) this.everywhere.push(x);
      else {
        const shortest = r.pieces.reduce((a, b) => (b.length < a.length ? b : a));
        for (const piece of shortest) this.regexesByPiece[piece]!.push(x);
      }
    });
    this.regexSeen = new Int32Array(this.regexes.length);
  }

  /**
   * Pattern ids that a word form satisfies; computed once per distinct form. `kinds` are the word
   * scanner's for the form: only a form that begins with a codebook stem (STEM) is stemmed, which
   * skips most of the stemming of a corpus with hundreds of thousands of word forms.
   */
  private hits(formId: number, kinds: number): readonly number[] {
    const cached = this.formHits[formId];
    if (cached !== undefined) return cached;
    const form = this.forms.forms[formId]!;
    let out: number[] | undefined;
    const add = (id: number) => (out ??= []).includes(id) || out.push(id);
    let s: string | undefined;
    const stem = () => (s ??= this.stem(form));
    if ((kinds & STEM) !== 0) this.byStem.get(stem())?.forEach(add);
    // Prefix hits in pattern order, as if every prefix had been tried.
    const prefixHits: number[] = [];
    for (const p of this.shortPrefixes) if (form.startsWith(p.text)) prefixHits.push(p.id);
    for (const p of this.prefixIndex.get(form.slice(0, 2)) ?? []) if (form.startsWith(p.text)) prefixHits.push(p.id);
    prefixHits.sort((a, b) => a - b).forEach(add);
    for (const p of this.suffixes) if (form.endsWith(p.text) || (form.includes(p.stemHead) && stem().endsWith(p.stem))) add(p.id);
    for (const p of this.parts) if (form.includes(p.text)) add(p.id);
    const result = out ?? NO_HITS;
    this.formHits[formId] = result;
    if (formId >= this.formStarts.length) {
      const grown = new Uint8Array(Math.max(formId + 1, this.formStarts.length * 2));
      grown.set(this.formStarts);
      this.formStarts = grown;
    }
    this.formStarts[formId] = result.some((id) => this.startsWith[id]!.length > 0) ? 1 : 0;
    return result;
  }

  /** Match every term of the codebook in one segment's text. Offsets in evidence are into `text`. */
  match(text: string): CodeMatch[] {
    // An address is not what was said; evidence offsets stay those of the text (see blankUrls).
    const original = text;
    text = blankUrls(text);
    const t = this.tokens;
    const stamp = ++this.stamp;
    const n = this.words.scanWords(text, t, WORD_START, WORD_END, PIECE, this.seen, stamp);
    if (this.ids.length < n) this.ids = new Int32Array(Math.max(n, this.ids.length * 2));
    const ids = this.ids;
    let anyHit = false;
    let everyRegex = false;
    let anyPiece = false;
    const starts = t.start;
    const ends = t.end;
    const wordKinds = t.found;
    for (let i = 0; i < n; i++) {
      const start = starts[i]!;
      const end = ends[i]!;
      let kinds = wordKinds[i]!;
      if (kinds < 0) {
        // A unit that lower-cases by context: look the word up, stem it, and try every regular expression.
        everyRegex = true;
        kinds = CANDIDATE | STEM;
      }
      if ((kinds & PIECE) !== 0) anyPiece = true;
      if ((kinds & CANDIDATE) === 0) {
        ids[i] = -1;
        continue;
      }
      const id = this.forms.idOf(text, start, end);
      ids[i] = id;
      if (this.formHits[id] === undefined) this.hits(id, kinds);
      if (this.formStarts[id] === 1) anyHit = true;
    }
    if (!anyHit && !anyPiece && !everyRegex && this.everywhere.length === 0) return [];
    let clause: Int32Array | undefined;
    // Most segments with a hit end up with no coding: the map is made for the first evidence.
    let found: Map<number, Evidence[]> | undefined;
    /** Whether a promoter's term was coded as its opposite: only then can a piece of evidence come twice. */
    let converted = false;
    const accept = (code: number, raw: string, first: number, last: number, start: number, end: number, polarity: Polarity, unless: number) => {
      if (unless >= 0 && this.unlessOverlaps(unless, original, stamp, start, end)) return;
      let cue = -1;
      let rhetorical = false;
      if (polarity === 'lack' || polarity === 'presence') {
        clause ??= this.clauses(n);
        // A lack phrase may carry its own cue («ikke rom for», «mangel på folk»).
        if (polarity === 'lack' && last > first) cue = this.ownCue(text, clause, n, first);
        if (cue < 0) cue = this.lackCue(text, clause, n, first, last);
        cue = this.framed(text, clause, n, first, last, cue);
        // A rhetorical question says nobody has it: only for a code that can be coded lacking.
        if (cue < 0 && (polarity === 'lack' || this.opposites[code]! >= 0)) rhetorical = (cue = this.rhetorical(text, n, first, last)) >= 0;
      } else if (polarity === 'inherent' && this.denied(text, (clause ??= this.clauses(n)), n, first, last)) return;
      if (polarity === 'lack' && cue < 0) return;
      if (polarity === 'presence' && cue >= 0) {
        // A promoter said to be missing is its opposite, when the codebook names one: «Ingen kurs i år».
        if (this.opposites[code]! < 0 || !(rhetorical || this.opposed(text, clause!, n, cue, first, last))) return;
        code = this.opposites[code]!;
        converted = true;
        polarity = 'lack';
      } else if (polarity === 'presence' && (this.hedged(text, clause!, n, first, last) || this.attempted(text, clause!, n, first) || this.answerTakesBack(text, clause!, n, first, last) ||
        this.labelNegated(text, clause!, n, first, last, this.opposites[code]!) || this.appliedAndRefused(text, clause!, n, first, last))) return;
      // «Før hadde vi ikke tid, nå …»: a state that has since changed is not coded, either side.
      // A cue in another clause says what became of it («…, nå er de borte»): no former state.
      if (polarity !== 'any' && !(cue >= 0 && clause![cue] !== clause![first]) && this.former(text, (clause ??= this.clauses(n)), n, first)) return;
      const evidence: Evidence = { term: raw, start, end, text: original.slice(start, end) };
      if (cue >= 0 && polarity === 'lack') {
        const cs = t.start[cue]!;
        const ce = t.end[cue]!;
        evidence.cue = { start: cs, end: ce, text: original.slice(cs, ce) };
      }
      found ??= new Map();
      const list = found.get(code);
      if (list) list.push(evidence);
      else found.set(code, [evidence]);
    };
    if (anyHit) {
      for (let i = 0; i < n; i++) {
        if (ids[i]! < 0 || this.formStarts[ids[i]!] !== 1) continue;
        // Indexed loops: this runs for every hit of every segment, and for-of allocates here.
        const hits = this.formHits[ids[i]!]!;
        for (let h = 0; h < hits.length; h++) {
          const terms = this.startsWith[hits[h]!]!;
          for (let r = 0; r < terms.length; r++) {
            const term = terms[r]!;
            const last = i + term.patterns.length - 1;
            if (last >= n) continue;
            let ok = true;
            for (let k = 1; k < term.patterns.length && ok; k++) ok = ids[i + k]! >= 0 && this.formHits[ids[i + k]!]!.includes(term.patterns[k]!);
            if (ok) accept(term.code, term.raw, i, last, t.start[i]!, t.end[last]!, term.polarity, term.unless);
          }
        }
      }
    }
    const candidates = everyRegex ? this.regexes.map((_, x) => x) : this.regexCandidates(stamp);
    for (let c = 0; c < candidates.length; c++) {
      const r = this.regexes[candidates[c]!]!;
      // One expression's matches come in text order, so the first token of each is found by
      // going on from the last: a paragraph of many matches is read once, not once per match.
      let first = 0;
      for (const m of allMatches((r.regex ??= termRegex(r.source.source, r.source.flags)), text)) {
        if (m[0].length === 0) continue;
        const start = m.index;
        const end = start + m[0].length;
        while (first < n && t.end[first]! <= start) first++;
        if (first === n) continue;
        let last = first;
        while (last + 1 < n && t.start[last + 1]! < end) last++;
        accept(r.code, r.raw, first, last, start, end, r.polarity, r.unless);
      }
    }
    if (found === undefined) return [];
    const byCode = found;
    return [...byCode.keys()].sort((a, b) => a - b).map((code) => ({
      code: this.codeIds[code]!,
      // Sorted, then one of each: a promoter's term coded as its opposite can be the opposite's own term too.
      evidence: converted ? sortEvidence(byCode.get(code)!).filter(once) : sortEvidence(byCode.get(code)!),
    }));
  }

  /**
   * Whether a match of one of unless list `list`'s terms overlaps start..end of `text` (the segment
   * being matched, `stamp`): shares a character with it. The lists are matched
   * once per segment, and only in a segment where a term that has one matched.
   */
  private unlessOverlaps(list: number, text: string, stamp: number, start: number, end: number): boolean {
    if (this.unlessStamp !== stamp) {
      this.unlessMatcher ??= new Matcher(termListsCodebook(this.language, this.extraCues, 'u',
        this.unlessLists.map((terms) => terms.map((t) => ({ ...t, polarity: 'any' as const })))));
      this.unlessFound = [];
      for (const m of this.unlessMatcher.match(text)) this.unlessFound[Number(m.code.slice(1))] = m.evidence;
      this.unlessStamp = stamp;
    }
    const spans = this.unlessFound[list];
    if (spans === undefined) return false;
    for (const e of spans) if (e.start < end && e.end > start) return true;
    return false;
  }

  /**
   * Where the first word of a text stands, when it answers the yes-or-no question `question`
   * (CueMatcher.answers) and the rest of the text keeps to it: «Nei.», «Ja, på fredager.», "Not
   * really."; or its negation, when the whole text is a denying answer (CueMatcher.denyingAnswer:
   * «Det har vi ikke.», «Dessverre ikke.»); undefined otherwise. `yes` when it says yes.
   */
  answerWord(text: string, question: string): { start: number; end: number; yes: boolean } | undefined {
    const tokens = tokenize(text);
    const first = tokens[0];
    if (first === undefined) return undefined;
    const norms = tokens.map((t) => t.norm);
    // «Det har vi ikke.», «Egentlig ikke.», «Det gjør vi dessverre ikke.», "We don't.": an answer
    // made only of answer words and a negation says no, its negation standing for the no.
    const answers = this.cues.answers(first.norm);
    const denying = answers ? -1 : this.cues.denyingAnswer(norms);
    if (!answers && denying < 0) return undefined;
    // A question with a negation in it («Har dere ikke tid?») makes both «Ja» and «Nei» unsure;
    // after one that asks what, how or why («Hva bruker dere budsjettet på?») a «Nei» is a filler.
    if (words(question).some((w) => this.cues.isNegation(w)) || this.opensWithWh(question)) return undefined;
    if (denying >= 0) return { start: tokens[denying]!.start, end: tokens[denying]!.end, yes: false };
    const yes = this.cues.isAffirmative(first.norm);
    // A yes that takes itself back or goes on with a but («Ja, eller nei», «Ja, men det er tomt»),
    // and a no that turns into a yes («Nei, eller jo»), answer nothing for sure.
    if (yes ? !this.cues.affirms(norms) : norms.slice(1).some((w) => this.cues.isAffirmative(w))) return undefined;
    return { start: first.start, end: first.end, yes };
  }

  /**
   * The word of a question that asks what hinders (CueMatcher.asksForObstacles), as offsets into
   * the question, or undefined: «Hva hemmer innovasjon hos dere?» gives «hemmer».
   */
  obstacleAsked(question: string): { start: number; end: number; text: string } | undefined {
    const tokens = tokenize(question);
    const at = this.cues.asksForObstacles(tokens.map((t) => t.norm));
    const t = tokens[at];
    return t === undefined ? undefined : { start: t.start, end: t.end, text: question.slice(t.start, t.end) };
  }

  /** Whether a sentence of an answer can name an obstacle as it stands (CueMatcher.namesObstacle). */
  namesObstacle(sentence: string): boolean {
    return this.cues.namesObstacle(tokenize(sentence).map((t) => t.norm));
  }

  /** Whether this matcher's codebook is English, for the phrases rules put around a text. */
  get english(): boolean {
    return this.language === 'en';
  }

  /** Whether a sentence or clause of `question` opens with a what, how or why, maybe after «og», «men», "and", "but". */
  private opensWithWh(question: string): boolean {
    const tokens = tokenize(question);
    for (let i = 0; i < tokens.length; i++) {
      const gap = i === 0 ? '' : question.slice(tokens[i - 1]!.end, tokens[i]!.start);
      const opens = i === 0 || /[.!?…,;:\n]/.test(gap);
      if (!opens) continue;
      const w = tokens[i]!.norm;
      const next = tokens[i + 1]?.norm;
      if (this.cues.opensQuestion(w, next) || ((this.cues.followsUp(w) || this.cues.isContrastWord(w)) && this.cues.opensQuestion(next, tokens[i + 2]?.norm))) return true;
    }
    return false;
  }

  /**
   * How far a reply after the term's clause reaches back (see lackCue): CUE_WINDOW_AFTER words in
   * a note's own sentences, QUESTION_REACH in an interviewer's question read with an answer
   * (matchAnswer, ANSWER_REACH), whose no answers the whole question: «Har dere tid og penger til dette? Nei.»
   */
  private replyReach = CUE_WINDOW_AFTER;

  /** match() for an interviewer's question with an answer's first word as the reply (see deductiveCoder). */
  matchAnswer(text: string): CodeMatch[] {
    this.replyReach = ANSWER_REACH;
    try {
      return this.match(text);
    } finally {
      this.replyReach = CUE_WINDOW_AFTER;
    }
  }

  /** The codebook position of a code id (codes come in this order from match). */
  codeIndex(code: string): number {
    return this.codeIds.indexOf(code);
  }

  /**
   * The regular expressions worth trying on the segment just scanned: those with no pieces, and
   * those with a piece of every list among the segment's words. In no particular order: each
   * code's evidence is sorted before it is given out, and the codes too.
   */
  private regexCandidates(stamp: number): readonly number[] {
    const out = this.candidates;
    out.length = 0;
    const marked = this.words.marked;
    for (let k = 0; k < marked.length; k++) {
      const listed = this.regexesByPiece[marked[k]!]!;
      for (let j = 0; j < listed.length; j++) {
        const x = listed[j]!;
        if (this.regexSeen[x] === stamp) continue;
        this.regexSeen[x] = stamp;
        // Listed under a piece seen, so its list of that piece is met: with one list, it is a candidate.
        const pieces = this.regexes[x]!.pieces!;
        if (pieces.length === 1 || this.seenAll(pieces, stamp)) out.push(x);
      }
    }
    for (let k = 0; k < this.everywhere.length; k++) out.push(this.everywhere[k]!);
    return out;
  }

  /** Whether the current segment (`stamp`) has a piece of every list. */
  private seenAll(lists: readonly number[][], stamp: number): boolean {
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l]!;
      let some = false;
      for (let k = 0; k < list.length && !some; k++) some = this.seen[list[k]!] === stamp;
      if (!some) return false;
    }
    return true;
  }

  /**
   * `first` when the first word of a phrase is a lack cue for the rest of it, as the cue rule reads
   * a cue right before a term («ikke rom for»: «ikke» before «rom for»); else -1.
   */
  private ownCue(text: string, clause: Int32Array, n: number, first: number): number {
    const c = clause[first]!;
    return this.cues.beforeCue(first, this.inClause(clause, n, c), first + 1, this.anyWordIn(text, clause, n, c)) > 0 ? first : -1;
  }

  /**
   * Whether a term that is one side of a factor in itself (`polarity: inherent`) is denied: a
   * negation governs it from right before it, fillers aside («ingen tidspress», «folk er ikke
   * lenger redde for å prøve»), or a negated obstacle after it says it is no problem
   * («byråkratiet er ikke noe problem»), or a predicate of scarcity says there is little of it
   * («tidspresset er lavt nå»), or a word of scarcity right before it (CueMatcher.scarceBefore:
   * «lite byråkrati», «veldig lite motstand»).
   */
  private denied(text: string, clause: Int32Array, n: number, first: number, last: number): boolean {
    const cue = this.framed(text, clause, n, first, last, this.lackCue(text, clause, n, first, last));
    if (cue >= 0 && cue < first) {
      // «ingen tidspress», «lite byråkrati»: denied outright, or little of it.
      const anyWord = this.anyWordIn(text, clause, n, clause[first]!);
      return this.cues.deniesOutright(cue, first, anyWord) || this.cues.scarceBefore(cue, first, anyWord);
    }
    // «Tidspresset er lavt nå.»: a predicate of scarcity says there is little of the barrier.
    const d = clause[last]!;
    if (cue > last && clause[cue] === d && this.cues.predicates(cue, this.inClause(clause, n, d), last + 1, this.anyWordIn(text, clause, n, d), first)) return true;
    if (this.obstacleDenied(text, clause, n, last)) return true;
    // «Budsjettkutt? Nei.», «Budsjettkutt: ingenting i år.», «Tidspress: lite.»: asked or labelled, and said not to be there.
    if (this.answeredNo(text, clause, n, last)) return true;
    const e = this.nextClause(clause, n, last, LABEL_PHRASE);
    if (e < 0) return false;
    const label = this.labelled(text, clause, n, first, last, e, 0x3a) || (this.labelled(text, clause, n, first, last, e, 0x3f) && this.shortValue(text, clause, n, e));
    return label && this.labelValueCue(text, clause, n, e) >= 0;
  }

  /**
   * The lack cue of the term at `first`, as a denial frame before it in its clause changes it
   * (CueMatcher.denialFrame, the term at most DENIAL_REACH words after the frame): a cue after the
   * frame is denied with the rest of the clause («Det er ikke sånn at vi mangler penger», "It is
   * not as if we lack money": -1), and a term with no cue that the frame's clause says is had or
   * is gets the frame's negation (CueMatcher.deniesOutright: «Det er ikke sånn at vi har avsatt
   * tid», «… at tidspresset er stort»). A cue in another clause (a reply, a label's value) stands.
   */
  private framed(text: string, clause: Int32Array, n: number, first: number, last: number, cue: number): number {
    const c = clause[first]!;
    for (let k = first - 2; k >= 0 && k >= first - DENIAL_REACH - 3 && clause[k] === c; k--) {
      // Negations are cue words, so they have a form: other words are passed over at once.
      const form = this.formAt(k);
      if (form === undefined || !this.cues.isNegation(form)) continue;
      const anyWord = this.anyWordIn(text, clause, n, c);
      const end = this.cues.denialFrame(k, anyWord);
      if (end < 0 || end >= first || first - end > DENIAL_REACH) continue;
      if (cue >= 0 && clause[cue] !== c) return cue;
      if (cue > end) return -1;
      // A cue after the frame, before or after the term, is denied with it: «… at vi ikke har
      // tid», «… at vi mangler penger», «… at tidspresset har forsvunnet» (the frame's own
      // negation may have been found first, nearer than the cue after the term); and so is a
      // change after the term (CueMatcher.isFrameChange: «… at byråkratiet har blitt mindre»).
      const word = this.inClause(clause, n, c);
      for (let j = end + 1; j < first; j++) if (this.cues.beforeCue(j, word, first, anyWord) !== 0) return -1;
      const d = clause[last]!;
      const wordAfter = this.inClause(clause, n, d);
      const anyWordAfter = this.anyWordIn(text, clause, n, d);
      for (let j = last + 1; j < n && j <= last + CUE_REACH_AFTER && clause[j] === d; j++) {
        if (this.cues.afterCue(j, wordAfter, last + 1, anyWordAfter, first) !== 0 || this.cues.isFrameChange(anyWordAfter(j))) return -1;
      }
      // With none, the frame denies the term when the term is what its clause says is had or is
      // («… at vi har fått tid», «… at tidspresset er stort»; not «… at vi blir bedre av å få penger»).
      return this.cues.deniesOutright(k, first, anyWord) ? k : cue === k ? -1 : cue;
    }
    return cue;
  }

  /**
   * Whether the term at token `first` stands in a clause that speaks of a former state, one the
   * next clause says has changed (CueMatcher.formerState): «Før hadde vi ikke tid, nå har vi
   * fredagene», «Det var mye motstand i starten, men nå er alle med».
   */
  private former(text: string, clause: Int32Array, n: number, first: number): boolean {
    const c = clause[first]!;
    const end = this.clauseFrom[c + 1]!;
    if (end >= n) return false;
    const anyWord = (i: number) => (i >= 0 && i < n ? this.lower(text, i) : undefined);
    return this.cues.formerState(c > 0 ? this.clauseFrom[c - 1]! : -1, this.clauseFrom[c]!, end, (k) => this.clauseFrom[clause[k]! + 1]!, anyWord);
  }

  /** The first token of the clause after token `last`'s, if it begins within `reach` words of it; else -1. */
  private nextClause(clause: Int32Array, n: number, last: number, reach: number): number {
    const d = clause[last]!;
    let e = last + 1;
    while (e < n && e - last <= reach && clause[e] === d) e++;
    return e === n || e - last > reach || clause[e] === d ? -1 : e;
  }

  /**
   * The token after any short questions that go on from the one ending before token `e` («Har
   * dere tid? Og penger? Nei.»: «Nei» answers both); `e` itself when none does.
   */
  private pastFollowUps(text: string, clause: Int32Array, n: number, e: number): number {
    while (e < n && this.asks(text, e) && this.cues.followsUp(this.lower(text, e))) {
      let f = e + 1;
      while (f < n && f - e < FOLLOW_UP_WORDS && clause[f] === clause[e]) f++;
      if (f === n || clause[f] === clause[e] || !this.asks(text, f)) return e;
      // «… drift? Og hvorfor? Nei, det er ikke godt å si.»: the no answers no yes-or-no question.
      if (this.cues.opensQuestion(this.lower(text, e + 1), f - e > 2 ? this.lower(text, e + 2) : undefined)) return -1;
      e = f;
    }
    return e;
  }

  /**
   * Whether the question that ends right before token `e` is no yes-or-no question about what it
   * names, so that a reply after it answers nothing in it: a what, how or why opens its sentence
   * or one of its clauses, maybe after «og», «men», "and", "but" («Hva bruker dere budsjettet
   * på?», «Vi har fond, men hvem søker?»), or it judges a clause (CueMatcher.judgesClause: «Er det
   * rart at …?»).
   */
  private asksNoYesOrNo(text: string, clause: Int32Array, e: number): boolean {
    let s = e - 1;
    while (s > 0 && !this.sentenceGap(text, s)) s--;
    const opening: (string | undefined)[] = [];
    for (let k = s; k < s + 5; k++) opening.push(k < e ? this.lower(text, k) : undefined);
    if (this.cues.judgesClause(opening)) return true;
    for (let k = s; k < e; k++) {
      if (k > s && clause[k - 1] === clause[k]) {
        // «og hva», «men hvem»: a coordinator opening the clause.
        const opener = k - 1;
        if (!(opener === s || clause[opener - 1] !== clause[opener])) continue;
        const o = this.lower(text, opener);
        if (!this.cues.followsUp(o) && !this.cues.isContrastWord(o)) continue;
      }
      if (this.cues.opensQuestion(this.lower(text, k), k + 1 < e ? this.lower(text, k + 1) : undefined)) return true;
    }
    return false;
  }

  /** The first mark that ends a sentence (. ! ? … or a line break) between token k and the next (or the text's end), or 0. */
  private stopAfter(text: string, k: number, n: number): number {
    const to = k + 1 < n ? this.tokens.start[k + 1]! : text.length;
    for (let c = this.tokens.end[k]!; c < to; c++) {
      const ch = text.charCodeAt(c);
      if (ch === 0x2e || ch === 0x21 || ch === 0x3f || ch === 0x2026 || ch === 0x0a) return ch;
    }
    return 0;
  }

  /** Whether a sentence ends between token k - 1 and token k (a full stop, !, ?, … or a line break). */
  private sentenceGap(text: string, k: number): boolean {
    for (let c = this.tokens.end[k - 1]!; c < this.tokens.start[k]!; c++) {
      const ch = text.charCodeAt(c);
      if (ch === 0x2e || ch === 0x21 || ch === 0x3f || ch === 0x2026 || ch === 0x0a) return true;
    }
    return false;
  }

  /** Whether the no at token `r` ends its sentence, or the sentence goes on to keep to it (CueMatcher.keepsDenying). */
  private noStands(text: string, clause: Int32Array, n: number, r: number): boolean {
    if (this.endsSentence(text, r, n)) return true;
    if (r + 1 >= n || clause[r + 1] === clause[r]) return false;
    const words = this.toSentenceEnd(text, n, r + 1);
    return words !== undefined && this.cues.keepsDenying(words);
  }

  /**
   * Whether lack cue `cue` of a promoter's term first..last says the term is missing, so that the
   * term is coded as its opposite: a reply, answer or label value after the term's clause («Kurs?
   * Nei.», «Kurs: ingen.»; not for a term right after a preposition), a shorthand's no right after
   * it («Kurs nei, men tid ja.», see shorthandNo), or a cue before it that opposes it
   * (CueMatcher.opposes) in a sentence that is no question («Har dere ikke kurs?» asks).
   */
  private opposed(text: string, clause: Int32Array, n: number, cue: number, first: number, last: number): boolean {
    // A reply denies the thing asked about, not a term in a phrase after it: «Har dere fått kurs i tjenestedesign? Nei.»
    if (clause[cue] !== clause[last]) return cue > last && !(first > 0 && clause[first - 1] === clause[first] && this.cues.isPreposition(this.lower(text, first - 1)));
    // «Avsatt tid nei, men penger ja.»: the shorthand's no says the term is missing.
    if (cue > last) return this.shorthandNo(text, clause, n, first, last) === cue;
    if (this.inQuestion(text, last)) return false;
    return this.cues.opposes(cue, first, last, this.anyWordIn(text, clause, n, clause[first]!));
  }

  /** Whether the sentence goes on from token `last` to a question mark, before any other sentence end or line break. */
  private inQuestion(text: string, last: number): boolean {
    for (let c = this.tokens.end[last]!; c < text.length; c++) {
      const ch = text.charCodeAt(c);
      if (ch === 0x3f) return true;
      if (ch === 0x2e || ch === 0x21 || ch === 0x2026 || ch === 0x0a) return false;
    }
    return false;
  }

  /** Whether the clause goes on, within CUE_WINDOW_AFTER words of the term, to deny that it is an obstacle («… er ikke noe problem»). */
  private obstacleDenied(text: string, clause: Int32Array, n: number, last: number): boolean {
    const d = clause[last]!;
    const word = this.inClause(clause, n, d);
    const anyWord = this.anyWordIn(text, clause, n, d);
    for (let j = last + 1; j < n && j <= last + CUE_WINDOW_AFTER && clause[j] === d; j++) {
      if (this.cues.deniesObstacle(j, word, last + 1, anyWord)) return true;
    }
    return false;
  }

  /** The words of clause `cl`, as the cue rule sees them (only candidates have a form). */
  private inClause(clause: Int32Array, n: number, cl: number): (i: number) => string | undefined {
    return (i) => (i >= 0 && i < n && clause[i] === cl ? this.formAt(i) : undefined);
  }

  /** Any word of clause `cl`, candidate or not: cut from the text only when a cue asks (rarely). */
  private anyWordIn(text: string, clause: Int32Array, n: number, cl: number): (i: number) => string | undefined {
    return (i) => (i >= 0 && i < n && clause[i] === cl ? this.lower(text, i) : undefined);
  }

  /**
   * The token index of the lack cue that governs tokens first..last, if any (else -1): the nearest
   * of up to 4 words before or else 3 after (5 for an obstacle noun), in one clause, unless it is
   * itself negated; or else a bare reply negation that ends the sentence after the term's clause,
   * at most 3 words after the term («Avsatt tid? Nei.»).
   */
  private lackCue(text: string, clause: Int32Array, n: number, first: number, last: number): number {
    const c = clause[first]!;
    // The nearest cue decides: a negated one governs nothing, and hides the words beyond it.
    const word = this.inClause(clause, n, c);
    const anyWord = this.anyWordIn(text, clause, n, c);
    const d = clause[last]!;
    const wordAfter = this.inClause(clause, n, d);
    const anyWordAfter = this.anyWordIn(text, clause, n, d);
    // Further back in the clause only a wish still reaches the term: «jeg savner at vi … på tvers».
    for (let k = first - 1; k >= 0 && k >= first - WISH_REACH && clause[k] === c; k--) {
      const cue = this.cues.beforeCue(k, word, first, anyWord, last);
      // A negated cue says the lack is not there («det er ikke mangel på tid som er problemet»).
      if (cue < 0) return -1;
      if (cue > 0 && (k >= first - CUE_WINDOW_BEFORE || this.cues.reachesFar(k, word, first, anyWord))) {
        if (this.counterfactual(text, clause, n, k, last)) return -1;
        // «Mangel på tid er ikke et problem»: the lack is named, then denied.
        if (this.obstacleDenied(text, clause, n, last)) return -1;
        return this.answeredNo(text, clause, n, last) ? -1 : k;
      }
    }
    for (let k = last + 1; k < n && k <= last + CUE_REACH_AFTER && clause[k] === d; k++) {
      const cue = this.cues.afterCue(k, wordAfter, last + 1, anyWordAfter, first);
      if (cue > 0) return this.answeredNo(text, clause, n, last) ? -1 : k;
      if (cue < 0) return -1;
    }
    const no = this.shorthandNo(text, clause, n, first, last);
    if (no >= 0) return no;
    const lost = this.lostAfter(text, clause, n, last);
    if (lost >= 0) return lost;
    const yes = this.affirmedObstacle(text, clause, n, last);
    if (yes >= 0) return yes;
    // A reply: the next clause, at most three words on (past any short questions going on from
    // the term's), is one word that ends its sentence.
    const next = this.nextClause(clause, n, last, this.replyReach);
    if (next < 0) {
      // A longer label, the term and a phrase after it: «Tid til utvikling i hverdagen: lite.»
      const far = this.nextClause(clause, n, last, LABEL_PHRASE);
      return far >= 0 && this.labelled(text, clause, n, first, last, far, 0x3a) ? this.labelValueCue(text, clause, n, far) : -1;
    }
    const e = this.pastFollowUps(text, clause, n, next);
    if (e < 0 || (e < n && this.asks(text, next) && this.asksNoYesOrNo(text, clause, next))) return -1;
    // A reply answers for the word a phrase is about, not for a term after its preposition:
    // «Kutt i budsjettet? Nei.», "Complaints about time? None."; «Hva med penger? Nei.» asks about the term.
    if (first > 0 && clause[first - 1] === clause[first] && this.cues.headsPhrase(this.lower(text, first - 1)) &&
      !(first > 1 && clause[first - 2] === clause[first] && this.cues.asksAbout(this.lower(text, first - 2), this.lower(text, first - 1)))) return -1;
    if (e < n && !(e + 1 < n && clause[e + 1] === clause[e]) && this.cues.isReply(this.formAt(e))) {
      // «Er tid et problem? Nei.»: the no denies the problem the question names, not the term.
      for (let j = last + 1; j < next; j++) if (this.cues.isObstacle(wordAfter(j))) return -1;
      // «Tid til innovasjon? Nei, ikke noe formelt.»: the reply may go on, keeping to its no.
      return this.noStands(text, clause, n, e) ? e : -1;
    }
    if (e >= n) return -1;
    // A short denying answer to the term's own question: «Avsatt tid? Det har vi ikke.», or a
    // short question read as a label and its value: «Tid til innovasjon? – For lite.»
    // The term put first, then a denying answer that takes it up again: «Avsatt tid, det har vi
    // ikke.», «Støtte fra ledelsen, den får vi aldri.»
    if (this.resumes(text, e)) {
      const at = this.answer(text, clause, n, e);
      if (at >= 0) return at;
    }
    if (this.asks(text, e)) {
      const at = this.answer(text, clause, n, e);
      if (at >= 0) return at;
      return this.labelled(text, clause, n, first, last, e, 0x3f) && this.shortValue(text, clause, n, e) ? this.labelValueCue(text, clause, n, e) : -1;
    }
    // A typed note's label and its value: «Tid: for lite.», «Penger: ingen.»
    return this.labelled(text, clause, n, first, last, e, 0x3a) ? this.labelValueCue(text, clause, n, e) : -1;
  }

  /**
   * The question word that opens a rhetorical question about the term, or -1: the term stands at
   * most RHETORIC_OPENING words into its sentence, the sentence ends with a question mark within
   * RHETORIC_REACH words after the term, its words make one (CueMatcher.rhetorical: «Hvem har tid
   * til sånt?», «Hvor skal pengene komme fra?»), and no answer follows: the segment ends, or the
   * next sentence is short and says no («Hvem har tid til det? Ingen.»; not «Hvem har tid til
   * utviklingsarbeid? Teamlederne.»), or longer and no answer (CueMatcher.answersQuestion, read in
   * its first ANSWER_WORDS words: not «Det er teamlederne som har det, de har to timer i uka.»).
   */
  private rhetorical(text: string, n: number, first: number, last: number): number {
    let s = first;
    while (s > 0 && !this.sentenceGap(text, s)) {
      if (first - s >= RHETORIC_OPENING) return -1;
      s--;
    }
    if (first - s < 2) return -1;
    const opening: string[] = [];
    for (let k = s; k < first; k++) opening.push(this.lower(text, k));
    if (!this.cues.rhetoricalOpening(opening)) return -1;
    // The question mark: the first end of a sentence after the term.
    let q = last;
    for (let mark = this.stopAfter(text, q, n); mark !== 0x3f; mark = this.stopAfter(text, ++q, n)) {
      if (mark !== 0 || q + 1 >= n || q >= last + RHETORIC_REACH) return -1;
    }
    const after: string[] = [];
    for (let k = last + 1; k <= q && k <= last + 3; k++) after.push(this.lower(text, k));
    if (!this.cues.rhetorical(opening, after)) return -1;
    if (q + 1 < n) {
      const reply: string[] = [];
      let ends = false;
      for (let f = q + 1; f < n && reply.length < ANSWER_WORDS && !ends; f++) {
        reply.push(this.lower(text, f));
        ends = this.endsSentence(text, f, n);
      }
      if (ends && reply.length <= REPLY_LENGTH ? !this.cues.saysNone(reply) && this.cues.denyingAnswer(reply) < 0 : this.cues.answersQuestion(reply)) return -1;
    }
    return s;
  }

  /**
   * The token of a bare no right after the term in a typed note's shorthand, or -1: «Tid ja, penger
   * nei.», «Ressurser nei, men tid ja.», "Time yes, money no." The clause holds the term and the no
   * alone (or after «men», «og», "but", "and" that open it or follow the yes or no of a pair before
   * it: «Tid ja og penger nei.»), and no question mark follows the no:
   * «Det er god støtte, nei?» asks.
   */
  private shorthandNo(text: string, clause: Int32Array, n: number, first: number, last: number): number {
    const r = last + 1;
    const c = clause[first]!;
    if (r >= n || clause[r] !== c || (r + 1 < n && clause[r + 1] === c) || !this.cues.isReply(this.formAt(r))) return -1;
    const to = r + 1 < n ? this.tokens.start[r + 1]! : text.length;
    for (let k = this.tokens.end[r]!; k < to; k++) if (text.charCodeAt(k) === 0x3f) return -1;
    if (first === 0 || clause[first - 1] !== c) return r;
    const opener = this.lower(text, first - 1);
    if (!this.cues.followsUp(opener) && !this.cues.isContrastWord(opener)) return -1;
    // «og» opening the clause, or after the yes or no of a pair before it: «Tid ja og penger nei.»
    if (first === 1 || clause[first - 2] !== c) return r;
    const before = this.lower(text, first - 2);
    return this.cues.isAffirmative(before) || this.cues.isReply(before) ? r : -1;
  }

  /**
   * The token of a loss in the clause after the term's, when that clause begins with a contrast
   * or a word of now and a pronoun that takes the term up, the loss within three words after it,
   * and no sentence ends between (CueMatcher.lossClause): «Det ble satt av tid i starten, men den
   * forsvant fort.», «Vi hadde prosjektmidler, men de ble kuttet.», «I fjor hadde vi
   * innovasjonsmidler, nå er de borte», "We had a fund, but it was scrapped." Else -1.
   */
  private lostAfter(text: string, clause: Int32Array, n: number, last: number): number {
    // Bounded: in a transcript of thousands of words without a comma, each term looks a few words on, not to the clause's end.
    let e = last + 1;
    while (e < n && e - last <= QUESTION_REACH + 1 && clause[e] === clause[last]) e++;
    if (e + 2 >= n || e - last > QUESTION_REACH + 1 || clause[e] === clause[last]) return -1;
    for (let j = last + 1; j <= e; j++) if (this.sentenceGap(text, j)) return -1;
    return this.cues.lossClause(e, this.anyWordIn(text, clause, n, clause[e]!));
  }

  /**
   * Whether the term is applied for (CueMatcher.appliesFor) and a refusal or a negation follows
   * within APPLICATION_REACH words of its sentence: «Vi søkte om prosjektmidler, men fikk avslag.»
   */
  private appliedAndRefused(text: string, clause: Int32Array, n: number, first: number, last: number): boolean {
    if (!this.cues.appliesFor(first, this.anyWordIn(text, clause, n, clause[first]!))) return false;
    for (let k = last + 1; k < n && k <= last + APPLICATION_REACH && !this.sentenceGap(text, k); k++) if (this.cues.refuses(this.lower(text, k))) return true;
    return false;
  }

  /** Whether the clause from token `e` ends, as a value does (valueEnds), within REPLY_LENGTH words. */
  private shortValue(text: string, clause: Int32Array, n: number, e: number): boolean {
    for (let f = e; f < n && f - e < REPLY_LENGTH && clause[f] === clause[e]; f++) if (this.valueEnds(text, clause, n, f)) return true;
    return false;
  }

  /**
   * Whether a short value ends at token f: its sentence ends there, or its clause does and only
   * filler words (CueMatcher.onlyFillers) follow to the end of the sentence, within REPLY_LENGTH
   * words: «Penger? – Lite, dessverre.», «Tid: minimal, i år.»
   */
  private valueEnds(text: string, clause: Int32Array, n: number, f: number): boolean {
    if (this.endsSentence(text, f, n)) return true;
    if (f + 1 >= n || clause[f + 1] === clause[f]) return false;
    const rest = this.toSentenceEnd(text, n, f + 1, REPLY_LENGTH);
    return rest !== undefined && this.cues.onlyFillers(rest);
  }

  /**
   * Whether a promoter's term stands in a question whose answer takes it back: a no, with no lack
   * word before the term in the question («Have you had any training in service design? No.» says
   * nothing is there, though the no stands too far off to be the term's own reply; «Mangler dere
   * avsatt tid? Nei.» says it is), or a yes with a but right after it that takes the yes back (a
   * negation, a no or a hedge after the but): "Support from management? Yes, but only on paper.",
   * «Idékasse? Ja, men ingen bruker den.»; «Ja, men bare fredager.» and «Ja, alle tar det, men ikke
   * vikarene.» (a yes said before the but) keep it.
   */
  private answerTakesBack(text: string, clause: Int32Array, n: number, first: number, last: number): boolean {
    const r = this.answerAfter(text, clause, n, last);
    if (r < 0) return false;
    if (this.cues.isAffirmative(this.lower(text, r))) {
      const answer = this.toSentenceEnd(text, n, r, ANSWER_GOES_ON);
      return answer !== undefined && answer.length > 1 && this.cues.isContrastWord(answer[1]) && this.cues.undoesYes(answer.slice(2));
    }
    if (!this.answerSaysNo(text, clause, n, r)) return false;
    const c = clause[first]!;
    const word = this.inClause(clause, n, c);
    const anyWord = this.anyWordIn(text, clause, n, c);
    for (let k = first - 1; k >= 0 && k >= first - CUE_WINDOW_BEFORE && clause[k] === c; k--) if (this.cues.beforeCue(k, word, first, anyWord) !== 0) return false;
    return true;
  }

  /**
   * Whether a promoter's term is a typed note's label whose value, of at most REPLY_LENGTH words to
   * the end of its sentence, begins with a negation or a no (CueMatcher.negatedValue), which does
   * not say it is there: «Kurs: ikke nevnt.», «Kurs: ingen interesse.», "Training: not mentioned."
   * (not «Kurs: ikke obligatorisk, men mange tar det.», «ikke bare …», «ingen tvil»; a value that
   * denies it outright is a lack cue, see lackCue).
   */
  private labelNegated(text: string, clause: Int32Array, n: number, first: number, last: number, opposite: number): boolean {
    const e = this.nextClause(clause, n, last, LABEL_PHRASE);
    if (e < 0 || !this.labelled(text, clause, n, first, last, e, 0x3a, false)) return false;
    const value = this.toSentenceEnd(text, n, e, REPLY_LENGTH);
    if (value === undefined) return false;
    // «Tillit: ingen detaljstyring her.»: a value that denies the label's opposite says the label is there.
    if (this.deniesOpposite(text, clause, n, e, e + value.length, opposite)) return false;
    // «Kompetanse på tjenestedesign: mangler.»: a value that says the label is missing.
    return this.cues.negatedValue(value) || this.labelValueCue(text, clause, n, e) >= 0;
  }

  /**
   * Whether tokens e..end-1 begin with a negation that denies, outright (CueMatcher.deniesOutright),
   * within three words after it, a term of code `opposite` (the label's opposite) or a term that
   * is one side of a factor in itself (`polarity: inherent`): «Tillit: ingen detaljstyring her.»,
   * «Samarbeid: ikke noe silotenkning.», "Trust: no micromanaging." say that the label is there.
   */
  private deniesOpposite(text: string, clause: Int32Array, n: number, e: number, end: number, opposite: number): boolean {
    if (!this.cues.isNegation(this.lower(text, e))) return false;
    const anyWord = this.anyWordIn(text, clause, n, clause[e]!);
    for (let j = e + 1; j < end && j <= e + 3; j++) if (this.oppositeAt(j, n, opposite) && this.cues.deniesOutright(e, j, anyWord)) return true;
    return false;
  }

  /** Whether a word or phrase term of code `opposite`, or one with `polarity: inherent`, begins at token j of the segment being matched. */
  private oppositeAt(j: number, n: number, opposite: number): boolean {
    const ids = this.ids;
    if (ids[j]! < 0) return false;
    for (const p of this.formHits[ids[j]!] ?? NO_HITS) {
      for (const term of this.startsWith[p]!) {
        if ((term.polarity !== 'inherent' && term.code !== opposite) || j + term.patterns.length > n) continue;
        let ok = true;
        for (let k = 1; k < term.patterns.length && ok; k++) ok = ids[j + k]! >= 0 && this.formHits[ids[j + k]!]!.includes(term.patterns[k]!);
        if (ok) return true;
      }
    }
    return false;
  }

  /**
   * Whether the term stands in a question that names the lack, and the answer says no: «Mangler
   * dere tid? Nei.», «Er tid et problem? Nei, egentlig ikke.», "Is time a problem? No." deny the
   * lack, so its cue governs nothing. The question ends within QUESTION_REACH words after the
   * term; the answer is a reply word that ends its sentence or goes on keeping to it (noStands),
   * or a sentence that begins with a negation and says no (CueMatcher.negatedAnswer).
   */
  private answeredNo(text: string, clause: Int32Array, n: number, last: number): boolean {
    const r = this.answerAfter(text, clause, n, last);
    return r >= 0 && this.answerSaysNo(text, clause, n, r);
  }

  /** Whether the answer that begins at token `r` says no (see answeredNo). */
  private answerSaysNo(text: string, clause: Int32Array, n: number, r: number): boolean {
    const w = this.lower(text, r);
    if (this.cues.isReply(w)) {
      // «Er silotenkning et problem? Nei, vi jobber mye på tvers.»: what follows may explain the no.
      if (this.endsSentence(text, r, n)) return true;
      if (r + 1 >= n) return false;
      // "Any budget cuts? None this year."
      if (clause[r + 1] === clause[r]) {
        const none = this.toSentenceEnd(text, n, r);
        return none !== undefined && this.cues.saysNone(none);
      }
      const rest = this.toSentenceEnd(text, n, r + 1, ANSWER_GOES_ON);
      return rest !== undefined && this.cues.keepsTo(rest);
    }
    // «Mangler dere tid? Ikke egentlig.», "Innovation strategy? Not that I know of."
    if (!this.cues.isNegation(w)) return false;
    const answer = this.toSentenceEnd(text, n, r, ANSWER_GOES_ON);
    return answer !== undefined && this.cues.negatedAnswer(answer);
  }

  /**
   * The first token of the answer to the question the term stands in, when that question ends
   * within QUESTION_REACH words after the term (past any short questions going on from it); -1
   * when the term stands in no question, or no answer follows.
   */
  private answerAfter(text: string, clause: Int32Array, n: number, last: number): number {
    const { end, start } = this.tokens;
    for (let j = last; j < n - 1 && j <= last + QUESTION_REACH; j++) {
      let question = false;
      for (let c = end[j]!; c < start[j + 1]!; c++) {
        const ch = text.charCodeAt(c);
        // A line break ends the term's sentence unless a question mark came first («Avsatt tid?⏎Nei.»).
        if (ch === 0x2e || ch === 0x21 || ch === 0x2026 || (ch === 0x0a && !question)) return -1;
        if (ch === 0x3f) question = true;
      }
      if (!question) continue;
      if (this.asksNoYesOrNo(text, clause, j + 1)) return -1;
      const r = this.pastFollowUps(text, clause, n, j + 1);
      return r >= 0 && r < n ? r : -1;
    }
    return -1;
  }

  /** The words (lower-cased) from token `from` to the end of its sentence, if it ends within `most` words. */
  private toSentenceEnd(text: string, n: number, from: number, most = DENIAL_GOES_ON): string[] | undefined {
    const words: string[] = [];
    for (let f = from; f < n && words.length < most; f++) {
      words.push(this.lower(text, f));
      if (this.endsSentence(text, f, n)) return words;
    }
    return undefined;
  }

  /**
   * «Er tid et problem? Ja.», "Is time an issue for you? Yes, definitely.": the term's clause is a
   * question, ending within QUESTION_REACH words after the term, that names an obstacle after it,
   * and the reply says yes in at most REPLY_LENGTH + 1 words to the end of its sentence (see
   * CueMatcher.affirms). The obstacle noun is then the cue; -1 if not so.
   */
  private affirmedObstacle(text: string, clause: Int32Array, n: number, last: number): number {
    const d = clause[last]!;
    let obstacle = -1;
    let e = last + 1;
    for (; e < n && clause[e] === d; e++) {
      if (e > last + QUESTION_REACH) return -1;
      if (obstacle < 0 && this.cues.isObstacle(this.formAt(e))) obstacle = e;
    }
    if (obstacle < 0 || e === n || !this.asks(text, e)) return -1;
    const words: string[] = [];
    for (let f = e; f < n && words.length <= REPLY_LENGTH; f++) {
      words.push(this.lower(text, f));
      if (this.endsSentence(text, f, n)) return this.cues.affirms(words) ? obstacle : -1;
    }
    return -1;
  }

  /**
   * Where the negation stands in a short denying answer that is clause `clause[e]` and ends its
   * sentence («Det har vi ikke.», «Egentlig ikke.»), or -1.
   */
  private answer(text: string, clause: Int32Array, n: number, e: number): number {
    const words: string[] = [];
    let f = e;
    while (f < n && clause[f] === clause[e] && words.length <= REPLY_LENGTH) words.push(this.lower(text, f++));
    if (words.length > REPLY_LENGTH || !this.endsSentence(text, f - 1, n)) return -1;
    const at = this.cues.denyingAnswer(words);
    return at < 0 ? -1 : e + at;
  }

  /**
   * Whether the term at `first` is a typed note's label, with its value in the clause from `e`
   * on: the separator (a colon, or a question mark) right before `e`, and the label at the start
   * of a line or sentence, of at most LABEL_WORDS words («Tid: for lite.», «Avsatt tid: nei.»),
   * or QUESTION_REACH for a question («Tid til innovasjon? – For lite.»).
   */
  private labelled(text: string, clause: Int32Array, n: number, first: number, last: number, e: number, separator: number, head = true): boolean {
    const { start, end } = this.tokens;
    let found = false;
    for (let c = end[e - 1]!; c < start[e]! && !found; c++) found = text.charCodeAt(c) === separator;
    if (!found) return false;
    let from = first;
    while (from > 0 && clause[from - 1] === clause[first]) from--;
    // The term first and a phrase after it may be longer: «Handlingsrom i egen saksbehandling: lite».
    const phrase = first === from && last + 1 < e && this.cues.isPreposition(this.lower(text, last + 1));
    if (e - from > (separator === 0x3f ? QUESTION_REACH : phrase ? LABEL_PHRASE : LABEL_WORDS)) return false;
    // The label is the term, maybe with a phrase after it: «Tid til utvikling:»; not «Klager på
    // tid:», "Time pressure:", "Budget cuts:", where the term says what another word is about.
    if (head && first > from && this.cues.isPreposition(this.lower(text, first - 1))) return false;
    if (head && last + 1 < e && !this.cues.isPreposition(this.lower(text, last + 1))) return false;
    const before = text.slice(from > 0 ? end[from - 1]! : 0, start[from]!);
    return from === 0 || /[\n.!?]/.test(before);
  }

  /**
   * The lack cue in a label's value, if any: a short denying answer («ingen», «nei», «har vi
   * ikke», «ikke nok»), or a scarcity word among its first words as after a term («for lite»,
   * «mangler», «svak»). A value with any other negation says something else about the label
   * («ikke relevant», «ikke nevnt», «vet ikke», «ikke spurt om»), and one with an obstacle noun
   * («ikke noe problem») is left alone.
   */
  private labelValueCue(text: string, clause: Int32Array, n: number, e: number): number {
    const c = clause[e]!;
    const word = this.inClause(clause, n, c);
    const anyWord = this.anyWordIn(text, clause, n, c);
    const at = this.answer(text, clause, n, e);
    if (at >= 0) return at;
    // «Penger: ingen i år.», "Training: none so far."
    const value: string[] = [];
    for (let f = e; f < n && clause[f] === clause[e] && value.length <= REPLY_LENGTH; f++) value.push(this.lower(text, f));
    const short = value.length <= REPLY_LENGTH && this.valueEnds(text, clause, n, e + value.length - 1);
    if (short && this.cues.saysNone(value)) return e;
    for (let k = e; k < n && clause[k] === c; k++) if (this.cues.isObstacle(word(k)) || this.cues.isNegation(word(k))) return -1;
    for (let k = e; k < n && k < e + CUE_WINDOW_AFTER && clause[k] === c; k++) {
      const cue = this.cues.afterCue(k, word, e, anyWord, -1);
      if (cue > 0) return k;
      if (cue < 0) return -1;
    }
    // A short value that ends with a scarcity word: "Time: very little.", «Tid: svært begrenset.»
    if (short && this.cues.isScarceValue(value[value.length - 1])) return e + value.length - 1;
    return -1;
  }

  /** Whether a comma stands between token j - 1 and token j, and token j takes up what came before (CueMatcher.isResumptive: «det», "that"). */
  private resumes(text: string, j: number): boolean {
    if (!this.cues.isResumptive(this.lower(text, j))) return false;
    for (let c = this.tokens.end[j - 1]!; c < this.tokens.start[j]!; c++) if (text.charCodeAt(c) === 0x2c) return true;
    return false;
  }

  /** Whether a question mark stands between token j - 1 and token j. */
  private asks(text: string, j: number): boolean {
    for (let c = this.tokens.end[j - 1]!; c < this.tokens.start[j]!; c++) if (text.charCodeAt(c) === 0x3f) return true;
    return false;
  }

  /**
   * Whether cue k before a term that ends at token `last` opens a counterfactual: «Uten den ekstra
   * finansieringen hadde vi ikke klart det» (see COUNTERFACTUAL_OPENERS in cues.ts). The opener
   * begins its clause; a conditional follows within COUNTERFACTUAL_REACH words, in the same sentence.
   */
  private counterfactual(text: string, clause: Int32Array, n: number, k: number, last: number): boolean {
    if ((k > 0 && clause[k - 1] === clause[k]) || !this.cues.opensCounterfactual(this.formAt(k))) return false;
    for (let j = last + 1; j < n && j <= last + COUNTERFACTUAL_REACH; j++) {
      if (this.sentenceBreak(text, j)) return false;
      if (this.cues.isConditional(this.lower(text, j))) return true;
    }
    return false;
  }

  /** Whether a sentence ends between token j - 1 and token j: . ! ? or … between them. */
  private sentenceBreak(text: string, j: number): boolean {
    for (let c = this.tokens.end[j - 1]!; c < this.tokens.start[j]!; c++) {
      const ch = text.charCodeAt(c);
      if (ch === 0x2e || ch === 0x21 || ch === 0x3f || ch === 0x2026) return true;
    }
    return false;
  }

  /** The form of token i of the current segment, when it is a candidate (cue words all are). */
  private formAt(i: number): string | undefined {
    const id = this.ids[i]!;
    return id >= 0 ? this.forms.forms[id] : undefined;
  }

  /** Token i of the current segment, lower-cased. */
  private lower(text: string, i: number): string {
    return text.slice(this.tokens.start[i]!, this.tokens.end[i]!).toLowerCase();
  }

  /**
   * Whether a statement ends after token i: . ! or … before the next token, a line break that
   * ends the clause by itself, with no other mark that could (the lines of typed notes,
   * «Avsatt tid: nei⏎Innovasjonsfond: ja»; a hard-wrapped «No,⏎but we …» goes on; see
   * TokenBuffer.fill), or no token follows. Not ?: "good support, no?" asks for agreement.
   */
  private endsSentence(text: string, i: number, n: number): boolean {
    let question = false;
    let line = false;
    let mark = false;
    const next = i + 1 < n;
    const to = next ? this.tokens.start[i + 1]! : text.length;
    for (let k = this.tokens.end[i]!; k < to; k++) {
      const ch = text.charCodeAt(k);
      if (ch === 0x3f) question = true;
      else if (ch === 0x2e || ch === 0x21 || ch === 0x2026) {
        if (!question) return true;
      } else if (ch === 0x0a) line ||= !question;
      // Another mark that ends a clause, as the tokenizer reads them (, ; : ( ) « » " – —).
      else if (unitClass(ch) === UNIT.BREAK) mark = true;
    }
    if (line && !mark && next && this.tokens.clauseStart[i + 1] === 1) return true;
    return i + 1 === n && !question;
  }

  /**
   * Whether the clause of tokens first..last is hedged and a contrast follows it: «avsatt tid på
   * papiret, men …» (see CueMatcher.hedged). The answer depends on the clause alone, so it is
   * worked out once per clause: a clause of thousands of words with a term in every tenth would
   * otherwise be read once per term.
   */
  private hedged(text: string, clause: Int32Array, n: number, first: number, last: number): boolean {
    const c = clause[first]!;
    const d = clause[last]!;
    if (c === d && this.hedges[c] !== 0) return this.hedges[c] === 1;
    const from = this.clauseFrom[c]!;
    const e = this.clauseFrom[d + 1]!;
    let hedged = false;
    if (e < n) {
      const word = (i: number) => (i >= from && i < e ? this.formAt(i) : undefined);
      const anyWord = (i: number) => (i >= from && i < e ? this.lower(text, i) : undefined);
      hedged = this.cues.hedged(from, e - 1, word, anyWord, (j) => (e + j < n ? this.lower(text, e + j) : undefined));
    }
    if (c === d) this.hedges[c] = hedged ? 1 : 2;
    return hedged;
  }

  /** Whether a verb of trying stands before the term at `first` in its clause, with a contrast after the clause (CueMatcher.attempted). */
  private attempted(text: string, clause: Int32Array, n: number, first: number): boolean {
    const c = clause[first]!;
    const from = this.clauseFrom[c]!;
    const e = this.clauseFrom[c + 1]!;
    if (e >= n || first - from < 2) return false;
    const word = (i: number) => (i >= from && i < e ? this.formAt(i) : undefined);
    const anyWord = (i: number) => (i >= from && i < e ? this.lower(text, i) : undefined);
    return this.cues.attempted(from, first, word, anyWord, (j) => (e + j < n ? this.lower(text, e + j) : undefined));
  }

  /**
   * Clause number per token of the current segment: a new clause starts at punctuation and after
   * "men"/"but". Also notes where each clause begins (clauseFrom, with n after the last) and
   * forgets what hedged() knew of the last segment's clauses.
   */
  private clauses(n: number): Int32Array {
    if (this.clause.length < n) this.clause = new Int32Array(Math.max(n, this.clause.length * 2));
    if (this.clauseFrom.length < n + 2) {
      this.clauseFrom = new Int32Array(Math.max(n + 2, this.clauseFrom.length * 2));
      this.hedges = new Uint8Array(this.clauseFrom.length);
    }
    const out = this.clause;
    let c = 0;
    this.clauseFrom[0] = 0;
    for (let i = 0; i < n; i++) {
      if (i > 0 && (this.tokens.clauseStart[i] === 1 || this.clauseWordIds.has(this.ids[i]!))) this.clauseFrom[++c] = i;
      out[i] = c;
    }
    this.clauseFrom[c + 1] = n;
    this.hedges.fill(0, 0, c + 1);
    return out;
  }
}
