// Which of a fixed set of texts occur in a word, in one pass over its letters: an Aho-Corasick
// automaton compiled to a table. The matcher runs it over every word of every segment, to tell
// which words are worth looking up and which regular expressions are worth trying; scanWords
// finds the words and runs the automaton over them in the same pass over the text.

import { lowerOf } from '../text/forms.js';
import { UNIT, WRAPPED_LINE, isBlank, unitClass, type TokenBuffer } from '../text/tokenize.js';

/** Classes of units in LiteralSet.units (0: not yet known). */
const C_OTHER = 1;
const C_BREAK = 2;
/** An apostrophe: part of a word when a letter follows it. */
const C_APOSTROPHE = 3;
const C_LETTER = 4;
const C_DIGIT = 5;
/** A surrogate, or a letter that cannot be lower-cased on its own (Σ, İ): scanWords leaves such texts to the general path. */
const C_SLOW = 6;
/** In LiteralSet.step: texts end in the state an entry leads to. */
const HAS_KINDS = 1 << 30;
const ROW = HAS_KINDS - 1;
const LONG_S = 0x17f;

export class LiteralSet {
  /** Character code → symbol (0: a character no text contains). */
  private readonly symbols = new Uint16Array(65536);
  /**
   * The transition table, one row of 2^shift entries per state. A state is named by the index
   * of its row (its number << shift), so the next state is step[state + symbol] & ROW, with no
   * multiplication; an entry has HAS_KINDS set when texts end in the state it leads to, so the
   * scan looks at stateKinds only then.
   */
  private readonly step: Int32Array;
  private readonly shift: number;
  /** Texts ending in each state (through failure links too). */
  private readonly outputs: number[][];
  /** The kinds of the texts that end in each state, ORed. */
  private readonly stateKinds: Int32Array;
  private readonly textKinds: Int32Array;
  /** Per UTF-16 unit: the symbol of its lower case << 3 | its class (C_*); 0 until first sight. */
  private readonly units = new Int32Array(65536);
  /**
   * The texts recorded (seen[i] set to the stamp) since the last scanWords began, each once, in
   * the order first seen: a caller with many marked texts looks at these instead of at them all.
   */
  readonly marked: number[] = [];

  /** `kinds`: a bit flag per text (default 1), for kindsInWord. */
  constructor(texts: readonly string[], kinds: readonly number[] = texts.map(() => 1)) {
    let width = 1;
    for (const t of texts) for (const ch of t) {
      const c = ch.charCodeAt(0);
      if (this.symbols[c] === 0) this.symbols[c] = width++;
      // Texts hold single UTF-16 units only (callers cut them before a surrogate).
      if (ch.length !== 1) throw new Error(`LiteralSet: "${t}" has a character outside the BMP`);
    }
    // Trie.
    const goto: number[][] = [new Array<number>(width).fill(-1)];
    const out: number[][] = [[]];
    texts.forEach((t, index) => {
      let s = 0;
      for (let i = 0; i < t.length; i++) {
        const a = this.symbols[t.charCodeAt(i)]!;
        if (goto[s]![a]! < 0) {
          goto[s]![a] = goto.length;
          goto.push(new Array<number>(width).fill(-1));
          out.push([]);
        }
        s = goto[s]![a]!;
      }
      out[s]!.push(index);
    });
    // Breadth-first: failure links folded into a complete transition table.
    const next = new Int32Array(goto.length * width);
    const fail = new Int32Array(goto.length);
    const queue: number[] = [];
    for (let a = 0; a < width; a++) {
      const t = goto[0]![a]!;
      if (t > 0 && a > 0) {
        next[a] = t;
        fail[t] = 0;
        queue.push(t);
      } else next[a] = 0;
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      out[s]!.push(...out[fail[s]!]!);
      for (let a = 0; a < width; a++) {
        const t = goto[s]![a]!;
        if (t > 0 && a > 0) {
          next[s * width + a] = t;
          fail[t] = next[fail[s]! * width + a]!;
          queue.push(t);
        } else next[s * width + a] = a === 0 ? 0 : next[fail[s]! * width + a]!;
      }
    }
    this.outputs = out.map((o) => [...new Set(o)]);
    this.textKinds = Int32Array.from(kinds);
    this.stateKinds = Int32Array.from(this.outputs, (o) => o.reduce((k, i) => k | kinds[i]!, 0));
    this.shift = Math.ceil(Math.log2(width));
    // Rows must stay below the flag bit: far beyond any codebook (a million states of 1,024 symbols).
    if (goto.length * 2 ** this.shift > ROW) throw new Error(`LiteralSet: ${goto.length} states of ${width} symbols are too many`);
    this.step = new Int32Array(goto.length << this.shift);
    for (let s = 0; s < goto.length; s++) {
      for (let a = 0; a < width; a++) {
        const t = next[s * width + a]!;
        this.step[(s << this.shift) + a] = (t << this.shift) | (this.stateKinds[t] !== 0 ? HAS_KINDS : 0);
      }
    }
  }

