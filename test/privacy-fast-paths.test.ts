import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAP_WORD, capWordMatches, digitFinder, digitShape, listed, listedRole, listedRoleOf, NUMBER_PATTERN_NEEDS } from '../src/privacy/detect.js';
import { FIRST_NAMES, SURNAMES_SET } from '../src/privacy/names.js';
import { allMatches } from '../src/util/regex.js';

// The name finder asks its questions of every capitalised word of every note, so each has a cheap
// answer for the words it cannot be true of. These tests compare each with the plain check it
// stands for, on the words and texts most likely to tell them apart.

/** listed() as it was: the word, and without a genitive s, in both lists. */
function listedPlainly(part: string): boolean {
  const base = part.length > 3 && part.endsWith('s') ? part.slice(0, -1) : part;
  return FIRST_NAMES.has(part) || SURNAMES_SET.has(part) || FIRST_NAMES.has(base) || SURNAMES_SET.has(base);
}


const NAMES = [...FIRST_NAMES, ...SURNAMES_SET];
/** A listed name, or one a letter longer or shorter, or with an s, or none. */
const nameLike = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('s', 'ss', 'e', '', '-')).map(([n, s]) => n + s),
  fc.constantFrom(...NAMES).map((n) => n.slice(0, -1)),
  fc.string({ unit: fc.constantFrom(...'aeiklnorsåøé-'), maxLength: 18 }),
);

