import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/corpus/document.js';
import { parseFrontMatter, simpleAttributes, yamlAttributes } from '../src/corpus/frontmatter.js';
import { DEFAULT_SPEAKERS } from '../src/corpus/segment.js';

// parseFrontMatter reads simple `key: value` lines itself and leaves everything else to the yaml
// package. These tests pin the shortcut to what the yaml package gives, so a shortcut that
// reads one value differently (or takes a front matter it should leave alone) fails here.

/** The front matter's YAML as parseFrontMatter gets it: the lines between the `---` lines. */
const yamlOf = (lines: string[]): string => lines.map((l) => `${l}\n`).join('');

/** parseFrontMatter's result and the yaml package's, for the same front matter lines. */
function bothWays(lines: string[]) {
  const note = `---\n${yamlOf(lines)}---\nBody.\n`;
  const fm = parseFrontMatter(note, 'n.md');
  // parseFrontMatter reads a no-break space as a space, as a word processor means it.
  const spaced = yamlOf(lines).replace(/\u00a0/g, ' ');
  return { fm, yaml: yamlAttributes(spaced, 'n.md'), simple: simpleAttributes(spaced) };
}

describe('front matter shortcut', () => {
  it('reads the common key: value lines itself, as the yaml core schema does', () => {
    const lines = ['id: informant-07', 'role: tillitsvalgt', 'site: bydel-3', 'structure: 3', 'date: 2026-03-14', 'name: Åse Ærlig', 'n: 0', 'k:   spaced'];
    const { fm, yaml, simple } = bothWays(lines);
    expect(simple).toEqual({ id: 'informant-07', role: 'tillitsvalgt', site: 'bydel-3', structure: 3, date: '2026-03-14', name: 'Åse Ærlig', n: 0, k: 'spaced' });
    expect(bothWays(['id: 12']).simple).toEqual({ id: '12' });
    expect(fm.attributes).toEqual(yaml.attributes);
    expect(fm.attributes).toEqual(simple);
    expect(Object.keys(fm.attributes)).toEqual(Object.keys(yaml.attributes));
    expect(fm.diagnostics).toEqual([]);
  });

  it('keeps dates as text and plain integers as numbers', () => {
    expect(parseFrontMatter('---\ndate: 2026-03-14\nstructure: 12\n---\n', 'n.md').attributes).toEqual({ date: '2026-03-14', structure: 12 });
    expect(typeof parseFrontMatter('---\nstructure: 12\n---\n', 'n.md').attributes.structure).toBe('number');
  });

  it('keeps an id as written, also when it looks like a number', () => {
    for (const id of ['12', '01', '007', '1.50', '0x1F', '1e3']) {
      expect(parseFrontMatter(`---\nid: ${id}\nrole: leder\n---\n`, 'n.md').attributes, id).toEqual({ id, role: 'leder' });
      expect(yamlAttributes(`id: ${id}\n`, 'n.md').attributes, id).toEqual({ id });
    }
    expect(parseFrontMatter('---\nid: "01"\n---\n', 'n.md').attributes).toEqual({ id: '01' });
  });

  // Each of these is either not simple, or simple only in a way the yaml package must confirm.
  const leftToYaml = [
    'n: 007', 'n: 1e3', 'n: 0x1F', 'n: 0o17', 'n: 1.5', 'n: -5', 'n: +5', 'n: .inf', 'n: .nan', 'n: 1234567890123456',
    'a: null', 'a: Null', 'a: ~', 'a: true', 'a: False', 'a: TRUE', 'a:', 'a: ',
    'a: b: c', 'a: b #comment', 'a: "quoted"', "a: 'single'", 'a: [1, 2]', 'a: {b: 1}', 'a: - x', 'a: &x y', 'a: *x', 'a: !tag x', 'a: |', 'a: >',
    'a:\tb', 'a: b\t', 'a: b ', 'a:  b  c', 'a:b', 'true: x', 'null: x', 'a b: c', '"a": b', '# comment', '', '  a: b', '- a', 'a: 😀',
  ];
  for (const line of leftToYaml) {
    it(`leaves ${JSON.stringify(line)} to the yaml package`, () => {
      const { fm, yaml, simple } = bothWays(['id: x', line]);
      expect(simple).toBeUndefined();
      expect(fm.attributes).toEqual(yaml.attributes);
      expect(fm.diagnostics).toEqual(yaml.diagnostics);
    });
  }

  it('gives the yaml package\'s values for leading zeros, exponents and special words', () => {
    expect(parseFrontMatter('---\nn: 007\ne: 1e3\nh: 0x1F\nz: null\nt: true\n---\n', 'n.md').attributes).toEqual({ n: 7, e: 1000, h: 31, t: true });
  });

  it('reports a repeated key with its line and column, as before', () => {
    const fm = parseFrontMatter('---\nid: a\nrole: leder\nid: b\n---\nText\n', 'dup.md');
    expect(fm.attributes).toEqual({});
    expect(fm.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'NOTE_FRONTMATTER_SYNTAX_DUPLICATE_KEY', file: 'dup.md', line: 4, column: 1 })]);
  });

  it('reports a tab with its place, as before', () => {
    const fm = parseFrontMatter('---\nid: a\n\trole: leder\n---\nText\n', 'tab.md');
    expect(fm.diagnostics[0]).toMatchObject({ severity: 'error', file: 'tab.md', line: 3 });
    expect(fm.diagnostics).toEqual(yamlAttributes('id: a\n\trole: leder\n', 'tab.md').diagnostics);
  });

  it('reads an empty front matter as no attributes', () => {
    expect(parseFrontMatter('---\n---\nText\n', 'e.md')).toEqual({ attributes: {}, bodyStart: 8, diagnostics: [] });
  });

  it('agrees with the yaml package on generated front matter', () => {
    // An alphabet close to the edges of the shortcut: digits and the characters of numbers, the
    // punctuation it accepts and some it must refuse, letters of the null/true/false words.
    const near = fc.constantFrom(...'0123456789001-.eExXoOaAfFbB+_ /,()\'nultrsæøÅ:#"\t'.split(''), '😀', '\u00a0');
    const value = fc.oneof(
      fc.string({ unit: near, minLength: 1, maxLength: 8 }),
      fc.constantFrom('null', 'True', '~', '2026-03-14', '12', '007', 'bydel-3', '.inf', '-1', 'a: b'),
    );
    const key = fc.oneof(fc.constantFrom('id', 'role', 'n', 'a-b', 'k_1', 'X', 'null', 'true'), fc.string({ unit: near, minLength: 1, maxLength: 4 }));
    const line = fc.tuple(key, fc.constantFrom(': ', ': ', ':  ', ':', ' : '), value).map(([k, s, v]) => `${k}${s}${v}`);
    fc.assert(fc.property(fc.array(line, { minLength: 0, maxLength: 4 }), (lines) => {
      const { fm, yaml, simple } = bothWays(lines);
      expect(fm.attributes).toEqual(yaml.attributes);
      expect(Object.keys(fm.attributes)).toEqual(Object.keys(yaml.attributes));
      expect(fm.diagnostics).toEqual(yaml.diagnostics);
      if (simple !== undefined) expect(simple).toEqual(yaml.attributes);
    }), { numRuns: 3000 });
  });
});

