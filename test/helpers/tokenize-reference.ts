// The tokenizer as a regular expression: the specification src/text/tokenize.ts must meet exactly.
import { WRAPPED_LINE, type Token } from '../../src/text/tokenize.js';

export type { Token };

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const CLAUSE_BREAK = /[.,;:!?()«»"–—]/;
/**
 * A line break ends a clause after a line shorter than WRAPPED_LINE, before a capital letter, or
 * when more than blanks follows it (a list marker).
 */
const breaksLine = (text: string, gapStart: number, gap: string, first: string) => {
  if (!gap.includes('\n')) return false;
  if (first !== first.toLowerCase() || /\S/.test(gap.slice(gap.lastIndexOf('\n') + 1))) return true;
  // Every line break in the gap: the line it ends must be long.
  for (let at = gap.indexOf('\n'); at !== -1; at = gap.indexOf('\n', at + 1)) {
    const end = gapStart + at;
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (end - start < WRAPPED_LINE) return true;
  }
  return false;
};

export function referenceTokenize(text: string): Token[] {
  const out: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    out.push({ norm: m[0].toLowerCase(), start, end, clauseStart: out.length === 0 || CLAUSE_BREAK.test(text.slice(previousEnd, start)) || breaksLine(text, previousEnd, text.slice(previousEnd, start), text[start]!) });
    previousEnd = end;
  }
  return out;
}

export const WORD_PATTERN = WORD;
