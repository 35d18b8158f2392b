import type { Lang } from '../../model.js';
import { plainStemmer, stemmerFor, type Stemmer } from '../../text/stem.js';
import { stopwordsFor } from '../../text/stopwords.js';
import { compoundSplitter } from './compounds.js';
import { GENERAL } from './general.js';
import { MASK_LABELS } from '../../privacy/mask.js';

// The words and clause breaks of src/text/tokenize.ts, scanned here without a Token object per
// word: at a million words the allocations cost more than the scanning.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const CLAUSE_BREAK = new Set([...'.,;:!?()«»"\n–—']);

/** A text to describe: a segment's words and the language they are written in. */
export interface FeatureInput {
  text: string;
  lang: Lang;
}

/** `prefix` features (a word's first letters) only help grouping; they are never shown. */
export type FeatureKind = 'word' | 'phrase' | 'prefix';

/**
 * The words and phrases of a set of segments, grouped by stem. Feature ids index `keys`; each
 * segment holds its feature ids (ascending) and weights (term counts; compound parts count as the word, first letters half).
 */
export interface FeatureTable {
  keys: string[];
  kinds: FeatureKind[];
  /** The form informants wrote most often for each feature ("tida", "mangel på tid"). */
  surface: string[];
  segments: Array<{ ids: Int32Array; weights: Float64Array }>;
  /** Segments each feature occurs in. */
  df: Int32Array;
}

/** Prepositions that may sit inside a 3-word phrase: "mangel på tid", "lack of time". */
const PHRASE_GLUE = new Set(['på', 'av', 'til', 'for', 'med', 'om', 'i', 'fra', 'frå', 'mellom', 'uten', 'utan', 'of', 'in', 'for', 'with', 'to', 'between', 'on']);
const PART_WEIGHT = 1;
/**
 * Truncation to the first letters is a crude stemmer that does well for Scandinavian languages:
 * it joins derivations the Snowball stemmer keeps apart (digital, digitalisering; leder, ledelse).
 */
const PREFIX = 5;
const PREFIX_WEIGHT = 0.5;
const BREAK = -1;
const MIN_LENGTH = 3;

/** Is this token worth grouping on: a word of letters, long enough, not a stop word. */
function content(form: string, stop: ReadonlySet<string>): boolean {
  return form.length >= MIN_LENGTH && !stop.has(form) && !GENERAL.has(form) && !/^\d+$/.test(form) && /\p{L}/u.test(form);
}

