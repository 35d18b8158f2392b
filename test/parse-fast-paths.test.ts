import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Text } from '../src/corpus/decode.js';
import { labelledLines } from '../src/corpus/document.js';
import { dashLines, labelAsWritten } from '../src/corpus/segment.js';
import { lowerOf, FormTable } from '../src/text/forms.js';
import { markerCounts, unitsLowerCasedTo } from '../src/text/lang.js';
import { TokenBuffer } from '../src/text/tokenize.js';

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

/** The language markers counted as detectLang first did: every word cut by the tokenizer, looked up in any case. */
function referenceMarkerCounts(text: string, from: number): Record<'nb' | 'nn' | 'en', number> {
  const counts = { nb: 0, nn: 0, en: 0 };
  const table = new FormTable();
  const langOf: Array<'nb' | 'nn' | 'en'> = [];
  for (const lang of ['nb', 'nn', 'en'] as const) for (const w of MARKER_LISTS[lang]) langOf[table.add(w)] = lang;
  const tokens = new TokenBuffer();
  const n = tokens.fill(text, from, Math.min(text.length, from + 6000));
  for (let k = 0; k < n; k++) {
    const id = table.findAnyCase(text, tokens.start[k]!, tokens.end[k]!);
    if (id >= 0) counts[langOf[id]!]++;
  }
  return counts;
}
const MARKER_LISTS = {
  nb: ['ikke', 'jeg', 'hva', 'hvordan', 'mye', 'noe', 'bare', 'hun', 'de', 'vi', 'har', 'det', 'som', 'og', 'er', 'på'],
  nn: ['ikkje', 'eg', 'kva', 'korleis', 'mykje', 'noko', 'berre', 'ho', 'dei', 'me', 'vere', 'frå', 'òg', 'kjem', 'ein', 'eit'],
  en: ['the', 'and', 'is', 'not', 'of', 'to', 'that', 'we', 'they', 'it', 'with', 'have', 'what', 'this', 'are', 'was'],
};

/** Marker words in odd cases (with the Kelvin and Ångström signs), and what may stand around a word. */
const langPiece = fc.oneof(
  fc.constantFrom(...Object.values(MARKER_LISTS).flat()),
  fc.constantFrom(...Object.values(MARKER_LISTS).flat()).chain((w) => fc.array(fc.boolean(), { minLength: w.length, maxLength: w.length })
    .map((up) => [...w].map((ch, i) => (up[i] ? ch.toUpperCase() : ch)).join(''))),
  fc.constantFrom('\u212ajem', 'p\u212b', 'fr\u212b', 'İkke', 'ΣΣ', 'det’s', "it's", "x'og", "1'og", "og'1", 'og’', "'", '’', '-', ' ', '\n', '.', '2', 'æ', 'x',
    '\ud835\udc00', '\ud800', '\udc00', 'ogx', 'xog', 'ikkjeeg', 'hvordanx', 'Ò', 'ò', 'ᵃ', '٣'),
);

describe('markerCounts (language detection)', () => {
  it('counts what the tokenizer and a look-up of every word count', () => {
    fc.assert(fc.property(fc.array(langPiece, { maxLength: 40 }), fc.nat(20), (pieces, cut) => {
      const text = pieces.join(pieces.length % 3 === 0 ? '' : ' ');
      const from = Math.min(cut, text.length);
      expect(markerCounts(text, from)).toEqual(referenceMarkerCounts(text, from));
    }), { numRuns: 3000 });
  });

  it('stops where the tokenizer stops, 6,000 characters in, even inside a word', () => {
    fc.assert(fc.property(fc.array(langPiece, { minLength: 1, maxLength: 12 }), fc.nat(5990), (pieces, pad) => {
      const text = `${'x '.repeat(pad >> 1)}${pieces.join('')} ${pieces.join(' ')}`.padEnd(6010, ' og');
      expect(markerCounts(text, 1)).toEqual(referenceMarkerCounts(text, 1));
    }), { numRuns: 500 });
  });

  it('knows every UTF-16 unit that lower-cases to a marker letter, and no other', () => {
    const letters = new Set(Object.values(MARKER_LISTS).flat().join(''));
    for (const ch of letters) {
      const expected: number[] = [];
      for (let c = 0; c < 0x10000; c++) if (lowerOf(c) === ch.charCodeAt(0)) expected.push(c);
      expect([...unitsLowerCasedTo(ch)].map((u) => u.charCodeAt(0)).sort((a, b) => a - b), ch).toEqual(expected);
    }
  });

  it('uses the lists detectLang has (no word in two of them)', () => {
    const all = Object.values(MARKER_LISTS).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(markerCounts(Object.values(MARKER_LISTS).map((ws) => ws.join(' ')).join(' '))).toEqual({ nb: 16, nn: 16, en: 16 });
  });
});

