import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintCodebook } from '../src/codebook/lint.js';
import { loadCodebook } from '../src/codebook/load.js';
import { casePlaces } from '../src/codebook/places.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const dir = 'test/fixtures/codebook-review';

describe('lintCodebook', () => {
  /** Lint a codebook of one theme `a` with these codes (from line 6 on). */
  const lint = (codes: string) => {
    const text = `codebook: t\nlanguage: nb\nthemes:\n  - id: a\n    codes:\n${codes}`;
    const { codebook } = loadCodebook(text, 'cb.yaml');
    return lintCodebook(codebook!, casePlaces(text, 'cb.yaml'));
  };

  it('warns about missing labels and definitions, untestable codes, repeated terms and examples that are also counterexamples', () => {
    const found = lint(`      - id: x
        label: X
        examples: [«Ikke tid.»]
        counterexamples: [«Ikke  tid.»]
        terms: [tid, Tid]
      - id: y
        label: Y
        definition: Noe.
        terms: [penger]
`).map((d) => [d.code, d.line, d.column]);
    expect(found).toEqual([
      ['CODEBOOK_NO_LABEL', 4, 5],
      ['CODEBOOK_NO_DEFINITION', 6, 9],
      ['CODEBOOK_DUPLICATE_TERM', 10, 22],
      ['CODEBOOK_EXAMPLE_IS_COUNTEREXAMPLE', 8, 20],
      ['CODEBOOK_NO_EXAMPLES', 11, 9],
    ]);
  });

  it('warns about two terms of a code that match the same words through their stems', () => {
    const found = lint(`      - id: x
        label: X
        definition: Noe.
        examples: [«Vi deler data.»]
        terms: ["dele data", "deler data", "data*", "datadeling", "ressurs", "ressurser", "skjermet tid", "skjerma tid"]
`).filter((d) => d.code === 'CODEBOOK_SAME_WORDS').map((d) => [d.line, d.column, d.message]);
    expect(found).toEqual([
      [10, 30, 'term "deler data" matches the same words as "dele data" in x (at 10:17): both are «del dat»'],
      [10, 107, 'term "skjerma tid" matches the same words as "skjermet tid" in x (at 10:91): both are «skjerm tid»'],
    ]);
  });

  it('warns about a term whose every match another term of the code finds too (a word start inside a part, and the like)', () => {
    const found = lint(`      - id: x
        label: X
        definition: Noe.
        examples: [«Det er mye byråkrati.»]
        terms: ["byråkrati*", "*byråkrati*", "chatbot*", "*chat*", "regel*", "regelverk*", "*skjemaveldet", "*skjema*", "tid", "tid*", "ikke tid*", "ikke ti*"]
`).filter((d) => d.code === 'CODEBOOK_SAME_WORDS').map((d) => [d.line, d.column, d.message]);
    expect(found).toEqual([
      [10, 17, 'term "byråkrati*" finds only words that "*byråkrati*" finds too, in x (at 10:31)'],
      [10, 46, 'term "chatbot*" finds only words that "*chat*" finds too, in x (at 10:58)'],
      [10, 78, 'term "regelverk*" finds only words that "regel*" finds too, in x (at 10:68)'],
      [10, 92, 'term "*skjemaveldet" finds only words that "*skjema*" finds too, in x (at 10:109)'],
      [10, 136, 'term "ikke tid*" finds only words that "ikke ti*" finds too, in x (at 10:149)'],
    ]);
    // Not judged: a word by its stem (which forms it takes is the stemmer's), a wide term with an
    // unless list (it leaves out matches the narrow one keeps), terms of different polarity.
    expect(lint(`      - id: x
        label: X
        definition: Noe.
        examples: [«Det er mye byråkrati.»]
        terms: [{ term: "*byråkrati*", unless: ["ikke *byråkrati*"] }, "byråkrati*", { term: "*regel*", polarity: lack }, "regelverk*"]
`).filter((d) => d.code === 'CODEBOOK_SAME_WORDS')).toEqual([]);
  });

  it('finds nothing to say about the review fixtures', () => {
    for (const f of ['v1.yaml', 'v2.yaml']) {
      const { codebook } = loadCodebook(readFileSync(`${dir}/${f}`, 'utf8'), f);
      expect(lintCodebook(codebook!)).toEqual([]);
    }
  });
});

