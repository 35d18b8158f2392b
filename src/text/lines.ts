/** Line and column of character offsets in a text, for places such as `file:line:column`. */
export interface LinePositions {
  /** 1-based line of an offset. */
  line(offset: number): number;
  /** 1-based column of an offset, counted in characters (code points), as editors count. */
  column(offset: number): number;
}

export function linePositions(text: string): LinePositions {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const index = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Offsets usually come in text order: a column goes on counting from the last one asked on
  // the same line, so many places on one long line cost one pass over it, not one each.
  let lastLine = -1;
  let lastOffset = 0;
  let lastColumn = 1;
  return {
    line: (offset) => index(offset) + 1,
    column: (offset) => {
      const at = index(offset);
      let i = starts[at]!;
      let n = 1;
      if (at === lastLine && offset >= lastOffset) {
        i = lastOffset;
        n = lastColumn;
      }
      for (; i < offset; i++) {
        const c = text.charCodeAt(i);
        if (c < 0xdc00 || c > 0xdfff) n++;
      }
      lastLine = at;
      lastOffset = offset;
      lastColumn = n;
      return n;
    },
  };
}

/** Offset → 1-based line. */
export function lineIndex(text: string): (offset: number) => number {
  return linePositions(text).line;
}
