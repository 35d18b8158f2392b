import type { Lang } from '../model.js';
import { words } from './tokenize.js';

// Function words that are frequent in one written standard and rare in the others.
const MARKERS: Record<Lang, readonly string[]> = {
  nb: ['ikke', 'jeg', 'hva', 'hvordan', 'mye', 'noe', 'bare', 'hun', 'de', 'vi', 'har', 'det', 'som', 'og', 'er', 'på'],
  nn: ['ikkje', 'eg', 'kva', 'korleis', 'mykje', 'noko', 'berre', 'ho', 'dei', 'me', 'vere', 'frå', 'òg', 'kjem', 'ein', 'eit'],
  en: ['the', 'and', 'is', 'not', 'of', 'to', 'that', 'we', 'they', 'it', 'with', 'have', 'what', 'this', 'are', 'was'],
};

/** Guess bokmål, nynorsk or English from function words; bokmål wins ties and empty texts. */
export function detectLang(text: string): Lang {
  const counts: Record<Lang, number> = { nb: 0, nn: 0, en: 0 };
  const sets = Object.fromEntries(
    (Object.keys(MARKERS) as Lang[]).map((l) => [l, new Set(MARKERS[l])]),
  ) as Record<Lang, Set<string>>;
  for (const w of words(text.slice(0, 20000))) {
    for (const l of ['nb', 'nn', 'en'] as const) if (sets[l].has(w)) counts[l]++;
  }
  // Nynorsk shares many words with bokmål; a clear share of nynorsk markers decides it.
  if (counts.en > counts.nb && counts.en > counts.nn) return 'en';
  if (counts.nn > 0 && counts.nn * 2 >= counts.nb) return 'nn';
  return 'nb';
}

export function isLang(value: unknown): value is Lang {
  return value === 'nb' || value === 'nn' || value === 'en';
}
