import type { Term, WordPattern } from '../model.js';

export type ParsedTerm =
  | { ok: true; term: Term }
  | { ok: false; code: string; message: string; hint: string };

const WORD_CHARS = /^[\p{L}\p{N}'’]+$/u;

/**
 * Read a term as written in a codebook:
 * `tid` (same stem), `samskap*` (word start), `*innovasjon` (compound tail),
 * `*samskaping*` (compound part), `ikke rom for` (phrase), `/tids?klemme/i` (regular expression).
 */
export function parseTerm(raw: string): ParsedTerm {
  const text = raw.trim();
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(text);
  if (regex) return parseRegex(text, regex[1]!, regex[2]!);
  const words: WordPattern[] = [];
  // Hyphens and & split words as the tokenizer does: `IT-avdeling` and `R&D` are two-word phrases.
  for (const piece of text.split(/[\s&-]+/)) {
    const pattern = readWordPattern(piece);
    if (pattern.text === '') continue;
    if (!WORD_CHARS.test(pattern.text)) {
      return {
        ok: false, code: 'CODEBOOK_INVALID_TERM', message: `term "${raw}" has characters that never occur inside a word`,
        hint: 'Terms are words, phrases and * wildcards; for anything else write a regular expression such as /tids?klemme/i.',
      };
    }
    words.push(pattern);
  }
  if (words.length === 0) {
    return { ok: false, code: 'CODEBOOK_EMPTY_TERM', message: `term "${raw}" has no word in it`, hint: 'Write the word the term should match.' };
  }
  return { ok: true, term: { raw: text, kind: words.length === 1 ? 'word' : 'phrase', words } };
}

/**
 * One word of a term (or a cue word) with its `*` wildcards read: `tid` a word by its stem,
 * `samskap*` a word start, `*innovasjon` a word end, `*samskaping*` a part. Lower-cased; the
 * text is empty when the piece is only stars.
 */
export function readWordPattern(piece: string): WordPattern {
  const lead = piece.startsWith('*');
  const trail = piece.endsWith('*') && piece.length > 1;
  const text = piece.replace(/^\*+|\*+$/g, '').toLowerCase();
  return { kind: lead && trail ? 'part' : lead ? 'suffix' : trail ? 'prefix' : 'stem', text };
}

function parseRegex(raw: string, source: string, flags: string): ParsedTerm {
  // g is what matching does anyway: written out of habit, it is no mistake.
  const bad = flags.replace(/[imsug]/g, '');
  flags = flags.replace(/g/g, '');
  if (bad) {
    return {
      ok: false, code: 'CODEBOOK_INVALID_REGEX', message: `regular expression ${raw} has unsupported flags "${bad}"`,
      hint: 'Use only the flags i, m, s and u (g may be written, and changes nothing: matching is always global).',
    };
  }
  const compiled = `${flags}gu`.replace(/(.)(?=.*\1)/g, '');
  try {
    new RegExp(source, compiled);
  } catch (e) {
    return {
      ok: false, code: 'CODEBOOK_INVALID_REGEX', message: `regular expression ${raw} is invalid: ${regexReason((e as Error).message, source, compiled)}`,
      hint: 'Fix the pattern (check brackets and escapes), or write the term as a plain word.',
    };
  }
  const unsafe = unsafeRegexReason(source);
  if (unsafe) {
    return {
      ok: false, code: 'CODEBOOK_UNSAFE_REGEX', message: `regular expression ${raw} can take too long on a long text: ${unsafe}`,
      hint: 'Remove the nested repetition (write (ab)+, not (a+b?)+), give alternatives different first letters, use at most two .* and no three repeats in a row that can take the same characters ([a-z ]*tid[a-z ]*…), or use plain terms and phrases.',
    };
  }
  return { ok: true, term: { raw, kind: 'regex', regex: { source, flags: uniqueFlags(`${flags}gu`) } } };
}

/**
 * The engine's reason, without the expression it names: V8 writes the pattern as compiled
 * («Invalid regular expression: /tids(klemme/giu: Unterminated group»), with the g and u that
 * matching adds, flags the writer never wrote; the message already shows the term as written.
 */
export function regexReason(message: string, source: string, flags: string): string {
  const reason = message.replace(/^Invalid regular expression: /, '');
  const named = `/${source}/${flags}: `;
  if (reason.startsWith(named)) return reason.slice(named.length);
  // Another engine, or flags in another order: the last ": " after a /…/flags head.
  return reason.replace(/^\/[\s\S]*\/[a-z]*: (?=[^:]*$)/, '');
}

function uniqueFlags(flags: string): string {
  return [...new Set(flags)].sort().join('');
}

interface Group {
  /** A quantifier applies somewhere inside. */
  quantified: boolean;
  alternatives: string[];
  /** Every alternative so far is plain literal text. */
  literal: boolean;
}

/** Atoms that match almost any character, so open-ended repeats of them overlap with anything. */
const BROAD = /^(?:\.|\\[SWD]|\[\^|\[\\s\\S\]|\[\\S\\s\]|\[\\w\\W\]|\[\\d\\D\])/;

/**
 * Reject the shapes that make a backtracking engine explode: a repeated group that itself
 * contains a quantifier, as in (a+)+, (\w+\s?)* or (.*a){20}; a repeated group whose alternatives
 * can overlap, as in (a|ab)* or (\w|\d)+ (plain words with different first letters, as in
 * (?:tid|penger)+, are safe); and three or more open-ended wildcards, as in .*a.*b.*c, which take
 * polynomial time of a high degree. Conservative on purpose.
 */
export function unsafeRegexReason(source: string): string | undefined {
  const stack: Group[] = [{ quantified: false, alternatives: [''], literal: true }];
  const top = () => stack[stack.length - 1]!;
  let broadOpen = 0;
  let lastAtom = '';
  // Open-ended repeats in a row that can take each other's text (see CHAIN_LIMIT).
  let chain = 0;
  let chainKinds = 0;
  let between = 0;
  const quantifierAt = (i: number): { length: number; repeats: boolean; open: boolean; empty: boolean } | undefined => {
    const c = source[i];
    let q: { length: number; repeats: boolean; open: boolean; empty: boolean } | undefined;
    if (c === '*' || c === '+') q = { length: 1, repeats: true, open: true, empty: c === '*' };
    else if (c === '?') q = { length: 1, repeats: false, open: false, empty: true };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return undefined;
      const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      q = { length: m[0].length, repeats: max > 1, open: max === Infinity, empty: Number(m[1]) === 0 };
    }
    if (q && source[i + q.length] === '?') q.length++;
    return q;
  };
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    // A group's edges do not part a chain ((\s*)(\s*)(\s*)x is \s*\s*\s*x); an alternative does.
    if (c === '|') chain = 0;
    if (c === '(') {
      const head = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i))![0];
      stack.push({ quantified: false, alternatives: [''], literal: true });
      i += head.length;
      continue;
    }
    if (c === '|') {
      top().alternatives.push('');
      i++;
      continue;
    }
    if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : top();
      i++;
      const q = quantifierAt(i);
      if (q?.repeats) {
        if (group.quantified) return 'a repeated group contains another repetition';
        if (group.alternatives.length > 1 && !prefixFree(group)) return 'a repeated group has alternatives that can match the same text';
      }
      if (group.quantified || q) top().quantified = true;
      if (q?.open && group.alternatives.some((a) => BROAD.test(a))) broadOpen++;
      top().literal = false;
      top().alternatives[top().alternatives.length - 1] += '(…)';
      if (q) i += q.length;
      continue;
    }
    // One atom: an escape, a character class or a single character.
    let atom: string;
    if (c === '\\') {
      const m = /^\\(?:[pPk]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[\s\S])/.exec(source.slice(i))!;
      atom = m[0];
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      atom = source.slice(i, j + 1);
    } else atom = c;
    i += atom.length;
    lastAtom = atom;
    const literal = /^(?:[\p{L}\p{N} ,'’-]|\\[.\-/\\()[\]{}*+?|^$ ])$/u.test(atom);
    const group = top();
    group.alternatives[group.alternatives.length - 1] += atom;
    if (!literal) group.literal = false;
    const q = quantifierAt(i);
    const kinds = atomKinds(atom);
    const overlaps = chain > 0 && (kinds & chainKinds) !== 0 && (between & ~chainKinds) === 0;
    // Only repeats that can take blanks run on past a word: \w*samarbeid\w*avtale\w* stays
    // inside one word, whose length bounds its cost; [a-z ,.]* runs over the whole paragraph.
    if (q?.open && (kinds & BLANK) !== 0 && (overlaps || chain === 0 || !q.empty)) {
      // This repeat continues the chain when it can match what the one before matches, and the
      // one before could also have swallowed everything between them.
      chain = overlaps ? chain + 1 : 1;
      chainKinds = kinds;
      between = 0;
      if (chain >= CHAIN_LIMIT) return `${CHAIN_LIMIT} or more open-ended repeats in a row that can match the same characters (such as [a-z ]*tid[a-z ]*… or \\s*\\s*\\s*) take time that grows too fast with the text`;
    } else if (chain > 0 && !q?.empty && !(q?.open && overlaps)) {
      // What may match nothing (\s* between two \w+, an optional letter) does not part two repeats.
      between |= kinds;
    }
    if (q) {
      group.quantified = true;
      group.literal = false;
      if (q.open && BROAD.test(lastAtom)) broadOpen++;
      i += q.length;
    }
  }
  if (broadOpen >= 3) return 'three or more open-ended wildcards (such as .* or \\S+) take time that grows too fast with the text';
  return undefined;
}

