import type { Lang } from '../model.js';

/**
 * Lack cues: words that make a following (or, for some, a preceding) factor absent or scarce.
 * "mangel på tid", "ikke tid til", "for lite ressurser", "tid mangler". A trailing `*` is a prefix.
 * Kept deliberately short: each entry is a word a coder would accept as "this is missing".
 */
const LACK_BEFORE: Record<'no' | 'en', readonly string[]> = {
  no: [
    'ikke', 'ikkje', 'ingen', 'inga', 'intet', 'inkje', 'ingenting', 'uten', 'utan', 'aldri',
    'mangel*', 'mangl*', 'lite', 'lita', 'knapt', 'knapphet', 'savn*', 'fravær*', 'svak', 'svake',
    'dårlig', 'dårleg', 'dårlige', 'begrens*', 'avgrens*', 'utilstrekkelig*', 'null', 'manko',
  ],
  en: [
    'not', 'no', 'never', 'without', 'lack', 'lacks', 'lacking', 'lacked', 'little', 'insufficient',
    'inadequate', 'scarce', 'scarcity', 'shortage', 'weak', 'poor', 'limited', 'hardly', 'nobody',
    "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "haven't", "hasn't", 'cannot', "can't",
  ],
};

const LACK_AFTER: Record<'no' | 'en', readonly string[]> = {
  no: ['ikke', 'ikkje', 'mangl*', 'mangel*', 'uteblir', 'strekker', 'forsvinner', 'forsvann'],
  en: ['not', 'lacking', 'missing', "isn't", "aren't", "wasn't", 'never'],
};

/** How far a cue reaches, in words, within one clause. */
export const CUE_WINDOW_BEFORE = 4;
export const CUE_WINDOW_AFTER = 3;

export interface CueMatcher {
  before(word: string): boolean;
  after(word: string): boolean;
}

function matcher(list: readonly string[]): (word: string) => boolean {
  const exact = new Set(list.filter((w) => !w.endsWith('*')));
  const prefixes = list.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1));
  const memo = new Map<string, boolean>();
  return (word) => {
    let hit = memo.get(word);
    if (hit === undefined) {
      hit = exact.has(word) || prefixes.some((p) => word.startsWith(p));
      memo.set(word, hit);
    }
    return hit;
  };
}

/** Every cue word of a language, before and after, with the codebook's own (a trailing `*` marks a prefix). */
export function cueWords(lang: Lang, extraLack: readonly string[] = []): string[] {
  const family = lang === 'en' ? 'en' : 'no';
  return [...LACK_BEFORE[family], ...LACK_AFTER[family], ...extraLack.map((w) => w.toLowerCase())];
}

export function cueMatcher(lang: Lang, extraLack: readonly string[] = []): CueMatcher {
  const family = lang === 'en' ? 'en' : 'no';
  const extra = extraLack.map((w) => w.toLowerCase());
  return {
    before: matcher([...LACK_BEFORE[family], ...extra]),
    after: matcher([...LACK_AFTER[family], ...extra]),
  };
}
