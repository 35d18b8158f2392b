// Every match of a global regular expression, without String.prototype.matchAll's copy of the
// expression on each call: on the hot paths (a regular expression per segment, per line with a
// digit, per note) that copy costs more than the matching.

/** Every match of `regex` (which has the g flag) in `text`, in order. Its lastIndex is 0 again afterwards. */
export function allMatches(regex: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place: go on after it, as matchAll does.
    if (m[0].length === 0) regex.lastIndex = nextIndex(text, regex.lastIndex, regex.unicode);
  }
  return out;
}

/** Where a global regular expression goes on after an empty match at `i`: the next character (a whole surrogate pair with the u flag). */
function nextIndex(text: string, i: number, unicode: boolean): number {
  const c = text.charCodeAt(i);
  return unicode && c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
}

/** A word character of Norwegian text: any letter (æøå too), combining mark, digit or underscore. */
const WORD = '\\p{L}\\p{M}\\p{N}_';
const AFTER_WORD = `(?<=[${WORD}])`;
const NOT_AFTER_WORD = `(?<![${WORD}])`;
const BEFORE_WORD = `(?=[${WORD}])`;
const NOT_BEFORE_WORD = `(?![${WORD}])`;
const PLAIN_WORD_CHAR = /^[\p{L}\p{N}_]$/u;

/**
 * A codebook's regular expression with `\b`, `\B`, `\w` and `\W` that know Norwegian letters.
 * JavaScript's own know only a–z, digits and underscore, even with the u flag, so `/\bøkonomi/`
 * never matches after a space and `/tak (i|på)\b/` never matches "tak på folk". Here a word
 * character is any letter, mark, digit or underscore. `\w` inside a character class is widened
 * too; `\W` inside one is left as JavaScript's. A `\b` next to something that must match a word
 * character (a plain letter or digit, a class of letters such as [Kk], \p{L}, or a group whose
 * every alternative begins, after it, or ends, before it, with one) needs only the other side
 * looked at: a single lookaround is about five times faster to scan with than the two-sided test
 * (0.9 against 4.6 ns a character for /\b[Kk]ort(e)? (vei|veier)/ on the bench corpus).
 */
export function wordAwareSource(source: string): string {
  const shape = shapeOf(source);
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      i++;
      if (next === 'w') out += inClass ? WORD : `[${WORD}]`;
      else if (next === 'W' && !inClass) out += `[^${WORD}]`;
      else if ((next === 'b' || next === 'B') && !inClass) {
        // The units just before and after the \b (source[i] is its letter).
        const back = i - 2;
        const ahead = i + 1;
        const before = endsWithWordChar(source, shape, back, 0);
        const after = startsWithWordChar(source, shape, ahead, source.length);
        if (next === 'b') {
          out += before ? NOT_BEFORE_WORD : after ? NOT_AFTER_WORD : `(?:${AFTER_WORD}${NOT_BEFORE_WORD}|${NOT_AFTER_WORD}${BEFORE_WORD})`;
        } else {
          out += before ? BEFORE_WORD : after ? AFTER_WORD : `(?:${AFTER_WORD}${BEFORE_WORD}|${NOT_AFTER_WORD}${NOT_BEFORE_WORD})`;
        }
      } else out += `\\${next ?? ''}`;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** How a pattern is built, as far as wordAwareSource needs to know. */
interface Shape {
  /**
   * Per index where an atom that always matches one word character begins (a plain letter or
   * digit, a class of word characters only, \d, \w, \p{L} and the like), the index where it ends.
   */
  wordAtoms: Map<number, number>;
  /** The same atoms: per index where one ends, where it begins. */
  wordAtomStarts: Map<number, number>;
  /** Per index: a character outside classes and escapes (a ( ) | or quantifier there is one). */
  bare: boolean[];
  /** Where each ( closes, and where each ) opened. */
  closeOf: Map<number, number>;
  openOf: Map<number, number>;
}

/** A property escape that only word characters have: letters, digits and marks of every kind. */
const WORD_PROPERTY = /^\\p\{(?:L[ultmo]?|Letter|N[dlo]?|M[nce]?)\}$/;
/** Whether an escape, outside a class or inside one, matches word characters only. */
const isWordEscape = (escape: string): boolean => escape === '\\d' || escape === '\\w' || WORD_PROPERTY.test(escape);

function shapeOf(source: string): Shape {
  const wordAtoms = new Map<number, number>();
  const bare: boolean[] = [];
  const closeOf = new Map<number, number>();
  const openOf = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const end = escapeEnd(source, i);
      if (isWordEscape(source.slice(i, end + 1))) wordAtoms.set(i, end);
      i = end;
    } else if (c === '[') {
      const end = classEnd(source, i);
      if (end === -1) break;
      if (wordClass(source.slice(i + 1, end))) wordAtoms.set(i, end);
      i = end;
    } else {
      bare[i] = true;
      if (c === '(') open.push(i);
      else if (c === ')' && open.length > 0) {
        const at = open.pop()!;
        closeOf.set(at, i);
        openOf.set(i, at);
      } else if (PLAIN_WORD_CHAR.test(c)) wordAtoms.set(i, i);
    }
  }
  return { wordAtoms, wordAtomStarts: new Map([...wordAtoms].map(([start, end]) => [end, start])), bare, closeOf, openOf };
}

/** The index of the ] that closes the class opened at `open`, or -1. */
function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i = escapeEnd(source, i);
    else if (source[i] === ']') return i;
  }
  return -1;
}

/** Ranges of a class that hold word characters only. */
const WORD_RANGES = ['az', 'AZ', '09'];

