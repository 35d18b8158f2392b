import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../src/codebook/canonical.js';
import { loadCodebook } from '../src/codebook/load.js';
import { fixtures } from './helpers/codebook-repo.js';
import { expectGolden } from './helpers/golden.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const canonical = (text: string) => canonicalText(loadCodebook(text, 'x.yaml').codebook!);

describe('canonicalText', () => {
  it('does not change when only the YAML styling changes (quotes, flow lists, key order, comments, folding)', () => {
    const block = `codebook: t
language: nb
themes:
  - id: a
    label: { nb: A, en: A }
    codes:
      - id: x
        label: { nb: Mangel på tid, en: Lack of time }
        polarity: lack
        definition: >
          Informanten sier at det
          ikke er tid.
        terms:
          - tid
          - { term: tidspress, polarity: any }
`;
    const flow = `# a comment
language: nb
codebook: "t"
themes:
  - codes:
      - { terms: [tid, {polarity: any, term: tidspress}], id: x, definition: "Informanten sier at det ikke er tid.", polarity: lack, label: {en: Lack of time, nb: Mangel på tid} }
    id: a
    label: {en: A, nb: A}
`;
    expect(canonical(flow)).toBe(canonical(block));
    expect(canonical(block)).toContain('code x (a)\n  label.nb: Mangel på tid\n  label.en: Lack of time\n  polarity: lack\n  definition: Informanten sier at det ikke er tid.\n  term: tid\n  term: tidspress [polarity any]\n');
  });

  it('keeps the lines of a literal block and indents them under their key', () => {
    const text = canonical(`codebook: t\nlanguage: nb\nthemes:\n  - id: a\n    label: A\n    codes:\n      - id: x\n        label: X\n        terms: [x]\n        inclusion: |\n          Første linje.\n          Andre linje.\n`);
    expect(text).toContain('  inclusion: Første linje.\n    Andre linje.\n');
  });

  it('matches the golden text of the review fixture', () => {
    expectGolden('codebook/show-v2.txt', canonical(readFileSync(join(fixtures, 'v2.yaml'), 'utf8')));
  });
});

describe('themes codebook show', () => {
  it('prints the canonical text on stdout and nothing on stderr', async () => {
    const r = await runCli(['codebook', 'show', 'test/fixtures/codebook-review/v1.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expectGolden('codebook/show-v1.txt', r.stdout);
  });

  it('rejects a missing file, a file that is not a codebook and a broken codebook with exit 2', async () => {
    const missing = await runCli(['codebook', 'show', 'no/such.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('CODEBOOK_NOT_FOUND');
    const note = await runCli(['codebook', 'show', 'test/fixtures/codebook-review/notes/informant-a.md']);
    expect(note.code).toBe(2);
    expect(note.stderr).toContain('CODEBOOK_NOT_A_CODEBOOK');
    const folder = await runCli(['codebook', 'show', 'test/fixtures']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('CODEBOOK_IS_A_FOLDER');
    const broken = await runCli(['codebook', 'show', 'test/fixtures/codebook-review/broken.yaml']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.yaml:\d+:\d+: error CODEBOOK_/);
    expect(broken.stdout).toBe('');
  });
});

describe('canonicalText and blanks inside a value', () => {
  it('reads a run of blanks as one space, as codebook diff compares values', () => {
    const one = 'codebook: t\nlanguage: nb\nthemes:\n  - id: a\n    label: A\n    codes:\n      - id: x\n        label: X\n        definition: "Ikke  tid\tnok."\n        terms: [tid]\n';
    expect(canonical(one)).toBe(canonical(one.replace('Ikke  tid\tnok.', 'Ikke tid nok.')));
  });
});

describe('codebook commands read a codebook as themes code does', () => {
  const yaml = 'codebook: x\nlanguage: nb\nthemes:\n  - id: t\n    label: { nb: Tema, en: Theme }\n    codes:\n      - id: a\n        label: { nb: Dårlig økonomi, en: Poor finances }\n        definition: Økonomien er for svak.\n        terms: [økonomi]\n        examples: [Vi har dårlig økonomi.]\n';

  it.each([
    ['Windows-1252', Buffer.from(yaml, 'latin1')],
    ['UTF-16 with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yaml, 'utf16le')])],
  ])('%s: show, lint and test decode æøå', async (_name, bytes) => {
    const dir = tempDir('themes-codebook-encoding-');
    writeFileSync(join(dir, 'kodebok.yaml'), bytes);
    const show = await runCli(['codebook', 'show', 'kodebok.yaml'], { cwd: dir });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('label.nb: Dårlig økonomi');
    expect(show.stdout).not.toContain('\ufffd');
    expect((await runCli(['codebook', 'lint', '--strict', 'kodebok.yaml'], { cwd: dir })).code).toBe(0);
    const test = await runCli(['codebook', 'test', 'kodebok.yaml'], { cwd: dir });
    expect(test.code).toBe(0);
  });
});
