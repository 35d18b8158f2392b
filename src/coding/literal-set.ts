// Which of a fixed set of texts occur in a segment, in one pass over its characters: an
// Aho-Corasick automaton compiled to a table. The matcher uses it to decide which regular
// expressions can match at all (see literal.ts) without one `includes` per pattern and segment.

import { lowerOf } from '../text/forms.js';

export class LiteralSet {
  readonly size: number;
  /** Character code → symbol (0: a character no text contains). */
  private readonly symbols = new Uint16Array(65536);
  private readonly width: number;
  /** Next state by state * width + symbol. */
  private readonly next: Int32Array;
  /** Texts ending in each state (through failure links too). */
  private readonly outputs: number[][];
  /** 1 for a state where some text ends. */
  private readonly ends: Uint8Array;

  constructor(texts: readonly string[]) {
    this.size = texts.length;
    let width = 1;
    for (const t of texts) for (const ch of t) {
      const c = ch.charCodeAt(0);
      if (this.symbols[c] === 0) this.symbols[c] = width++;
      // Texts hold single UTF-16 units only (literal.ts keeps to letters, digits and space).
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
    this.ends = Uint8Array.from(this.outputs, (o) => (o.length > 0 ? 1 : 0));
  }

  /**
   * Whether any text occurs in the lower-cased units of text[start, end) with `lead` before them
   * and `trail` after: units that no word contains, so that a text beginning with `lead` can match
   * only at the word's start, and one ending with `trail` only at its end. A unit that cannot be
   * lower-cased on its own counts as a match (callers take a match as "look closer", so erring
   * that way is safe).
   */
  anyInWord(text: string, start: number, end: number, lead: number, trail: number): boolean {
    const { symbols, next, width, ends } = this;
    let s = next[symbols[lead]!]!;
    if (ends[s] === 1) return true;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x41 && c <= 0x5a) c += 32;
      } else {
        c = lowerOf(c);
        if (c < 0) return true;
      }
      s = next[s * width + symbols[c]!]!;
      if (ends[s] === 1) return true;
    }
    return ends[next[s * width + symbols[trail]!]!] === 1;
  }

  /** Set found[i] = 1 for every text i that occurs in `text` (found is not cleared first). */
  scan(text: string, found: Uint8Array): void {
    const { symbols, next, width, outputs, ends } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = next[s * width + symbols[text.charCodeAt(i)]!]!;
      if (ends[s] === 1) {
        const o = outputs[s]!;
        for (let k = 0; k < o.length; k++) found[o[k]!] = 1;
      }
    }
  }

  /**
   * scan(text.toLowerCase(), found) without making the lower-cased copy: units are lower-cased
   * one by one. Returns false when a unit cannot be lower-cased on its own (Σ, İ, surrogates);
   * what was found before it stands, and the caller scans the lower-cased copy for the rest.
   */
  scanFolded(text: string, found: Uint8Array): boolean {
    const { symbols, next, width, outputs, ends } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x41 && c <= 0x5a) c += 32;
      } else {
        c = lowerOf(c);
        if (c < 0) return false;
      }
      s = next[s * width + symbols[c]!]!;
      if (ends[s] === 1) {
        const o = outputs[s]!;
        for (let k = 0; k < o.length; k++) found[o[k]!] = 1;
      }
    }
    return true;
  }
}