/**
 * Whether a class (its text between [ and ]) matches word characters only: letters, digits and
 * underscore, ranges within a–z, A–Z or 0–9, and word escapes; never a negated class.
 */
function wordClass(body: string): boolean {
  if (body === '' || body.startsWith('^')) return false;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      const end = escapeEnd(body, i);
      if (!isWordEscape(body.slice(i, end + 1))) return false;
      i = end;
    } else if (body[i + 1] === '-' && i + 2 < body.length) {
      const from = body[i]!;
      const to = body[i + 2]!;
      if (!(from <= to && WORD_RANGES.some((r) => r[0]! <= from && to <= r[1]!))) return false;
      i += 2;
    } else if (!PLAIN_WORD_CHAR.test(body[i]!)) return false;
  }
  return true;
}

/** Whether the group opened at `open` is a lookaround, which matches no text. */
function lookaround(source: string, open: number): boolean {
  return /^\((?:\?[=!]|\?<[=!])/.test(source.slice(open, open + 4));
}

/**
 * Whether whatever the pattern matches from index `i` (before `to`) must begin with a word
 * character. Lookarounds match no text and are skipped; then comes a word atom or a group whose
 * every alternative begins with one, and when ? or * makes it optional, what follows it must too.
 */
function startsWithWordChar(source: string, shape: Shape, i: number, to: number): boolean {
  for (;;) {
    while (i < to && shape.bare[i] && source[i] === '(' && lookaround(source, i)) i = (shape.closeOf.get(i) ?? to) + 1;
    if (i >= to) return false;
    const word = shape.wordAtoms.get(i);
    const group = shape.bare[i] && source[i] === '(' ? shape.closeOf.get(i) : undefined;
    const end = word ?? group;
    if (end === undefined) return false;
    if (word === undefined && !(alternatives(source, i, end)?.every(([from, until]) => startsWithWordChar(source, shape, from, until)) ?? false)) return false;
    const q = source[end + 1] ?? '';
    if (q === '{') return false;
    if (q !== '?' && q !== '*') return true;
    i = end + (source[end + 2] === '?' ? 3 : 2);
  }
}

/**
 * Whether whatever the pattern matches up to index `j` (its last unit, from `from` on) must end
 * with a word character. Lookarounds are skipped; then comes a word atom or a group whose every
 * alternative ends with one, with + or none, and when ? or * makes it optional, what comes before
 * it must end with one too.
 */
function endsWithWordChar(source: string, shape: Shape, j: number, from: number): boolean {
  for (;;) {
    if (j < from) return false;
    const closed = shape.bare[j] && source[j] === ')' ? shape.openOf.get(j) : undefined;
    if (closed !== undefined && lookaround(source, closed)) {
      j = closed - 1;
      continue;
    }
    // A lazy quantifier (+? *? ??) is read as its greedy form: it matches the same kinds of text.
    const lazy = shape.bare[j] && source[j] === '?' && j - 1 >= from && shape.bare[j - 1] && /[+*?]/.test(source[j - 1]!);
    const at = lazy ? j - 1 : j;
    const q = shape.bare[at] && /[+*?{}]/.test(source[at]!) ? source[at]! : '';
    if (q === '{' || q === '}') return false;
    const end = q === '' ? at : at - 1;
    const start = shape.wordAtomStarts.get(end) ?? (shape.bare[end] && source[end] === ')' ? shape.openOf.get(end) : undefined);
    if (start === undefined || end < from) return false;
    if (!shape.wordAtomStarts.has(end) && !(alternatives(source, start, end)?.every(([open, until]) => endsWithWordChar(source, shape, until - 1, open)) ?? false)) return false;
    if (q !== '?' && q !== '*') return true;
    j = start - 1;
  }
}

/** The last index of the escape that starts at `i` (a backslash): \xHH, \uHHHH, \u{…}, \p{…}, \k<…>, \cX, \12. */
function escapeEnd(source: string, i: number): number {
  const e = source[i + 1];
  if (e === 'x') return i + 3;
  if ((e === 'u' || e === 'p' || e === 'P') && source[i + 2] === '{') return Math.max(i + 2, source.indexOf('}', i + 2));
  if (e === 'u') return i + 5;
  if (e === 'k' && source[i + 2] === '<') return Math.max(i + 2, source.indexOf('>', i + 2));
  if (e === 'c') return i + 2;
  let j = i + 1;
  while (/[0-9]/.test(source[j + 1] ?? '') && /[0-9]/.test(source[j] ?? '')) j++;
  return j;
}

/**
 * The alternatives of the group from `open` to `close`, as [start, end) in the pattern, or
 * undefined for a lookaround (it matches no text). `(?:` and `(?<name>` are left out.
 */
function alternatives(source: string, open: number, close: number): Array<[number, number]> | undefined {
  if (lookaround(source, open)) return undefined;
  let from = open + 1;
  from += /^(?:\?(?::|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(from, close))![0].length;
  return alternativeRanges(source, from, close);
}

/**
 * The alternatives of `source` from `from` to `to`, as [start, end) pairs: cut at each | outside
 * every group and class (one pair when there is none). Undefined when a class never closes.
 */
export function alternativeRanges(source: string, from = 0, to = source.length): Array<[number, number]> | undefined {
  const out: Array<[number, number]> = [];
  let depth = 0;
  let inClass = false;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = source[i];
    if (c === '\\') i = escapeEnd(source, i);
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  if (inClass) return undefined;
  out.push([start, to]);
  return out;
}

/** A codebook term's regular expression, compiled with word-aware `\b` and `\w` (see wordAwareSource). */
export function termRegex(source: string, flags: string): RegExp {
  return new RegExp(wordAwareSource(source), flags);
}
