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
