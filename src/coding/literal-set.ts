// Which of a fixed set of texts occur in a word, in one pass over its letters: an Aho-Corasick
// automaton compiled to a table. The matcher runs it over every word of every segment, to tell
// which words are worth looking up and which regular expressions are worth trying.

import { lowerOf } from '../text/forms.js';

export class LiteralSet {
  /** Character code → symbol (0: a character no text contains). */
  private readonly symbols = new Uint16Array(65536);
  private readonly width: number;
  /** Next state by state * width + symbol. */
  private readonly next: Int32Array;
  /** Texts ending in each state (through failure links too). */
  private readonly outputs: number[][];
  /** The kinds of the texts that end in each state, ORed. */
  private readonly stateKinds: Int32Array;
  private readonly textKinds: Int32Array;

  /** `kinds`: a bit flag per text (default 1), for kindsInWord. */
  constructor(texts: readonly string[], kinds: readonly number[] = texts.map(() => 1)) {
    let width = 1;
    for (const t of texts) for (const ch of t) {
      const c = ch.charCodeAt(0);
      if (this.symbols[c] === 0) this.symbols[c] = width++;
      // Texts hold single UTF-16 units only (callers cut them before a surrogate).
      if (ch.length !== 1) throw new Error(`LiteralSet: "${t}" has a character outside the BMP`);
    }
    this.width = width;
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
    this.next = next;
    this.outputs = out.map((o) => [...new Set(o)]);
    this.textKinds = Int32Array.from(kinds);
    this.stateKinds = Int32Array.from(this.outputs, (o) => o.reduce((k, i) => k | kinds[i]!, 0));
  }

  /**
   * The kinds (ORed) of the texts that occur in the lower-cased units of text[start, end), with
   * `lead` before them and `trail` after: units that no word contains, so that a text beginning
   * with `lead` matches only at the word's start, and one ending with `trail` only at its end.
   * Texts of a kind in `mark` are also recorded: seen[i] = stamp. -1 when a unit cannot be
   * lower-cased on its own (Σ, İ, surrogates): callers then assume every text may occur.
   */
  kindsInWord(text: string, start: number, end: number, lead: number, trail: number, mark: number, seen: Int32Array, stamp: number): number {
    const { symbols, next, width, stateKinds } = this;
    let s = next[symbols[lead]!]!;
    let kinds = stateKinds[s]!;
    if ((kinds & mark) !== 0) this.record(s, mark, seen, stamp);
    for (let i = start; i < end; i++) {
      const c = lowerOf(text.charCodeAt(i));
      if (c < 0) return -1;
      s = next[s * width + symbols[c]!]!;
      const k = stateKinds[s]!;
      if (k !== 0) {
        kinds |= k;
        if ((k & mark) !== 0) this.record(s, mark, seen, stamp);
      }
    }
    s = next[s * width + symbols[trail]!]!;
    const k = stateKinds[s]!;
    if ((k & mark) !== 0) this.record(s, mark, seen, stamp);
    return kinds | k;
  }

  private record(state: number, mark: number, seen: Int32Array, stamp: number): void {
    for (const i of this.outputs[state]!) if ((this.textKinds[i]! & mark) !== 0) seen[i] = stamp;
  }
}
