// Word tokens with offsets. Lower-casing happens per token so offsets stay valid for any text.

export interface Token {
  /** Lower-cased form. */
  norm: string;
  start: number;
  end: number;
  /** True when a clause boundary (. , ; : ! ? or a line break) lies between this token and the previous one. */
  clauseStart: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const CLAUSE_BREAK = /[.,;:!?()«»"\n–—]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const gap = text.slice(previousEnd, start);
    tokens.push({
      norm: m[0].toLowerCase(),
      start,
      end,
      clauseStart: tokens.length === 0 || CLAUSE_BREAK.test(gap),
    });
    previousEnd = end;
  }
  return tokens;
}

/** Words only, lower-cased: for places that need no offsets. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}
