// Word tokens with offsets. Lower-casing happens per token so offsets stay valid for any text.
//
// A word is what /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/u matches: letters and digits, with apostrophe
// parts of letters only ("don't", "bydel’n"). The scanner below finds exactly those words with a
// char-code loop and typed arrays instead of a regular expression and an object per token: the
// coder runs it over every word of every note, so it has to be lean.

export interface Token {
  /** Lower-cased form. */
  norm: string;
  start: number;
  end: number;
  /**
   * True when a clause boundary lies between this token and the previous one: . , ; : ! ? ( ) « »
   * " – —, or a line break before a capital letter or a list marker (see fill).
   */
  clauseStart: boolean;
}

const OTHER = 1;
const LETTER = 2;
const DIGIT = 3;
/** Added to OTHER for the punctuation that starts a new clause. */
const BREAK = 4;
/** A surrogate: classified together with its pair. */
const SURROGATE = 8;

/** Class of every UTF-16 unit, filled on first sight (0 = not yet known). */
const kinds = new Uint8Array(65536);
const astralKinds = new Map<number, number>();
const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;

function classify(s: string): number {
  return IS_LETTER.test(s) ? LETTER : IS_NUMBER.test(s) ? DIGIT : OTHER;
}

function learn(c: number): number {
  const k = c >= 0xd800 && c <= 0xdfff ? SURROGATE : classify(String.fromCharCode(c));
  kinds[c] = k;
  return k;
}
// Punctuation that starts a new clause: . , ; : ! ? ( ) « » " en and em dash. A line break only
// sometimes does (see TokenBuffer.fill).
for (const ch of '.,;:!?()«»"–—') kinds[ch.charCodeAt(0)] = OTHER + BREAK;

/**
 * The shortest line, in UTF-16 units, that a line break after it can join to the next: hard-wrapped
 * prose (an editor at 72 or 80 columns, a PDF, an e-mail) has long lines, while typed notes of one
 * item a line («avsatt tid» / «mangler penger») have short ones, whose items must stay apart.
 */
export const WRAPPED_LINE = 50;

/** Whether UTF-16 unit c is a blank as \s reads it (space, tab, line breaks, no-break spaces, BOM). */
export function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Classes of UTF-16 units, as unitClass gives them. */
export const UNIT = { OTHER, BREAK: OTHER + BREAK, LETTER, DIGIT, SURROGATE } as const;

/** The class of a UTF-16 unit (see UNIT): what TokenBuffer.fill goes by, for scanners of their own (LiteralSet.scanWords). */
export function unitClass(c: number): number {
  const k = kinds[c]!;
  return k !== 0 ? k : learn(c);
}

/** Class (OTHER, LETTER, DIGIT) of the surrogate pair at i, or OTHER for a lone surrogate. */
function pairKind(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  if (!(c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff)) return OTHER;
  const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  let k = astralKinds.get(cp);
  if (k === undefined) {
    k = classify(String.fromCodePoint(cp));
    astralKinds.set(cp, k);
  }
  return k;
}

/**
 * The words of a text as parallel typed arrays, refilled in place for each text so that scanning
 * a corpus allocates nothing per token.
 */
export class TokenBuffer {
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** 1 when a clause boundary lies between this token and the previous one (and for the first token). */
  clauseStart = new Uint8Array(256);
  /** What a scanner found in each word (LiteralSet.scanWords sets it; fill leaves it as it was). */
  found = new Int32Array(256);

  /** Set token n (the arrays grow as needed). */
  set(n: number, start: number, end: number, clauseStart: number, found: number): void {
    if (n >= this.start.length) this.grow();
    this.start[n] = start;
    this.end[n] = end;
    this.clauseStart[n] = clauseStart;
    this.found[n] = found;
  }

