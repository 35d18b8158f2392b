import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelledLines } from '../src/corpus/document.js';

// Fast paths in reading notes, each checked against the general way it stands in for, on many
// generated texts: they must give the same answer every time, or a note's output would change.

/** Lines a note may have around a speaker's label: labels known and not, note keys, line breaks of every kind. */
const noteLine = fc.oneof(
  fc.constantFrom('Forsker: Hva hindrer dere nå?', 'I: Har dere tid til det?', 'Ola Nordmann: vi har ikke', 'Tema: bolig', 'Tema:',
    '  Ola: en to tre', '\tÅse Li: a b c', 'ola: a b c', 'Kari: a', 'Kari: a b', ': a b c', 'Dato: 12. mars 2026', 'R: Ja.', 'A.B.: x y z',
    'Informant 3: Vi har ikke tid.', 'Et: to: tre fire fem', '# Del 1: Innledning', '- Ola: en to tre', '', ' ', 'x:y z w v', 'Ølen: æ ø å'),
  fc.string({ unit: fc.constantFrom(...'Ola k: \t\n\r\u2028\u2029.-’1É'.split('')), maxLength: 16 }),
);

/** LABELLED_LINE as a plain global search: what labelledLines stands in for. */
function generalLabelledLines(text: string, from: number): Array<{ label: string; at: number }> {
  const pattern = /^[ \t]*(\p{Lu}[\p{L}\p{N}.'’-]*(?: [\p{L}\p{N}.'’-]+){0,2})[ \t]*:[ \t]+\S+\s+\S+\s+\S/gmu;
  pattern.lastIndex = from;
  const found: Array<{ label: string; at: number }> = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) found.push({ label: m[1]!, at: m.index });
  return found;
}

describe('labelledLines (speaker-like lines, for the unknown-label warning)', () => {
  it('finds what a global search of the whole text finds', () => {
    fc.assert(fc.property(fc.array(noteLine, { maxLength: 25 }), fc.nat(40), (lines, cut) => {
      const text = lines.join('\n');
      // From a line start (as the body's start is), or from anywhere.
      for (const from of [0, Math.min(cut, text.length), text.indexOf('\n', Math.min(cut, text.length)) + 1]) {
        expect(labelledLines(text, from)).toEqual(generalLabelledLines(text, from));
      }
    }), { numRuns: 2000 });
  });

  it('goes on after a match that runs over lines, as the global search does', () => {
    const text = 'Tema: en\nto\nOla: tre fire fem\nKari: en to tre\n';
    expect(labelledLines(text, 0)).toEqual([{ label: 'Tema', at: 0 }, { label: 'Kari', at: 30 }]);
    expect(labelledLines(text, 0)).toEqual(generalLabelledLines(text, 0));
  });
});
