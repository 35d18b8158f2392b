import type { Code } from '../model.js';
import { labelText } from './diff-fields.js';

// How much of one code lives on in another: the evidence for renames, merges and splits.

/** Share of old code o's terms that the new code n has. */
export function coverage(o: Code, n: Code): number {
  return o.terms.length === 0 ? 0 : shared(o, n).length / o.terms.length;
}

/** Share of new code n's terms that came from old code o. */
export function origin(n: Code, o: Code): number {
  return n.terms.length === 0 ? 0 : shared(o, n).length / n.terms.length;
}

export function shared(o: Code, n: Code): string[] {
  const keys = new Set(n.terms.map((t) => termKey(t.raw)));
  return o.terms.filter((t) => keys.has(termKey(t.raw))).map((t) => t.raw);
}

/** How alike two codes are in what they say (labels, definition, examples, terms), 0..1. */
export function similarity(o: Code, n: Code): number {
  const parts: number[] = [
    jaccard(words(labelText(o.label)), words(labelText(n.label))),
    jaccard(words([o.definition, o.inclusion, o.exclusion].join(' ')), words([n.definition, n.inclusion, n.exclusion].join(' '))),
    jaccard(new Set([...o.examples, ...o.counterexamples]), new Set([...n.examples, ...n.counterexamples])),
    jaccard(new Set(o.terms.map((t) => termKey(t.raw))), new Set(n.terms.map((t) => termKey(t.raw)))),
  ];
  return parts.reduce((s, x) => s + x, 0) / parts.length;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function jaccard(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 && y.size === 0) return 1;
  let both = 0;
  for (const v of x) if (y.has(v)) both++;
  return both / (x.size + y.size - both);
}

/**
 * What makes two terms the same term: a word or phrase is matched without regard to case or runs
 * of blanks, so «Tverrfaglig  samarbeid» is «tverrfaglig samarbeid»; a regular expression is
 * compared as written, since \b and \B, \s and \S, /NAV/ and /nav/ (without i), «tid  nok» and
 * «tid nok» match different text.
 */
export function termKey(raw: string): string {
  const t = raw.trim();
  return t.startsWith('/') ? t : t.toLowerCase().replace(/\s+/g, ' ');
}
