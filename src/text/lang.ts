import type { Lang } from '../model.js';
import { FormTable } from './forms.js';
import { TokenBuffer } from './tokenize.js';

// Function words that are frequent in one written standard and rare in the others.
const MARKERS: Record<Lang, readonly string[]> = {
  nb: ['ikke', 'jeg', 'hva', 'hvordan', 'mye', 'noe', 'bare', 'hun', 'de', 'vi', 'har', 'det', 'som', 'og', 'er', 'på'],
  nn: ['ikkje', 'eg', 'kva', 'korleis', 'mykje', 'noko', 'berre', 'ho', 'dei', 'me', 'vere', 'frå', 'òg', 'kjem', 'ein', 'eit'],
  en: ['the', 'and', 'is', 'not', 'of', 'to', 'that', 'we', 'they', 'it', 'with', 'have', 'what', 'this', 'are', 'was'],
};

const LANGS = ['nb', 'nn', 'en'] as const;
const markers = new FormTable();
/** Per marker id, a bit per language (nb 1, nn 2, en 4) whose list has the word. */
const markerLangs: number[] = [];
for (const [bit, lang] of LANGS.entries()) {
  for (const w of MARKERS[lang]) {
    const id = markers.add(w);
    markerLangs[id] = (markerLangs[id] ?? 0) | (1 << bit);
  }
}
const tokens = new TokenBuffer();
/** Length of the longest marker word. */
const LONGEST_MARKER = Math.max(...LANGS.flatMap((lang) => MARKERS[lang].map((w) => w.length)));

/** About a thousand words: function words make up a third of any text, so that is plenty. */
const SAMPLE_CHARS = 6000;

/**
 * Guess bokmål, nynorsk or English from function words in the text from `from` on (a start
 * rather than a slice: V8 reads a flat string faster than a slice of one); bokmål wins ties and
 * empty texts.
 */
export function detectLang(text: string, from = 0): Lang {
  const counts: Record<Lang, number> = { nb: 0, nn: 0, en: 0 };
  // Words are looked up in any case, so the sample is not lower-cased as a whole first.
  const n = tokens.fill(text, from, Math.min(text.length, from + SAMPLE_CHARS));
  for (let k = 0; k < n; k++) {
    // A word longer than every marker is none of them: not worth hashing.
    if (tokens.end[k]! - tokens.start[k]! > LONGEST_MARKER) continue;
    const id = markers.findAnyCase(text, tokens.start[k]!, tokens.end[k]!);
    if (id < 0) continue;
    const bits = markerLangs[id]!;
    if (bits & 1) counts.nb++;
    if (bits & 2) counts.nn++;
    if (bits & 4) counts.en++;
  }
  // Nynorsk shares many words with bokmål; a clear share of nynorsk markers decides it.
  if (counts.en > counts.nb && counts.en > counts.nn) return 'en';
  if (counts.nn > 0 && counts.nn * 2 >= counts.nb) return 'nn';
  return 'nb';
}

export function isLang(value: unknown): value is Lang {
  return value === 'nb' || value === 'nn' || value === 'en';
}
