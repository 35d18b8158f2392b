import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCodebook } from '../src/codebook/load.js';
import { FOLDABLE, requiredLiterals, requiredTexts, requiredWordRuns } from '../src/coding/literal.js';
import { LiteralSet } from '../src/coding/literal-set.js';
import { TokenBuffer } from '../src/text/tokenize.js';
import { regexPieces } from '../src/coding/matcher.js';
import { stopwordsFor } from '../src/text/stopwords.js';
import { root } from './helpers/cli.js';

// The matcher skips a regular expression on segments that contain none of its required texts,
// so every possible match must contain one: these cases pin the conservative reading down.

describe('requiredLiterals', () => {
  it('takes the longest plain run outside groups, classes and escapes', () => {
    expect(requiredLiterals('(?<!politisk )forankr\\p{L}*( (i|hos) ledelse)?', true)).toEqual(['forankr']);
    expect(requiredLiterals('\\bkutt(a|e|er)?\\b(?! ut)', true)).toEqual(['kutt']);
    expect(requiredLiterals('nytt,? nyttig', true)).toEqual([' nyttig']);
    expect(requiredLiterals('\\bph\\.?\\s?d\\b', true)).toEqual(['ph']);
  });

  it('uses the alternatives of a required group when they say more', () => {
    expect(requiredLiterals('\\b(hvert?|kvart?) (sitt|sin|sine|si) ([\\p{L}\\p{N}]+ )?(system|fagsystem|budsjett)', true))
      .toEqual(['system', 'fagsystem', 'budsjett']);
    expect(requiredLiterals('(lang|stor) avstand', true)).toEqual([' avstand']);
    expect(requiredLiterals('(lange|større) av', true)).toEqual(['lange', 'større']);
    expect(requiredLiterals('(?:tid|tida) x', true)).toEqual(['tid', 'tida']);
    expect(requiredLiterals('(lang|)x', true)).toBeUndefined();
    expect(requiredLiterals('(?=lang)', true)).toBeUndefined();
    expect(requiredLiterals('(lang|stor)?x', true)).toBeUndefined();
  });

  it('drops a character made optional or repeated by a quantifier', () => {
    expect(requiredLiterals('tids?klemme', true)).toEqual(['klemme']);
    expect(requiredLiterals('abcd*', true)).toEqual(['abc']);
    expect(requiredLiterals('abcd{0,2}', true)).toEqual(['abc']);
    expect(requiredLiterals('abcd+e', true)).toEqual(['abc']);
  });

  it('gives every requirement a match meets, best first: the matcher skips segments that miss any', () => {
    expect(requiredTexts('\\b(satt|sette) av (tid|dag)\\b', true)).toEqual([[' av '], ['satt', 'sette'], ['tid', 'dag']]);
    expect(requiredTexts('(?:tid|tida) x', true)).toEqual([['tid', 'tida'], [' x']]);
  });

  it('reads alternatives at the top as one requirement, one text from each, and gives up if any alternative has none', () => {
    expect(requiredTexts('tidsklemme|tidspress', true)).toEqual([['tidsklemme', 'tidspress']]);
    expect(requiredTexts('\\bdrift(a|en)?( som)? (vinner|vant)\\b|\\b(vinner|vant) drift(a|en)\\b', true)).toEqual([['drift', ' drift']]);
    expect(requiredTexts('(a|b)c|de', true)).toBeUndefined();
    expect(requiredTexts('tid|', true)).toBeUndefined();
    expect(requiredTexts('[|]tid', true)).toEqual([['tid']]);
    expect(requiredTexts('(tid|rom)x|plass', true)).toEqual([['tid', 'rom', 'plass']]);
  });

  it('gives the word scanner a run of letters per text, with the word edges the text shows', () => {
    expect(requiredWordRuns('\\bfri (en )?dag', true)).toEqual([
      [{ run: 'fri', startsWord: false, endsWord: true }], [{ run: 'dag', startsWord: false, endsWord: false }]]);
    expect(requiredWordRuns('(lang|stor) avstand', true)).toEqual([
      [{ run: 'avstand', startsWord: true, endsWord: false }],
      [{ run: 'lang', startsWord: false, endsWord: false }, { run: 'stor', startsWord: false, endsWord: false }]]);
    expect(requiredWordRuns('tidsklemme|tidspress', true)).toEqual([[
      { run: 'tidsklemme', startsWord: false, endsWord: false }, { run: 'tidspress', startsWord: false, endsWord: false }]]);
    // "  " is a required text with no letters: nothing the word scanner could look for.
    expect(requiredTexts('.  .', true)).toEqual([['  ']]);
    expect(requiredWordRuns('.  .', true)).toEqual([]);
    expect(requiredWordRuns('\\bR&D\\b', false)).toEqual([]);
  });

  it('gives nothing for runs of one character', () => {
    expect(requiredLiterals('a.b', true)).toBeUndefined();
  });

  it('keeps case without the i flag, and avoids letters with unusual case folding with it', () => {
    expect(requiredLiterals('\\bSLIK\\b', false)).toEqual(['SLIK']);
    expect(requiredLiterals('\\bSLIK\\b', true)).toEqual(['slik']);
    expect(requiredLiterals('kſ', true)).toBeUndefined();
    expect(requiredLiterals('kommune 3\\.0', true)).toEqual(['kommune 3']);
  });

  it('is in every match, for the regular expressions of the shipped codebooks on text made to match them', () => {
    const cases: Array<[string, string, string[]]> = [
      ['(?<!politisk )forankr\\p{L}*', 'iu', ['Forankringen er god', 'FORANKRET']],
      ['tids?klemme', 'iu', ['tidklemme', 'TIDSKLEMME']],
      ['\\bSLIK\\b', 'u', ['vi bruker SLIK']],
      ['avstand', 'iu', ['AVſTAND']],
      ['\\b(hvert?|kvart?) (sitt|sin) (system|budsjett)', 'iu', ['Hver sin BUDSJETT', 'kvart sitt system']],
    ];
    cases.push(['\\bdrift(a|en)?( som)? (vinner|vinn|vant|vann)\\b|\\b(vinner|vinn|vant|vann) drift(a|en)\\b', 'iu', ['DRIFTA VINNER', 'da vinn drifta', 'drift som vant']]);
    cases.push(['\\b(satt|sette|sett) av ([\\p{L}\\p{N}]+ )?(tid|tida|timer?|dag)\\b', 'iu', ['SATT AV TID', 'sett av to timer', 'satt av ein dag']]);
    for (const [source, flags, texts] of cases) {
      const requirements = requiredTexts(source, flags.includes('i')) ?? [];
      expect(requirements.length, source).toBeGreaterThan(0);
      for (const text of texts) {
        expect(new RegExp(source, flags).test(text), text).toBe(true);
        // The word scanner reads ſ as s (see FOLDABLE).
        const hay = flags.includes('i') ? text.toLowerCase().replaceAll('ſ', 's') : text;
        for (const texts of requirements) expect(texts.some((l) => hay.includes(l)), `${source} ${text} ${texts}`).toBe(true);
      }
    }
  });

  it('finds something to look for in every regular expression of the shipped codebooks', () => {
    // One expression with nothing to look for is tried on every segment, and no segment can be skipped.
    for (const file of ['innovasjon.yaml', 'innovation-en.yaml']) {
      const { codebook } = loadCodebook(readFileSync(`${root}/codebooks/${file}`, 'utf8'), file);
      const regexes = codebook!.codes.flatMap((c) => c.terms.filter((t) => t.regex).map((t) => t.regex!));
      const missing = regexes.filter((r) => requiredWordRuns(r.source, r.flags.includes('i')).length === 0).map((r) => r.source);
      expect(regexes.length, file).toBeGreaterThan(10);
      expect(missing, file).toEqual([]);
    }
  });
});