describe('themes codebook lint', () => {
  it('prints every error with file:line:column, code and hint on stdout and exits 1', async () => {
    const r = await runCli(['codebook', 'lint', `${dir}/broken.yaml`]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => !l.startsWith('  hint: ') && l !== '');
    expect(lines.map((l) => /^(\S+:\d+:\d+): error (\S+)/.exec(l)?.slice(1).join(' '))).toEqual([
      `${dir}/broken.yaml:8:13 CODEBOOK_INVALID_ID`,
      `${dir}/broken.yaml:10:19 CODEBOOK_INVALID_POLARITY`,
      `${dir}/broken.yaml:15:9 CODEBOOK_UNKNOWN_KEY`,
    ]);
    expect(r.stdout).toContain('  hint: Did you mean "definition"?');
    expect(r.stderr).toBe('1 codebook: 3 errors, 0 warnings\n');
  });

  it('exits 0 with warnings, 1 with --strict; 0 for a clean codebook', async () => {
    const loose = await runCli(['codebook', 'lint', `${dir}/warnings.yaml`]);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toContain(`${dir}/warnings.yaml:12:22: warning CODEBOOK_DUPLICATE_TERM`);
    expect((await runCli(['codebook', 'lint', '--strict', `${dir}/warnings.yaml`])).code).toBe(1);
    const clean = await runCli(['codebook', 'lint', '--strict', `${dir}/v1.yaml`, `${dir}/v2.yaml`]);
    expect([clean.code, clean.stdout, clean.stderr]).toEqual([0, '', '2 codebooks: 0 errors, 0 warnings\n']);
  });

  it('checks that translations linted together have the same codes', async () => {
    const r = await runCli(['codebook', 'lint', `${dir}/v1.yaml`, `${dir}/english.yaml`]);
    expect(r.code).toBe(0);
    const found = r.stdout.split('\n').filter((l) => l.includes('CODEBOOK_SET_MISMATCH')).map((l) => l.replace(/ warning CODEBOOK_SET_MISMATCH code (\S+) is not in .*/, ' $1'));
    expect(found).toEqual([
      `${dir}/v1.yaml:23:9: lack-of-money`,
      `${dir}/v1.yaml:30:9: silo`,
      `${dir}/v1.yaml:36:9: resistance`,
      `${dir}/v1.yaml:45:9: set-aside-time`,
      `${dir}/v1.yaml:56:9: leader-support`,
      `${dir}/v1.yaml:66:9: citizens`,
      `${dir}/english.yaml:14:9: lack-of-staff`,
    ]);
    expect((await runCli(['codebook', 'lint', `${dir}/v1.yaml`, `${dir}/v2.yaml`])).stdout).toBe('');
  });

  it('finds nothing in the shipped default codebooks, even with --strict (they are translations with the same ids)', async () => {
    const r = await runCli(['codebook', 'lint', '--strict', 'codebooks/innovasjon.yaml', 'codebooks/innovation-en.yaml']);
    expect([r.code, r.stdout]).toEqual([0, '']);
  });

  it('gives JSON with every diagnostic', async () => {
    const r = await runCli(['codebook', 'lint', '--format', 'json', `${dir}/warnings.yaml`]);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ version: 1, errors: 0, warnings: 4 });
    expect(j.files[0].diagnostics[0]).toMatchObject({ severity: 'warning', code: 'CODEBOOK_NO_LABEL', file: `${dir}/warnings.yaml`, line: 5, column: 5 });
  });

  it('exits 2 for a file that is missing or not a codebook', async () => {
    const missing = await runCli(['codebook', 'lint', `${dir}/nope.yaml`]);
    expect([missing.code, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toContain('CODEBOOK_NOT_FOUND');
    const note = await runCli(['codebook', 'lint', `${dir}/notes/informant-b.md`]);
    expect(note.code).toBe(2);
    expect(note.stderr).toContain(`${dir}/notes/informant-b.md: error CODEBOOK_NOT_A_CODEBOOK`);
  });

  it('reads a codebook whose keys are quoted, and one written as JSON', async () => {
    const tmp = tempDir('themes-lint-quoted-');
    const yaml = readFileSync(`${dir}/v1.yaml`, 'utf8');
    writeFileSync(join(tmp, 'quoted.yaml'), yaml.replace(/^codebook:/m, '"codebook":').replace(/^themes:/m, "'themes':"));
    writeFileSync(join(tmp, 'book.json'), `${JSON.stringify(parse(yaml), null, 2)}\n`);
    // JSON.stringify writes one line, the keys in any order.
    const { codebook: id, ...rest } = parse(yaml) as Record<string, unknown>;
    writeFileSync(join(tmp, 'line.json'), `${JSON.stringify({ ...rest, codebook: id })}\n`);
    for (const file of ['quoted.yaml', 'book.json', 'line.json']) {
      const r = await runCli(['codebook', 'lint', join(tmp, file)]);
      expect(r.stderr, file).not.toContain('CODEBOOK_NOT_A_CODEBOOK');
      expect(r.code, file).toBe(0);
      const shown = await runCli(['codebook', 'show', join(tmp, file)]);
      expect(shown.stdout, file).toBe((await runCli(['codebook', 'show', `${dir}/v1.yaml`])).stdout);
    }
  });
});
