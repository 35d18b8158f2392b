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

/**
 * Obstacle nouns: a factor that is called a problem is a lack after all. Only with a copula
 * between the two: after the term up to five words on, «tid er et stort problem», «pengene er en
 * utfordring», «funding is an issue»; before it, right before the copula with at most one word
 * between the copula and the term, «den største utfordringen er tid», «the main barrier is
 * funding». Without the copula they say nothing of the kind: «tid løste problemet», «managers
 * support every issue», «problemet med kulturen». Negated like the lack verbs: «tid er ikke
 * noe problem» is time that is there.
 */
const OBSTACLES: Record<'no' | 'en', readonly string[]> = {
  no: [
    'problem', 'problemet', 'problemer', 'problema', 'utfordring', 'utfordringen', 'utfordringa', 'utfordringer',
    'hinder', 'hinderet', 'hindring', 'hindringen', 'hindringa', 'flaskehals', 'flaskehalsen', 'barriere', 'barrieren',
    'brems', 'bremsen', 'bremsekloss', 'bremseklossen', 'hemmer', 'hemmeren', 'hemmar', 'hemmaren',
  ],
  en: ['problem', 'problems', 'issue', 'issues', 'obstacle', 'obstacles', 'barrier', 'barriers', 'bottleneck', 'challenge', 'challenges', 'hurdle'],
};

/** How far after a term a copula-linked obstacle noun reaches (other cues: CUE_WINDOW_AFTER). */
const OBSTACLE_REACH = 5;

/** What links a term to an obstacle noun: «er», «var», «blir», «is», «remains». */
const COPULAS: Record<'no' | 'en', readonly string[]> = {
  no: ['er', 'var', 'blir', 'ble', 'vart', 'blitt', 'være', 'vere', 'bli'],
  en: ['is', 'was', 'are', 'were', 'be', 'been', 'becomes', 'became', 'remains', 'remained'],
};

/**
 * Negations that cancel a lack cue after them (double negation): «ikke mangel på tid», «ikke for
 * lite ressurser», «no lack of time», «not without support» speak of time and support that are there.
 */
const NEGATIONS: Record<'no' | 'en', readonly string[]> = {
  no: ['ikke', 'ikkje', 'ingen', 'inga', 'intet', 'inkje', 'aldri'],
  en: ['not', 'no', 'never', "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "haven't", "hasn't", 'cannot', "can't"],
};

/** Cues after a term that mean lack only with a negation right after them: «tida strekker ikke til»; «tida strekker til» is enough time. */
const NEED_NEGATION: Record<'no' | 'en', readonly string[]> = {
  no: ['strekker'],
  en: [],
};

/**
 * Lack verbs: a negation cancels them from a distance after a term, «tid er ikke noe vi
 * mangler», and right before the negation before a term, «vi mangler ikke tid» (the verb comes
 * before «ikke» in a Norwegian main clause).
 */
const LACK_VERBS: Record<'no' | 'en', readonly string[]> = {
  no: ['mangl*', 'savn*'],
  en: ['lack', 'lacks', 'lacking', 'lacked', 'missing'],
};

/** How far after a negation a lack verb cancels it (the negation after a term). */
const VERB_REACH = 3;

/** Between a negation and a cue, these keep the cue: «ikke bare mangel på tid» (not only a lack of time). */
const RESTRICTORS: Record<'no' | 'en', readonly string[]> = {
  no: ['bare', 'berre', 'kun'],
  en: ['only', 'just', 'merely'],
};

/** How far a cue reaches, in words, within one clause. */
export const CUE_WINDOW_BEFORE = 4;
export const CUE_WINDOW_AFTER = 3;
/** How far after a term the cue rule looks at all: obstacle nouns reach further than other cues. */
export const CUE_REACH_AFTER = Math.max(CUE_WINDOW_AFTER, OBSTACLE_REACH);

/**
 * What a word next to a term is for the polarity rule: 1 a lack cue that governs the term; -1 a
 * lack cue that is itself negated, which governs nothing and hides the words beyond it; 0 no cue.
 * `word(i)` is the lower-cased word i, or undefined when it is no cue, negation or restrictor
 * (or i is outside the clause); `anyWord(i)` is word i lower-cased whatever it is, for the rare
 * look for a copula. `term` is the term's first word (before it) or the first word after it.
 */
export type CueAt = (
  k: number, word: (i: number) => string | undefined, term: number, anyWord: (i: number) => string | undefined,
) => -1 | 0 | 1;

export interface CueMatcher {
  /**
   * Word k before a term. Negated: a negation right before the cue, or two words before it with
   * no «bare»/«only» between. A negation is never negated itself («ikke ingen tid» stays a lack),
   * but one right after a lack verb negates the verb: «vi mangler ikke tid» is time that is there,
   * «vi mangler ikke bare tid» a lack. An obstacle noun is a cue only with a copula right after
   * it and at most one word between the copula and the term («den største utfordringen er tid»).
   */
  beforeCue: CueAt;
  /**
   * Word k after a term. Negated: a negation right after a lack word («tida mangler ikke»,
   * unless «bare» follows: «mangler ikke bare»), a lack word right after a negation («time is
   * not lacking», «er ikke svak»), or a lack verb up to three words after it («tid er ikke noe vi
   * mangler»), or an obstacle noun when a copula links it to the term («tid er ikke noe
   * problem»). «Strekker» is a cue only with a negation right after it («strekker ikke til»;
   * «tida strekker til» is enough time); an obstacle noun only with a copula between the term
   * and it («tid er et problem»), and up to five words after the term, other cues up to three.
   */
  afterCue: CueAt;
}

function matcher(list: readonly string[]): (word: string) => boolean {
  const exact = new Set(list.filter((w) => !w.endsWith('*')));
  const prefixes = list.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1));
  // Only prefixes are worth a memo; it would grow with every word a list of plain words is asked about.
  if (prefixes.length === 0) return (word) => exact.has(word);
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