describe('labelAsWritten (a speaker label with its blanks made one space)', () => {
  it('gives what replacing every run of blanks by one space gives', () => {
    const unit = fc.constantFrom(...'R I1 \t\u00a0\u2003\u200b\ufeff\u3000\nxø'.split(''));
    fc.assert(fc.property(fc.string({ unit, maxLength: 10 }), (label) => {
      expect(labelAsWritten(label)).toBe(label.replace(/\s+/g, ' '));
    }), { numRuns: 5000 });
  });
});

describe('dashLines (whether a line may be a dash speaker line)', () => {
  /** The first dash among the first 40 characters, after at least one other: one character at a time. */
  const general = (text: string, from: number, to: number) => {
    for (let i = from; i < Math.min(to, from + 40); i++) if ('-\u2013\u2014'.includes(text[i]!)) return i > from;
    return false;
  };

  it('answers as a look at each character does, for places asked in order', () => {
    const unit = fc.constantFrom(...'ab -\u2013\u2014\n:'.split(''));
    fc.assert(fc.property(fc.string({ unit, maxLength: 200 }), fc.array(fc.tuple(fc.nat(60), fc.nat(80)), { maxLength: 20 }), (text, steps) => {
      const mayBeDashTurn = dashLines(text);
      let from = 0;
      for (const [step, length] of steps) {
        from += step;
        const to = Math.min(text.length, from + length);
        expect(mayBeDashTurn(from, to), `${from}-${to}`).toBe(general(text, from, to));
      }
    }), { numRuns: 3000 });
  });
});

describe('utf8Text (reading UTF-8)', () => {
  const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** What the TextDecoder gives, undefined where it throws: what utf8Text stands in for. */
  const general = (bytes: Uint8Array) => {
    try {
      return textDecoder.decode(bytes);
    } catch {
      return undefined;
    }
  };
  /** Text as notes have it, and what an ICU conversion might drop or replace: marks, invisible characters, astral letters, noncharacters. */
  const char = fc.oneof(
    fc.constantFrom(...'aZ 1\n\r\t\u0000\u001aæøåÆØÅé«»\u00a0\u00ad–—’“”…€\ufeff\u200b\u200d\u2028\u0301\ufb01\ufffd\ufffe\uffff\u{1f600}\u{10ffff}ſK?'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  );
  const bytesOf = fc.tuple(fc.array(char, { maxLength: 60 }), fc.array(fc.tuple(fc.nat(400), fc.integer({ min: 0, max: 255 })), { maxLength: 2 }))
    .map(([chars, noise]) => {
      const bytes = [...Buffer.from(chars.join(''), 'utf8')];
      // A few stray bytes make some of the texts invalid UTF-8.
      for (const [at, byte] of noise) bytes.splice(at % (bytes.length + 1), 0, byte);
      return Uint8Array.from(bytes);
    });

  it('gives what the TextDecoder gives, and undefined where it throws', () => {
    fc.assert(fc.property(bytesOf, (bytes) => {
      expect(utf8Text(bytes)).toBe(general(bytes));
      expect(utf8Text(Buffer.from(bytes))).toBe(general(bytes));
    }), { numRuns: 5000 });
  });

  it('reads a view into a larger buffer as its own bytes only', () => {
    const whole = Buffer.from('xxøæå\ufeff€yy', 'utf8');
    expect(utf8Text(whole.subarray(2, whole.length - 2))).toBe('øæå\ufeff€');
    expect(utf8Text(Buffer.from('ab cd', 'utf8').subarray(1, 4))).toBe('b c');
    expect(utf8Text(new Uint8Array(0))).toBe('');
  });
});