  /**
   * The kinds (ORed) of the texts that occur in the lower-cased units of text[start, end), with
   * `lead` before them and `trail` after: units that no word contains, so that a text beginning
   * with `lead` matches only at the word's start, and one ending with `trail` only at its end.
   * Texts of a kind in `mark` are also recorded: seen[i] = stamp. -1 when a unit cannot be
   * lower-cased on its own (Σ, İ, surrogates): callers then assume every text may occur.
   */
  kindsInWord(text: string, start: number, end: number, lead: number, trail: number, mark: number, seen: Int32Array, stamp: number): number {
    const { symbols, step, stateKinds, shift } = this;
    let s = step[symbols[lead]!]! & ROW;
    let kinds = stateKinds[s >>> shift]!;
    if ((kinds & mark) !== 0) this.record(s, mark, seen, stamp);
    for (let i = start; i < end; i++) {
      let e = this.units[text.charCodeAt(i)]!;
      if (e === 0) e = this.learn(text.charCodeAt(i));
      if ((e & 7) === C_SLOW) return -1;
      const v = step[s + (e >>> 3)]!;
      s = v & ROW;
      if (v >= HAS_KINDS) {
        const k = stateKinds[s >>> shift]!;
        kinds |= k;
        if ((k & mark) !== 0) this.record(s, mark, seen, stamp);
      }
    }
    s = step[s + symbols[trail]!]! & ROW;
    const k = stateKinds[s >>> shift]!;
    if ((k & mark) !== 0) this.record(s, mark, seen, stamp);
    return kinds | k;
  }

