// The tokenizer as a regular expression: the specification src/text/tokenize.ts must meet exactly.
import type { Token } from '../../src/text/tokenize.js';

export type { Token };

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const CLAUSE_BREAK = /[.,;:!?()«»"–—]/;
/** A line break ends a clause before a capital letter, or when more than blanks follows it (a list marker). */
const breaksLine = (gap: string, first: string) => gap.includes('\n') && (first !== first.toLowerCase() || /\S/.test(gap.slice(gap.lastIndexOf('\n') + 1)));

export function referenceTokenize(text: string): Token[] {
  const out: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    out.push({ norm: m[0].toLowerCase(), start, end, clauseStart: out.length === 0 || CLAUSE_BREAK.test(text.slice(previousEnd, start)) || breaksLine(text.slice(previousEnd, start), text[start]!) });
    previousEnd = end;
  }
  return out;
}

export const WORD_PATTERN = WORD;
