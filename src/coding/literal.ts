// A piece of text that every match of a regular expression must contain, found by a
// conservative reading of the pattern: the matcher skips a regular expression on segments that
// lack it, which saves scanning every segment with every pattern of a large codebook.

import { alternativeRanges } from '../util/regex.js';

/**
 * Characters whose case-insensitive (/iu) matches are exactly what toLowerCase finds, or (for "s",
 * which ſ folds to) what the matcher's word scanner reads: it takes ſ for s (see LiteralSet).
 * Latin letters, the accented ones of Norwegian and its neighbours, digits and space; checked
 * against every character of the Basic Multilingual Plane in test/matcher-regex-literal.test.ts.
 */
export const FOLDABLE = /^[a-z0-9æøåéèêëóòôöüúùûäáàâãçíìîïñýÿ ]$/;
const PLAIN = /^[\p{L}\p{N} ]$/u;

/**
 * Texts of which every match of `source` contains at least one, or undefined when the pattern is
 * too intricate to be sure: the best of requiredTexts.
 */
export function requiredLiterals(source: string, ignoreCase: boolean): string[] | undefined {
  return requiredTexts(source, ignoreCase)?.[0];
}

/**
 * What every match of `source` contains, found by a conservative reading of the pattern: a list
 * of requirements, each a list of texts of which every match contains at least one. A
 * requirement is a run of literal characters (at least 2), or the alternatives of a required
 * group such as (system|budsjett). Best first: the requirement whose shortest text is longest
 * (rarer in text), then the one with the fewest texts. Undefined (or empty) when the pattern is too
 * intricate to be sure. With `ignoreCase` the texts are lower-cased and must be looked for in the
 * lower-cased text.
 */
export function requiredTexts(source: string, ignoreCase: boolean): string[][] | undefined {
  // Alternatives at the top: each must give a text, as in a required group (a|b).
  if ((splitAlternatives(source)?.length ?? 1) > 1) {
    const alternatives = groupAlternatives(`?:${source}`, ignoreCase);
    return alternatives && [alternatives];
  }
  const options: string[][] = [];
  let run = '';
  const cut = () => {
    if (run.length >= 2) options.push([run]);
    run = '';
  };
  let lastWasChar = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '|') return undefined; // unbalanced: not sure
    if (c === '\\') {
      cut();
      const next = source[i + 1];
      i++;
      if ((next === 'p' || next === 'P' || next === 'u' || next === 'k') && source[i + 1] === '{') i = skipTo(source, i + 1, '}');
      lastWasChar = false;
      continue;
    }
    if (c === '(' || c === '[') {
      cut();
      const end = c === '(' ? skipGroup(source, i) : skipClass(source, i);
      if (end < 0) return undefined;
      const after = source[end + 1];
      const required = after !== '?' && after !== '*' && !(after === '{' && /^\{0[,}]/.test(source.slice(end + 1)));
      if (c === '(' && required) {
        const alternatives = groupAlternatives(source.slice(i + 1, end), ignoreCase);
        if (alternatives) options.push(alternatives);
      }
      i = end;
      lastWasChar = false;
      continue;
    }
    if (c === '?' || c === '*' || c === '+' || c === '{') {
      // The character before is optional or repeated: it cannot end a required run.
      if (lastWasChar) run = run.slice(0, -1);
      cut();
      if (c === '{') i = skipTo(source, i, '}');
      lastWasChar = false;
      continue;
    }
    const ch = ignoreCase ? c.toLowerCase() : c;
    if (ignoreCase ? FOLDABLE.test(ch) : PLAIN.test(c)) {
      run += ch;
      lastWasChar = true;
    } else {
      cut();
      lastWasChar = false;
    }
  }
  cut();
  // Best: the requirement whose shortest text is longest (rarer in text), then the fewest texts.
  const worth = (o: string[]) => Math.min(...o.map((t) => t.length)) * 100 - o.length;
  options.sort((a, b) => worth(b) - worth(a));
  return options;
}

/** `source` cut at each | outside every group and class (one part when there is none), or undefined when a class never closes. */
function splitAlternatives(source: string): string[] | undefined {
  return alternativeRanges(source)?.map(([from, to]) => source.slice(from, to));
}

/** A run of letters or digits that a word holding a required text must contain, and whether the text puts a word edge before or after it. */
export interface WordRun {
  run: string;
  startsWord: boolean;
  endsWord: boolean;
}

/**
 * What the word scanner can look for so as to skip segments where `source` cannot match: for each
 * requirement of requiredTexts, each text's longest run of letters and digits (lower-cased). Such
 * a run lies inside one word. A run with something before it in the text (a space) begins its
 * word, one with something after it ends its word. A requirement with a text that has no run is
 * left out; an empty list means the expression must be tried on every segment.
 */
export function requiredWordRuns(source: string, ignoreCase: boolean): WordRun[][] {
  const out: WordRun[][] = [];
  for (const texts of requiredTexts(source, ignoreCase) ?? []) {
    const runs: WordRun[] = [];
    for (const literal of texts) {
      const text = literal.toLowerCase();
      let best: RegExpExecArray | undefined;
      for (const run of text.matchAll(/[\p{L}\p{N}]+/gu)) if (!best || run[0].length > best[0].length) best = run;
      if (!best) break;
      runs.push({ run: best[0], startsWord: best.index > 0, endsWord: best.index + best[0].length < text.length });
    }
    if (runs.length === texts.length) out.push(runs);
  }
  return out;
}

/** The required texts of each alternative of a group's body, or undefined if any has none. */
function groupAlternatives(body: string, ignoreCase: boolean): string[] | undefined {
  if (body.startsWith('?') && !body.startsWith('?:')) return undefined;
  const parts = splitAlternatives(body.startsWith('?:') ? body.slice(2) : body);
  if (!parts) return undefined;
  const out: string[] = [];
  for (const part of parts) {
    const texts = requiredLiterals(part, ignoreCase);
    if (!texts) return undefined;
    out.push(...texts);
  }
  return out;
}

function skipTo(source: string, i: number, close: string): number {
  const j = source.indexOf(close, i);
  return j < 0 ? source.length : j;
}

function skipClass(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']') return j;
  }
  return -1;
}

/** Index of the ) that closes the group opening at i, or -1. */
function skipGroup(source: string, i: number): number {
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') j++;
    else if (c === '[') {
      j = skipClass(source, j);
      if (j < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
  }
  return -1;
}
