// Sentence boundaries for Norwegian and English notes, aware of the abbreviations that end in a
// full stop ("f.eks.", "bl.a.", "e.g.") so they do not cut a sentence.

// Not «mill», «mrd» or «kr»: they end sentences as often as not («kuttet med fem mill. Det var tøft»).
const ABBREVIATIONS = new Set([
  'f.eks', 'bl.a', 'dvs', 'osv', 'ca', 'nr', 'jf', 'jfr', 'mv', 'evt', 'ev', 'mht', 'pga', 'iht', 'ift',
  'ifm', 'iflg', 'hhv', 'vedr', 'sml', 'ref', 'kl', 'avd', 'adm', 'inkl', 'ekskl', 'kap', 'pkt',
  'fig', 'tlf', 'e.l', 'o.l', 'm.m', 'm.fl', 'etc', 'e.g', 'i.e', 'cf', 'vs', 'approx', 'dept',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no',
]);

/** [start, end) ranges of the sentences in `text`, trimmed. */
export function sentenceRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const boundary = /[.!?…]+[»"')\]]*(?=\s+[«"'(\[]?[\p{Lu}\p{N}–-])/gu;
  let start = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    if (m[0].startsWith('.') && m[0].length === 1 && isAbbreviation(text, m.index)) continue;
    const end = m.index + m[0].length;
    push(ranges, text, start, end);
    start = end;
  }
  push(ranges, text, start, text.length);
  return ranges;
}

function isAbbreviation(text: string, dot: number): boolean {
  const before = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!before) return false;
  const word = before[0].toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

function push(ranges: Array<[number, number]>, text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) ranges.push([start, end]);
}