describe('the note\'s id and language from its front matter', () => {
  const options = { unit: 'paragraph' as const, speakers: DEFAULT_SPEAKERS, includeInterviewer: false };
  const parse = (text: string) => parseNote('notes/informant-09.md', Buffer.from(text), options);

  it('keeps a numeric-looking id as written, so 01 and 1 are two informants', () => {
    expect(parse('---\nid: 01\n---\nVi har ikke tid.\n').document?.id).toBe('01');
    expect(parse('---\nid: 1\n---\nVi har ikke tid.\n').document?.id).toBe('1');
  });

  it('takes «id:» with nothing after it for a blank id', () => {
    const note = parse('---\nid:\nrole: leder\n---\nVi har ikke tid.\n');
    expect(note.document?.id).toBe('informant-09');
    expect(note.diagnostics).toEqual([expect.objectContaining({ code: 'NOTE_FRONTMATTER_VALUE', line: 2 })]);
  });

  it('uses the file name for a blank id, with a warning at its line', () => {
    const note = parse('---\nrole: leder\nid: "  "\n---\nVi har ikke tid.\n');
    expect(note.document?.id).toBe('informant-09');
    expect(note.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'NOTE_FRONTMATTER_VALUE', line: 3, column: 1 })]);
  });

  it('reads lang in any case, and points at the lang line when it is unknown', () => {
    expect(parse('---\nlang: NN\n---\nEg har ikkje tid.\n').document?.lang).toBe('nn');
    expect(parse('---\nlang: En \n---\nWe lack time.\n').diagnostics).toEqual([]);
    // With a region, as Pandoc and word processors write it (it was NOTE_UNKNOWN_LANG and a guess).
    for (const tag of ['en-GB', 'en_US', 'EN-gb']) expect(parse(`---\nlang: ${tag}\n---\nTime. Money.\n`).diagnostics, tag).toEqual([]);
    expect(parse('---\nlang: en-GB\n---\nTime. Money.\n').document?.lang).toBe('en');
    expect(parse('---\nlang: nn-NO\n---\nTid.\n').document?.lang).toBe('nn');
    expect(parse('---\nlang: en-GBR\n---\nWe lack time.\n').diagnostics).toEqual([expect.objectContaining({ code: 'NOTE_UNKNOWN_LANG' })]);
    const unknown = parse('---\nid: x\nlang: se\n---\nVi har ikke tid.\n');
    expect(unknown.diagnostics).toEqual([expect.objectContaining({ code: 'NOTE_UNKNOWN_LANG', line: 3, column: 1 })]);
  });
});

