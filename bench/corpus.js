// Deterministic synthetic interview notes for the benchmark: Norwegian-looking words with
// compounds and inflections, Zipf-distributed over a vocabulary of a million forms, the
// codebook's terms sprinkled in (some after a lack cue), in many small notes with front matter,
// headings, speaker turns and paragraphs. Same seed and size, same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// mulberry32, the seeded generator of the inductive pass (built into dist/ by `npm run bench`, `npm test`).
import { prng as random } from '../dist/coding/inductive/random.js';

export { random };

const FUNCTION_WORDS = (
  'og i det som er på at en til å har de med for ikke av jeg vi den så et men om var kan fra vil ' +
  'skal må seg han hun dem oss sin sitt sine eller når der her hva hvordan hvis fordi også bare ' +
  'mer mye litt noen noe alle alt andre nå da jo vel nok ganske veldig egentlig liksom altså ' +
  'blir ble vært være hadde gjør gjorde får fikk sier sa tror synes tenker mener ja nei kanskje ' +
  'etter over under mellom mot uten hos ved gjennom siden både enn slik sånn dette disse hele ' +
  'mange flere mest første neste annen annet ny nye god gode stor store liten små lang lange ' +
  'alltid aldri ofte iblant igjen fortsatt allerede ennå derfor likevel samtidig dessuten faktisk'
).split(' ');

const ONSETS = ['', '', 'b', 'd', 'f', 'h', 'k', 'l', 'm', 'n', 'r', 's', 't', 'v', 'b', 'bl', 'br', 'd', 'dr', 'f', 'fl', 'fr', 'g', 'gl', 'gr', 'h', 'j', 'k', 'kj', 'kl', 'kr', 'l', 'm',
  'n', 'p', 'pl', 'pr', 'r', 's', 'sj', 'sk', 'skj', 'sl', 'sm', 'sn', 'sp', 'spr', 'st', 'str', 'sv', 't', 'tr', 'v'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'y', 'æ', 'ø', 'å', 'ei', 'øy', 'au', 'a', 'e', 'i', 'o'];
const CODAS = ['', '', '', '', 'n', 'n', 'r', 's', 't', 'n', 'r', 'l', 's', 't', 'k', 'ng', 'nd', 'st', 'kk', 'tt', 'll', 'nn', 'rt', 'rk', 'ld', 'mm', 'ft', 'gg'];
const NOUN_ENDINGS = ['', '', 'en', 'et', 'er', 'ene', 'a', 'ing', 'ingen', 'inger', 'ingene', 'het', 'heten', 'else', 'elsen', 'skap', 'skapet'];
const VERB_ENDINGS = ['e', 'er', 'et', 'te', 'de', 'es', 'ende', 'a', 'ast'];
const ADJ_ENDINGS = ['', 'e', 't', 'ere', 'est', 'ig', 'ige', 'lig', 'lige', 'ende'];
const LINKS = ['', '', 's', 'e'];

const LEMMAS = 60000;
const VOCABULARY = 1_000_000;
const ZIPF_S = 1.0;

const LACK_CUES = ['ikke', 'ingen', 'mangel på', 'for lite', 'uten', 'manglende', 'lite', 'ikkje'];
const ROLES = ['arbeidsgiver', 'tillitsvalgt', 'ansatt', 'leder', 'hovedtillitsvalgt'];

/** The vocabulary: rank → word form; frequent ranks are function words and short lemmas, rare ones compounds. */
function vocabulary(seed) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const syllable = () => pick(ONSETS) + pick(VOWELS) + pick(CODAS);
  const lemmas = [];
  const seen = new Set(FUNCTION_WORDS);
  while (lemmas.length < LEMMAS) {
    const n = rnd() < 0.5 ? 1 : rnd() < 0.85 ? 2 : 3;
    let w = '';
    for (let i = 0; i < n; i++) w += syllable();
    if (w.length < 3 || seen.has(w)) continue;
    seen.add(w);
    lemmas.push({ w, kind: rnd() < 0.6 ? 'n' : rnd() < 0.6 ? 'v' : 'a' });
  }
  // Frequent lemmas are short, as in any language.
  lemmas.sort((a, b) => a.w.length - b.w.length || (a.w < b.w ? -1 : 1));
  const endingOf = (kind) => pick(kind === 'n' ? NOUN_ENDINGS : kind === 'v' ? VERB_ENDINGS : ADJ_ENDINGS);
  const forms = new Array(VOCABULARY);
  // Forms are made lazily from a rank-seeded generator, so only ranks that occur cost anything.
  const formAt = (rank) => {
    let f = forms[rank];
    if (f !== undefined) return f;
    if (rank < FUNCTION_WORDS.length) f = FUNCTION_WORDS[rank];
    else {
      const r = random(seed ^ Math.imul(rank, 0x9e3779b1));
      const lemma = (max) => lemmas[Math.min(LEMMAS - 1, Math.floor(r() * r() * max))];
      // Frequent ranks: one lemma and an inflection; rarer ranks: compounds of two or three.
      const parts = rank < 40000 ? 1 : r() < 0.85 ? 2 : 3;
      f = '';
      for (let i = 0; i < parts - 1; i++) f += lemma(LEMMAS).w + LINKS[Math.floor(r() * LINKS.length)];
      const head = lemma(rank < 40000 ? 20000 : LEMMAS);
      const endings = head.kind === 'n' ? NOUN_ENDINGS : head.kind === 'v' ? VERB_ENDINGS : ADJ_ENDINGS;
      f += head.w + endings[Math.floor(r() * endings.length)];
    }
    forms[rank] = f;
    return f;
  };
  return { formAt, lemmas, endingOf, pick };
}

