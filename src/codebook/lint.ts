import type { Codebook, Diagnostic, SourcePlace, Term, WordPattern } from '../model.js';
import { plainStemmer, type Stemmer } from '../text/stem.js';
import { allThemes } from './load.js';
import type { CasePlaces } from './testing.js';

/**
 * Review rules on top of what loading checks: what a supervisor would ask about a codebook
 * entry (MacQueen et al.: label, definition, examples) and slips that loading lets through.
 * All warnings: the codebook still works, but a reviewer should look.
 */
export function lintCodebook(codebook: Codebook, places: CasePlaces = new Map()): Diagnostic[] {
  const file = codebook.source.path;
  const out: Diagnostic[] = [];
  const warn = (code: string, at: SourcePlace | undefined, message: string, hint: string) => {
    out.push({ severity: 'warning', code, message, hint, file, ...(at ? { line: at.line, column: at.column } : {}) });
  };
  for (const theme of allThemes(codebook)) {
    if (!theme.label.nb && !theme.label.en) {
      warn('CODEBOOK_NO_LABEL', theme.place, `theme ${theme.id} has no label`, 'Add label: { nb: ..., en: ... }; tables show the id instead.');
    }
  }
  const stem = plainStemmer(codebook.language);
  for (const code of codebook.codes) {
    if (!code.label.nb && !code.label.en) {
      warn('CODEBOOK_NO_LABEL', code.place, `code ${code.id} has no label`, 'Add label: { nb: ..., en: ... }; tables show the id instead.');
    }
    if (!code.definition) {
      warn('CODEBOOK_NO_DEFINITION', code.place, `code ${code.id} has no definition`,
        'Write a definition (and inclusion/exclusion): a reviewer cannot judge the terms without it.');
    }
    if (code.terms.length > 0 && code.examples.length === 0) {
      warn('CODEBOOK_NO_EXAMPLES', code.place, `code ${code.id} has no examples, so "themes codebook test" cannot check it`,
        'Add one or two typical sentences under examples:.');
    }
    const seen = new Map<string, SourcePlace | undefined>();
    const byWords = new Map<string, Term>();
    for (const term of code.terms) {
      const key = term.raw.toLowerCase();
      if (seen.has(key)) {
        const first = seen.get(key);
        warn('CODEBOOK_DUPLICATE_TERM', term.place, `term "${term.raw}" is listed twice in ${code.id}${first ? ` (first at ${first.line}:${first.column})` : ''}`,
          'Remove the repeated term.');
        continue;
      }
      seen.set(key, term.place);
      const words = wordsKey(term, stem);
      const same = words === undefined ? undefined : byWords.get(words);
      if (same) {
        warn('CODEBOOK_SAME_WORDS', term.place,
          `term "${term.raw}" matches the same words as "${same.raw}" in ${code.id}${same.place ? ` (at ${same.place.line}:${same.place.column})` : ''}: both are «${words}»`,
          'Keep one of them: the word forms of a term are matched through their stem, so each match is recorded twice as evidence.');
      } else if (words !== undefined) byWords.set(words, term);
    }
    // One term whose every match another term of the code finds too: each is evidence twice.
    code.terms.forEach((term, i) => {
      const wider = code.terms.find((other, j) => j !== i && covers(other, term, code.polarity, stem) && !covers(term, other, code.polarity, stem));
      if (!wider) return;
      warn('CODEBOOK_SAME_WORDS', term.place,
        `term "${term.raw}" finds only words that "${wider.raw}" finds too, in ${code.id}${wider.place ? ` (at ${wider.place.line}:${wider.place.column})` : ''}`,
        `Remove "${term.raw}": every match of it is a match of "${wider.raw}" as well, and is recorded twice as evidence.`);
    });
    const counter = new Set(code.counterexamples.map(norm));
    code.examples.forEach((e, i) => {
      if (counter.has(norm(e))) {
        warn('CODEBOOK_EXAMPLE_IS_COUNTEREXAMPLE', places.get(code.id)?.examples[i] ?? code.place,
          `the same text is both an example and a counterexample of ${code.id}`, 'Keep it in one of the two lists.');
      }
    });
  }
  return out;
}

/**
 * What a word or phrase term matches, word by word: stems, and prefixes, endings and parts as
 * written with their `*` («dele data» and «deler data» are both «del dat»); undefined for a
 * regular expression.
 */
function wordsKey(term: Term, stem: Stemmer): string | undefined {
  if (!term.words || term.words.length === 0) return undefined;
  const shown = { stem: (t: string) => stem(t), prefix: (t: string) => `${t}*`, suffix: (t: string) => `*${t}`, part: (t: string) => `*${t}*` };
  return term.words.map((w) => shown[w.kind](w.text)).join(' ');
}

/**
 * Whether every match of `narrow` is a match of `wide`, as far as can be told from the terms as
 * written, word by word: a word start x* is found by a part *y* when x contains y, and by a word
 * start y* when x begins with y; a part *x* by a part *y* when x contains y; a word end *x by a
 * part *y* when y is in what *x* matches on (x, and its stem without the last letter). Words
 * matched by their stem are not judged (which forms a stem takes is the stemmer's, not the text's:
 * "tider" is "tid"), nor two word ends (each also matches through its stem). Regular expressions
 * are not judged; nor is a wide term with an unless list (it leaves out matches the narrow one
 * keeps), or two terms of different polarity (each match then says something else).
 */
function covers(wide: Term, narrow: Term, codePolarity: Term['polarity'], stem: Stemmer): boolean {
  if (!wide.words || !narrow.words || wide.words.length !== narrow.words.length || wide.unless?.length) return false;
  if ((wide.polarity ?? codePolarity) !== (narrow.polarity ?? codePolarity)) return false;
  return narrow.words.every((n, i) => wordCovers(wide.words![i]!, n, stem));
}

function wordCovers(wide: WordPattern, narrow: WordPattern, stem: Stemmer): boolean {
  if (wide.kind === narrow.kind && wide.text === narrow.text) return true;
  if (wide.kind === 'part') {
    if (narrow.kind === 'prefix' || narrow.kind === 'part') return narrow.text.includes(wide.text);
    // A word end also matches a form that holds its stem less the last letter (see the matcher).
    if (narrow.kind === 'suffix') {
      const s = stem(narrow.text);
      return narrow.text.includes(wide.text) && s.slice(0, Math.max(1, s.length - 1)).includes(wide.text);
    }
  }
  if (wide.kind === 'prefix' && narrow.kind === 'prefix') return narrow.text.startsWith(wide.text);
  return false;
}

function norm(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Codebooks in different languages linted together are translations (innovasjon.yaml and
 * innovation-en.yaml): each code must be in all of them, or tables of a mixed corpus would not add up.
 */
export function lintTranslations(codebooks: readonly Codebook[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const cb of codebooks) {
    for (const other of codebooks) {
      if (other === cb || other.language === cb.language) continue;
      const ids = new Set(other.codes.map((c) => c.id));
      for (const code of cb.codes) {
        if (ids.has(code.id)) continue;
        out.push({
          severity: 'warning', code: 'CODEBOOK_SET_MISMATCH', file: cb.source.path, ...(code.place ?? {}),
          message: `code ${code.id} is not in ${other.source.path} (${other.language})`,
          hint: 'Translations of a codebook keep the same theme and code ids; add the code there or rename it to match.',
        });
      }
    }
  }
  return out;
}
