import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTerm, unsafeRegexReason } from '../src/codebook/terms.js';
import { termRegex } from '../src/util/regex.js';

describe('the static guard against catastrophic backtracking', () => {
  it.each([
    ['(a+)+$', 'repetition'],
    ['(\\w+\\s?)*', 'repetition'],
    ['((ab)*)+', 'repetition'],
    ['(a?)+', 'repetition'],
    ['(.*a){20}', 'repetition'],
    ['(a|ab)*', 'alternatives'],
    ['(\\w|\\d)+', 'alternatives'],
    ['(x|y|x)+', 'alternatives'],
    ['(T|t)+', 'alternatives'],
    ['.*a.*b.*c', 'wildcards|in a row'],
    ['tid[a-zæøå ,.]*tid[a-zæøå ,.]*tid[a-zæøå ,.]*#', 'in a row'],
    ['\\s*\\s*\\s*x', 'in a row'],
    ['tid(\\s*)(\\s*)(\\s*)x', 'in a row'],
    ['tid[a-zæøå ,.]*(?:tid)[a-zæøå ,.]*(?:tid)[a-zæøå ,.]*#', 'in a row'],
  ])('rejects %s', (source, reason) => {
    expect(unsafeRegexReason(source)).toMatch(new RegExp(reason));
    const parsed = parseTerm(`/${source}/i`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.code).toBe('CODEBOOK_UNSAFE_REGEX');
  });

  it.each(['tids?klemme', 'ikke\\s+tid', '(?:ikke|ingen)\\s+(?:tid|rom)', '(?:tid|penger)+', '(?<navn>tid)+', '[a-z]+(?:ing|ning)', '(ab){2}', 'a{2,}b{3}',
    'ikke\\s+\\w+\\s+tid', '\\w+\\s+\\w+\\s+\\w+', '[a-zæøå]+ og [a-zæøå]+ og [a-zæøå]+', 'mangel\\s+på\\s+\\w+',
    // Repeats that cannot take a blank stay inside one word, whose length bounds them.
    '\\w*samarbeid\\w*avtale\\w*', '[a-z]+-?[a-z]+-?[a-z]+',
    // Words in a row, as the shipped codebooks write them: \p{L} takes letters only.
    'samarbei\\p{L}* (\\p{L}+ )?med (\\p{L}+ )?(\\p{L}+ og )?(innbygger|innbyggjar)', '(staff|employees)( \\p{L}+)?( \\p{L}+)?( \\p{L}+)?( ideas| suggestions)'])('accepts %s', (source) => {
    expect(unsafeRegexReason(source)).toBeUndefined();
    expect(parseTerm(`/${source}/i`).ok).toBe(true);
  });

  it('reports an invalid regular expression with its own code', () => {
    const parsed = parseTerm('/[a-/');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.code).toBe('CODEBOOK_INVALID_REGEX');
  });

  // The engine names the pattern as compiled, /tids(klemme/giu: flags the writer never wrote.
  it.each([
    ['/tids(klemme/i', 'regular expression /tids(klemme/i is invalid: Unterminated group'],
    ['/tids[klemme/', 'regular expression /tids[klemme/ is invalid: Unterminated character class'],
    ['/a{2,1}/gim', 'regular expression /a{2,1}/gim is invalid: numbers out of order in {} quantifier'],
  ])('reports an invalid %s as written, with the engine\'s reason', (raw, message) => {
    const parsed = parseTerm(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toBe(message);
  });

  // Random patterns from a small grammar of the risky pieces. Whatever the guard lets through must
  // finish quickly on the inputs that make backtracking engines explode, compiled as the matcher
  // compiles it (termRegex: \b and \w spelled out for æøå).
  const atom = fc.constantFrom('a', 'b', 'ab', '.', '\\w', '\\W', '\\b', '\\s', '\\S', '[ab]', '[^b]', '[\\w]', 'a?');
  const quant = fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '{2,}');
  const regexArb: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
      fc.tuple(atom, quant).map(([a, q]) => a + q),
      fc.tuple(fc.array(tie('node'), { minLength: 1, maxLength: 3 }), quant).map(([parts, q]) => `(${parts.join('')})${q}`),
      fc.tuple(tie('node'), tie('node'), quant).map(([x, y, q]) => `(?:${x}|${y})${q}`),
      fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((parts) => parts.join(''))),
  })).node as fc.Arbitrary<string>;
  const attacks = ['a'.repeat(3000) + '!', 'ab'.repeat(1500) + '!', ' '.repeat(3000) + 'x', 'ba'.repeat(1500), 'æ'.repeat(3000) + '!', 'a '.repeat(1500) + '!'];

  it('lets through only patterns that run fast on adversarial text', () => {
    fc.assert(fc.property(regexArb, (source) => {
      if (unsafeRegexReason(source) !== undefined) return;
      let re: RegExp;
      try {
        re = termRegex(source, 'giu');
      } catch {
        return;
      }
      const started = performance.now();
      for (const text of attacks) for (const _ of text.matchAll(re)) { /* count */ }
      expect(performance.now() - started, source).toBeLessThan(1500);
    }), { numRuns: 300, seed: 20261123 });
  });
});