describe('the fast paths of the name finder', () => {
  it('finds a listed name, and its genitive, as looking up the word and its base in both lists does', () => {
    for (const n of NAMES) for (const w of [n, `${n}s`, `${n}ss`, n.slice(0, -1), `${n.slice(0, -1)}s`]) expect(listed(w), w).toBe(listedPlainly(w));
    fc.assert(fc.property(nameLike, (w) => listed(w) === listedPlainly(w)), { numRuns: 20000 });
  });

  it('gives a word as written the listed role of the word in lower case, also when it is long or hyphenated', () => {
    const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
    const word = fc.oneof(
      nameLike.map(capitalised),
      fc.array(nameLike.map(capitalised), { minLength: 2, maxLength: 4 }).map((ws) => ws.join('-')),
      fc.string({ unit: fc.constantFrom('K', 'a', 'r', 'i', 'İ', 'Σ', 'ß', '-', 'ﬀ', '\u{10400}'), maxLength: 16 }),
    );
    fc.assert(fc.property(word, (w) => listedRoleOf(w) === listedRole(w.toLowerCase())), { numRuns: 20000 });
    expect(listedRoleOf('Kristoffersens')).toBe('name');
    expect(listedRoleOf('Kristoffersen-Hansen')).toBe('name');
  });

  it('finds the next ASCII digit as a search for [0-9] does, in short texts and long, asked in text order', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\n', '’', 'é', '٣', '０', '0', '1', '5', '9');
    const sparse = fc.constantFrom('a', 'b', ' ', '\n', '’', 'é', 'x', 'y', 'z', 'q', 'r', '7');
    const text = fc.oneof(fc.string({ unit, maxLength: 40 }), fc.string({ unit: sparse, minLength: 200, maxLength: 900 }), fc.string({ unit, minLength: 250, maxLength: 600 }));
    let long = 0;
    fc.assert(fc.property(text, fc.array(fc.nat(60), { maxLength: 30 }), (t, steps) => {
      if (t.length > 256) long++;
      const next = digitFinder(t);
      const digit = /[0-9]/g;
      let from = 0;
      for (const step of steps) {
        from += step;
        digit.lastIndex = from;
        if (next(from) !== (digit.exec(t)?.index ?? -1)) return false;
      }
      return true;
    }), { numRuns: 3000 });
    // Both ways of searching are tried: texts longer than 256 units are searched with indexOf.
    expect(long).toBeGreaterThan(1000);
  });

  it('skips a number pattern only on lines where it finds nothing', () => {
    const token = fc.oneof(
      fc.constantFrom(' ', ' ', '  ', '\u00a0', '-', '.', ',', '/', '(', ')', '+', ':', 'x', 'B', 'a', 'Z', '’', 'é', 'Å'),
      fc.constantFrom('Storgata', 'Kirkeveien', 'Skolestien', 'Havnegt.', 'Parkveien', 'Nedre allé', 'Station Road', 'Baker Street', 'Kari', 'Oslo'),
      fc.constantFrom('12345678', '+47 ', '0047', '(617) 555-0123', '617-555-0123', '617.555.0123', '14', '221B', '0161 496 0754', '020 7946 0958',
        '07700 900123', '+44 20 7946 0958', '010190 12345', '01019012345', 'LS1 4DY', 'SW1A 1AA', 'D02 X285', 'H91 E2K3', '2019', '2013 2025', '412 34 567',
        '22 33 44 55', '22-33-44-55', 'AB1 2CD', 'A65 F4E2'),
      fc.integer({ min: 0, max: 99999 }).map(String),
      fc.tuple(fc.constantFrom('Skogvei', 'Bakkestig', 'Torvplass', 'Nedre allé', 'Stortorget', 'Kongens gt', 'Kongens gt.', 'Elvegata', 'Storgate', 'Parkveien', 'Veien'),
        fc.constantFrom(' 5', ' 12B', ' 3 a', '  4', '5')).map(([a, b]) => a + b),
      fc.tuple(fc.constantFrom(' 14', ' 221B', ' 1600', ' 3a', ' 7', '/12', ' 14:'), fc.constantFrom(' Station Road', ' Baker Street', ' Pennsylvania Avenue', ' Old Mill Lane', ' Kari'),
        fc.constantFrom('', ', LS1 4DY', ' D02 X285', ', Leeds LS1 4DY', ',')).map(([a, b, c]) => a + b + c),
    );
    const hits = new Map([...NUMBER_PATTERN_NEEDS.keys()].map((p) => [p, 0]));
    fc.assert(fc.property(fc.array(token, { minLength: 1, maxLength: 10 }), (tokens) => {
      const line = tokens.join('');
      const shape = digitShape(line);
      for (const [pattern, needs] of NUMBER_PATTERN_NEEDS) {
        pattern.lastIndex = 0;
        const found = pattern.test(line);
        pattern.lastIndex = 0;
        if (found) hits.set(pattern, hits.get(pattern)! + 1);
        if (found && !needs(shape)) return false;
      }
      return true;
    }), { numRuns: 30000 });
    // Every pattern matched often enough for a wrong need to show.
    for (const [pattern, n] of hits) expect(n, pattern.source).toBeGreaterThan(200);
  });

  it('finds the capitalised words a search with CAP_WORD finds, in texts of Latin-1 units and in texts past it', () => {
    const unit = fc.constantFrom('K', 'a', 'r', 'i', ' ', '-', "'", '’', 'M', 'c', 'D', 'O', 'B', 'é', 'É', 'Ø', 'ø', '×', 'Þ', 'ß',
      'Ā', 'ā', 'Σ', 'σ', 'Ж', 'ж', 'ǅ', '–', '\u{1D400}', '\u{1D41A}', '\u{10400}', '\u{10428}', '\ud835', '\udc00', '😀');
    const word = fc.constantFrom('Kari', 'KARI', "O'Brien", 'O’Connor', 'McDonald', 'MacLeod', 'Anne-Lise', 'ANNE-LISE', 'Ærlig', 'Øystein', 'Élise', 'Ōtani', 'Σωκράτης', '\u{1D400}\u{1D41A}');
    const text = fc.array(fc.oneof(unit, word), { maxLength: 40 }).map((parts) => parts.join(''));
    let beyond = 0;
    fc.assert(fc.property(text, (t) => {
      if (/[^\x00-\xff]/.test(t)) beyond++;
      const plain = allMatches(CAP_WORD, t).map((m) => `${m.index}:${m[0]}`);
      const fast = capWordMatches(t).map((m) => `${m.index}:${m[0]}`);
      return fast.join() === plain.join();
    }), { numRuns: 20000 });
    // Both ways were tried: most texts hold a unit past Latin-1, some do not.
    expect(beyond).toBeGreaterThan(10000);
    expect(beyond).toBeLessThan(20000);
  });
});
