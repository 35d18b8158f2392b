import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { TokenBuffer, tokenize, words } from '../src/text/tokenize.js';
import { samples } from './helpers/cli.js';

import { referenceTokenize as reference, WORD_PATTERN as WORD } from './helpers/tokenize-reference.js';

/** Deterministic random text over an alphabet full of edge cases. */
function randomText(seed: number, length: number): string {
  const alphabet = [
    'a', 'B', 'z', 'æ', 'Ø', 'å', 'Å', 'é', 'ß', '1', '9', '²', '½', '٣', ' ', ' ', '\n', '\t', '.', ',', ';', ':', '!', '?',
    '(', ')', '«', '»', '"', '–', '—', '-', "'", '’', '‘', '_', '/', 'Σ', 'ς', 'İ', 'ǅ', '\u0301', '\u00a0',
    '𝐀', '😀', '\ud835', '\udc00', 'ᚠ', '中', 'ﬁ', 'Ⅻ',
  ];
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += alphabet[(x >>> 8) % alphabet.length];
  }
  return s;
}

describe('tokenize', () => {
  it('finds words with offsets, lower-cased, with clause starts', () => {
    expect(tokenize('Mangel på tid, men «ØKONOMIEN» er god.')).toEqual([
      { norm: 'mangel', start: 0, end: 6, clauseStart: true },
      { norm: 'på', start: 7, end: 9, clauseStart: false },
      { norm: 'tid', start: 10, end: 13, clauseStart: false },
      { norm: 'men', start: 15, end: 18, clauseStart: true },
      { norm: 'økonomien', start: 20, end: 29, clauseStart: true },
      { norm: 'er', start: 31, end: 33, clauseStart: true },
      { norm: 'god', start: 34, end: 37, clauseStart: false },
    ]);
  });

  it('keeps apostrophe parts of letters only, and splits at hyphens and digits after them', () => {
    expect(tokenize("Don't bydel’n x' 'y rock'n'roll it's9 2'a 3'4").map((t) => t.norm))
      .toEqual(["don't", 'bydel’n', 'x', 'y', "rock'n'roll", "it's", '9', "2'a", '3', '4']);
    expect(tokenize('tjeneste-innovasjon').map((t) => t.norm)).toEqual(['tjeneste', 'innovasjon']);
  });

  it('treats surrogate pairs as one character: letters join words, emoji do not', () => {
    expect(tokenize('a𝐀b 😀c').map((t) => [t.norm, t.start, t.end])).toEqual([['a𝐀b', 0, 4], ['c', 7, 8]]);
  });

  it('agrees with the regular expression on random text full of edge cases', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(seed, 1 + (seed * 37) % 400);
      expect(tokenize(text), `seed ${seed}`).toEqual(reference(text));
    }
  });

  it('agrees with the regular expression on every sample note', () => {
    for (const name of readdirSync(samples)) {
      const text = readFileSync(`${samples}/${name}`, 'latin1');
      expect(tokenize(text)).toEqual(reference(text));
    }
  });

  it('scans a range of a text, and reuses its buffers for the next text', () => {
    const buffer = new TokenBuffer();
    const long = Array.from({ length: 600 }, (_, i) => `ord${i}`).join(' ');
    expect(buffer.fill(long)).toBe(600);
    expect([buffer.start[599], buffer.end[599]]).toEqual([long.lastIndexOf('ord599'), long.length]);
    expect(buffer.fill('xx Tid. Yy', 3, 8)).toBe(1);
    expect([buffer.start[0], buffer.end[0], buffer.clauseStart[0]]).toEqual([3, 6, 1]);
  });
});

describe('words', () => {
  it('lower-cases the whole text, then splits it like the regular expression', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const text = randomText(seed * 7, 300);
      expect(words(text)).toEqual(text.toLowerCase().match(WORD) ?? []);
    }
  });
});
