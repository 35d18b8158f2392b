/**
 * A function giving the place of the first of `units` (single UTF-16 units) at or after `from`
 * in `text`, or -1, for `from`s asked in increasing order. Where such units are few and far
 * apart (digits in interview notes, dashes at line starts), a regular expression or a look at
 * each character tries every place in turn; here each unit's next place is found with indexOf
 * (a native scan for one character) and kept until `from` passes it, so the text is scanned
 * about once per unit in all. A short text (a heading, a speaker label) is read unit by unit,
 * which is faster than a scan per unit.
 */
export function nextOfAny(text: string, units: string): (from: number) => number {
  if (text.length <= SHORT_TEXT) {
    const codes = Array.from(units, (u) => u.charCodeAt(0));
    return (from) => {
      for (let i = from; i < text.length; i++) if (codes.includes(text.charCodeAt(i))) return i;
      return -1;
    };
  }
  // Where each unit is next, -1 when it is nowhere after; -2 before it was looked for.
  const next = Array.from(units, () => -2);
  return (from) => {
    let first = -1;
    for (let k = 0; k < units.length; k++) {
      let at = next[k]!;
      if (at !== -1 && at < from) next[k] = at = text.indexOf(units[k]!, from);
      if (at !== -1 && (first === -1 || at < first)) first = at;
    }
    return first;
  };
}

/** Up to this many units, a text is read unit by unit (see nextOfAny). */
const SHORT_TEXT = 256;
