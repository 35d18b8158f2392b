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
  return stem;
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
