// The matcher as it was before the speed work (regular-expression tokenizer, a Map per form,
// every form stemmed), kept as the oracle that test/matcher-equivalence.test.ts compares the
// fast matcher against. Not used by the tool.
import type { Codebook, Evidence, Lang, Polarity, Term, WordPattern } from '../../src/model.js';
import { termRegex } from '../../src/util/regex.js';
import { termListsCodebook } from '../../src/coding/matcher.js';
import { COUNTERFACTUAL_REACH, CUE_REACH_AFTER, CUE_WINDOW_AFTER, CUE_WINDOW_BEFORE, DENIAL_REACH, RHETORIC_OPENING, RHETORIC_REACH, WISH_REACH, cueMatcher, type CueMatcher } from '../../src/text/cues.js';
import { stemmerFor, type Stemmer } from '../../src/text/stem.js';
import { referenceTokenize as tokenize, type Token } from './tokenize-reference.js';

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
  unless?: Term[];
}

interface RegexRef {
  code: number;
  raw: string;
  regex: RegExp;
  polarity: Polarity;
  unless?: Term[];
}

/** Words that end a clause for the polarity rule, like punctuation does: "ikke penger, men tid". */
const REPLY_LENGTH = 4;
const LABEL_WORDS = 3;
const LABEL_PHRASE = 6;
const QUESTION_REACH = 6;
const DENIAL_GOES_ON = 8;
const ANSWER_GOES_ON = 20;
const FOLLOW_UP_WORDS = 3;
const CLAUSE_WORDS = new Set(['men', 'mens', 'derimot', 'but', 'whereas', 'however', 'although']);
const NO_HITS: readonly number[] = [];

/**
 * A codebook compiled for matching. Word patterns are indexed so that each distinct word form is
 * looked up once per run (forms repeat heavily in any corpus), then cached.
 */
export class ReferenceMatcher {
  private readonly codeIds: string[];
  private readonly opposites: number[];
  private readonly stem: Stemmer;
  private readonly cues: CueMatcher;
  private readonly byStem = new Map<string, number[]>();
  private readonly prefixes: Array<{ text: string; id: number }> = [];
  private readonly suffixes: Array<{ text: string; stem: string; id: number }> = [];
  private readonly parts: Array<{ text: string; id: number }> = [];
  private readonly startsWith: TermRef[][] = [];
  private readonly regexes: RegexRef[] = [];
  private readonly formCache = new Map<string, readonly number[]>();

  private readonly language: Lang;
  private readonly extraCues: string[];

