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
  for (const piece of text.split(/[\s-]+/)) {
    if (piece === '') continue;
    const lead = piece.startsWith('*');
    const trail = piece.endsWith('*') && piece.length > 1;
    const body = piece.replace(/^\*+|\*+$/g, '').toLowerCase();
    if (body === '') continue;
    if (!WORD_CHARS.test(body)) {
      return {
        ok: false, code: 'CODEBOOK_INVALID_TERM', message: `term "${raw}" has characters that never occur inside a word`,
        hint: 'Terms are words, phrases and * wildcards; for anything else write a regular expression such as /tids?klemme/i.',
      };
    }
    words.push({ kind: lead && trail ? 'part' : lead ? 'suffix' : trail ? 'prefix' : 'stem', text: body });
  }
  if (words.length === 0) {
    return { ok: false, code: 'CODEBOOK_EMPTY_TERM', message: `term "${raw}" has no word in it`, hint: 'Write the word the term should match.' };
  }
  return { ok: true, term: { raw: text, kind: words.length === 1 ? 'word' : 'phrase', words } };
}

function parseRegex(raw: string, source: string, flags: string): ParsedTerm {
  const bad = flags.replace(/[imsu]/g, '');
  if (bad) {
    return {
      ok: false, code: 'CODEBOOK_INVALID_REGEX', message: `regular expression ${raw} has unsupported flags "${bad}"`,
      hint: 'Use only the flags i, m, s and u; matching is always global.',
    };
  }
  try {
    new RegExp(source, `${flags}gu`.replace(/(.)(?=.*\1)/g, ''));
  } catch (e) {
    return {
      ok: false, code: 'CODEBOOK_INVALID_REGEX', message: `regular expression ${raw} is invalid: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`,
      hint: 'Fix the pattern (check brackets and escapes), or write the term as a plain word.',
    };
  }
  const unsafe = unsafeRegexReason(source);
  if (unsafe) {
    return {
      ok: false, code: 'CODEBOOK_UNSAFE_REGEX', message: `regular expression ${raw} can take exponential time: ${unsafe}`,
      hint: 'Remove the nested repetition, e.g. write (ab)+ instead of (a+b?)+, or use plain terms.',
    };
  }
  return { ok: true, term: { raw, kind: 'regex', regex: { source, flags: uniqueFlags(`${flags}gu`) } } };
}

function uniqueFlags(flags: string): string {
  return [...new Set(flags)].sort().join('');
}

/**
 * Reject the shapes that make a backtracking engine explode: a quantified group that itself
 * contains a quantifier or an alternation, as in (a+)+, (a|aa)* or (\w+\s?)*. Conservative on purpose.
 */
export function unsafeRegexReason(source: string): string | undefined {
  const stack: Array<{ quantified: boolean; alternation: boolean }> = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      const next = source[i + 1];
      if (next && '*+?{'.includes(next) && stack.length) stack[stack.length - 1]!.quantified = true;
      continue;
    }
    if (c === '(') stack.push({ quantified: false, alternation: false });
    else if (c === '|' && stack.length) stack[stack.length - 1]!.alternation = true;
    else if (c === ')') {
      const group = stack.pop();
      const next = source[i + 1];
      const repeated = next === '*' || next === '+' || (next === '{' && /^\{\d*,\d*\}/.test(source.slice(i + 1)) && !/^\{(\d+)\}/.test(source.slice(i + 1)));
      if (group && repeated && (group.quantified || group.alternation)) {
        return group.quantified ? 'a repeated group contains another repetition' : 'a repeated group contains alternatives';
      }
      if (group && stack.length && (group.quantified || next === '*' || next === '+' || next === '?' || next === '{')) {
        stack[stack.length - 1]!.quantified = true;
      }
    } else if ((c === '*' || c === '+' || c === '?' || c === '{') && stack.length && source[i - 1] !== ')') {
      stack[stack.length - 1]!.quantified = true;
    }
  }
  return undefined;
}
