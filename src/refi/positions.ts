// REFI-QDA positions: Unicode code points from 0, end exclusive, counted over the source file
// as the tool saw it. JavaScript strings count UTF-16 units, and our texts end lines with \n.
import type { XmlNode } from './xml.js';

/** Offsets in JavaScript strings are UTF-16 units; REFI-QDA counts Unicode code points from 0. */
export function codePointOffset(text: string, utf16: number): number {
  let n = 0;
  for (let i = 0; i < utf16; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < utf16) i++;
    n++;
  }
  return n;
}

/**
 * UTF-16 offsets into `text` → code point offsets, answered in constant time: a prefix count of
 * surrogate pairs, built once per text (none at all for text without characters above U+FFFF).
 * Many selections in one long source would otherwise each count from the start.
 */
export function codePointOffsets(text: string): (utf16: number) => number {
  if (!/[\ud800-\udbff]/.test(text)) return (utf16) => utf16;
  const pairsBefore = new Int32Array(text.length + 1);
  for (let i = 0, pairs = 0; i < text.length; i++) {
    pairsBefore[i] = pairs;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      pairsBefore[i + 1] = pairs;
      pairs++;
      i++;
    }
    pairsBefore[i + 1] = pairs;
  }
  return (utf16) => utf16 - pairsBefore[utf16]!;
}

/**
 * Tools disagree on whether CRLF is one character or two, and on whether a UTF-8 BOM counts.
 * Selections usually carry the selected text as their name: try each reading and keep the one
 * that matches most names (ties: CRLF as two, BOM not counted: the code points as stored).
 */
export function pickPositions(text: string, bom: boolean, selections: readonly XmlNode[]): number[] {
  const readings: Array<{ crlf: 1 | 2; bom: boolean }> = [{ crlf: 2, bom: false }];
  if (text.includes('\r\n')) readings.push({ crlf: 1, bom: false });
  if (bom) readings.push(...readings.map((r) => ({ ...r, bom: true })));
  if (readings.length === 1) return positionMap(text, 2);
  const normal = text.replace(/\r\n?/g, '\n');
  let best: number[] = [];
  let bestVotes = -1;
  for (const r of readings) {
    const base = positionMap(text, r.crlf);
    const map = r.bom ? [0, ...base] : base;
    let votes = 0;
    for (const sel of selections) if (nameFits(normal, map, sel) === true) votes++;
    if (votes > bestVotes) {
      best = map;
      bestVotes = votes;
    }
  }
  return best;
}

/**
 * Whether the text a selection covers (in `normal`, the text with `\n` line endings, through
 * `map`, see positionMap) begins with the selection's name, as tools name a selection by its
 * text (ATLAS.ti cuts long ones with …). Undefined when the name is too short to tell (under four
 * characters) or the positions are outside the text.
 */
export function nameFits(normal: string, map: readonly number[], selection: XmlNode): boolean | undefined {
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  const name = flat((selection.attrs.name ?? '').replace(/…$/, ''));
  const s = Number(selection.attrs.startPosition);
  const e = Number(selection.attrs.endPosition);
  if (name.length < 4 || !(s >= 0 && e >= s && e < map.length)) return undefined;
  return flat(normal.slice(map[s], map[e])).startsWith(name);
}

/**
 * Code-point position → UTF-16 offset in the text with `\n` line endings. Index i is the
 * position before code point i; the last entry is the end of the text.
 */
export function positionMap(text: string, crlf: 1 | 2): number[] {
  const map: number[] = [];
  let out = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    if (text[i] === '\r' && text[i + 1] === '\n') {
      map.push(out);
      if (crlf === 2) map.push(out);
      out += 1;
      i += 2;
      continue;
    }
    map.push(out);
    out += units;
    i += units;
  }
  map.push(out);
  return map;
}
