import porterNo from 'natural/lib/natural/stemmers/porter_stemmer_no.js';

// natural's Norwegian Snowball stemmer, re-expressed without regular expressions: it builds a
// RegExp per call, which made stemming the hundreds of thousands of distinct word forms in a
// large corpus the slowest step of a run. Same results, word for word (test/stem.test.ts checks
// it against natural); words with characters outside natural's R1 pattern go to natural itself.

const VOWEL = new Uint8Array(65536);
for (const c of 'aeiouyæåø') VOWEL[c.charCodeAt(0)] = 1;
/** Characters for which the fast path reproduces natural exactly: lower-case a-z, digits, _, æøå, äöü. */
const SIMPLE = new Uint8Array(65536);
for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789_æøåäöü') SIMPLE[c.charCodeAt(0)] = 1;
/** Letters before a final s that step 1b drops it after (natural's list, vowels o and y included). */
const S_AFTER = new Uint8Array(65536);
for (const c of 'bcdfghjlmnoprtvyz') S_AFTER[c.charCodeAt(0)] = 1;

const STEP1A = ['a', 'e', 'ede', 'ande', 'ende', 'ane', 'ene', 'hetene', 'en', 'heten', 'ar', 'er', 'heter', 'as', 'es',
  'edes', 'endes', 'enes', 'hetenes', 'ens', 'hetens', 'ers', 'ets', 'et', 'het', 'ast'];
const STEP3 = ['leg', 'eleg', 'ig', 'eig', 'lig', 'elig', 'els', 'lov', 'elov', 'slov', 'hetslov'];
/** Suffixes by their last letter, longest first. */
function byLastLetter(list: string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const s of [...list].sort((a, b) => b.length - a.length)) {
    const c = s.charCodeAt(s.length - 1);
    out.set(c, [...(out.get(c) ?? []), s]);
  }
  return out;
}
const STEP1A_BY_LAST = byLastLetter(STEP1A);
const STEP3_BY_LAST = byLastLetter(STEP3);

/**
 * Where R1 starts as natural computes it (after the first vowel followed by a non-vowel, but never
 * before position 3), or -1 when natural finds no R1 or an empty one (then a step changes nothing).
 */
function r1Start(w: string): number {
  for (let i = 0; i + 2 < w.length; i++) {
    if (VOWEL[w.charCodeAt(i)] === 1 && VOWEL[w.charCodeAt(i + 1)] === 0) {
      const start = i === 0 ? 3 : i + 2;
      return start < w.length ? start : -1;
    }
  }
  return -1;
}

/** Remove the longest suffix of the list that lies inside R1. */
function dropSuffix(w: string, lists: ReadonlyMap<number, readonly string[]>): string {
  const list = lists.get(w.charCodeAt(w.length - 1));
  if (list === undefined) return w;
  const r1 = r1Start(w);
  if (r1 < 0) return w;
  for (const s of list) if (s.length <= w.length - r1 && w.endsWith(s)) return w.slice(0, w.length - s.length);
  return w;
}

function step1b(w: string): string {
  if (r1Start(w) < 0 || w.charCodeAt(w.length - 1) !== 0x73) return w;
  const before = w.charCodeAt(w.length - 2);
  if (S_AFTER[before] === 1) return w.slice(0, -1);
  if (before === 0x6b && w.length >= 3 && VOWEL[w.charCodeAt(w.length - 3)] === 0) return w.slice(0, -1);
  return w;
}

function step1c(w: string): string {
  const r1 = r1Start(w);
  if (r1 < 0) return w;
  if (w.length - r1 >= 4 && w.endsWith('erte')) return `${w.slice(0, -4)}er`;
  if (w.length - r1 >= 3 && w.endsWith('ert')) return `${w.slice(0, -3)}er`;
  return w;
}

function step2(w: string): string {
  const r1 = r1Start(w);
  if (r1 < 0 || w.length - r1 < 2 || !(w.endsWith('dt') || w.endsWith('vt'))) return w;
  return w.slice(0, -1);
}

function isSimple(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (SIMPLE[w.charCodeAt(i)] === 0) return false;
  return true;
}

/** The Norwegian stem of a word: exactly natural's PorterStemmerNo.stem. */
export function stemNo(word: string): string {
  if (!isSimple(word)) return porterNo.stem(word);
  const a = dropSuffix(word, STEP1A_BY_LAST);
  const b = step1b(word);
  const c = step1c(word);
  const one = a.length < b.length ? (a.length < c.length ? a : c) : b.length < c.length ? b : c;
  return dropSuffix(step2(one), STEP3_BY_LAST);
}