/** Zipf sampler over ranks 0..n-1 by inverse CDF. */
function zipf(n, s, rnd) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) cdf[r] = sum += 1 / Math.pow(r + 1, s);
  for (let r = 0; r < n; r++) cdf[r] /= sum;
  return () => {
    const u = rnd();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Text snippets that hit the codebook's terms: inflected stems, compounds for * terms, phrases. */
function termSnippets(terms, lemmas, rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const out = [];
  for (const t of terms) {
    if (t.startsWith('/')) continue;
    const words = t.split(/\s+/);
    out.push(() => words.map((w) => {
      const body = w.replace(/^\*|\*$/g, '');
      if (w.startsWith('*') && w.endsWith('*')) return pick(lemmas).w + body + pick(NOUN_ENDINGS);
      if (w.endsWith('*')) return body + pick(NOUN_ENDINGS.slice(2));
      if (w.startsWith('*')) return pick(lemmas).w + body;
      return words.length === 1 ? body + pick(['', '', 'en', 'et', 'er', 'ene', 'a']) : body;
    }).join(' '));
  }
  return out;
}

/**
 * Write notes of about `words` words in total under `dir`. Returns the number of words written
 * and of distinct word forms among them.
 */
export function generateCorpus(dir, words, terms, seed = 20261123) {
  const rnd = random(seed);
  const vocab = vocabulary(seed + 1);
  const draw = zipf(VOCABULARY, ZIPF_S, rnd);
  const snippets = termSnippets(terms, vocab.lemmas, rnd);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const distinct = new Set();
  let written = 0;
  const word = () => {
    const w = vocab.formAt(draw());
    distinct.add(w);
    written++;
    return w;
  };
  const sentence = (n) => {
    const parts = [];
    for (let i = 0; i < n; i++) {
      if (rnd() < 0.006 && snippets.length) {
        const cue = rnd() < 0.35 ? `${pick(LACK_CUES)} ` : '';
        const s = cue + pick(snippets)();
        for (const w of s.split(' ')) distinct.add(w);
        written += s.split(' ').length;
        parts.push(s);
      } else parts.push(word());
      if (i > 2 && i < n - 2 && rnd() < 0.07) parts[parts.length - 1] += ',';
    }
    const s = parts.join(' ');
    return s[0].toUpperCase() + s.slice(1) + (rnd() < 0.1 ? '?' : '.');
  };
  const paragraph = () => {
    const out = [];
    const n = 1 + Math.floor(rnd() * 5);
    for (let i = 0; i < n; i++) out.push(sentence(6 + Math.floor(rnd() * 18)));
    return out.join(' ');
  };
  mkdirSync(dir, { recursive: true });
  let doc = 0;
  while (written < words) {
    doc++;
    const id = `bench-${String(doc).padStart(5, '0')}`;
    const transcript = rnd() < 0.5;
    const target = 1000 + Math.floor(rnd() * 2000);
    const start = written;
    const lines = ['---', `id: ${id}`, `role: ${pick(ROLES)}`, `site: bydel-${1 + Math.floor(rnd() * 15)}`, '---', ''];
    let part = 0;
    while (written - start < target && written < words) {
      part++;
      lines.push(`# Del ${part}: ${sentence(3 + Math.floor(rnd() * 4)).slice(0, -1)}`, '');
      const paragraphs = 2 + Math.floor(rnd() * 6);
      for (let p = 0; p < paragraphs; p++) {
        if (transcript) {
          lines.push(`I: ${sentence(5 + Math.floor(rnd() * 10)).slice(0, -1)}?`, '');
          lines.push(`R: ${paragraph()}`, '');
        } else if (rnd() < 0.15) {
          for (let b = 0; b < 3; b++) lines.push(`- ${sentence(4 + Math.floor(rnd() * 8))}`);
          lines.push('');
        } else lines.push(paragraph(), '');
      }
    }
    const sub = join(dir, `del-${String(Math.ceil(doc / 500)).padStart(3, '0')}`);
    if (doc % 500 === 1) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${id}.md`), lines.join('\n'));
  }
  return { words: written, forms: distinct.size, documents: doc };
}
