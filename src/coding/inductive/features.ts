import type { Lang } from '../../model.js';
import { stemmerFor, type Stemmer } from '../../text/stem.js';
import { stopwordsFor } from '../../text/stopwords.js';
import { tokenize } from '../../text/tokenize.js';
import { compoundSplitter } from './compounds.js';

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
 * Words too general to name a theme, on top of the stop words: verbs, adverbs and adjectives
 * that informants use about anything ("det tar tid" is about time, not about "ta").
 */
const GENERAL = new Set([
  'tar', 'ta', 'tatt', 'tok', 'går', 'gå', 'gikk', 'gått', 'kommer', 'komme', 'kom', 'kommet', 'sitter', 'sitte', 'satt',
  'legger', 'legge', 'lagt', 'la', 'setter', 'sette', 'sett', 'satte', 'gir', 'gi', 'gitt', 'ga', 'holder', 'holde', 'holdt',
  'står', 'stå', 'stod', 'sto', 'vet', 'vite', 'visste', 'finner', 'finne', 'fant', 'funnet', 'finnes', 'trenger', 'trenge',
  'bruker', 'bruke', 'brukt', 'brukte', 'lager', 'lage', 'laget', 'laga', 'ser', 'se', 'så', 'sett', 'prøver', 'prøve',
  'helt', 'ofte', 'alltid', 'aldri', 'nesten', 'først', 'første', 'siste', 'slutt', 'fram', 'frem', 'igjen', 'hele', 'selv',
  'nye', 'nytt', 'ny', 'gamle', 'store', 'stor', 'stort', 'liten', 'lite', 'små', 'god', 'godt', 'gode', 'bra', 'viktig',
  'viktige', 'viktigste', 'mange', 'fleste', 'måte', 'måten', 'hverandre', 'slik', 'sånn', 'folk', 'gang', 'ganger',
  'gjennom', 'mellom', 'etter', 'sammen', 'samme', 'annen', 'annet', 'egen', 'eget', 'egne', 'sin', 'sitt', 'sine',
  'blitt', 'vært', 'hatt', 'fikk', 'gjorde', 'sa', 'sier', 'mener', 'lenger', 'enda', 'heller', 'likevel', 'faktisk',
  'stadig', 'fortsatt', 'kanskje', 'sikkert', 'klart', 'enkelt', 'vanskelig', 'mulig', 'greit', 'ganske', 'nok',
]);
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
  const stemCount = new Map<string, number>();
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
    for (const t of tokenize(input.text)) {
      if (t.clauseStart && seq.length > 0 && seq[seq.length - 1] !== BREAK) seq.push(BREAK);
      const form = t.norm;
      if (content(form, stop)) {
        let id = formIds.get(form);
        if (id === undefined) {
          id = forms.length;
          formIds.set(form, id);
          forms.push(form);
          const s = stem(form);
          formStem.push(s);
          formCount.push(0);
        }
        formCount[id]++;
        stemCount.set(formStem[id], (stemCount.get(formStem[id]) ?? 0) + 1);
        seq.push(id);
      } else {
        const g = glueId.get(form);
        seq.push(g === undefined ? BREAK : -2 - g);
      }
    }
    sequences.push(Int32Array.from(seq));
  }

  // Compound parts, known from the corpus's own words; stemmed with the first language seen.
  const splitter = compoundSplitter(stemCount, stemmers.values().next().value ?? stemmerFor('nb'));
  const featureIds = new Map<string, number>();
  const keys: string[] = [];
  const kinds: FeatureKind[] = [];
  const surfaces: Array<Map<string, number>> = [];
  const feature = (key: string, kind: FeatureKind): number => {
    let id = featureIds.get(key);
    if (id === undefined) {
      id = keys.length;
      featureIds.set(key, id);
      keys.push(key);
      kinds.push(kind);
      surfaces.push(new Map());
    }
    return id;
  };
  const seen = (id: number, form: string) => {
    const m = surfaces[id];
    m.set(form, (m.get(form) ?? 0) + 1);
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
  for (let i = 0; i < forms.length; i++) {
    const m = surfaces[formFeature[i]];
    m.set(forms[i], formCount[i]);
  }

  // Pass 2: per segment counts of words, compound parts and phrases.
  const segments: FeatureTable['segments'] = [];
  const dfCounts: number[] = [];
  const counts = new Map<number, number>();
  for (const seq of sequences) {
    counts.clear();
    const add = (id: number, w: number) => counts.set(id, (counts.get(id) ?? 0) + w);
    for (let i = 0; i < seq.length; i++) {
      const a = seq[i];
      if (a < 0) continue;
      add(formFeature[a], 1);
      for (const p of formParts[a]) if (p !== formFeature[a]) add(p, PART_WEIGHT);
      for (const p of formPrefixes[a]) add(p, PREFIX_WEIGHT);
      const b = seq[i + 1];
      if (b !== undefined && b >= 0) {
        const id = feature(`${formStem[a]} ${formStem[b]}`, 'phrase');
        seen(id, `${forms[a]} ${forms[b]}`);
        add(id, 1);
      } else if (b !== undefined && b <= -2) {
        const c = seq[i + 2];
        if (c !== undefined && c >= 0) {
          const g = glue[-2 - b];
          const id = feature(`${formStem[a]} ${g} ${formStem[c]}`, 'phrase');
          seen(id, `${forms[a]} ${g} ${forms[c]}`);
          add(id, 1);
        }
      }
    }
    const ids = Int32Array.from([...counts.keys()].sort((x, y) => x - y));
    const weights = Float64Array.from(ids, (id) => counts.get(id)!);
    for (const id of ids) dfCounts[id] = (dfCounts[id] ?? 0) + 1;
    segments.push({ ids, weights });
  }
  const surface = surfaces.map((m, i) => mostFrequent(m) ?? keys[i]);
  const df = Int32Array.from({ length: keys.length }, (_, i) => dfCounts[i] ?? 0);
  return { keys, kinds, surface, segments, df };
}

/** The most frequent form; ties go to the shorter, then to the alphabetically first (stable output). */
function mostFrequent(m: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  for (const [form, n] of m) {
    if (n > bestCount || (n === bestCount && best !== undefined && (form.length < best.length || (form.length === best.length && form < best)))) {
      best = form;
      bestCount = n;
    }
  }
  return best;
}
