import { MAX_STEM_LENGTH } from '../../text/stem.js';
// Norwegian writes compounds as one word ("utviklingstiden", "velferdsteknologien"). Splitting
// them against the corpus's own vocabulary lets "tid" in "utviklingstiden" meet "tida" elsewhere.

/** Linking letters between the parts of a compound: tid-s-press, hjem-me-tjeneste is rarer. */
const LINKS = ['s', 'e', ''];
const MIN_PART = 3;
const MIN_TAIL = 4;
const MIN_WORD = 7;
/**
 * Longer "words" are no compounds but strings without spaces (a pasted link, a hash, a table
 * cell run together). Splitting stems each tail, so its time grows with the square of the length:
 * a 20,000-letter token took 12 s, 100 KB six minutes. The longest Norwegian compounds in use
 * are about 40 letters (arbeidsmiljølovgivningsbestemmelsene).
 */
const MAX_WORD = MAX_STEM_LENGTH;
const LONG_TAIL = 6;

export interface Splitter {
  /** Stems of the known parts of a compound word form, tail first; empty when it is no compound. */
  parts(form: string): readonly string[];
}

/**
 * A splitter that knows a part when the corpus uses it as a word of its own (any inflection, by
 * stem). Right-headed: the tail (what the compound is) is tried longest first, then the head.
 */
export function compoundSplitter(stemCount: ReadonlyMap<string, number>, stem: (w: string) => string): Splitter {
  const memo = new Map<string, readonly string[]>();
  const known = (part: string): string | undefined => {
    if (part.length < MIN_PART) return undefined;
    const s = stem(part);
    return stemCount.has(s) ? s : undefined;
  };
  const count = (s: string | undefined) => (s === undefined ? 1 : stemCount.get(s) ?? 0);
  // Split only when the parts are more common than the whole (Koehn & Knight 2003): "frivillige"
  // is a word of its own here, not fri + villige; "utviklingstiden" is rarer than "tid".
  const worth = (form: string, parts: readonly (string | undefined)[]) => {
    const whole = count(stem(form));
    const mean = Math.pow(parts.reduce((a, p) => a * count(p), 1), 1 / parts.length);
    return mean > whole;
  };
  const split = (form: string, depth: number): readonly string[] => {
    if (form.length < MIN_WORD || form.length > MAX_WORD || depth > 2) return [];
    for (let i = MIN_PART; i <= form.length - MIN_TAIL; i++) {
      const tail = known(form.slice(i));
      if (tail === undefined) continue;
      const head = form.slice(0, i);
      for (const link of LINKS) {
        if (link && !head.endsWith(link)) continue;
        const bare = head.slice(0, head.length - link.length);
        const h = known(bare);
        if (h !== undefined) {
          if (worth(form, [tail, h])) return [tail, h];
          continue;
        }
        const inner = split(bare, depth + 1);
        if (inner.length > 0 && worth(form, [tail, inner[0]])) return [tail, ...inner];
      }
      // An unknown head before a long known tail still says what the word is about: velferds|teknologi.
      if (form.length - i >= LONG_TAIL && head.length >= MIN_TAIL && worth(form, [tail, undefined])) return [tail];
    }
    return [];
  };
  return {
    parts(form) {
      let p = memo.get(form);
      if (p === undefined) {
        p = split(form, 0);
        memo.set(form, p);
      }
      return p;
    },
  };
}