describe('a list in the front matter that is never closed', () => {
  it('is an error at its [ in the note, with a hint to close it', () => {
    const fm = parseFrontMatter('---\nid: a\ntags: [tid, penger\nrole: leder\n---\nR: Tekst.\n', 'n.md');
    expect(fm.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([['NOTE_FRONTMATTER_SYNTAX', 3, 7, 'has a [ here that is never closed with ]']]);
  });
});

describe('front matter that was never closed where it should be', () => {
  const options = { unit: 'paragraph' as const, speakers: DEFAULT_SPEAKERS, includeInterviewer: false };
  const parse = (text: string) => parseNote('notes/n.md', Buffer.from(text), options);

  it('warns when it swallows a speaker line or runs past a blank line to a rule', () => {
    const note = parse('---\nid: x\nrole: leder\nR: Vi har ikke tid.\n\n---\n\nR: Mangel på midler.\n');
    expect(note.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'NOTE_FRONTMATTER_SWALLOWS_TEXT', line: 1 })]);
    expect(note.diagnostics[0]!.message).toContain('runs to line 6 and holds the speaker line "R: Vi har ikke tid."');
    expect(parse('---\nid: a\nInformant 3: Vi har ikke tid.\n---\n\nTekst.\n').diagnostics[0]!.message).toContain('holds the speaker line "Informant 3: Vi har ikke tid."');
    expect(parse('---\nid: a\nR1: Vi har ikke tid.\n---\n\nDet er tekst.\n').diagnostics.map((d) => d.code)).toEqual(['NOTE_FRONTMATTER_SWALLOWS_TEXT']);
    const blank = parse('---\nid: x\nrole: leder\n\nsted: bydel-2\n\n---\nVi har ikke tid.\n');
    expect(blank.diagnostics.map((d) => d.code)).toEqual(['NOTE_FRONTMATTER_SWALLOWS_TEXT']);
  });

  it('says nothing of ordinary front matter, a blank line inside it, or none', () => {
    expect(parse('---\nid: x\nrole: leder\n---\n\nR: Vi har ikke tid.\n').diagnostics).toEqual([]);
    // «informant» is a speaker label and an attribute (notes of one informant): a value, no speech.
    expect(parse('---\nid: x\ninformant: kari\n---\n\nR: Vi har ikke tid.\n').diagnostics).toEqual([]);
    expect(parse('---\nid: x\n\nrole: leder\n---\nR: Vi har ikke tid.\n').diagnostics).toEqual([]);
    expect(parse('R: Vi har ikke tid.\n\n---\n\nMer.\n').diagnostics).toEqual([]);
  });
});

describe('front matter indented wrongly', () => {
  it('names the line as the note counts it (front matter starts on line 2)', () => {
    const d = yamlAttributes('informant: A\ndate: 2026-01-01\n  lang: nb\n', 'n.md').diagnostics;
    expect(d.map((x) => [x.code, x.line, x.column, x.message, x.hint])).toEqual([[
      'NOTE_FRONTMATTER_SYNTAX', 4, 3,
      'line 4 is indented differently from the keys above it: "lang" starts in column 3, "date" on line 3 in column 1',
      'Top-level keys start at the beginning of the line: remove 2 spaces before it.',
    ]]);
  });
});