  /**
   * Scan `text` from `from` to `to` (default: all of it); returns the number of tokens. A line
   * break ends a clause unless the line before it is at least WRAPPED_LINE long and the next goes
   * on in lower case: a hard-wrapped sentence, «… vi har ikke\ntid», stays one clause, so its cue
   * still governs its term, while the lines of typed notes, «ikke penger\ntid har vi nok av»,
   * «Ikke penger\nTid har vi», «- ikke penger\n- tid», stay apart.
   */
  fill(text: string, from = 0, to = text.length): number {
    let n = 0;
    let i = from;
    let brk = 1;
    // 1 after a line break that may join two lines, until a word or a mark decides whether it did.
    let line = 0;
    let lineStart = from;
    let starts = this.start;
    let ends = this.end;
    let clauses = this.clauseStart;
    while (i < to) {
      const c = text.charCodeAt(i);
      let k = kinds[c]!;
      if (k === 0) k = learn(c);
      if (k === SURROGATE) {
        k = pairKind(text, i);
        if (k === OTHER || i + 2 > to) {
          // An emoji or other mark after a line break is more than a blank.
          brk |= line;
          i += k === OTHER ? 1 : 2;
          continue;
        }
      } else if (k !== LETTER && k !== DIGIT) {
        if (k === OTHER + BREAK) brk = 1;
        else if (c === 10) {
          if (i - lineStart >= WRAPPED_LINE) line = 1;
          else brk = 1;
          lineStart = i + 1;
        } else if (line === 1 && !isBlank(c)) brk = 1;
        i++;
        continue;
      }
      if (line === 1) {
        const ch = text[i]!;
        if (ch !== ch.toLowerCase()) brk = 1;
        line = 0;
      }
      const start = i;
      i = wordEnd(text, i, to);
      if (n === starts.length) {
        this.grow();
        starts = this.start;
        ends = this.end;
        clauses = this.clauseStart;
      }
      starts[n] = start;
      ends[n] = i;
      clauses[n] = brk;
      brk = 0;
      n++;
    }
    this.count = n;
    return n;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const start = new Int32Array(size);
    start.set(this.start);
    const end = new Int32Array(size);
    end.set(this.end);
    const clause = new Uint8Array(size);
    clause.set(this.clauseStart);
    const found = new Int32Array(size);
    found.set(this.found);
    this.start = start;
    this.end = end;
    this.clauseStart = clause;
    this.found = found;
  }
}

/** End of the word that starts at `i` (a letter or digit). */
function wordEnd(text: string, i: number, to: number): number {
  // [\p{L}\p{N}]+
  while (i < to) {
    const c = text.charCodeAt(i);
    let k = kinds[c]!;
    if (k === 0) k = learn(c);
    if (k === LETTER || k === DIGIT) i++;
    else if (k === SURROGATE && i + 2 <= to && pairKind(text, i) !== OTHER) i += 2;
    else break;
  }
  // (?:['’][\p{L}]+)*
  while (i + 1 < to) {
    const a = text.charCodeAt(i);
    if (a !== 0x27 && a !== 0x2019) break;
    let j = i + 1;
    while (j < to) {
      const c = text.charCodeAt(j);
      let k = kinds[c]!;
      if (k === 0) k = learn(c);
      if (k === LETTER) j++;
      else if (k === SURROGATE && j + 2 <= to && pairKind(text, j) === LETTER) j += 2;
      else break;
    }
    if (j === i + 1) break;
    i = j;
  }
  return i;
}

const shared = new TokenBuffer();

export function tokenize(text: string): Token[] {
  const n = shared.fill(text);
  const tokens = new Array<Token>(n);
  for (let k = 0; k < n; k++) {
    const start = shared.start[k]!;
    const end = shared.end[k]!;
    tokens[k] = { norm: text.slice(start, end).toLowerCase(), start, end, clauseStart: shared.clauseStart[k] === 1 };
  }
  return tokens;
}

/** Words only, lower-cased (the whole text first, then split): for places that need no offsets. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  const n = shared.fill(lower);
  const out = new Array<string>(n);
  for (let k = 0; k < n; k++) out[k] = lower.slice(shared.start[k], shared.end[k]);
  return out;
}