export function extractFeatures(inputs: readonly FeatureInput[]): FeatureTable {
  // Pass 1: every segment as a sequence of interned word forms, glue words and breaks.
  const formIds = new Map<string, number>();
  const forms: string[] = [];
  const formStem: string[] = [];
  const formCount: number[] = [];
  const glue = [...PHRASE_GLUE];
  const glueId = new Map(glue.map((g, i) => [g, i]));
  const sequences: Int32Array[] = [];
  const classified = new Map<string, number>();
  const stemmers = new Map<Lang, Stemmer>();
  let lastLang: Lang | undefined;
  let stem: Stemmer = stemmerFor('nb');
  let stop = stopwordsFor('nb');
  for (const input of inputs) {
    if (input.lang !== lastLang) {
      lastLang = input.lang;
      stem = stemmers.get(input.lang) ?? stemmerFor(input.lang);
      stemmers.set(input.lang, stem);
      stop = stopwordsFor(input.lang);
    }
    const seq: number[] = [];
    // A masked name or number ([NAVN], [PHONE]) is no word of the informant's: a clause break,
    // or "navn" and "telefon" would become themes.
    const text = input.text.includes('[') ? input.text.replace(MASK_LABELS, '.') : input.text;
    let previousEnd = 0;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
      // The same clause breaks as the tokenizer's, checked without cutting out the gap.
      for (let x = previousEnd; x < m.index; x++) {
        if (CLAUSE_BREAK.has(text[x]) && seq.length > 0 && seq[seq.length - 1] !== BREAK) {
          seq.push(BREAK);
          break;
        }
      }
      previousEnd = m.index + m[0].length;
      const norm = m[0].toLowerCase();
      // Each distinct form is classified once per language: content word (its id), glue or break.
      const key = lastLang === 'nb' ? norm : `${lastLang}\u0000${norm}`;
      let code = classified.get(key);
      if (code === undefined) {
        const form = norm;
        if (content(form, stop)) {
          code = formIds.get(form);
          if (code === undefined) {
            code = forms.length;
            formIds.set(form, code);
            forms.push(form);
            formStem.push(stem(form));
            formCount.push(0);
          }
        } else {
          const g = glueId.get(form);
          code = g === undefined ? BREAK : -2 - g;
        }
        classified.set(key, code);
      }
      if (code >= 0) formCount[code]++;
      seq.push(code);
    }
    sequences.push(Int32Array.from(seq));
  }

  const stemCount = new Map<string, number>();
  forms.forEach((_, i) => stemCount.set(formStem[i], (stemCount.get(formStem[i]) ?? 0) + formCount[i]));
  // Compound parts, known from the corpus's own words; stemmed with the first language seen.
  // Without the shared stem cache: the splitter stems every tail of every long word once (it
  // keeps its own answer per word), and caching those tails kept millions of strings alive (3 GB
  // for `suggest` at 10M words).
  const splitter = compoundSplitter(stemCount, plainStemmer([...stemmers.keys()][0] ?? 'nb'));
  const featureIds = new Map<string, number>();
  const keys: string[] = [];
  const kinds: FeatureKind[] = [];
  const feature = (key: string, kind: FeatureKind): number => {
    let id = featureIds.get(key);
    if (id === undefined) {
      id = keys.length;
      featureIds.set(key, id);
      keys.push(key);
      kinds.push(kind);
    }
    return id;
  };
  // Phrases are interned by their word forms as a number (no string per occurrence): a
  // million-word corpus has about as many phrase occurrences.
  // (glue + 1) * FORMS + form stays a small integer for up to 8M distinct word forms.
  const FORMS = 2 ** 23;
  const pairs: Array<Map<number, number> | undefined> = [];
  const pairFeature: number[] = [];
  const pairSurface: string[] = [];
  const pairCount: number[] = [];
  /** The phrase feature of forms a, c with glue word g between them (g = -1: none). */
  const phrase = (a: number, g: number, c: number): number => {
    // Keyed per first form, so keys stay small integers (fast to hash, no boxing).
    let byFirst = pairs[a];
    if (byFirst === undefined) pairs[a] = byFirst = new Map();
    const key = (g + 1) * FORMS + c;
    let p = byFirst.get(key);
    if (p === undefined) {
      const mid = g < 0 ? ' ' : ` ${glue[g]} `;
      p = pairFeature.length;
      byFirst.set(key, p);
      pairFeature.push(feature(`${formStem[a]}${mid}${formStem[c]}`, 'phrase'));
      pairSurface.push(`${forms[a]}${mid}${forms[c]}`);
      pairCount.push(0);
    }
    pairCount[p]++;
    return pairFeature[p];
  };
  const formFeature = forms.map((_, i) => feature(formStem[i], 'word'));
  const formParts = forms.map((f) => splitter.parts(f).map((s) => feature(s, 'word')));
  const prefixOf = (form: string) => (form.length > PREFIX ? feature(`${form.slice(0, PREFIX)}…`, 'prefix') : -1);
  const formPrefixes = forms.map((f, i) => {
    const out = new Set<number>();
    const own = prefixOf(f);
    if (own >= 0) out.add(own);
    for (const part of splitter.parts(f)) {
      const p = prefixOf(part);
      if (p >= 0) out.add(p);
    }
    void i;
    return [...out];
  });

  // Pass 2: per segment counts of words, compound parts and phrases.
  const segments: FeatureTable['segments'] = [];
  const dfCounts: number[] = [];
  // A dense accumulator (grown as phrases add features) and the ids touched in this segment.
  let acc = new Float64Array(1 << 16);
  const touched: number[] = [];
  const add = (id: number, w: number) => {
    if (id >= acc.length) {
      const grown = new Float64Array(Math.max(acc.length * 2, id + 1));
      grown.set(acc);
      acc = grown;
    }
    if (acc[id] === 0) touched.push(id);
    acc[id] += w;
  };
  for (const seq of sequences) {
    touched.length = 0;
    for (let i = 0; i < seq.length; i++) {
      const a = seq[i];
      if (a < 0) continue;
      add(formFeature[a], 1);
      for (const p of formParts[a]) if (p !== formFeature[a]) add(p, PART_WEIGHT);
      for (const p of formPrefixes[a]) add(p, PREFIX_WEIGHT);
      const b = seq[i + 1];
      if (b !== undefined && b >= 0) add(phrase(a, -1, b), 1);
      else if (b !== undefined && b <= -2) {
        const c = seq[i + 2];
        if (c !== undefined && c >= 0) add(phrase(a, -2 - b, c), 1);
      }
    }
    const ids = Int32Array.from(touched).sort();
    const weights = new Float64Array(ids.length);
    for (let j = 0; j < ids.length; j++) {
      weights[j] = acc[ids[j]];
      acc[ids[j]] = 0;
      dfCounts[ids[j]] = (dfCounts[ids[j]] ?? 0) + 1;
    }
    segments.push({ ids, weights });
  }
  // Surface forms: per feature, the form (or pair of forms) seen most often.
  const surface: string[] = keys.slice();
  const best = new Float64Array(keys.length).fill(-1);
  const offer = (id: number, form: string, n: number) => {
    if (better(form, n, surface[id], best[id])) {
      surface[id] = form;
      best[id] = n;
    }
  };
  forms.forEach((f, i) => offer(formFeature[i], f, formCount[i]));
  pairFeature.forEach((id, p) => offer(id, pairSurface[p], pairCount[p]));
  const df = Int32Array.from({ length: keys.length }, (_, i) => dfCounts[i] ?? 0);
  return { keys, kinds, surface, segments, df };
}

/** More frequent wins; ties go to the shorter, then to the alphabetically first (stable output). */
function better(form: string, n: number, current: string, currentN: number): boolean {
  if (n !== currentN) return n > currentN;
  return form.length < current.length || (form.length === current.length && form < current);
}
