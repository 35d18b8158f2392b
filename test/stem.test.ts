import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import porterNo from 'natural/lib/natural/stemmers/porter_stemmer_no.js';
import { DEFAULT_SPEAKERS, loadCorpus } from '../src/corpus/index.js';
import { stemNo } from '../src/text/stem-no.js';
import { plainStemmer, stemmerFor } from '../src/text/stem.js';
import { words } from '../src/text/tokenize.js';
import { root, samples } from './helpers/cli.js';

// src/text/stem-no.ts re-expresses natural's Norwegian stemmer for speed; it must agree with
// natural on every word, including natural's quirks (R1 never before position 3, o and y before s).

const ENDINGS = ['', 'a', 'e', 'ede', 'ande', 'ende', 'ane', 'ene', 'hetene', 'en', 'heten', 'ar', 'er', 'heter', 'as', 'es',
  'edes', 'endes', 'enes', 'hetenes', 'ens', 'hetens', 'ers', 'ets', 'et', 'het', 'ast', 's', 'ks', 'erte', 'ert', 'dt', 'vt',
  'leg', 'eleg', 'ig', 'eig', 'lig', 'elig', 'els', 'lov', 'elov', 'slov', 'hetslov', 'ligs', 'eligere', 'ingen'];

function syntheticWords(count: number): string[] {
  const letters = 'aeiouyæøåbdfgklmnprstvhjkz';
  let x = 7;
  const rnd = (n: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % n;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let w = '';
    const n = 1 + rnd(8);
    for (let k = 0; k < n; k++) w += letters[rnd(letters.length)];
    out.push(w + ENDINGS[rnd(ENDINGS.length)]! + (rnd(4) === 0 ? ENDINGS[rnd(ENDINGS.length)]! : ''));
  }
  return out;
}

describe('the Norwegian stemmer', () => {
  it('gives what natural gives on 20,000 synthetic words built from its suffixes', () => {
    for (const w of syntheticWords(20000)) expect(stemNo(w), w).toBe(porterNo.stem(w));
  });

  it('gives what natural gives on every word of the samples, and on words outside its alphabet', () => {
    const corpus = loadCorpus([samples], root, { unit: 'paragraph', speakers: DEFAULT_SPEAKERS, includeInterviewer: true }).corpus;
    const all = new Set(corpus.documents.flatMap((d) => words(d.text)));
    for (const w of ['kafeen', 'kaféene', 'caféer', 'ressurser', 'ressurs', 'tid', 'tida', 'ord', 'ordene', 'x2s', 'bæs', 'ørkens', 'naïve', 'straße', 'ά']) all.add(w);
    expect(all.size).toBeGreaterThan(500);
    for (const w of all) expect(stemNo(w), w).toBe(porterNo.stem(w));
  });

  it('leaves words of one or two letters alone, cached or not', () => {
    expect(plainStemmer('nb')('er')).toBe('er');
    expect(stemmerFor('nb')('ressursene')).toBe('ressurs');
    expect(plainStemmer('en')('resources')).toBe('resourc');
  });
});

// The matcher skips a word unless it could have a codebook stem (src/coding/matcher.ts,
// candidateFilter): in Norwegian it must begin with the stem, and a stem of one or two letters
// must be the whole word (Snowball only cuts endings, never below three letters); in English it
// must begin with the stem but its last letter (Porter rewrites endings: "happy" → "happi",
// "capability" → "capabl"). Skipping is safe only while that holds.
describe('what a word must begin with to have a given stem', () => {
  const ENGLISH_ENDINGS = ['ational', 'tional', 'enci', 'anci', 'izer', 'bli', 'alli', 'entli', 'eli', 'ousli', 'ization', 'ation',
    'ator', 'alism', 'iveness', 'fulness', 'ousness', 'aliti', 'iviti', 'biliti', 'logi', 'icate', 'ative', 'alize', 'iciti', 'ical',
    'ful', 'ness', 'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti',
    'ous', 'ive', 'ize', 'sses', 'ies', 'ss', 's', 'eed', 'ed', 'ing', 'y', 'e', 'ly', 'ers', 'ings', 'ied', 'ying', "'s", '1'];
  const word = fc.tuple(
    fc.array(fc.constantFrom(...'bcdfghjklmnprstvwxyzaeiouæøåéü'.split(''), 'th', 'ch', 'qu', 'ee', 'oo', 'ai', '2'), { minLength: 1, maxLength: 5 }),
    fc.array(fc.constantFrom(...ENGLISH_ENDINGS, ...ENDINGS), { maxLength: 2 }),
  ).map(([stem, endings]) => stem.join('') + endings.join(''));
  const samplesWords = [...new Set(loadCorpus([samples], root, { unit: 'paragraph', speakers: DEFAULT_SPEAKERS, includeInterviewer: true })
    .corpus.segments.flatMap((s) => words(s.text)))];
  const rules = {
    nb: (w: string, s: string) => w.startsWith(s) && (s.length > 2 || s === w),
    en: (w: string, s: string) => w.startsWith(s.slice(0, Math.max(1, s.length - 1))),
  };

  for (const lang of ['en', 'nb'] as const) {
    const stem = plainStemmer(lang);
    const keeps = (w: string) => rules[lang](w, stem(w));
    it(`holds for ${lang} on generated words and on every word of the samples`, () => {
      fc.assert(fc.property(word, keeps), { numRuns: 20000, seed: 11 });
      expect(samplesWords.length).toBeGreaterThan(1000);
      expect(samplesWords.filter((w) => !keeps(w))).toEqual([]);
    });
  }

  it('needs the looser English rule: Porter rewrites endings', () => {
    expect(plainStemmer('en')('happy')).toBe('happi');
    expect(rules.nb('happy', 'happi')).toBe(false);
    expect(rules.en('happy', 'happi')).toBe(true);
  });
});

describe('strings longer than any word', () => {
  it('are left as they are, in both languages: Porter took time in the square of the length', () => {
    const long = 'x'.repeat(100_000);
    const started = performance.now();
    for (const lang of ['en', 'nb'] as const) expect(plainStemmer(lang)(long)).toBe(long);
    // 100,000 letters took 25 s in natural's Porter stemmer.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(plainStemmer('en')('running')).toBe('run');
  });
});

describe('false friends of the stemmers', () => {
  it('keeps «tidlig» from «tid» and "timing" from "time"', () => {
    expect(plainStemmer('nb')('tidlig')).not.toBe(plainStemmer('nb')('tida'));
    const en = plainStemmer('en');
    expect(en('timing')).toBe('timing');
    expect(en('timings')).toBe('timing');
    expect(en('timing')).not.toBe(en('times'));
    expect(en('times')).toBe(en('time'));
  });
});

describe('dialect plurals in -an', () => {
  it('stem as the bokmål plural in -er: kommunan, pengan, midlan, ansattan', () => {
    const nb = plainStemmer('nb');
    for (const [dialect, bokmal] of [['kommunan', 'kommunene'], ['pengan', 'penger'], ['midlan', 'midler'], ['ansattan', 'ansatte'], ['budsjettan', 'budsjettene']]) {
      expect(nb(dialect), dialect).toBe(nb(bokmal));
    }
    // Short words ending in -an are no dialect plurals; every stem begins its word.
    for (const word of ['plan', 'organ', 'roman', 'hvordan', 'tulipan']) {
      expect(word.startsWith(nb(word)), word).toBe(true);
      expect(nb(word), word).not.toBe(nb('tid'));
    }
    expect(nb('plan')).toBe('plan');
  });
});
