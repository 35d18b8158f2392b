import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCodebook } from '../src/codebook/load.js';
import { requiredLiterals } from '../src/coding/literal.js';
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
      .toEqual(['hver', 'kvar']);
    expect(requiredLiterals('(lang|stor) avstand', true)).toEqual(['tand']);
    expect(requiredLiterals('(lange|større) avstand', true)).toEqual(['lange', 'tørre']);
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

  it('gives nothing for alternatives at the top or for runs of one character', () => {
    expect(requiredLiterals('tidsklemme|tidspress', true)).toBeUndefined();
    expect(requiredLiterals('a.b', true)).toBeUndefined();
  });

  it('keeps case without the i flag, and avoids letters with unusual case folding with it', () => {
    expect(requiredLiterals('\\bSLIK\\b', false)).toEqual(['SLIK']);
    expect(requiredLiterals('\\bSLIK\\b', true)).toEqual(['lik']);
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
    for (const [source, flags, texts] of cases) {
      const literals = requiredLiterals(source, flags.includes('i'));
      for (const text of texts) {
        expect(new RegExp(source, flags).test(text), text).toBe(true);
        const hay = flags.includes('i') ? text.toLowerCase() : text;
        if (literals) expect(literals.some((l) => hay.includes(l)), `${source} ${text}`).toBe(true);
      }
    }
  });

  it('finds something to look for in most regular expressions of the default codebook', () => {
    const { codebook } = loadCodebook(readFileSync(`${root}/codebooks/innovasjon.yaml`, 'utf8'), 'innovasjon.yaml');
    const regexes = codebook!.codes.flatMap((c) => c.terms.filter((t) => t.regex).map((t) => t.regex!));
    const found = regexes.filter((r) => requiredLiterals(r.source, r.flags.includes('i')));
    expect(found.length).toBeGreaterThanOrEqual(regexes.length - 2);
  });
});

describe('LiteralSet', () => {
  it('finds exactly the texts that String.includes finds, overlapping and nested ones too', async () => {
    const { LiteralSet } = await import('../src/coding/literal-set.js');
    const texts = ['he', 'she', 'his', 'hers', 'tid', 'tida', 'ida', 'a', ' av ', 'nakker', 'kommuni', 'SLIK'];
    const set = new LiteralSet(texts);
    let x = 3;
    const alphabet = 'hesirtdav nkomuSLIKæøå.';
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const n = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 40;
      for (let i = 0; i < n; i++) text += alphabet[((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % alphabet.length];
      const found = new Uint8Array(texts.length);
      set.scan(text, found);
      expect([...found].map((f) => f === 1), text).toEqual(texts.map((t) => text.includes(t)));
    }
  });

  it('scanFolded finds what scan finds in the lower-cased text, and gives up on units that lower-case by context', async () => {
    const { LiteralSet } = await import('../src/coding/literal-set.js');
    const texts = ['tid', 'tida', 'ida', ' av ', 'øre', 'slik'];
    const set = new LiteralSet(texts);
    let x = 5;
    const alphabet = 'TIDAtida VøØrReSLIKslik.';
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const n = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 30;
      for (let i = 0; i < n; i++) text += alphabet[((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % alphabet.length];
      const folded = new Uint8Array(texts.length);
      const plain = new Uint8Array(texts.length);
      expect(set.scanFolded(text, folded)).toBe(true);
      set.scan(text.toLowerCase(), plain);
      expect([...folded], text).toEqual([...plain]);
    }
    expect(set.scanFolded('TIDA ΣΑΣ', new Uint8Array(texts.length))).toBe(false);
  });

  it('anyInWord tells whether a text occurs in a lower-cased word, anchored at its start or end by lead and trail units', async () => {
    const { LiteralSet } = await import('../src/coding/literal-set.js');
    const set = new LiteralSet(['\u0001tid', '\u0001i\u0002', 'skap']);
    const any = (w: string) => set.anyInWord(`«${w}»`, 1, w.length + 1, 1, 2);
    expect(['Tida', 'tidspress', 'I', 'samSKAPing', 'skap'].filter(any)).toEqual(['Tida', 'tidspress', 'I', 'samSKAPing', 'skap']);
    expect(['utid', 'is', 'ti', 'ska', 'bi'].filter(any)).toEqual([]);
  });
});
