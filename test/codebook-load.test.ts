import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../src/codebook/load.js';

const valid = `codebook: test
language: nb
themes:
  - id: inhibitors
    label: { nb: Hemmere, en: Inhibitors }
    themes:
      - id: inhibitors-economy
        label: { nb: Økonomi }
        codes:
          - id: lack-of-money
            label: { nb: Mangel på penger, en: Lack of money }
            definition: Penger mangler.
            polarity: lack
            examples: [«Vi har ikke penger til det.»]
            terms: [penger, ressurs*, { term: kutt, polarity: any }, /sparekrav(?:et)?/i]
`;

function codes(text: string) {
  return loadCodebook(text, 'cb.yaml').diagnostics.map((d) => [d.code, d.line, d.column]);
}

describe('loadCodebook', () => {
  it('loads a valid codebook into themes, codes and compiled terms', () => {
    const { codebook, diagnostics } = loadCodebook(valid, 'cb.yaml');
    expect(diagnostics).toEqual([]);
    expect(codebook!.codes.map((c) => c.id)).toEqual(['lack-of-money']);
    const code = codebook!.codes[0]!;
    expect(code.themePath).toEqual(['inhibitors', 'inhibitors-economy']);
    expect(code.label).toEqual({ nb: 'Mangel på penger', en: 'Lack of money' });
    expect(code.polarity).toBe('lack');
    expect(code.terms.map((t) => [t.raw, t.kind, t.polarity])).toEqual([
      ['penger', 'word', undefined], ['ressurs*', 'word', undefined], ['kutt', 'word', 'any'], ['/sparekrav(?:et)?/i', 'regex', undefined],
    ]);
    expect(code.terms[1]!.words).toEqual([{ kind: 'prefix', text: 'ressurs' }]);
    expect(codebook!.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts columns in characters (code points), as every message does: an emoji before the place is one', () => {
    // «label: { nb: "😀😀", en: » is 25 characters but 27 UTF-16 units.
    const key = valid.replace('label: { nb: Mangel på penger, en: Lack of money }', 'label: { nb: "😀😀", en: Lack, polarity: lack }');
    expect(codes(key)).toEqual([['CODEBOOK_UNKNOWN_KEY', 11, 42]]);
    // A quote never closed is reported where it opens, after the emoji.
    const quote = valid.replace('examples: [«Vi har ikke penger til det.»]', 'examples: [😀, "Vi har ikke]');
    expect(codes(quote)[0]).toEqual(['CODEBOOK_YAML_SYNTAX', 14, 27]);
  });

  it('reports every problem at once, each with line and column', () => {
    const bad = `codebook: test
language: nb
themes:
  - id: a
    codes:
      - id: x
        lable: Typo
        terms: ["", /a(/]
      - id: x
        polarity: sometimes
        terms: [ok]
      - id: Bad_Id
        terms: "not a list"
`;
    expect(codes(bad)).toEqual([
      ['CODEBOOK_UNKNOWN_KEY', 7, 9],
      ['CODEBOOK_EMPTY_TERM', 8, 17],
      ['CODEBOOK_INVALID_REGEX', 8, 21],
      ['CODEBOOK_DUPLICATE_ID', 9, 13],
      ['CODEBOOK_INVALID_POLARITY', 10, 19],
      ['CODEBOOK_INVALID_ID', 12, 13],
      ['CODEBOOK_WRONG_TYPE', 13, 16],
    ]);
    expect(loadCodebook(bad, 'cb.yaml').codebook).toBeUndefined();
  });

  it('refuses a version that is not a single value', () => {
    expect(codes('codebook: a\nlanguage: nb\nversion: [1]\nthemes: []\n')).toEqual([['CODEBOOK_WRONG_TYPE', 3, 10]]);
    expect(codes('codebook: a\nlanguage: nb\nversion: { major: 1 }\nthemes: []\n')).toEqual([['CODEBOOK_WRONG_TYPE', 3, 10]]);
    expect(loadCodebook('codebook: a\nlanguage: nb\nversion: 3\nthemes: []\n', 'cb.yaml').codebook?.version).toBe(3);
  });

  it('keeps ids, labels and a version that YAML would read as numbers as they are written', () => {
    const text = 'codebook: a\nlanguage: nb\nversion: 1.10\nthemes:\n  - id: 010\n    label: T\n    codes:\n      - id: 2024\n        label: 1e3\n        terms: [2024, kurs]\n';
    const book = loadCodebook(text, 'cb.yaml').codebook!;
    expect(book.version).toBe('1.10');
    expect(book.themes[0]!.id).toBe('010');
    expect(book.codes.map((c) => [c.id, c.label.nb, c.terms.map((t) => t.raw)])).toEqual([['2024', '1e3', ['2024', 'kurs']]]);
    // A number that reads back as written stays a number.
    expect(loadCodebook(text.replace('1.10', '3'), 'cb.yaml').codebook!.version).toBe(3);
  });

  it('says what went wrong with YAML that reads otherwise than meant: *alarm among terms, [«…, …»], «a: b», a term true', () => {
    const cb = (codeLines: string) => `codebook: x\nlanguage: nb\nthemes:\n  - id: t\n    label: T\n    codes:\n      - id: a\n        label: A\n${codeLines}`;
    const alias = loadCodebook(cb('        terms:\n          - *alarm\n'), 'cb.yaml').diagnostics;
    expect(alias.map((d) => [d.code, d.hint])).toEqual([['CODEBOOK_YAML_ALIAS', 'A term that begins with * must be quoted, or YAML reads it as an alias: write "*alarm" (a compound tail).']]);
    const split = loadCodebook(cb('        terms: [kurs]\n        examples: [«Vi har ikke fått opplæring, sier hun.»]\n'), 'cb.yaml');
    expect(split.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['CODEBOOK_EXAMPLE_SPLIT', 10, 20]]);
    const colon = loadCodebook(cb('        terms: [kurs]\n        examples: [«Opplæringen var god: vi fikk kurs.»]\n'), 'cb.yaml').diagnostics;
    expect(colon.map((d) => [d.code, d.hint])).toEqual([['CODEBOOK_WRONG_TYPE', 'A ": " inside a text makes YAML read a key and a value: put each item of the examples of a in quotes ("…").']]);
    expect(codes(cb('        terms: [true, kurs]\n'))).toEqual([['CODEBOOK_WRONG_TYPE', 9, 17]]);
  });

  it('checks the codebook\'s own id as code ids are checked, and takes a regex flag g as the matching does', () => {
    expect(codes(valid.replace('codebook: test', 'codebook: Bad_Id'))).toEqual([['CODEBOOK_INVALID_ID', 1, 11]]);
    const flagged = loadCodebook(valid.replace('/sparekrav(?:et)?/i', '/sparekrav(?:et)?/gi'), 'cb.yaml');
    expect(flagged.diagnostics).toEqual([]);
    expect(codes(valid.replace('/sparekrav(?:et)?/i', '/sparekrav(?:et)?/gx'))).toEqual([['CODEBOOK_INVALID_REGEX', 15, 70]]);
    expect(loadCodebook(valid.replace('/sparekrav(?:et)?/i', '/sparekrav(?:et)?/gx'), 'cb.yaml').diagnostics[0]!.message).toContain('unsupported flags "x"');
  });

  it('refuses a label of blanks, which names nothing', () => {
    expect(codes(valid.replace('label: { nb: Økonomi }', 'label: { nb: "   " }'))).toEqual([['CODEBOOK_EMPTY_LABEL', 8, 22]]);
    expect(codes(valid.replace('label: { nb: Økonomi }', 'label: " "'))).toEqual([['CODEBOOK_EMPTY_LABEL', 8, 16]]);
  });

  it('reads language and polarity in any case, as a note\'s lang is read', () => {
    const book = loadCodebook(valid.replace('language: nb', 'language: NB').replace('polarity: lack', 'polarity: Lack'), 'cb.yaml');
    expect(book.diagnostics).toEqual([]);
    expect([book.codebook!.language, book.codebook!.codes[0]!.polarity]).toEqual(['nb', 'lack']);
  });

  it('refuses a lack cue of several words, which the cue rule could never match', () => {
    const text = valid.replace('themes:\n', 'cues:\n  lack: [savner, "for få"]\nthemes:\n');
    expect(codes(text)).toEqual([['CODEBOOK_CUE_NOT_A_WORD', 4, 18]]);
    expect(loadCodebook(text, 'cb.yaml').diagnostics[0]!.message).toBe('the lack cue "for få" has several words; a cue is one word');
  });

  it('reads a code\'s opposite, and refuses one that names no code or the code itself, at its line and column', () => {
    const withOpposite = (of: string) => `${valid}          - id: courses\n            polarity: presence\n            opposite: ${of}\n            terms: [kurs]\n`;
    expect(loadCodebook(withOpposite('lack-of-money'), 'o.yaml').codebook!.codes.find((c) => c.id === 'courses')!.opposite).toBe('lack-of-money');
    for (const [of, message, hint] of [['lack-of-mony', 'is no code', 'did you mean "lack-of-money"'], ['courses', 'its own opposite', 'such as'], ['inhibitors', 'is no code', '']] as const) {
      const { codebook, diagnostics } = loadCodebook(withOpposite(of), 'o.yaml');
      expect(codebook).toBeUndefined();
      expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['CODEBOOK_UNKNOWN_OPPOSITE', 18, 23]]);
      expect(diagnostics[0]!.message).toContain(message);
      expect(diagnostics[0]!.hint).toContain(hint);
    }
  });

  it('suggests the key that was meant', () => {
    const d = loadCodebook(valid.replace('definition:', 'defintion:'), 'cb.yaml').diagnostics[0]!;
    expect(d.code).toBe('CODEBOOK_UNKNOWN_KEY');
    expect(d.hint).toContain('"definition"');
  });

  it('reads on past a key given twice or a second document, reporting every other problem too', () => {
    const dup = 'codebook: x\nlanguage: nb\nthemes:\n  - id: t\n    label: T\n    codes:\n      - id: A_b\n        label: A\n        defintion: d\n        terms: [kurs]\n        terms: ["/(a+)+$/"]\n';
    expect(codes(dup).map(([c]) => c).sort()).toEqual(['CODEBOOK_INVALID_ID', 'CODEBOOK_UNKNOWN_KEY', 'CODEBOOK_UNSAFE_REGEX', 'CODEBOOK_YAML_SYNTAX_DUPLICATE_KEY']);
    expect(loadCodebook(dup, 'cb.yaml').codebook).toBeUndefined();
    const second = 'codebook: x\nlanguage: nb\nthemes:\n  - id: t\n    label: T\n    codes:\n      - id: a\n        label: A\n        terms:\n          - *alarm\n---\nfoo: 1\n';
    expect(codes(second).map(([c]) => c).sort()).toEqual(['CODEBOOK_YAML_ALIAS', 'CODEBOOK_YAML_SYNTAX']);
  });

  it('reports YAML syntax errors: tabs and duplicate keys', () => {
    expect(codes('codebook: a\nlanguage: nb\nthemes:\n\t- id: x\n')[0]![0]).toBe('CODEBOOK_YAML_SYNTAX');
    expect(codes('codebook: a\ncodebook: b\nlanguage: nb\nthemes: []\n')[0]).toEqual(['CODEBOOK_YAML_SYNTAX_DUPLICATE_KEY', 2, 1]);
    const twice = loadCodebook('codebook: a\nlanguage: nb\nthemes:\n  - id: t\n    label: { nb: A, "nb": B }\n', 'cb.yaml').diagnostics;
    expect(twice.filter((d) => d.code.endsWith('DUPLICATE_KEY')).map((d) => [d.message, d.line])).toEqual([['the key "nb" is given twice in one mapping', 5]]);
    const spaced = loadCodebook('codebook: a\nlanguage: nb\nintervju dato: 1\nintervju dato: 2\nthemes: []\n', 'cb.yaml').diagnostics;
    expect(spaced.map((d) => d.message)).toContainEqual('the key "intervju dato" is given twice in one mapping');
  });

  describe('a line indented differently from the keys above it', () => {
    const book = (polarity: string, after = '') => `codebook: t
language: nb
themes:
  - id: inhibitors
    label: { nb: Hemmere }
    codes:
      - id: tidsmangel
${after}${polarity}
        terms: [tid]
`;
    const diagnose = (text: string) => loadCodebook(text, 'cb.yaml').diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, message: d.message, hint: d.hint }));

    it('names the key indented too far right after "- id:", at its own line, with one error (the parser gave two at the line before)', () => {
      expect(diagnose(book('          polarity: lack'))).toEqual([{
        code: 'CODEBOOK_YAML_SYNTAX', line: 8, column: 11,
        message: 'line 8 is indented differently from the keys above it: "polarity" starts in column 11, "id" on line 7 in column 9',
        hint: 'The keys of code tidsmangel (line 7) must line up under its "id": remove 2 spaces before it, so that it starts in column 9.',
      }]);
    });

    it('names a key indented too far after a label, and one a space short («Sequence item without - indicator» and two more)', () => {
      const label = '        label: { nb: Mangel på tid }\n';
      expect(diagnose(book('          polarity: lack', label)).map((d) => [d.line, d.column, d.message])).toEqual([
        [9, 11, 'line 9 is indented differently from the keys above it: "polarity" starts in column 11, "label" on line 8 in column 9'],
      ]);
      expect(diagnose(book('       polarity: lack', label))).toEqual([{
        code: 'CODEBOOK_YAML_SYNTAX', line: 9, column: 8,
        message: 'line 9 is indented differently from the keys above it: "polarity" starts in column 8, "label" on line 8 in column 9',
        hint: 'The keys of code tidsmangel (line 7) must line up under its "id": add 1 space before it, so that it starts in column 9.',
      }]);
    });

    it('puts a key where it belongs when two places would read (terms under the code, not under its label)', () => {
      const label = '        label:\n          nb: Mangel på tid\n          en: Lack of time\n';
      const text = book('        polarity: lack', label).replace('        terms: [tid]', '         terms: [tid]');
      expect(diagnose(text).map((d) => [d.line, d.message, d.hint])).toEqual([[12,
        'line 12 is indented differently from the keys above it: "terms" starts in column 10, "polarity" on line 11 in column 9',
        'The keys of code tidsmangel (line 7) must line up under its "id": remove 1 space before it, so that it starts in column 9.']]);
    });

    it('reports each of two wrong lines once, and a list item out of line', () => {
      const text = `codebook: t
language: nb
themes:
  - id: inhibitors
     codes:
      - id: tidsmangel
        terms: [tid]
       - id: penger
        terms: [penger]
`;
      expect(diagnose(text).map((d) => [d.line, d.column, d.message])).toEqual([
        [5, 6, 'line 5 is indented differently from the keys above it: "codes" starts in column 6, "id" on line 4 in column 5'],
        [8, 8, 'line 8 is indented differently from the list items above it: its "-" is in column 8, the "-" on line 6 in column 7'],
      ]);
      expect(diagnose(text)[0]!.hint).toBe('The keys of theme inhibitors (line 4) must line up under its "id": remove 1 space before it, so that it starts in column 5.');
    });

    it('names a term pasted at the codes\' column, which the parser blames on a right line two below it', () => {
      // «- kurs» reads as a code of its own and runs on into the deeper line below it; the parser
      // then names line 11, and moving line 11 left (a term among the codes) took its error away too.
      const text = (comment: string) => `codebook: t
language: nb
themes:
  - id: inhibitors
    codes:
      - id: kompetanse
        terms:
          - opplæring
      - kurs
          - "*opplæring"${comment}
          - kompetanse
      - id: tid
        terms: [tid]
`;
      expect(diagnose(text('   # nettopplæring')).map((d) => [d.line, d.column, d.message, d.hint])).toEqual([[9, 7,
        'line 9 is indented differently from the list items above it: its "-" is in column 7, the "-" on line 8 in column 11',
        'The items of one list start in the same column: add 4 spaces before it (the "-" in column 11).']]);
      // Without the comment the three lines are one plain text, which YAML allows: a code that is no mapping, at line 9.
      expect(diagnose(text('')).map((d) => [d.code, d.line])).toEqual([['CODEBOOK_WRONG_TYPE', 9]]);
    });

    it('says a top-level key starts the line, and leaves a missing colon to the parser\'s one error', () => {
      expect(diagnose('codebook: t\n  language: nb\nthemes: []\n').map((d) => [d.line, d.column, d.hint])).toEqual([
        [2, 3, 'Top-level keys start at the beginning of the line: remove 2 spaces before it.'],
      ]);
      const colon = diagnose(book('        label Mangel på tid'));
      expect(colon.map((d) => [d.code, d.line, d.message])).toEqual([['CODEBOOK_YAML_SYNTAX', 8, 'Implicit keys need to be on a single line']]);
      expect(colon[0]!.hint).toMatch(/missing ": "/);
    });
  });

  it('places an unclosed quote where it opens, not where the text ends', () => {
    const open = 'codebook: a\nlanguage: nb\nthemes:\n  - id: t\n    codes:\n      - id: a\n        label: "Tid\n        terms: [tid]\n      - id: b\n        terms: [penger]\n';
    const d = loadCodebook(open, 'cb.yaml').diagnostics.filter((x) => x.code === 'CODEBOOK_YAML_SYNTAX');
    expect(d.map((x) => [x.line, x.column, x.message])).toEqual([[7, 16, 'has a quote here that is never closed (the value runs on to line 10)']]);
    expect(d[0]!.hint).toBe('Close the quote with " at the end of the value, or write a " inside it as \\".');
    const single = loadCodebook(open.replace('"Tid', "'Tid"), 'cb.yaml').diagnostics.find((x) => x.code === 'CODEBOOK_YAML_SYNTAX')!;
    expect([single.line, single.column, single.hint]).toEqual([7, 16, "Close the quote with ' at the end of the value, or write a ' inside it as ''."]);
  });

  it('places a [ or { that is never closed where it opens, with a hint to close it, not one about indentation', () => {
    const open = 'codebook: a\nlanguage: nb\nthemes:\n  - id: t\n    codes:\n      - id: a\n        examples: [«Vi har ikke tid.»\n        terms: [tid]\n';
    const d = loadCodebook(open, 'cb.yaml').diagnostics.filter((x) => x.code === 'CODEBOOK_YAML_SYNTAX');
    expect(d.map((x) => [x.line, x.column, x.message])).toEqual([[7, 19, 'has a [ here that is never closed with ]']]);
    expect(d[0]!.hint).toBe('Close the list with ] at the end of its last item, or write the items on lines of their own, each after "- ".');
    const map = loadCodebook(open.replace('examples: [«Vi har ikke tid.»', 'label: { nb: Tid'), 'cb.yaml').diagnostics.find((x) => x.code === 'CODEBOOK_YAML_SYNTAX')!;
    expect([map.line, map.column, map.message, map.hint]).toEqual([7, 16, 'has a { here that is never closed with }', 'Close the mapping with } at the end of its last value, or write its keys on lines of their own.']);
  });

  it('names a second YAML document and too deep nesting in words, not in the parser\'s', () => {
    const multi = loadCodebook('codebook: a\nlanguage: nb\nthemes: []\n---\ncodebook: b\n', 'cb.yaml').diagnostics;
    expect(multi.map((d) => [d.code, d.line, d.message])).toEqual([['CODEBOOK_YAML_SYNTAX', 4, 'holds more than one YAML document (a line --- or ... after the first part)']]);
    const deep = loadCodebook(`codebook: a\nlanguage: nb\nthemes: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, 'cb.yaml').diagnostics;
    expect(deep.map((d) => [d.code, d.message])).toContainEqual(['CODEBOOK_YAML_SYNTAX', 'is nested too deeply to be read']);
    expect(deep.map((d) => d.message).join(' ')).not.toMatch(/stack|parseAllDocuments/);
  });

  it('refuses aliases and merge keys, which hide a code\'s text elsewhere in the file', () => {
    const text = 'codebook: a\nlanguage: nb\nthemes:\n  - id: t\n    codes:\n      - &base\n        id: c1\n        terms: &terms [tid]\n      - <<: *base\n        id: c2\n        terms: *terms\n';
    expect(codes(text)).toEqual([['CODEBOOK_YAML_ALIAS', 9, 9], ['CODEBOOK_YAML_ALIAS', 9, 13], ['CODEBOOK_YAML_ALIAS', 11, 16]]);
  });

  it('requires codebook, language and themes', () => {
    expect(codes('title: x\n').map((c) => c[0])).toEqual(['CODEBOOK_MISSING_FIELD', 'CODEBOOK_MISSING_FIELD', 'CODEBOOK_MISSING_FIELD']);
    expect(codes('codebook: a\nlanguage: de\nthemes: []\n').map((c) => c[0])).toEqual(['CODEBOOK_INVALID_LANGUAGE']);
  });

  it('rejects regular expressions that can take exponential time', () => {
    expect(codes(valid.replace('/sparekrav(?:et)?/i', '/(a+)+b/'))[0]![0]).toBe('CODEBOOK_UNSAFE_REGEX');
  });

  it('warns (not fails) on a term in two codes and a code without terms', () => {
    const text = `codebook: t
language: nb
themes:
  - id: t
    codes:
      - id: a
        terms: [tid]
      - id: b
        terms: [tid]
      - id: c
`;
    const r = loadCodebook(text, 'cb.yaml');
    expect(r.codebook).toBeDefined();
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['warning', 'CODEBOOK_TERM_IN_TWO_CODES'], ['warning', 'CODEBOOK_CODE_WITHOUT_TERMS'],
    ]);
  });

  it('reports a code id given twice once, with both places, and no warning that would read as said of the first', () => {
    const text = (second: string) => `codebook: t
language: nb
themes:
  - id: t
    codes:
      - id: tidsmangel
        label: { nb: Mangel på tid }
        terms: [tid]
      - id: tidsmangel
        label: { nb: Tidsmangel igjen }
${second}`;
    for (const second of ['', '        terms: [tidspress]\n', '        terms: [tid]\n']) {
      expect(loadCodebook(text(second), 'cb.yaml').diagnostics.map((d) => [d.severity, d.code, d.line, d.column, d.message])).toEqual([
        ['error', 'CODEBOOK_DUPLICATE_ID', 9, 13, 'id "tidsmangel" is used twice (first at 6:13, again at 9:13)'],
      ]);
    }
    // A theme id given twice: the second, empty, is not «theme t has no codes» either.
    expect(codes('codebook: t\nlanguage: nb\nthemes:\n  - id: t\n    codes: [{ id: a, terms: [tid] }]\n  - id: t\n')).toEqual([['CODEBOOK_DUPLICATE_ID', 6, 9]]);
  });

  it('warns, at the term, about a regular expression with nothing plain to look for, which runs on every segment', () => {
    const text = `codebook: t
language: en
themes:
  - id: t
    codes:
      - id: a
        terms:
          - /\\bR&D\\b/
          - /tidsklemme|tidspress/i
          - /a.b|\\bcd/
          - "R&D"
`;
    const r = loadCodebook(text, 'cb.yaml');
    expect(r.codebook).toBeDefined();
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.line, d.column])).toEqual([
      ['warning', 'CODEBOOK_SLOW_REGEX', 8, 13], ['warning', 'CODEBOOK_SLOW_REGEX', 10, 13],
    ]);
    expect(r.diagnostics[0]!.message).toContain('tried on every segment');
  });

  it('does not warn when one term serves an inhibitor (lack) and a promoter (presence)', () => {
    const text = `codebook: t
language: nb
themes:
  - id: t
    codes:
      - { id: a, polarity: lack, terms: [tid] }
      - { id: b, polarity: presence, terms: [tid] }
`;
    expect(loadCodebook(text, 'cb.yaml').diagnostics).toEqual([]);
  });
});
