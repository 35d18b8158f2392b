import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { Lang } from '../model.js';
import { stemNo } from './stem-no.js';

export type Stemmer = (word: string) => string;

const caches = new Map<Lang, Map<string, string>>();

/**
 * A cached stemmer for a language: Snowball Norwegian for bokmål and nynorsk, Porter for English.
 * Corpora repeat word forms heavily, so the cache turns stemming into a map lookup.
 */
export function stemmerFor(lang: Lang): Stemmer {
  let cache = caches.get(lang);
  if (!cache) {
    cache = new Map();
    caches.set(lang, cache);
  }
  const memo = cache;
  const base = plainStemmer(lang);
  return (word: string): string => {
    let s = memo.get(word);
    if (s === undefined) {
      s = base(word);
      memo.set(word, s);
    }
    return s;
  };
}

/**
 * Longer than any word: a string of letters this long (a pasted hash, a run of keys) is left as it
 * is. natural's Porter stemmer takes time in the square of a word's length: a note with one
 * 100,000-letter "word" took 25 s in the inductive summary.
 */
export const MAX_STEM_LENGTH = 60;

/** The stemmer without a cache, for callers that keep their own per-form cache (the matcher). */
export function plainStemmer(lang: Lang): Stemmer {
  const base = lang === 'en' ? porterWithoutFalseFriends : noFalseFriends;
  return (word) => (word.length <= 2 || word.length > MAX_STEM_LENGTH ? word : base(word));
}

/**
 * Snowball Norwegian, but for words it strips to the stem of an unrelated word: «tidlig» and
 * «tidleg» (early) lose -lig/-leg and became «tid» (time), so «tidlig innsats» was lack of time.
 */
function noFalseFriends(word: string): string {
  const stem = stemNo(word);
  if (stem === 'tid' && word.startsWith('tidl')) return word.startsWith('tidleg') ? 'tidleg' : 'tidlig';
  if (stem === word && word.length >= DIALECT_PLURAL_MIN && word.endsWith('an')) return dialectPlural(word);
  return stem;
}

/** The shortest word read as a dialect plural in -an: «planan» would be, «organ» and «roman» are not. */
const DIALECT_PLURAL_MIN = 6;

/**
 * The definite plural in -an of Trøndelag and Northern Norway («kommunan», «pengan», «midlan»,
 * «ansattan») is stemmed as the bokmål plural in -er, which Snowball knows: kommun, peng, midl.
 * Only a word Snowball leaves whole, and only if the word begins with the new stem (as the
 * matcher's scan needs). A word that merely ends in -an («hvordan», «tulipan») gets a stem no
 * codebook term has.
 */
function dialectPlural(word: string): string {
  const stem = stemNo(`${word.slice(0, -2)}er`);
  return word.startsWith(stem) ? stem : word;
}

/**
 * Porter, but for words it folds into an unrelated word: «timing» became «time», so "the
 * timing was not great" was lack of time. Such a word gets a stem of its own, which it begins
 * with (as the matcher's scan needs).
 */
const ENGLISH_FALSE_FRIENDS = new Map([['timing', 'timing'], ['timings', 'timing']]);

function porterWithoutFalseFriends(word: string): string {
  return ENGLISH_FALSE_FRIENDS.get(word) ?? porterEn.stem(word);
}
