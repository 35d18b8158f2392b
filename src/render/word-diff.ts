/** A piece of a word-level diff: kept, removed or added text. */
export interface WordPiece {
  op: '=' | '-' | '+';
  text: string;
}

/**
 * Word-by-word difference of two texts (longest common subsequence on words), so a reviewer sees
 * which words of a definition changed rather than two whole paragraphs. Whitespace is kept with
 * the word before it.
 */
export function wordDiff(before: string, after: string): WordPiece[] {
  const a = before.match(/\S+\s*/g) ?? [];
  const b = after.match(/\S+\s*/g) ?? [];
  const key = (w: string) => w.trimEnd();
  const n = a.length;
  const m = b.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = key(a[i]!) === key(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: WordPiece[] = [];
  const push = (op: WordPiece['op'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && key(a[i]!) === key(b[j]!)) {
      push('=', b[j]!);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) push('-', a[i++]!);
    else push('+', b[j++]!);
  }
  return out;
}

/** Render pieces with markers around removed and added words; spaces stay outside the markers. */
export function markWords(pieces: WordPiece[], removed: (s: string) => string, added: (s: string) => string): string {
  return pieces.map((p) => {
    if (p.op === '=') return p.text;
    const body = p.text.trimEnd();
    return (p.op === '-' ? removed(body) : added(body)) + p.text.slice(body.length);
  }).join('').trimEnd();
}
