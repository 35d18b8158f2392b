import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../src/codebook/canonical.js';
import { diffCodebooks } from '../src/codebook/diff.js';
import { loadCodebook } from '../src/codebook/load.js';
import { findTerms } from '../src/coding/find.js';
import { Matcher } from '../src/coding/matcher.js';
import type { Codebook } from '../src/model.js';
import { foldCode, unfold } from '../src/refi/description.js';
import { root, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

// A term's `unless` list: the contexts in which it does not count, written as terms.

const head = 'codebook: t\nlanguage: nb\nthemes:\n  - id: t\n    codes:\n';

function load(codes: string) {
  return loadCodebook(head + codes, 't.yaml');
}

function book(codes: string): Codebook {
  const { codebook, diagnostics } = load(codes);
  if (!codebook) throw new Error(JSON.stringify(diagnostics));
  return codebook;
}

const ids = (b: Codebook, text: string) => new Matcher(b).match(text).map((c) => `${c.code}:${c.evidence.map((e) => e.text).join('|')}`);

describe('a term with an unless list', () => {
  const room = book(`      - id: room
        terms:
          - term: handlingsrom*
            unless:
              - økonomisk* handlingsrom*
              - { regex: 'finansiell\\p{L}* handlingsrom' }
`);

  it('does not count where a match of an unless term overlaps it, by stem, prefix and expression alike', () => {
    expect(ids(room, 'Vi har stort handlingsrom i hverdagen.')).toEqual(['room:handlingsrom']);
    expect(ids(room, 'Det økonomiske handlingsrommet er lite.')).toEqual([]);
    // The expression ends inside the word: overlapping is enough.
    expect(ids(room, 'Det finansielle handlingsrommet er lite.')).toEqual([]);
    // Only the match in the context goes; another in the same segment counts.
    expect(ids(room, 'Økonomisk handlingsrom har vi ikke, men handlingsrommet i faget er stort.')).toEqual(['room:handlingsrommet']);
  });

  it('takes context after the term too, and a promoter so excluded is not its opposite either', () => {
    const b = book(`      - id: lack-of-time
        polarity: lack
        terms: [{ term: tid, unless: [tid nok] }]
      - id: lack-of-support
        polarity: lack
        terms: [mangel på støtte]
      - id: support
        polarity: presence
        opposite: lack-of-support
        terms: [{ term: støtte fra ledelsen, unless: [støtte fra ledelsen på papiret] }]
`);
    expect(ids(b, 'Vi har ikke tid.')).toEqual(['lack-of-time:tid']);
    expect(ids(b, 'Vi har ikke tid nok.')).toEqual([]);
    expect(ids(b, 'Vi har støtte fra ledelsen.')).toEqual(['support:støtte fra ledelsen']);
    expect(ids(b, 'Ingen støtte fra ledelsen.')).toEqual(['lack-of-support:støtte fra ledelsen']);
    expect(ids(b, 'Ingen støtte fra ledelsen på papiret engang.')).toEqual([]);
  });

  it('is kept by themes count and kwic (findTerms), in exact mode too', () => {
    const term = room.codes[0]!.terms[0]!;
    const text = 'Økonomisk handlingsrom er lite, men handlingsrommet ellers er stort.';
    expect(findTerms(text, 'nb', [term]).map((o) => o.text)).toEqual(['handlingsrommet']);
    expect(findTerms(text, 'nb', [term], true).map((o) => o.text)).toEqual(['handlingsrommet']);
  });
});

describe('loading an unless list', () => {
  it('reports every problem at its line and column', () => {
    const { codebook, diagnostics } = load(`      - id: x
        terms:
          - { term: tid, unless: tid nok }
          - { term: penger, unless: ["", "/(/", { term: a, regex: b }, { term: pengene våre, polarity: lack }] }
          - { term: vane*, unless: [økonomisk] }
`);
    expect(codebook).toBeUndefined();
    expect(diagnostics.map((d) => [d.severity, d.code, d.line, d.column])).toEqual([
      ['error', 'CODEBOOK_WRONG_TYPE', 8, 34],
      ['error', 'CODEBOOK_EMPTY_TERM', 9, 38],
      ['error', 'CODEBOOK_INVALID_REGEX', 9, 42],
      ['error', 'CODEBOOK_WRONG_TYPE', 9, 49],
      ['error', 'CODEBOOK_UNKNOWN_KEY', 9, 94],
      ['warning', 'CODEBOOK_UNLESS_WITHOUT_TERM', 10, 37],
    ]);
    const cannot = diagnostics.find((d) => d.code === 'CODEBOOK_UNLESS_WITHOUT_TERM')!;
    expect(cannot.message).toBe('unless term "økonomisk" has no word that can be a word of the term "vane*", so it never overlaps a match of it and changes nothing');
    expect(cannot.hint).toContain('write "økonomisk vane*" rather than "økonomisk"');
  });
});

describe('an unless list in review and exchange', () => {
  const before = book('      - id: x\n        terms: [{ term: vane*, unless: [gode vane*] }, tid]\n');
  const after = book('      - id: x\n        terms: [{ term: vane*, unless: [gode vane*, sunne vane*] }, tid]\n');

  it('is shown with its term in the canonical text, and a change to it is a change of the term', () => {
    expect(canonicalText(after)).toContain('  term: vane* [unless gode vane*; sunne vane*]\n');
    const d = diffCodebooks(before, after);
    expect(d.codes.map((c) => [c.kind, c.changes?.terms.added, c.changes?.terms.removed])).toEqual([
      ['changed', ['vane* [unless gode vane*; sunne vane*]'], ['vane* [unless gode vane*]']],
    ]);
    expect(diffCodebooks(after, book('      - id: x\n        terms: [{ term: vane*, unless: [Sunne vane*, gode vane*] }, tid]\n')).equal).toBe(true);
  });

  it('is reported when codes are merged or split on the way (found by a QA review)', () => {
    const old = book('      - { id: silo, terms: [silotenkning, silo*] }\n      - { id: resistance, terms: [motstand, skepsis] }\n');
    const merged = book('      - id: culture\n        terms:\n          - silotenkning\n          - silo*\n          - motstand\n          - { term: skepsis, unless: [sunn skepsis] }\n');
    const d = diffCodebooks(old, merged);
    expect(d.codes.map((c) => [c.kind, c.changes?.terms.added, c.changes?.terms.removed])).toEqual([
      ['merged', ['skepsis [unless sunn skepsis]'], ['skepsis']],
    ]);
    expect(diffCodebooks(merged, old).codes.map((c) => [c.kind, c.changes?.terms.added, c.changes?.terms.removed])).toEqual([
      ['split', ['skepsis'], ['skepsis [unless sunn skepsis]']],
    ]);
  });

  it('tells regular expressions apart by case and blanks, and words and phrases not (found by a QA review)', () => {
    const one = (terms: string) => book(`      - { id: x, terms: [${terms}] }\n`);
    // \b and \B, two blanks and one, in an expression or an unless entry, match different text.
    expect(diffCodebooks(one('"/\\\\bsamarbeid/"'), one('"/\\\\Bsamarbeid/"')).equal).toBe(false);
    expect(diffCodebooks(one('"/tid  nok/"'), one('"/tid nok/"')).equal).toBe(false);
    expect(diffCodebooks(one('{ term: tid, unless: ["/tid  nok/"] }'), one('{ term: tid, unless: ["/tid nok/"] }')).equal).toBe(false);
    expect(canonicalText(one('"/tid  nok/"'))).toContain('  term: /tid  nok/\n');
    // A phrase is matched word by word, whatever the blanks and case.
    expect(diffCodebooks(one('"Tverrfaglig  samarbeid"'), one('"tverrfaglig samarbeid"')).equal).toBe(true);
    expect(canonicalText(one('"tverrfaglig  samarbeid"'))).toContain('  term: tverrfaglig samarbeid\n');
  });

  it('goes into a REFI-QDA code description and comes back', async () => {
    const folded = foldCode(after.codes[0]!);
    expect(folded).toContain('- vane* (unless: ["gode vane*","sunne vane*"])');
    expect(unfold(folded).terms).toEqual([{ term: 'vane*', unless: ['gode vane*', 'sunne vane*'] }, 'tid']);
    // Exported and imported by the commands, it is the same codebook.
    const dir = tempDir('themes-unless-');
    writeFileSync(join(dir, 'u.yaml'), `${head.replace('- id: t\n', '- id: t\n    label: T\n')}      - id: x\n        label: X\n        terms:\n          - { term: tid, polarity: lack, unless: [tid nok, "/god tid/i"] }\n          - vane*\n`);
    expect((await runCli(['export', 'qdc', 'u.yaml', '-o', 'u.qdc'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['import', 'qdc', 'u.qdc', '-o', 'back.yaml'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'back.yaml'), 'utf8')).toContain('          - term: tid\n            polarity: lack\n            unless:\n              - tid nok\n              - /god tid/i\n');
    const diff = await runCli(['codebook', 'diff', 'u.yaml', 'back.yaml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(diff.stdout).equal).toBe(true);
  });
});

describe('the README on unless', () => {
  it('has a codebook example that loads, whose unless list does what the text says', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const at = readme.indexOf('```yaml', readme.indexOf('## Codebook format'));
    const { codebook, diagnostics } = loadCodebook(readme.slice(at + 8, readme.indexOf('```', at + 8)), 'README.md');
    expect(diagnostics).toEqual([]);
    const term = codebook!.codes.flatMap((c) => c.terms).find((t) => t.raw === 'handlingsrom*')!;
    expect(term.unless!.map((u) => u.raw)).toEqual(['økonomisk* handlingsrom*', '/\\bbudsjettets handlingsrom/i']);
    const found = (text: string) => findTerms(text, 'nb', [term]).map((o) => o.text);
    expect(found('Vi har stort handlingsrom.')).toEqual(['handlingsrom']);
    expect(found('Det økonomiske handlingsrommet er lite.')).toEqual([]);
    expect(found('Budsjettets handlingsrom er lite.')).toEqual([]);
    expect(found('Økonomisk handlingsrom har vi ikke, men handlingsrommet i faget er stort.')).toEqual(['handlingsrommet']);
  });
});

describe('the README\'s codebook example, copied as it is', () => {
  it('lints without a warning, passes its own test, and codes what its codes say (a user walkthrough of 7 December)', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const at = readme.indexOf('```yaml', readme.indexOf('## Codebook format'));
    const dir = tempDir('themes-readme-codebook-');
    writeFileSync(join(dir, 'example.yaml'), readme.slice(at + 8, readme.indexOf('```', at + 8)));
    expect((await runCli(['codebook', 'lint', '--strict', 'example.yaml'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['codebook', 'test', 'example.yaml'], { cwd: dir })).code).toBe(0);
    const m = new Matcher(loadCodebook(readFileSync(join(dir, 'example.yaml'), 'utf8'), 'example.yaml').codebook!);
    // Before, its lack of time held the examples of other kinds of term (samskap*, *innovasjon).
    expect(m.match('Politikerne er lite interessert i innovasjon.').map((c) => c.code)).toEqual([]);
    expect(m.match('Samskapingsprosjektet med frivilligsentralen har gitt oss mye.').map((c) => c.code)).toEqual(['co-creation-general']);
    expect(m.match('Vi har ikke tid til å tenke nytt.').map((c) => c.code)).toEqual(['lack-of-time']);
  });
});

describe('themes codebook test and unless', () => {
  it('says a failing example\'s term was set aside by its unless list, and which (found by a QA review)', async () => {
    const dir = tempDir('themes-unless-');
    writeFileSync(join(dir, 'cb.yaml'), `${head}      - id: rom\n        examples: ["Det økonomiske handlingsrommet er stort."]\n        terms:\n          - { term: handlingsrom*, unless: [økonomisk* handlingsrom*] }\n`);
    const r = await runCli(['codebook', 'test', 'cb.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  set aside by unless: term handlingsrom* as "handlingsrommet" (unless økonomisk* handlingsrom*)\n');
    expect(r.stdout).not.toContain('no term of rom matches');
    const json = JSON.parse((await runCli(['codebook', 'test', 'cb.yaml', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.codebooks[0].cases[0].unlessed).toEqual([{ term: 'handlingsrom*', start: 15, end: 30, text: 'handlingsrommet', unless: ['økonomisk* handlingsrom*'] }]);
  });
});
