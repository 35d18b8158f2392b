// Which of a fixed set of texts occur in a segment, in one pass over its characters: an
// Aho-Corasick automaton compiled to a table. The matcher uses it to decide which regular
// expressions can match at all (see literal.ts) without one `includes` per pattern and segment.

export class LiteralSet {
  readonly size: number;
  /** Character code → symbol (0: a character no text contains). */
  private readonly symbols = new Uint16Array(65536);
  private readonly width: number;
  /** Next state by state * width + symbol. */
  private readonly next: Int32Array;
  /** Texts ending in each state (through failure links too). */
  private readonly outputs: number[][];

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
  }

  /** Set found[i] = 1 for every text i that occurs in `text` (found is not cleared first). */
  scan(text: string, found: Uint8Array): void {
    const { symbols, next, width, outputs } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = next[s * width + symbols[text.charCodeAt(i)]!]!;
      if (s !== 0) {
        const o = outputs[s]!;
        for (let k = 0; k < o.length; k++) found[o[k]!] = 1;
      }
    }
  }
}
