// Sentence boundaries for Norwegian and English notes, aware of the abbreviations that end in a
// full stop ("f.eks.", "bl.a.", "e.g.") so they do not cut a sentence.

// Not «mill», «mrd» or «kr»: they end sentences as often as not («kuttet med fem mill. Det var tøft»).
// Nor those that close a list (osv., mv., m.m., m.fl., o.l., e.l., etc.): a list ends its sentence
// far more often than a capital follows it inside one («… turnus osv. Det er fint»).
const ABBREVIATIONS = new Set([
  'f.eks', 'bl.a', 'dvs', 'ca', 'nr', 'jf', 'jfr', 'evt', 'ev', 'mht', 'pga', 'iht', 'ift',
  'ifm', 'iflg', 'hhv', 'vedr', 'sml', 'ref', 'kl', 'avd', 'adm', 'inkl', 'ekskl', 'kap', 'pkt',
  'fig', 'tlf', 'e.g', 'i.e', 'cf', 'vs', 'approx', 'dept',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no',
]);
const LIST_ENDINGS = new Set(['osv', 'o.s.v', 'mv', 'm.v', 'm.m', 'm.fl', 'o.l', 'e.l', 'etc']);

/** [start, end) ranges of the sentences in `text`, trimmed. */
export function sentenceRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // A transcript's mark may stand between the sentences: «tid. [pause] Driften», «(ler) Det».
  const boundary = /[.!?…]+[»"')\]]*(?=\s+(?:[[(][^\])\n]{1,30}[\])]\s+)?[«"'(\[]?[\p{Lu}\p{N}–-])/gu;
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
  if (LIST_ENDINGS.has(word)) return false;
  // The end of a contraction (don't., isn't.) is no initial.
  if (/['’ʼ]/.test(text[dot - before[0].length - 1] ?? '')) return false;
  // An initial (P. Hansen) or letters with dots between (U.S., N.N.).
  return ABBREVIATIONS.has(word) || /^\p{L}(?:\.\p{L})*$/u.test(word);
}

function push(ranges: Array<[number, number]>, text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) ranges.push([start, end]);
}
