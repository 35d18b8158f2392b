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
 * must be there) needs only the other side looked at.
 */
export function wordAwareSource(source: string): string {
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
        const before = i >= 2 && source[i - 3] !== '\\' && PLAIN_WORD_CHAR.test(source[i - 2] ?? '');
        const after = PLAIN_WORD_CHAR.test(source[i + 1] ?? '') && !/^[?*{]$/.test(source[i + 2] ?? '');
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

/** A codebook term's regular expression, compiled with word-aware `\b` and `\w` (see wordAwareSource). */
export function termRegex(source: string, flags: string): RegExp {
  return new RegExp(wordAwareSource(source), flags);
}