/**
 * Three open-ended repeats in a row, each able to match the characters of the next and of what
 * lies between them, as in /tid[a-zæøå ,.]*tid[a-zæøå ,.]*tid[a-zæøå ,.]*#/: on a text without
 * the final #, the engine tries every way of sharing the text among them, and the time grows
 * with its cube (six of them took more than 30 s on one paragraph). Repeats of classes that
 * cannot overlap, as in /ikke\s+\w+\s+tid/, are linear and allowed.
 */
const CHAIN_LIMIT = 3;

/** Kinds of character an atom can match, as bits: letters, digits, blanks, everything else. */
const LETTER = 1;
const DIGIT = 2;
const BLANK = 4;
const OTHER = 8;
const ANY = LETTER | DIGIT | BLANK | OTHER;

function charKind(ch: string): number {
  if (/\p{L}/u.test(ch) || ch === '_') return LETTER;
  if (/\p{N}/u.test(ch)) return DIGIT;
  if (/\s/.test(ch)) return BLANK;
  return OTHER;
}

function escapeKinds(e: string): number {
  switch (e) {
    case '\\w': return LETTER | DIGIT;
    case '\\W': return BLANK | OTHER;
    case '\\d': return DIGIT;
    case '\\D': return LETTER | BLANK | OTHER;
    case '\\s': return BLANK;
    case '\\S': return LETTER | DIGIT | OTHER;
    case '\\b': case '\\B': return 0;
    default: {
      const property = /^\\p\{(?:(L|Letter|Lu|Ll|Lt|Lm|Lo|Alphabetic)|(N|Nd|Number))\}$/u.exec(e);
      if (property) return property[1] ? LETTER : DIGIT;
      return /^\\[pPux]/.test(e) ? ANY : charKind(e.slice(1));
    }
  }
}

/** What one atom (a character, an escape, a class, or .) can match; conservative where unsure. */
function atomKinds(atom: string): number {
  if (atom === '.') return ANY;
  if (atom.startsWith('\\')) return escapeKinds(atom);
  if (!atom.startsWith('[')) return charKind(atom);
  const negated = atom[1] === '^';
  const body = atom.slice(negated ? 2 : 1, -1);
  let kinds = 0;
  for (let j = 0; j < body.length; j++) {
    if (body[j] === '\\') {
      kinds |= escapeKinds(body.slice(j, j + 2));
      j++;
    } else kinds |= charKind(body[j]!);
  }
  // A negated class matches nearly everything of every kind.
  return negated ? ANY : kinds;
}

/** Plain words whose first letters differ can be told apart at their first letter: no overlap. */
function prefixFree(group: Group): boolean {
  if (!group.literal) return false;
  const firsts = group.alternatives.map((a) => a.replace(/^\\/, '').slice(0, 1).toLowerCase());
  return firsts.every((f) => f !== '') && new Set(firsts).size === firsts.length;
}
