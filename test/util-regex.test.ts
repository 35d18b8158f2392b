import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMatches } from '../src/util/regex.js';

// allMatches stands in for String.prototype.matchAll on the hot paths; it must find the same.

const REGEXES = [/\p{Lu}\p{Ll}+/gu, /a*/g, /(?:)/gu, /\d{2,}|x?/gu, /[^a]*?/g, /b/g, /\b/gu];

describe('allMatches', () => {
  it('finds what matchAll finds, empty matches and surrogate pairs too, and leaves lastIndex at 0', () => {
    const units = fc.constantFrom('a', 'b', 'A', 'Ø', 'x', '1', '2', ' ', '\n', '😀', '\u{1D400}', '\uD835');
    fc.assert(fc.property(fc.array(units, { maxLength: 30 }).map((a) => a.join('')), (text) => {
      for (const regex of REGEXES) {
        const expected = [...text.matchAll(regex)].map((m) => [m.index, m[0]]);
        expect(allMatches(regex, text).map((m) => [m.index, m[0]]), `${regex} ${JSON.stringify(text)}`).toEqual(expected);
        expect(regex.lastIndex).toBe(0);
      }
    }), { numRuns: 500 });
  });

  it('starts from the beginning whatever lastIndex was left at', () => {
    const regex = /o/g;
    regex.lastIndex = 5;
    expect(allMatches(regex, 'ola og ole').map((m) => m.index)).toEqual([0, 4, 7]);
  });
});
