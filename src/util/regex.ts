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
 * too; `\W` inside one is left as JavaScript's. A `\b` next to a plain letter or digit (one that
 * must be there), or next to a group whose every alternative begins (after it) or ends (before it)
 * with one, needs only the other side looked at: a single lookaround is about three times faster
 * to scan with than the two-sided test.
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
        const before = shape.plain[back] === true || (shape.openOf.has(back) && groupEndsWithWordChar(source, shape, back));
        const after = (shape.plain[ahead] === true && !QUANTIFIED_OUT.test(source[ahead + 1] ?? ''))
          || (shape.closeOf.has(ahead) && groupStartsWithWordChar(source, shape, ahead));
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

/** After an atom, a quantifier that lets it match nothing: ? * or {0. */
const QUANTIFIED_OUT = /^[?*{]$/;

/** How a pattern is built, as far as wordAwareSource needs to know. */
interface Shape {
  /** Per index: a plain letter or digit outside classes and escapes (a character that must be there as itself). */
  plain: boolean[];
  /** Where each ( closes, and where each ) opened. */
  closeOf: Map<number, number>;
  openOf: Map<number, number>;
}

function shapeOf(source: string): Shape {
  const plain: boolean[] = [];
  const closeOf = new Map<number, number>();
  const openOf = new Map<number, number>();
  const open: number[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') i = escapeEnd(source, i);
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') open.push(i);
    else if (c === ')' && open.length > 0) {
      const at = open.pop()!;
      closeOf.set(at, i);
      openOf.set(i, at);
    } else plain[i] = PLAIN_WORD_CHAR.test(c);
  }
  return { plain, closeOf, openOf };
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
  let from = open + 1;
  const head = /^(?:\?(?:[=!]|<[=!]|:|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(from, close))![0];
  if (/^\?(?:[=!]|<[=!])$/.test(head)) return undefined;
  from += head.length;
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

/** Whether whatever the group from `open` matches begins with a letter or digit: every alternative begins with a plain one that no ? * or {0 makes optional. */
function groupStartsWithWordChar(source: string, shape: Shape, open: number): boolean {
  const close = shape.closeOf.get(open)!;
  if (QUANTIFIED_OUT.test(source[close + 1] ?? '')) return false;
  return alternatives(source, open, close)?.every(([from]) => shape.plain[from] === true && !QUANTIFIED_OUT.test(source[from + 1] ?? '')) ?? false;
}

/** Whether whatever the group that closes at `close` matches ends with a letter or digit: every alternative ends with a plain one. */
function groupEndsWithWordChar(source: string, shape: Shape, close: number): boolean {
  return alternatives(source, shape.openOf.get(close)!, close)?.every(([from, to]) => to > from && shape.plain[to - 1] === true) ?? false;
}

/** A codebook term's regular expression, compiled with word-aware `\b` and `\w` (see wordAwareSource). */
export function termRegex(source: string, flags: string): RegExp {
  return new RegExp(wordAwareSource(source), flags);
}
