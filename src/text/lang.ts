import type { Lang } from '../model.js';

// Function words that are frequent in one written standard and rare in the others.
const MARKERS: Record<Lang, readonly string[]> = {
  nb: ['ikke', 'jeg', 'hva', 'hvordan', 'mye', 'noe', 'bare', 'hun', 'de', 'vi', 'har', 'det', 'som', 'og', 'er', 'på'],
  nn: ['ikkje', 'eg', 'kva', 'korleis', 'mykje', 'noko', 'berre', 'ho', 'dei', 'me', 'vere', 'frå', 'òg', 'kjem', 'ein', 'eit'],
  en: ['the', 'and', 'is', 'not', 'of', 'to', 'that', 'we', 'they', 'it', 'with', 'have', 'what', 'this', 'are', 'was'],
};

const LANGS = ['nb', 'nn', 'en'] as const;

/** About a thousand words: function words make up a third of any text, so that is plenty. */
const SAMPLE_CHARS = 6000;

/**
 * The UTF-16 units whose lower case (one unit at a time, as FormTable.findAnyCase compares) is
 * `ch`: the letter in both cases, and the Kelvin sign for k and the Ångström sign for å, the only
 * others among the markers' letters (a test checks every unit).
 */
export function unitsLowerCasedTo(ch: string): string {
  return ch + ch.toUpperCase() + (ch === 'k' ? '\u212a' : ch === 'å' ? '\u212b' : '');
}

/**
 * A marker word that is a whole word of the sample, as the tokenizer (TokenBuffer.fill) cuts
 * words: letters and digits, with apostrophe parts of letters ("don't"). So no letter or digit
 * may stand right before or after it; nor a letter or digit and an apostrophe before it, nor an
 * apostrophe and a letter after it, which would make it part of a longer word («it's», «x'og»).
 * Group 1, 2 or 3 is the language whose list has the word (the lists share none). Each letter
 * matches in any case, as findAnyCase reads words.
 */
const MARKER_WORD = new RegExp(String.raw`(?<![\p{L}\p{N}]|[\p{L}\p{N}]['’])(?:${LANGS.map((lang) => `(${
  MARKERS[lang].map((w) => [...w].map((ch) => `[${unitsLowerCasedTo(ch)}]`).join('')).join('|')})`).join('|')})(?![\p{L}\p{N}]|['’]\p{L})`, 'gu');

/**
 * How many of each language's marker words are among the words of the text from `from` on (up
 * to SAMPLE_CHARS). One regular expression finds them: it runs natively over the sample, where
 * cutting it into words in JavaScript and looking each one up cost twice as much (some 200 ms
 * on 10M words, every note passes here).
 */
export function markerCounts(text: string, from = 0): Record<Lang, number> {
  const counts: Record<Lang, number> = { nb: 0, nn: 0, en: 0 };
  // A slice, so that nothing before `from` or after the sample's end joins a word at its edges.
  const sample = text.slice(from, Math.min(text.length, from + SAMPLE_CHARS));
  MARKER_WORD.lastIndex = 0;
  for (let m = MARKER_WORD.exec(sample); m !== null; m = MARKER_WORD.exec(sample)) {
    if (m[1] !== undefined) counts.nb++;
    else if (m[2] !== undefined) counts.nn++;
    else counts.en++;
  }
  return counts;
}

/**
 * Guess bokmål, nynorsk or English from function words in the text from `from` on (the body's
 * start); bokmål wins ties and empty texts.
 */
export function detectLang(text: string, from = 0): Lang {
  return langOfCounts(markerCounts(text, from));
}

/** detectLang's decision from the marker counts (none at all: bokmål). */
export function langOfCounts(counts: Record<Lang, number>): Lang {
  // Nynorsk shares many words with bokmål; a clear share of nynorsk markers decides it.
  if (counts.en > counts.nb && counts.en > counts.nn) return 'en';
  if (counts.nn > 0 && counts.nn * 2 >= counts.nb) return 'nn';
  return 'nb';
}

export function isLang(value: unknown): value is Lang {
  return value === 'nb' || value === 'nn' || value === 'en';
}