describe('FOLDABLE', () => {
  it('holds only characters whose case-insensitive matches all lower-case to them, ſ read as s as the word scanner reads it', () => {
    const wrong: string[] = [];
    for (let l = 0; l < 0x10000; l++) {
      const letter = String.fromCharCode(l);
      if (!FOLDABLE.test(letter)) continue;
      const re = new RegExp(`[${letter}]`, 'iu');
      for (let c = 0; c < 0x10000; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        const unit = String.fromCharCode(c);
        const lower = c === 0x17f ? 's' : unit.toLowerCase();
        if (re.test(unit) && lower !== letter) wrong.push(`${letter} matches U+${c.toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(FOLDABLE.test('s') && FOLDABLE.test('é') && !FOLDABLE.test('ſ') && !FOLDABLE.test('ß')).toBe(true);
  });

  it('lets the word scanner see ſ as s, so a segment with ſ still reaches an expression that needs s', () => {
    const set = new LiteralSet(['\u0001slik\u0002'], [2]);
    const seen = new Int32Array(1);
    expect(set.kindsInWord('«ſlik»', 1, 5, 1, 2, 2, seen, 7)).toBe(2);
    expect(seen[0]).toBe(7);
  });
});

describe('LiteralSet', () => {
  /** kindsInWord on `w` set inside other text, with units 1 and 2 as lead and trail. */
  const word = (set: LiteralSet, w: string, mark = 0, seen = new Int32Array(64), stamp = 1) =>
    set.kindsInWord(`«${w}»`, 1, w.length + 1, 1, 2, mark, seen, stamp);

  it('finds exactly the texts that String.includes finds in the lower-cased word, overlapping and nested ones too', () => {
    const texts = ['he', 'she', 'his', 'hers', 'tid', 'tida', 'ida', 'a', 'nakker', 'kommuni', 'slik', 'øre'];
    const set = new LiteralSet(texts, texts.map(() => 2));
    let x = 3;
    const alphabet = 'hesirtdankomuSLIKæøåØRE';
    for (let round = 0; round < 3000; round++) {
      let w = '';
      const n = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 20;
      for (let i = 0; i < n; i++) w += alphabet[((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % alphabet.length];
      const seen = new Int32Array(texts.length);
      const kinds = word(set, w, 2, seen, round + 1);
      const expected = texts.map((t) => w.toLowerCase().includes(t));
      expect([...seen].map((f) => f === round + 1), w).toEqual(expected);
      expect(kinds, w).toBe(expected.some(Boolean) ? 2 : 0);
    }
  });

  it('scanWords finds the tokenizer\'s words and each word\'s kinds (and marks) in one pass, whatever the text holds', () => {
    const texts = ['\u0001tid', '\u0001i\u0002', 'skap', 'sam', 'n\'t', 'øre', '12', '\u0001ks\u0002', 'ab'];
    const set = new LiteralSet(texts, [1, 1, 2, 4, 8, 2, 16, 2, 4]);
    const units = ['a', 'b', 'T', 'i', 'd', 's', 'k', 'm', 'n', 'ø', 'R', 'E', 'K', '1', '2', ' ', ' ', ' ', '.', ',', '\n', '-', "'", '’', '«',
      'Σ', 'İ', '\u{1D400}', '\u{1F600}', '\uD835', '²', '٣'];
    const fast = new TokenBuffer();
    const slow = new TokenBuffer();
    let x = 11;
    const rnd = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8;
    let slowTexts = 0;
    for (let round = 1; round <= 4000; round++) {
      let text = '';
      const length = rnd() % 30;
      // Mostly the common path; now and then a unit that sends scanWords to the general one.
      for (let i = 0; i < length; i++) text += units[rnd() % (round % 3 === 0 ? units.length : units.length - 6)];
      const seenFast = new Int32Array(texts.length);
      const seenSlow = new Int32Array(texts.length);
      const n = set.scanWords(text, fast, 1, 2, 2, seenFast, round);
      const marked = [...set.marked].sort((a, b) => a - b);
      expect(n, text).toBe(slow.fill(text));
      for (let t = 0; t < n; t++) {
        expect([fast.start[t], fast.end[t], fast.clauseStart[t]], text).toEqual([slow.start[t], slow.end[t], slow.clauseStart[t]]);
        expect(fast.found[t], `${text} word ${t}`).toBe(set.kindsInWord(text, slow.start[t]!, slow.end[t]!, 1, 2, 2, seenSlow, round));
      }
      expect([...seenFast], text).toEqual([...seenSlow]);
      // The marked texts are listed once each, and they are all that were marked in this text.
      expect(marked, text).toEqual([...seenFast.keys()].filter((i) => seenFast[i] === round));
      if (/[Σİ\uD800-\uDFFF]/.test(text)) slowTexts++;
    }
    expect(slowTexts).toBeGreaterThan(300);
  });

  it('anchors texts at the word\'s start and end with the lead and trail units, and ORs the kinds of what it finds', () => {
    const set = new LiteralSet(['\u0001tid', '\u0001i\u0002', 'skap', 'sam'], [1, 1, 1, 4]);
    expect(['Tida', 'tidspress', 'I', 'samSKAPing', 'skap'].map((w) => word(set, w))).toEqual([1, 1, 1, 5, 1]);
    expect(['utid', 'is', 'ti', 'ska', 'bi'].map((w) => word(set, w))).toEqual([0, 0, 0, 0, 0]);
    expect(word(set, 'ΣΑΣ')).toBe(-1);
  });
});

describe('regexPieces', () => {
  const words = (pieces: string[][] | undefined) => pieces?.map((texts) => texts.map((t) => t.replace(/[\u0001\u0002]/g, '')));

  it('leaves out a requirement that a common word meets, when a rarer one is there, so the expression waits for the rare word', () => {
    const common = stopwordsFor('nb');
    // «vi», «me» and «ok» stand in nearly every segment: the word scanner would mark them all, and filter nothing.
    expect(words(regexPieces({ source: String.raw`\b(vi|me|teamet) får bestemme\b`, flags: 'iu' }, common))).toEqual([['bestemme']]);
    expect(words(regexPieces({ source: String.raw`\b(greit|ok) å (feile|mislykkes)`, flags: 'iu' }, common))).toEqual([['feile', 'mislykkes']]);
    // With nothing rarer, the common requirement is kept: a filter that filters little beats none.
    expect(words(regexPieces({ source: String.raw`\b(vi|me)\b`, flags: 'iu' }, common))).toEqual([['vi', 'me']]);
    expect(words(regexPieces({ source: String.raw`\bsamskap\p{L}* med`, flags: 'iu' }, common))).toEqual([['samskap']]);
  });
});
