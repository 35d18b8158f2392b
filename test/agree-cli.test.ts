import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, runCli } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';
import { tempDir } from './helpers/temp.js';

const notes = 'test/fixtures/refi/notes';
const cb = 'test/fixtures/refi/codebook.yaml';
let auto: string;

const golden = (name: string, actual: string) => expectGolden(`agree/${name}`, actual);

beforeAll(async () => {
  auto = join(tempDir('themes-agree-'), 'auto');
  const r = await runCli(['code', notes, '-c', cb, '--out', auto]);
  expect(r.code).toBe(0);
});

describe('themes agree', () => {
  it.each([
    ['codes that are no list', (r: Record<string, unknown>) => ({ ...r, codes: true }), 'its codes are not a list'],
    ['a code that is null', (r: Record<string, unknown>) => ({ ...r, codes: [null] }), 'a code is not an object with a code id (null)'],
    ['a code without its id', (r: Record<string, unknown>) => ({ ...r, codes: [{}] }), 'a code is not an object with a code id ({})'],
    ['a text that is null', (r: Record<string, unknown>) => ({ ...r, text: null }), 'its text is not a string'],
    ['a text that is a number', (r: Record<string, unknown>) => ({ ...r, text: 0 }), 'its text is not a string'],
    ['a record that is null', () => null, 'not a JSON object'],
  ])('names the line of a damaged segments.jsonl record (%s), with no internal error', async (_, damage, problem) => {
    const dir = tempDir('themes-agree-damaged-');
    const lines = readFileSync(join(auto, 'segments.jsonl'), 'utf8').trim().split('\n');
    lines[2] = JSON.stringify(damage(JSON.parse(lines[2]!) as Record<string, unknown>));
    writeFileSync(join(dir, 'segments.jsonl'), `${lines.join('\n')}\n`);
    const r = await runCli(['agree', `auto=${join(dir, 'segments.jsonl')}`, `marks=${notes}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.stderr).toContain(`segments.jsonl:3:1: error AGREE_JSONL_SYNTAX line 3 is not a segment record (${problem})`);
  });

  it('compares an automatic run, inline marks and a CSV coder (golden report)', async () => {
    const r = await runCli(['agree', `auto=${auto}`, `marks=${notes}`, 'anna=test/fixtures/refi/anna.csv', '--format', 'md']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    golden('three-coders.md', r.stdout);
    const terminal = await runCli(['agree', `auto=${auto}`, `marks=${notes}`, 'anna=test/fixtures/refi/anna.csv', '--max-disagreements', '1']);
    golden('three-coders.txt', terminal.stdout);
    expect(terminal.stdout).toContain('… 1 more');
  });

  it('gives kappa for two coders, precision/recall of auto against human, and JSON with a version', async () => {
    const r = await runCli(['agree', `${auto}/segments.jsonl`, notes, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      version: number; coders: Array<{ name: string; kind: string }>; units: number;
      codes: Array<{ code: string; kappa: number | null; percent: number }>;
      disagreements: Array<{ file: string; line: number; codes: Record<string, string[] | null> }>;
      prf: Array<{ reference: string; coder: string; overall: { tp: number; fp: number; fn: number } }>;
    };
    expect(json.version).toBe(1);
    expect(json.coders).toEqual([{ name: 'auto', kind: 'auto' }, { name: 'notes', kind: 'human' }]);
    expect(json.units).toBe(8);
    expect(json.codes.find((c) => c.code === 'lack-of-time')!.kappa).toBe(1);
    expect(json.disagreements.map((d) => `${d.file}:${d.line}`)).toEqual([
      'test/fixtures/refi/notes/informant-01.md:18', 'test/fixtures/refi/notes/informant-02.md:12',
    ]);
    expect(json.disagreements[1]!.codes).toEqual({ auto: ['idea-box'], notes: [] });
    expect(json.prf[0]).toMatchObject({ reference: 'notes', coder: 'auto', overall: { tp: 6, fp: 1, fn: 1 } });
    golden('two-coders.json', r.stdout);
  });

  it('leaves out units nobody coded with --drop-uncoded', async () => {
    const all = JSON.parse((await runCli(['agree', auto, notes, '--format', 'json'])).stdout) as { units: number };
    const coded = JSON.parse((await runCli(['agree', auto, notes, '--format', 'json', '--drop-uncoded'])).stdout) as { units: number; dropped: number };
    expect(coded.units).toBeLessThan(all.units);
    expect(coded.units + coded.dropped).toBe(all.units);
  });

  it('reads an imported REFI-QDA project as a coder, and a CSV against --notes', async () => {
    const r = await runCli(['agree', 'test/fixtures/refi/tiny.qdpx', 'anna=test/fixtures/refi/anna.csv', '--notes', notes, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('code,units,percent,kappa,alpha,n_tiny,n_anna');
    expect(r.stdout).toMatch(/^lack-of-time,8,1\.000,1\.000,1\.000,3,3$/m);
    // The folder `themes import qdpx` writes is a coder too, and agrees fully with the marks it came from.
    const imported = join(tempDir('themes-imp-'), 'veileder');
    expect((await runCli(['import', 'qdpx', 'test/fixtures/refi/tiny.qdpx', '-o', imported])).code).toBe(0);
    const back = await runCli(['agree', imported, notes, '--format', 'csv']);
    expect(back.code).toBe(0);
    expect(back.stdout).toBe([
      'code,units,percent,kappa,alpha,n_veileder,n_notes',
      'idea-box,8,1.000,1.000,1.000,2,2',
      'lack-of-time,8,1.000,1.000,1.000,3,3',
      'set-aside-time,8,1.000,1.000,1.000,2,2',
      '*overall*,8,1.000,1.000,1.000,,', ''].join('\n'));
  });

  it('keeps the users of a project coded by several apart, in the .qdpx and in the folder import writes, and --user picks', async () => {
    // A project with the marks (user "human") and the automatic coding (user "themes"): the folder
    // `themes import qdpx` wrote from it was one coder with both users' codings pooled, so it agreed
    // with neither (idea-box 75 % against the marks) and nothing said why.
    const dir = tempDir('themes-users-');
    const project = join(dir, 'both.qdpx');
    expect((await runCli(['export', 'qdpx', notes, '-c', cb, '--coder', 'both', '-o', project])).code).toBe(0);
    const imported = join(dir, 'imp');
    expect((await runCli(['import', 'qdpx', project, '-o', imported])).code).toBe(0);
    const folder = await runCli(['agree', imported, notes, '--format', 'json']);
    expect(folder.code).toBe(0);
    const json = JSON.parse(folder.stdout);
    expect(json.coders.map((c: { name: string; kind: string }) => `${c.name} ${c.kind}`)).toEqual(['imp:human human', 'imp:themes auto', 'notes human']);
    const human = await runCli(['agree', imported, notes, '--user', 'human', '--format', 'csv']);
    expect(human.stdout.split('\n')[0]).toBe('code,units,percent,kappa,alpha,n_imp:human,n_notes');
    expect(human.stdout).toMatch(/^\*overall\*,8,1\.000,1\.000,1\.000,,$/m);
    // The project itself gave one coder per user already; --user picks there too.
    const qdpx = await runCli(['agree', project, notes, '--user', 'human', '--format', 'csv']);
    expect(qdpx.stdout.split('\n')[0]).toBe('code,units,percent,kappa,alpha,n_both:human,n_notes');
    // A CSV with a coder column is one coder per value.
    const csv = await runCli(['agree', join(imported, 'codings.csv'), '--notes', notes, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('code,units,percent,kappa,alpha,n_codings:human,n_codings:themes');
    // A user no input has: an error whose hint lists the users there are.
    const unknown = await runCli(['agree', imported, project, '--user', 'anna']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/error AGREE_UNKNOWN_USER --user anna/);
    expect(unknown.stderr).toMatch(/hint: The users are [^\n]*imp: human, themes; [^\n]*both\.qdpx: human, themes\./);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    // An input coded by several users that has none of those named is left out, with a warning.
    writeFileSync(join(dir, 'other.csv'), 'document,line,code,coder\ninformant-01,12,lack-of-time,bo\ninformant-01,14,idea-box,carl\n');
    const left = await runCli(['agree', imported, join(dir, 'other.csv'), '--user', 'human', '--format', 'csv']);
    expect(left.stderr).toContain('warning AGREE_USER_NOT_IN_INPUT');
    expect(left.stderr).toContain('its users are bo, carl');
    const none = await runCli(['agree', auto, notes, '--user', 'human']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No input is coded by several users');
  });

  it('refuses a unit that differs from the run, too few coders, and an unknown reference', async () => {
    const unit = await runCli(['agree', auto, notes, '--unit', 'sentence']);
    expect(unit.stderr).toContain('AGREE_UNIT_MISMATCH');
    expect(unit.code).toBe(2);
    const one = await runCli(['agree', notes]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('AGREE_TOO_FEW_CODERS');
    const ref = await runCli(['agree', auto, notes, '--reference', 'nobody']);
    expect(ref.code).toBe(2);
    expect(ref.stderr).toContain('AGREE_UNKNOWN_REFERENCE');
  });

  it('tells the unit of a segments.jsonl copied away from its run.json from its records', async () => {
    const dir = tempDir('themes-agree-loose-');
    const notesDir = join(dir, 'notes');
    mkdirSync(notesDir);
    writeFileSync(join(notesDir, 's1.md'), 'R: Det går bra med oss. Vi har ikke tid til noe nytt. Lederen gir oss en fridag.\n\nR: Økonomien er god.\n');
    for (const unit of ['sentence', 'paragraph']) {
      expect((await runCli(['code', notesDir, '--unit', unit, '--out', join(dir, unit)])).code).toBe(0);
      mkdirSync(join(dir, `loose-${unit}`));
      copyFileSync(join(dir, unit, 'segments.jsonl'), join(dir, `loose-${unit}`, 'segments.jsonl'));
    }
    const sentenceAsParagraph = await runCli(['agree', join(dir, 'loose-sentence', 'segments.jsonl'), notesDir]);
    expect(sentenceAsParagraph.code).toBe(2);
    expect(sentenceAsParagraph.stderr).toContain('AGREE_UNIT_MISMATCH looks coded by sentence (s1:1#2 is a second unit on its line)');
    const paragraphAsSentence = await runCli(['agree', join(dir, 'loose-paragraph', 'segments.jsonl'), notesDir, '--unit', 'sentence']);
    expect(paragraphAsSentence.code).toBe(2);
    expect(paragraphAsSentence.stderr).toContain('looks coded by paragraph or turn (s1:1 holds several sentences)');
    const same = await runCli(['agree', join(dir, 'loose-sentence', 'segments.jsonl'), notesDir, '--unit', 'sentence', '--format', 'csv']);
    expect(same.code).toBe(0);
    expect(same.stderr).not.toContain('AGREE_UNIT_MISMATCH');
  });

  it('reports a CSV without notes, a missing input, and still compares the rest (exit 1)', async () => {
    const r = await runCli(['agree', auto, notes, 'missing.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.jsonl: error INPUT_NOT_FOUND/);
    expect(r.stdout).toContain('overall (pooled)');
    const csvOnly = await runCli(['agree', 'test/fixtures/refi/anna.csv', 'b=test/fixtures/refi/anna.csv']);
    expect(csvOnly.stderr).toContain('AGREE_CSV_WITHOUT_UNITS');
  });

  it('says a warning about a note once, though two inputs read it', async () => {
    const dir = tempDir('themes-agree-twice-');
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'n.md'), 'R: Vi har ikke tid. {#lack-of-time}\n');
    const r = await runCli(['agree', `a=${dir}`, `b=${dir}`, '--format', 'csv']);
    expect(r.stderr.match(/NOTE_EMPTY/g)).toHaveLength(1);
  });

  it('warns about notes without marks beside marked ones: a copy of the notes with two marked reads the rest as coded with nothing', async () => {
    const dir = tempDir('themes-agree-some-');
    writeFileSync(join(dir, 'a.md'), 'R: Vi har ikke tid. {#lack-of-time}\n\nR: Vi har fått kurs.\n');
    writeFileSync(join(dir, 'b.md'), 'R: Vi har ikke tid til noe.\n');
    writeFileSync(join(dir, 'c.md'), 'R: Ingen tid.\n');
    const r = await runCli(['agree', `marks=${dir}`, `again=${dir}`, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('AGREE_NO_SHARED_UNITS');
    expect(r.stderr).toMatch(/warning AGREE_NO_MARKS 2 of 3 notes have no \{#code\} marks; each is read as coded with nothing \([^)]*b\.md, [^)]*c\.md\)/);
    expect(r.stderr.match(/AGREE_NO_MARKS/g)).toHaveLength(1); // once, though two inputs read the folder
    const strict = await runCli(['agree', `marks=${dir}`, `again=${dir}`, '--strict']);
    expect([strict.code, strict.stderr]).toEqual([2, expect.stringContaining('STRICT_WARNINGS')]);
    // Every note marked: no warning.
    expect((await runCli(['agree', `auto=${auto}`, `marks=${notes}`, '--format', 'csv'])).stderr).not.toContain('AGREE_NO_MARKS');
  });

  it('warns about a CSV coding with the header and no rows', async () => {
    const csv = join(tempDir('themes-agree-empty-'), 'empty.csv');
    writeFileSync(csv, 'document,line,code\n');
    const r = await runCli(['agree', auto, `bo=${csv}`, '--notes', notes, '--format', 'csv']);
    expect(r.stderr).toContain('warning AGREE_EMPTY_CSV has no coding rows');
  });

  it('exits 1 when rows of a CSV coding are left out, as when a file is', async () => {
    const dir = tempDir('themes-agree-rows-');
    const csv = join(dir, 'rows.csv');
    writeFileSync(csv, `${readFileSync(join(root, 'test/fixtures/refi/anna.csv'), 'utf8')}informant-01,abc,lack-of-time\n`);
    const r = await runCli(['agree', auto, `anna=${csv}`, '--notes', notes, '--format', 'csv']);
    expect(r.stderr).toContain('HUMAN_CSV_ROW');
    expect(r.code).toBe(1);
    const whole = await runCli(['agree', auto, 'anna=test/fixtures/refi/anna.csv', '--notes', notes, '--format', 'csv']);
    expect(whole.code).toBe(0);
  });
});

describe('themes agree against the hand-coded gold standard of the samples', () => {
  it('gives the same micro counts as the independent scorer in src/analysis/score.ts', async () => {
    const { scoreAgainst } = await import('../src/analysis/score.js');
    const { codeCorpus } = await import('../src/coding/deductive.js');
    const { loadCodebook } = await import('../src/codebook/load.js');
    const { DEFAULT_SPEAKERS, loadCorpus } = await import('../src/corpus/index.js');
    const books = ['innovasjon.yaml', 'innovation-en.yaml'].map((n) => loadCodebook(readFileSync(join(root, 'codebooks', n), 'utf8'), n).codebook!);
    const { corpus } = loadCorpus(['samples/notes'], root, { unit: 'paragraph', includeInterviewer: false, speakers: DEFAULT_SPEAKERS });
    const auto = codeCorpus(corpus, books).map((c) => ({ segment: c.segment, label: c.code }));
    const gold = readFileSync(join(root, 'samples/gold/gold.csv'), 'utf8').trim().split('\n').slice(1)
      .map((r) => r.split(',')).map(([d, l, c]) => ({ segment: `${d}:${l}`, label: c! }));
    const micro = scoreAgainst(auto, gold, books[0]!.codes.map((c) => c.id)).micro;

    const out = join(tempDir('themes-gold-'), 'auto');
    expect((await runCli(['code', 'samples/notes', '--out', out])).code).toBe(0);
    const r = await runCli(['agree', `auto=${out}`, 'gold=samples/gold/gold.csv', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { units: number; prf: Array<{ overall: { tp: number; fp: number; fn: number } }> };
    expect(json.units).toBe(corpus.segments.length);
    expect(json.prf[0]!.overall).toMatchObject({ tp: micro.tp, fp: micro.fp, fn: micro.fn });
  });
});