  constructor(codebook: Codebook) {
    this.language = codebook.language;
    this.extraCues = codebook.cues.lack;
    this.stem = stemmerFor(codebook.language);
    this.cues = cueMatcher(codebook.language, codebook.cues.lack);
    this.codeIds = codebook.codes.map((c) => c.id);
    this.opposites = codebook.codes.map((c) => (c.opposite === undefined ? -1 : this.codeIds.indexOf(c.opposite)));
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
      else if (p.kind === 'suffix') this.suffixes.push({ text: p.text, stem: this.stem(p.text), id });
      else this.parts.push({ text: p.text, id });
      return id;
    };
    codebook.codes.forEach((code, codeIndex) => {
      for (const term of code.terms) {
        const polarity = term.polarity ?? code.polarity;
        if (term.kind === 'regex' && term.regex) {
          this.regexes.push({ code: codeIndex, raw: term.raw, regex: termRegex(term.regex.source, term.regex.flags), polarity, unless: term.unless });
        } else if (term.words && term.words.length > 0) {
          const patterns = term.words.map(patternId);
          this.startsWith[patterns[0]!]!.push({ code: codeIndex, raw: term.raw, patterns, polarity, unless: term.unless });
        }
      }
    });
  }

  /** Pattern ids that a word form satisfies; computed once per distinct form. */
  private hits(form: string): readonly number[] {
    const cached = this.formCache.get(form);
    if (cached !== undefined) return cached;
    let out: number[] | undefined;
    const add = (id: number) => (out ??= []).includes(id) || out.push(id);
    const byStem = this.byStem.get(this.stem(form));
    if (byStem) byStem.forEach(add);
    for (const p of this.prefixes) if (form.startsWith(p.text)) add(p.id);
    if (this.suffixes.length) {
      const s = this.stem(form);
      for (const p of this.suffixes) if (form.endsWith(p.text) || s.endsWith(p.stem)) add(p.id);
    }
    for (const p of this.parts) if (form.includes(p.text)) add(p.id);
    const result = out ?? NO_HITS;
    this.formCache.set(form, result);
    return result;
  }

  /** Match every term of the codebook in one segment's text. Offsets in evidence are into `text`. */
  match(original: string): CodeMatch[] {
    // Web addresses blanked out, character for character: not what was said.
    const text = original.replace(/\b([A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/|www\.|WWW\.|Www\.)[^\s<>«»"]*/gu, (url, prefix: string) => {
      const kept = url.replace(/[.,;:!?)\]]+$/u, '');
      return kept.length > prefix.length ? ' '.repeat(kept.length) + url.slice(kept.length) : url;
    });
    const tokens = tokenize(text);
    const clause = clauses(tokens);
    const found = new Map<number, Evidence[]>();
    const accept = (code: number, raw: string, first: number, last: number, start: number, end: number, polarity: Polarity, unless?: Term[]) => {
      // Not where a match of one of its unless terms overlaps it.
      if (unless?.length && this.unlessSpans(original, unless).some((e) => e.start < end && e.end > start)) return;
      // A lack phrase may begin with its own cue («ikke rom for»).
      const own = polarity === 'lack' && last > first ? this.ownCue(tokens, clause, first) : undefined;
      const near = polarity === 'any' || polarity === 'inherent' ? undefined : this.framed(tokens, clause, first, last, own ?? this.lackCue(text, tokens, clause, first, last));
      // A rhetorical question, for a code that can be coded lacking: «Hvem har tid til sånt?»
      const rhetorical = !near && (polarity === 'lack' || (polarity === 'presence' && this.opposites[code]! >= 0)) ? this.rhetorical(text, tokens, first, last) : undefined;
      const cue = near ?? rhetorical;
      if (polarity === 'inherent' && this.denied(text, tokens, clause, first, last)) return;
      if (polarity === 'lack' && !cue) return;
      // A denied promoter is the code the codebook names as its opposite, if any.
      const opposite = this.opposites[code]!;
      const inClause = (i: number) => (i >= 0 && i < tokens.length && clause[i] === clause[first] ? tokens[i]!.norm : undefined);
      const k = cue ? tokens.indexOf(cue) : -1;
      // A reply or a label's value after the term's clause, or a cue before it in a sentence that asks nothing.
      const asks = /^[^.!…\n]*\?/.test(text.slice(tokens[last]!.end));
      const afterPreposition = first > 0 && clause[first - 1] === clause[first] && this.cues.isPreposition(tokens[first - 1]!.norm);
      const opposes = rhetorical !== undefined || k >= 0 && (clause[k] !== clause[last] ? k > last && !afterPreposition
        : k > last ? this.shorthandNo(text, tokens, clause, first, last) === cue : !asks && this.cues.opposes(k, first, last, inClause));
      if (polarity === 'presence' && cue && opposite >= 0 && opposes) {
        code = opposite;
        polarity = 'lack';
      } else if (polarity === 'presence' && (cue || this.hedged(tokens, clause, first, last) || this.attempted(tokens, clause, first) || this.askedAndDenied(text, tokens, clause, first, last) || this.answeredYesBut(text, tokens, clause, last) ||
        this.labelNegated(text, tokens, clause, first, last, opposite) || this.appliedAndRefused(text, tokens, clause, first, last))) return;
      // A state that the next clause says has changed: «Før hadde vi ikke tid, nå …».
      if (polarity !== 'any' && !(cue && clause[tokens.indexOf(cue)] !== clause[first]) && this.former(tokens, clause, first)) return;
      const evidence: Evidence = { term: raw, start, end, text: original.slice(start, end) };
      if (cue && polarity === 'lack') evidence.cue = { start: cue.start, end: cue.end, text: original.slice(cue.start, cue.end) };
      const list = found.get(code);
      if (list) list.push(evidence);
      else found.set(code, [evidence]);
    };
    for (let i = 0; i < tokens.length; i++) {
      const ids = this.hits(tokens[i]!.norm);
      for (const id of ids) {
        for (const term of this.startsWith[id]!) {
          const last = i + term.patterns.length - 1;
          if (last >= tokens.length) continue;
          let ok = true;
          for (let k = 1; k < term.patterns.length && ok; k++) ok = this.hits(tokens[i + k]!.norm).includes(term.patterns[k]!);
          if (ok) accept(term.code, term.raw, i, last, tokens[i]!.start, tokens[last]!.end, term.polarity, term.unless);
        }
      }
    }
    for (const r of this.regexes) {
      r.regex.lastIndex = 0;
      for (const m of text.matchAll(r.regex)) {
        if (m[0].length === 0) continue;
        const start = m.index;
        const end = start + m[0].length;
        const first = tokens.findIndex((t) => t.end > start);
        let last = first;
        while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
        if (first === -1) continue;
        accept(r.code, r.raw, first, last, start, end, r.polarity, r.unless);
      }
    }
    return [...found.keys()].sort((a, b) => a - b).map((code) => ({
      code: this.codeIds[code]!,
      evidence: found.get(code)!.sort((a, b) => a.start - b.start || a.end - b.end || (a.term < b.term ? -1 : 1))
        .filter((e, i, list) => !list.slice(0, i).some((d) => d.start === e.start && d.end === e.end && d.term === e.term)),
    }));
  }

  /** Whether the term at `first` stands in a clause of a former state (CueMatcher.formerState), its clause and its neighbours found by walking the clause numbers. */
  private former(tokens: Token[], clause: Int32Array, first: number): boolean {
    const c = clause[first]!;
    const inClause = (k: number) => tokens.map((_, i) => i).filter((i) => clause[i] === k);
    const here = inClause(c);
    const before = inClause(c - 1);
    return this.cues.formerState(before.length ? before[0]! : -1, here[0]!, here.at(-1)! + 1, (k) => inClause(clause[k]!).at(-1)! + 1, (i) => tokens[i]?.norm);
  }

  /** Every match of the unless terms in the text, by a matcher of a codebook with them as the terms of one code. */
  private unlessSpans(text: string, unless: Term[]): Evidence[] {
    const book = termListsCodebook(this.language, this.extraCues, 'u', [unless.map((t) => ({ ...t, polarity: 'any' as const }))]);
    return new ReferenceMatcher(book).match(text)[0]?.evidence ?? [];
  }

  /** Whether a negation right before a `polarity: inherent` term (fillers aside), or a denied obstacle after it, denies the term. */
  private denied(text: string, tokens: Token[], clause: Int32Array, first: number, last: number): boolean {
    const cue = this.framed(tokens, clause, first, last, this.lackCue(text, tokens, clause, first, last));
    const k = cue ? tokens.indexOf(cue) : -1;
    const word = (c: number) => (i: number) => (i >= 0 && i < tokens.length && clause[i] === c ? tokens[i]!.norm : undefined);
    if (k >= 0 && k < first) return this.cues.deniesOutright(k, first, word(clause[first]!)) || this.cues.scarceBefore(k, first, word(clause[first]!));
    // A predicate of scarcity after the barrier: «Tidspresset er lavt nå.»
    if (k > last && clause[k] === clause[last] && this.cues.predicates(k, word(clause[last]!), last + 1, word(clause[last]!), first)) return true;
    for (let j = last + 1; j <= last + CUE_WINDOW_AFTER; j++) if (this.cues.deniesObstacle(j, word(clause[last]!), last + 1, word(clause[last]!))) return true;
    // Asked and answered no, or labelled with a value that denies it.
    if (this.answeredNo(text, tokens, clause, last)) return true;
    const next = clause.indexOf(clause[last]! + 1);
    if (next === -1 || next - last > LABEL_PHRASE) return false;
    const short = this.span(tokens, clause, next).slice(0, REPLY_LENGTH).some((i) => this.valueEnds(text, tokens, clause, i));
    const label = this.labelled(text, tokens, clause, first, last, next, ':') || (short && this.labelled(text, tokens, clause, first, last, next, '?'));
    return label && this.labelValue(text, tokens, clause, next) !== undefined;
  }

  /**
   * The cue as a denial frame before the term changes it («Det er ikke sånn at …»): a cue after
   * the frame in its clause, before or after the term, is denied; with none, the frame's negation
   * is the cue when the frame denies the term outright.
   */
  private framed(tokens: Token[], clause: Int32Array, first: number, last: number, cue: Token | undefined): Token | undefined {
    const word = (c: number) => (i: number) => (i >= 0 && i < tokens.length && clause[i] === c ? tokens[i]!.norm : undefined);
    const inTerm = word(clause[first]!);
    let k = first - 2;
    let end = -1;
    for (; k >= 0 && first - k <= DENIAL_REACH + 3 && clause[k] === clause[first]; k--) {
      end = this.cues.isNegation(tokens[k]!.norm) ? this.cues.denialFrame(k, inTerm) : -1;
      if (end >= 0 && end < first && first - end <= DENIAL_REACH) break;
    }
    if (!(k >= 0 && first - k <= DENIAL_REACH + 3 && clause[k] === clause[first])) return cue;
    const at = cue ? tokens.indexOf(cue) : -1;
    if (cue && clause[at] !== clause[first]) return cue;
    if (at > end) return undefined;
    const after = word(clause[last]!);
    const inner = tokens.some((_, j) => j > end && j < first && this.cues.beforeCue(j, inTerm, first, inTerm) !== 0) ||
      tokens.some((_, j) => j > last && j <= last + CUE_REACH_AFTER && clause[j] === clause[last] &&
        (this.cues.afterCue(j, after, last + 1, after, first) !== 0 || this.cues.isFrameChange(tokens[j]!.norm)));
    if (inner) return undefined;
    return this.cues.deniesOutright(k, first, inTerm) ? tokens[k] : at === k ? undefined : cue;
  }

  /** Where the answer to the yes-or-no question the term stands in begins, or -1. */
  private answerStart(text: string, tokens: Token[], clause: Int32Array, last: number): number {
    for (let j = last; j < tokens.length - 1 && j <= last + QUESTION_REACH; j++) {
      const gap = text.slice(tokens[j]!.end, tokens[j + 1]!.start);
      if (/[.!…]/.test(gap) || /^[^?]*\n/.test(gap)) return -1;
      if (!gap.includes('?')) continue;
      if (this.asksOpen(text, tokens, clause, j + 1) || this.judges(text, tokens, j + 1)) return -1;
      const r = this.pastFollowUps(text, tokens, clause, j + 1);
      return r >= 0 && r < tokens.length ? r : -1;
    }
    return -1;
  }

  /** Whether the question before token e begins «Er det X at …». */
  private judges(text: string, tokens: Token[], e: number): boolean {
    let s = e - 1;
    while (s > 0 && !/[.!?…\n]/.test(text.slice(tokens[s - 1]!.end, tokens[s]!.start))) s--;
    return this.cues.judgesClause([0, 1, 2, 3, 4].map((i) => (s + i < e ? tokens[s + i]!.norm : undefined)));
  }

  /** Whether the question before token e opens a sentence or clause with what, how or why (maybe after og/men). */
  private asksOpen(text: string, tokens: Token[], clause: Int32Array, e: number): boolean {
    let s = e - 1;
    while (s > 0 && !/[.!?…\n]/.test(text.slice(tokens[s - 1]!.end, tokens[s]!.start))) s--;
    for (let k = s; k < e; k++) {
      const opens = k === s || clause[k] !== clause[k - 1];
      const opener = !opens && (k - 1 === s || clause[k - 1] !== clause[k - 2]) && (this.cues.followsUp(tokens[k - 1]!.norm) || this.cues.isContrastWord(tokens[k - 1]!.norm));
      if ((opens || opener) && this.cues.opensQuestion(tokens[k]!.norm, k + 1 < e ? tokens[k + 1]!.norm : undefined)) return true;
    }
    return false;
  }

  /** A promoter's term in a question answered no, with no lack word before it in the question. */
  private askedAndDenied(text: string, tokens: Token[], clause: Int32Array, first: number, last: number): boolean {
    const word = (i: number) => (i >= 0 && clause[i] === clause[first] ? tokens[i]!.norm : undefined);
    if (!this.answeredNo(text, tokens, clause, last)) return false;
    for (let k = first - 1; k >= 0 && k >= first - CUE_WINDOW_BEFORE && clause[k] === clause[first]; k--) if (this.cues.beforeCue(k, word, first, word) !== 0) return false;
    return true;
  }

  /** A question the term stands in, answered by a yes with a but in its sentence. */
  private answeredYesBut(text: string, tokens: Token[], clause: Int32Array, last: number): boolean {
    const r = this.answerStart(text, tokens, clause, last);
    if (r < 0 || !this.cues.isAffirmative(tokens[r]!.norm)) return false;
    const end = tokens.findIndex((_, i) => i >= r && this.endsSentence(text, tokens, i));
    if (end === -1 || end - r >= ANSWER_GOES_ON) return false;
    const words = tokens.slice(r, end + 1).map((t) => t.norm);
    return words.length > 1 && this.cues.isContrastWord(words[1]) && this.cues.undoesYes(words.slice(2));
  }

  /** A promoter's term as a label whose value has a negation or a no. */
  private labelNegated(text: string, tokens: Token[], clause: Int32Array, first: number, last: number, opposite: number): boolean {
    const next = clause.indexOf(clause[last]! + 1);
    if (next === -1 || next - last > LABEL_PHRASE || !this.labelled(text, tokens, clause, first, last, next, ':', false)) return false;
    const end = tokens.findIndex((_, i) => i >= next && this.endsSentence(text, tokens, i));
    if (end === -1 || end - next >= REPLY_LENGTH || this.deniesOpposite(tokens, clause, next, end, opposite)) return false;
    return this.cues.negatedValue(tokens.slice(next, end + 1).map((t) => t.norm)) || this.labelValue(text, tokens, clause, next) !== undefined;
  }

  /** A negation at token e that denies outright a term of code `opposite`, or a `polarity: inherent` one, beginning within three words after it (up to token end). */
  private deniesOpposite(tokens: Token[], clause: Int32Array, e: number, end: number, opposite: number): boolean {
    if (!this.cues.isNegation(tokens[e]!.norm)) return false;
    const word = (i: number) => (i >= 0 && i < tokens.length && clause[i] === clause[e] ? tokens[i]!.norm : undefined);
    for (let j = e + 1; j <= end && j <= e + 3; j++) {
      const inherent = this.hits(tokens[j]!.norm).some((p) => this.startsWith[p]!.some((term) => (term.polarity === 'inherent' || term.code === opposite) && j + term.patterns.length <= tokens.length &&
        term.patterns.every((q, k) => this.hits(tokens[j + k]!.norm).includes(q))));
      if (inherent && this.cues.deniesOutright(e, j, word)) return true;
    }
    return false;
  }

  /** Whether the sentence ends after token i, before any question mark. */
  private endsSentence(text: string, tokens: Token[], i: number): boolean {
    const gap = text.slice(tokens[i]!.end, tokens[i + 1] ? tokens[i + 1]!.start : text.length);
    // A line break ends it when it ends the clause by itself: no other clause mark in the gap.
    return /^[^?]*[.!…]/.test(gap) || (tokens[i + 1]?.clauseStart === true && /^[^?]*\n/.test(gap) && !/[,;:()«»"–—]/.test(gap)) || (!tokens[i + 1] && !gap.includes('?'));
  }

  /** Whether a short value ends at token i: its sentence does, or its clause does with only filler words to the sentence's end. */
  private valueEnds(text: string, tokens: Token[], clause: Int32Array, i: number): boolean {
    if (this.endsSentence(text, tokens, i)) return true;
    if (i + 1 >= tokens.length || clause[i + 1] === clause[i]) return false;
    const end = tokens.findIndex((_, j) => j > i && this.endsSentence(text, tokens, j));
    return end !== -1 && end - i <= REPLY_LENGTH && this.cues.onlyFillers(tokens.slice(i + 1, end + 1).map((t) => t.norm));
  }

  /** Whether a question mark stands right before token i. */
  private asks(text: string, tokens: Token[], i: number): boolean {
    return text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('?');
  }

  /** Past short questions that go on from the one before token e («Og penger?»). */
  private pastFollowUps(text: string, tokens: Token[], clause: Int32Array, e: number): number {
    while (e < tokens.length && this.asks(text, tokens, e) && this.cues.followsUp(tokens[e]!.norm)) {
      const f = tokens.findIndex((_, i) => i > e && (i - e >= FOLLOW_UP_WORDS || clause[i] !== clause[e]));
      if (f === -1 || clause[f] === clause[e] || !this.asks(text, tokens, f)) return e;
      if (this.cues.opensQuestion(tokens[e + 1]!.norm, f - e > 2 ? tokens[e + 2]!.norm : undefined)) return -1;
      e = f;
    }
    return e;
  }

  /** A no at r that ends its sentence, or goes on keeping to it. */
  private noStands(text: string, tokens: Token[], clause: Int32Array, r: number): boolean {
    if (this.endsSentence(text, tokens, r)) return true;
    if (r + 1 >= tokens.length || clause[r + 1] === clause[r]) return false;
    const end = tokens.findIndex((_, i) => i > r && this.endsSentence(text, tokens, i));
    if (end === -1 || end - r > DENIAL_GOES_ON) return false;
    return this.cues.keepsDenying(tokens.slice(r + 1, end + 1).map((t) => t.norm));
  }

  /** The words of token from's clause. */
  private span(tokens: Token[], clause: Int32Array, from: number): number[] {
    return tokens.map((_, i) => i).filter((i) => i >= from && clause[i] === clause[from]);
  }

  /** A short denying answer that is the clause from `from` and ends its sentence. */
  private answer(text: string, tokens: Token[], clause: Int32Array, from: number): Token | undefined {
    const words = this.span(tokens, clause, from);
    if (words.length > REPLY_LENGTH || !this.endsSentence(text, tokens, words.at(-1)!)) return undefined;
    const at = this.cues.denyingAnswer(words.map((i) => tokens[i]!.norm));
    return at < 0 ? undefined : tokens[from + at];
  }

  /** A typed note's label at the start of a line or sentence, ending with `separator` right before token e. */
  private labelled(text: string, tokens: Token[], clause: Int32Array, first: number, last: number, e: number, separator: ':' | '?', head = true): boolean {
    const from = clause.indexOf(clause[first]!);
    // The term heads the label: not after a preposition, and only a phrase with a preposition after it.
    if (head && first > from && this.cues.isPreposition(tokens[first - 1]!.norm)) return false;
    if (head && last + 1 < e && !this.cues.isPreposition(tokens[last + 1]!.norm)) return false;
    const labelGap = text.slice(from > 0 ? tokens[from - 1]!.end : 0, tokens[from]!.start);
    // The term first and a prepositional phrase after it may make a longer label: «Tid til utvikling i hverdagen:».
    const phrase = first === from && last + 1 < e && this.cues.isPreposition(tokens[last + 1]!.norm);
    return text.slice(tokens[e - 1]!.end, tokens[e]!.start).includes(separator) && e - from <= (separator === '?' ? QUESTION_REACH : phrase ? LABEL_PHRASE : LABEL_WORDS) &&
      (from === 0 || /[\n.!?]/.test(labelGap));
  }

  /** The lack cue in a label's value from token e: a denying answer, none, or a scarcity word. */
  private labelValue(text: string, tokens: Token[], clause: Int32Array, e: number): Token | undefined {
    const answered = this.answer(text, tokens, clause, e);
    if (answered) return answered;
    const value = this.span(tokens, clause, e);
    if (value.length <= REPLY_LENGTH && this.valueEnds(text, tokens, clause, value.at(-1)!) && this.cues.saysNone(value.map((i) => tokens[i]!.norm))) return tokens[e];
    if (value.some((i) => this.cues.isObstacle(tokens[i]!.norm) || this.cues.isNegation(tokens[i]!.norm))) return undefined;
    const valueWord = (i: number) => (value.includes(i) ? tokens[i]!.norm : undefined);
    for (const k of value.slice(0, CUE_WINDOW_AFTER)) {
      const cue = this.cues.afterCue(k, valueWord, e, valueWord, -1);
      if (cue > 0) return tokens[k];
      if (cue < 0) return undefined;
    }
    // A short value that ends with a scarcity word.
    if (value.length <= REPLY_LENGTH && this.valueEnds(text, tokens, clause, value.at(-1)!) && this.cues.isScarceValue(tokens[value.at(-1)!]!.norm)) return tokens[value.at(-1)!];
    return undefined;
  }

  /** The phrase's first word, when it is a lack cue for the rest of the phrase. */
  private ownCue(tokens: Token[], clause: Int32Array, first: number): Token | undefined {
    const c = clause[first];
    const word = (i: number) => (i >= 0 && i < tokens.length && clause[i] === c ? tokens[i]!.norm : undefined);
    return this.cues.beforeCue(first, word, first + 1, word) > 0 ? tokens[first] : undefined;
  }

  /** Whether the term's question, ending within six words, is answered with a reply word that ends its sentence or goes on with a denying answer. */
  private answeredNo(text: string, tokens: Token[], clause: Int32Array, last: number): boolean {
    const r = this.answerStart(text, tokens, clause, last);
    if (r < 0) return false;
    const end = tokens.findIndex((_, i) => i >= r && this.endsSentence(text, tokens, i));
    if (this.cues.isReply(tokens[r]!.norm)) {
      if (end === r) return true;
      if (r + 1 >= tokens.length) return false;
      // "None this year": the no and words of time in one clause.
      if (clause[r + 1] === clause[r]) return end !== -1 && end - r < DENIAL_GOES_ON && this.cues.saysNone(tokens.slice(r, end + 1).map((t) => t.norm));
      return end !== -1 && end - r <= ANSWER_GOES_ON && this.cues.keepsTo(tokens.slice(r + 1, end + 1).map((t) => t.norm));
    }
    return this.cues.isNegation(tokens[r]!.norm) && end !== -1 && end - r < ANSWER_GOES_ON && this.cues.negatedAnswer(tokens.slice(r, end + 1).map((t) => t.norm));
  }

  /** The lack cue that governs tokens first..last, if any: the nearest of up to 4 words before or else 3 after, in one clause, unless it is itself negated. */
  private lackCue(text: string, tokens: Token[], clause: Int32Array, first: number, last: number): Token | undefined {
    const c = clause[first];
    const word = (i: number) => (i >= 0 && clause[i] === c ? tokens[i]!.norm : undefined);
    const wordAfter = (i: number) => (i < tokens.length && clause[i] === clause[last] ? tokens[i]!.norm : undefined);
    for (let k = first - 1; k >= 0 && k >= first - WISH_REACH && clause[k] === c; k--) {
      const cue = this.cues.beforeCue(k, word, first, word, last);
      if (cue < 0) return undefined;
      if (cue > 0 && (k >= first - CUE_WINDOW_BEFORE || this.cues.reachesFar(k, word, first, word))) {
        // A counterfactual: the opener begins its clause, a conditional follows in the same sentence.
        if (clause[k - 1] !== c && this.cues.opensCounterfactual(tokens[k]!.norm)) {
          for (let j = last + 1; j < tokens.length && j <= last + COUNTERFACTUAL_REACH; j++) {
            if (/[.!?…]/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
            if (this.cues.isConditional(tokens[j]!.norm)) return undefined;
          }
        }
        // A lack named before the term, then denied after it.
        for (let j = last + 1; j <= last + CUE_WINDOW_AFTER; j++) if (this.cues.deniesObstacle(j, wordAfter, last + 1, wordAfter)) return undefined;
        return this.answeredNo(text, tokens, clause, last) ? undefined : tokens[k];
      }
    }
    for (let k = last + 1; k < tokens.length && k <= last + CUE_REACH_AFTER && clause[k] === clause[last]; k++) {
      const cue = this.cues.afterCue(k, wordAfter, last + 1, wordAfter, first);
      if (cue > 0) return this.answeredNo(text, tokens, clause, last) ? undefined : tokens[k];
      if (cue < 0) return undefined;
    }
    const no = this.shorthandNo(text, tokens, clause, first, last);
    if (no) return no;
    const lost = this.lostAfter(text, tokens, clause, last);
    if (lost) return lost;
    // A question naming the term an obstacle, ending within six words, answered yes: «Er tid et problem? Ja.»
    const questionEnd = clause.indexOf(clause[last]! + 1);
    if (questionEnd !== -1 && questionEnd - last <= QUESTION_REACH + 1 && text.slice(tokens[questionEnd - 1]!.end, tokens[questionEnd]!.start).includes('?')) {
      const obstacle = tokens.findIndex((t, i) => i > last && i < questionEnd && this.cues.isObstacle(t.norm));
      const replyEnd = tokens.findIndex((t, i) => i >= questionEnd && /^[^?]*[.!…]/.test(text.slice(t.end, tokens[i + 1] ? tokens[i + 1]!.start : text.length)));
      const end = replyEnd !== -1 ? replyEnd : tokens.length - 1;
      const ends = replyEnd !== -1 || !text.slice(tokens.at(-1)!.end).includes('?');
      const words = tokens.slice(questionEnd, end + 1).map((t) => t.norm);
      if (obstacle !== -1 && ends && words.length <= REPLY_LENGTH + 1 && this.cues.affirms(words)) return tokens[obstacle];
    }
    // After the term's clause, at most three words on (past short questions going on from it): a reply, an answer, or a label's value.
    const next = clause.indexOf(clause[last]! + 1);
    if (next !== -1 && next - last > CUE_WINDOW_AFTER) {
      // Only a longer label reaches further: «Tid til utvikling i hverdagen: lite.»
      return next - last <= LABEL_PHRASE && this.labelled(text, tokens, clause, first, last, next, ':') ? this.labelValue(text, tokens, clause, next) : undefined;
    }
    if (next === -1) return undefined;
    const e = this.pastFollowUps(text, tokens, clause, next);
    if (e < 0 || (e < tokens.length && this.asks(text, tokens, next) && (this.asksOpen(text, tokens, clause, next) || this.judges(text, tokens, next)))) return undefined;
    // Not for a term right after a preposition.
    const about = first > 1 && clause[first - 2] === clause[first] && this.cues.asksAbout(tokens[first - 2]!.norm, tokens[first - 1]!.norm);
    if (first > 0 && clause[first - 1] === clause[first] && this.cues.headsPhrase(tokens[first - 1]!.norm) && !about) return undefined;
    if (e < tokens.length && clause[e + 1] !== clause[e] && this.cues.isReply(tokens[e]!.norm)) {
      // One word that denies the term: «Nei.», or «Nei, ikke noe formelt.»; not the problem a question names.
      for (let j = last + 1; j < next; j++) if (this.cues.isObstacle(tokens[j]!.norm)) return undefined;
      return this.noStands(text, tokens, clause, e) ? tokens[e] : undefined;
    }
    if (e >= tokens.length) return undefined;
    // The term put first, then a denying answer that takes it up again: «Avsatt tid, det har vi ikke.»
    if (this.cues.isResumptive(tokens[e]!.norm) && text.slice(tokens[e - 1]!.end, tokens[e]!.start).includes(',')) {
      const answered = this.answer(text, tokens, clause, e);
      if (answered) return answered;
    }
    if (this.asks(text, tokens, e)) {
      const answered = this.answer(text, tokens, clause, e);
      if (answered) return answered;
      const short = this.span(tokens, clause, e).slice(0, REPLY_LENGTH).some((i) => this.valueEnds(text, tokens, clause, i));
      return short && this.labelled(text, tokens, clause, first, last, e, '?') ? this.labelValue(text, tokens, clause, e) : undefined;
    }
    // A typed note's label at the start of a line or sentence, and its value: «Tid: for lite.»
    return this.labelled(text, tokens, clause, first, last, e, ':') ? this.labelValue(text, tokens, clause, e) : undefined;
  }

  /** The question word of a rhetorical question about the term, with no answer after it: «Hvem har tid til sånt?» */
  private rhetorical(text: string, tokens: Token[], first: number, last: number): Token | undefined {
    const stop = (i: number) => /[.!?…\n]/.exec(text.slice(tokens[i]!.end, tokens[i + 1]?.start ?? text.length))?.[0];
    let s = first;
    while (s > 0 && stop(s - 1) === undefined) s--;
    if (first - s < 2 || first - s > RHETORIC_OPENING) return undefined;
    const q = tokens.findIndex((_, i) => i >= last && stop(i) !== undefined);
    if (q === -1 || stop(q) !== '?' || q - last > RHETORIC_REACH) return undefined;
    const opening = tokens.slice(s, first).map((t) => t.norm);
    const after = tokens.slice(last + 1, Math.min(q, last + 3) + 1).map((t) => t.norm);
    if (!this.cues.rhetorical(opening, after)) return undefined;
    if (q + 1 < tokens.length) {
      // The next sentence, or its first twelve words: a short one that says no other way than
      // no, or a longer one that answers (CueMatcher.answersQuestion), takes the question as asked.
      const end = tokens.findIndex((_, i) => i > q && this.endsSentence(text, tokens, i));
      const ends = end !== -1 && end - q <= 12;
      const reply = tokens.slice(q + 1, (ends ? end : q + 12) + 1).map((t) => t.norm);
      if (ends && reply.length <= REPLY_LENGTH ? !this.cues.saysNone(reply) && this.cues.denyingAnswer(reply) < 0 : this.cues.answersQuestion(reply)) return undefined;
    }
    return tokens[s];
  }

  /** A bare no right after the term, alone with it in its clause (maybe after og/men), with no question mark after it: «Tid ja, penger nei.» */
  private shorthandNo(text: string, tokens: Token[], clause: Int32Array, first: number, last: number): Token | undefined {
    const r = last + 1;
    if (r >= tokens.length || clause[r] !== clause[first] || clause[r + 1] === clause[r] || !this.cues.isReply(tokens[r]!.norm)) return undefined;
    if (text.slice(tokens[r]!.end, r + 1 < tokens.length ? tokens[r + 1]!.start : text.length).includes('?')) return undefined;
    const from = clause.indexOf(clause[first]!);
    if (from === first) return tokens[r];
    const opener = tokens[first - 1]!.norm;
    if (!this.cues.followsUp(opener) && !this.cues.isContrastWord(opener)) return undefined;
    if (from === first - 1) return tokens[r];
    const before = tokens[first - 2]!.norm;
    return this.cues.isAffirmative(before) || this.cues.isReply(before) ? tokens[r] : undefined;
  }

  /** A loss within three words after «men det»/"but it" or «nå er de»/"now it" that opens the next clause (within six words, in the sentence): «…, men den forsvant», «…, nå er de borte». */
  private lostAfter(text: string, tokens: Token[], clause: Int32Array, last: number): Token | undefined {
    let e = last + 1;
    while (e < tokens.length && clause[e] === clause[last]) e++;
    if (e + 2 >= tokens.length || e - last > QUESTION_REACH + 1) return undefined;
    for (let j = last + 1; j <= e; j++) if (/[.!?…\n]/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) return undefined;
    const k = this.cues.lossClause(e, (i: number) => (clause[i] === clause[e] ? tokens[i]?.norm : undefined));
    return k >= 0 ? tokens[k] : undefined;
  }

  /** Applied for, and a refusal or negation within twelve words after, in the sentence. */
  private appliedAndRefused(text: string, tokens: Token[], clause: Int32Array, first: number, last: number): boolean {
    if (!this.cues.appliesFor(first, (i) => (i >= 0 && i < tokens.length && clause[i] === clause[first] ? tokens[i]!.norm : undefined))) return false;
    for (let k = last + 1; k < tokens.length && k <= last + 12; k++) {
      if (/[.!?…\n]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) return false;
      if (this.cues.refuses(tokens[k]!.norm)) return true;
    }
    return false;
  }

  /** Whether a verb of trying stands before the term at `first` in its clause, and the next clause begins with a contrast that does not say it worked. */
  private attempted(tokens: Token[], clause: Int32Array, first: number): boolean {
    const from = clause.indexOf(clause[first]!);
    const next = clause.indexOf(clause[first]! + 1);
    if (next === -1) return false;
    const word = (i: number) => (i >= from && i < next ? tokens[i]!.norm : undefined);
    return this.cues.attempted(from, first, word, word, (j) => tokens[next + j]?.norm);
  }

  /** Whether the clause of first..last holds a hedge and the next clause begins with a contrast. */
  private hedged(tokens: Token[], clause: Int32Array, first: number, last: number): boolean {
    const from = clause.indexOf(clause[first]!);
    const next = clause.indexOf(clause[last]! + 1);
    if (next === -1) return false;
    const word = (i: number) => (i >= from && i < next ? tokens[i]!.norm : undefined);
    return this.cues.hedged(from, next - 1, word, word, (j) => tokens[next + j]?.norm);
  }
}

/** Clause number per token: a new clause starts at punctuation and after "men"/"but". */
function clauses(tokens: Token[]): Int32Array {
  const out = new Int32Array(tokens.length);
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > 0 && (t.clauseStart || CLAUSE_WORDS.has(t.norm))) n++;
    out[i] = n;
  }
  return out;
}