/**
 * Every word the cue rule looks at in a language, before and after, with the codebook's own cues
 * (a trailing `*` marks a prefix): cues, negations and restrictors.
 */
export function cueWords(lang: Lang, extraLack: readonly string[] = []): string[] {
  const family = lang === 'en' ? 'en' : 'no';
  return [
    ...LACK_BEFORE[family], ...LACK_AFTER[family], ...LACK_VERBS[family], ...OBSTACLES[family],
    ...NEGATIONS[family], ...RESTRICTORS[family], ...extraLack.map((w) => w.toLowerCase()),
  ];
}

/** Whether a word (undefined: none) is in the list. */
function wordIn(list: readonly string[]): (w: string | undefined) => boolean {
  const has = matcher(list);
  return (w) => w !== undefined && has(w);
}

export function cueMatcher(lang: Lang, extraLack: readonly string[] = []): CueMatcher {
  const family = lang === 'en' ? 'en' : 'no';
  const extra = extraLack.map((w) => w.toLowerCase());
  const isNegation = wordIn(NEGATIONS[family]);
  const isRestrictor = wordIn(RESTRICTORS[family]);
  const needsNegation = matcher(NEED_NEGATION[family]);
  const after = matcher([...LACK_AFTER[family], ...extra]);
  const before = matcher([...LACK_BEFORE[family], ...extra]);
  const isVerb = wordIn(LACK_VERBS[family]);
  const isObstacle = wordIn(OBSTACLES[family]);
  const isCopula = wordIn(COPULAS[family]);
  /** Whether a copula stands among words from..to-1. */
  const linked = (anyWord: (i: number) => string | undefined, from: number, to: number) => {
    for (let j = from; j < to; j++) if (isCopula(anyWord(j))) return true;
    return false;
  };
  return {
    beforeCue(k, word, term, anyWord) {
      const w = word(k);
      if (w === undefined) return 0;
      if (isObstacle(w) && !before(w)) return isCopula(anyWord(k + 1)) && term - k <= 3 ? 1 : 0;
      if (!before(w)) return 0;
      if (isNegation(w)) return isVerb(word(k - 1)) && !isRestrictor(word(k + 1)) ? -1 : 1;
      const between = word(k - 1);
      if (isNegation(between)) return -1;
      return isNegation(word(k - 2)) && !isRestrictor(between) ? -1 : 1;
    },
    afterCue(k, word, first, anyWord) {
      const w = word(k);
      if (w === undefined) return 0;
      if (isObstacle(w) && !after(w)) return linked(anyWord, first, k) ? 1 : 0;
      if (!after(w) || k - first >= CUE_WINDOW_AFTER) return 0;
      const next = word(k + 1);
      if (needsNegation(w)) return isNegation(next) ? 1 : 0;
      if (isNegation(w)) {
        if (next !== undefined && !isNegation(next) && (before(next) || after(next))) return -1;
        for (let j = k + 1; j < k + OBSTACLE_REACH; j++) if (isObstacle(word(j)) && linked(anyWord, first, k)) return -1;
        for (let j = k + 2; j <= k + VERB_REACH; j++) if (isVerb(word(j))) return -1;
        return 1;
      }
      if (!isNegation(next)) return 1;
      return isRestrictor(word(k + 2)) ? 1 : -1;
    },
  };
}