  /**
   * The words of `text` into `tokens`, as TokenBuffer.fill finds them, with kindsInWord of each
   * word in `tokens.found`: one pass over the text for both. Returns the number of words.
   */
  scanWords(text: string, tokens: TokenBuffer, lead: number, trail: number, mark: number, seen: Int32Array, stamp: number): number {
    const { units, step, stateKinds, shift } = this;
    const first = step[this.symbols[lead]!]! & ROW;
    const firstKinds = stateKinds[first >>> shift]!;
    const last = this.symbols[trail]!;
    const to = text.length;
    this.marked.length = 0;
    let n = 0;
    let i = 0;
    let brk = 1;
    // A line break ends a clause only before a capital or a mark (as TokenBuffer.fill reads it).
    let line = 0;
    let lineStart = 0;
    while (i < to) {
      const c = text.charCodeAt(i);
      let e = units[c]!;
      if (e === 0) e = this.learn(c);
      let cls = e & 7;
      if (cls < C_LETTER) {
        if (cls === C_BREAK) brk = 1;
        else if (c === 10) {
          if (i - lineStart >= WRAPPED_LINE) line = 1;
          else brk = 1;
          lineStart = i + 1;
        } else if (line === 1 && !isBlank(c)) brk = 1;
        i++;
        continue;
      }
      if (cls === C_SLOW) return this.scanWordsSlowly(text, tokens, lead, trail, mark, seen, stamp);
      if (line === 1) {
        const ch = text[i]!;
        if (ch !== ch.toLowerCase()) brk = 1;
        line = 0;
      }
      const start = i;
      let s = first;
      let found = firstKinds;
      if ((found & mark) !== 0) this.record(s, mark, seen, stamp);
      let lettersOnly = false;
      // The units of one word: letters and digits, and an apostrophe before letters (after which letters only).
      for (;;) {
        const v = step[s + (e >>> 3)]!;
        s = v & ROW;
        if (v >= HAS_KINDS) {
          const k = stateKinds[s >>> shift]!;
          found |= k;
          if ((k & mark) !== 0) this.record(s, mark, seen, stamp);
        }
        if (++i >= to) break;
        e = units[text.charCodeAt(i)]!;
        if (e === 0) e = this.learn(text.charCodeAt(i));
        cls = e & 7;
        if (cls === C_LETTER || (cls === C_DIGIT && !lettersOnly)) continue;
        if (cls === C_SLOW) return this.scanWordsSlowly(text, tokens, lead, trail, mark, seen, stamp);
        if (cls !== C_APOSTROPHE || i + 1 >= to) break;
        let after = units[text.charCodeAt(i + 1)]!;
        if (after === 0) after = this.learn(text.charCodeAt(i + 1));
        if ((after & 7) === C_SLOW) return this.scanWordsSlowly(text, tokens, lead, trail, mark, seen, stamp);
        if ((after & 7) !== C_LETTER) break;
        lettersOnly = true;
      }
      s = step[s + last]! & ROW;
      const k = stateKinds[s >>> shift]!;
      if ((k & mark) !== 0) this.record(s, mark, seen, stamp);
      tokens.set(n++, start, i, brk, found | k);
      brk = 0;
    }
    tokens.count = n;
    return n;
  }

  /** scanWords for a text with units outside the common path: the tokenizer, then kindsInWord for each word. */
  private scanWordsSlowly(text: string, tokens: TokenBuffer, lead: number, trail: number, mark: number, seen: Int32Array, stamp: number): number {
    const n = tokens.fill(text);
    for (let t = 0; t < n; t++) tokens.found[t] = this.kindsInWord(text, tokens.start[t]!, tokens.end[t]!, lead, trail, mark, seen, stamp);
    return n;
  }

  /** The entry of a unit in `units`, looked up on first sight. */
  private learn(c: number): number {
    const k = unitClass(c);
    // ſ (long s) is read as s: a case-insensitive regular expression matches it for s (see FOLDABLE in literal.ts).
    const lower = c === LONG_S ? 0x73 : lowerOf(c);
    let cls = k === UNIT.LETTER ? C_LETTER : k === UNIT.DIGIT ? C_DIGIT : k === UNIT.BREAK ? C_BREAK : k === UNIT.SURROGATE ? C_SLOW : C_OTHER;
    if ((cls === C_LETTER || cls === C_DIGIT) && lower < 0) cls = C_SLOW;
    if (c === 0x27 || c === 0x2019) cls = C_APOSTROPHE;
    const e = ((lower < 0 ? 0 : this.symbols[lower]!) << 3) | cls;
    this.units[c] = e;
    return e;
  }

  /** Mark the texts of kind `mark` that end in `row` (a state's row in `step`), and list those not marked with this stamp yet. */
  private record(row: number, mark: number, seen: Int32Array, stamp: number): void {
    for (const i of this.outputs[row >>> this.shift]!) {
      if ((this.textKinds[i]! & mark) === 0 || seen[i] === stamp) continue;
      seen[i] = stamp;
      this.marked.push(i);
    }
  }
}
