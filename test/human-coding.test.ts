import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codingsFromCsv, codingsFromMarks, parseHumanCsv } from '../src/coding/human.js';
import { codeCorpus } from '../src/coding/deductive.js';
import { loadCodebook } from '../src/codebook/load.js';
import { DEFAULT_SPEAKERS, loadCorpus } from '../src/corpus/index.js';
import { extractMarks, restoreMarks } from '../src/corpus/marks.js';
import { root, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const options = { unit: 'paragraph' as const, includeInterviewer: false, speakers: DEFAULT_SPEAKERS };

function notesDir(files: Record<string, string>): string {
  const dir = tempDir('themes-human-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('inline marks', () => {
  it('finds marks, sorts their codes, and blanks them without moving offsets or lines', () => {
    const text = '---\nid: x\n---\nFirst {#b #a}\nsecond line\n\n{#c}\n';
    const r = extractMarks(text, 14);
    expect(r.text.length).toBe(text.length);
    expect(r.text).not.toContain('{#');
    expect(r.marks).toEqual([
      { start: 20, end: 27, line: 4, column: 7, codes: ['a', 'b'], written: '{#b #a}' },
      { start: 41, end: 45, line: 7, column: 1, codes: ['c'], written: '{#c}' },
    ]);
  });

  it('writes marks back as written into the blanked text, after a change moved them (restoreMarks)', () => {
    const text = 'Kari sa nei. {#b, #a}\nOla. {#c}\n';
    const { text: blanked, marks } = extractMarks(text);
    expect(restoreMarks(blanked, marks)).toBe(text);
    // «Kari» became «Person 1» (4 characters longer); offsets past it move by 4.
    const changed = `Person 1${blanked.slice(4)}`;
    const at = (o: number) => (o <= 0 ? o : o + 4);
    expect(restoreMarks(changed, marks, at)).toBe('Person 1 sa nei. {#b, #a}\nOla. {#c}\n');
    // Where the mark's blanks no longer stand, the mark is put after what does: never lost.
    const overwritten = `${blanked.slice(0, 13)}XXXXXXXX${blanked.slice(21)}`;
    expect(restoreMarks(overwritten, marks)).toBe('Kari sa nei. XXXXXXXX{#b, #a}\nOla. {#c}\n');
  });

  it('leaves front matter and braces that are not marks alone', () => {
    const text = '{#not-in-body}\nA set {a, b} and {x #y} stay.';
    const r = extractMarks(text, 15);
    expect(r.marks).toEqual([]);
    expect(r.invalid).toEqual([]);
    expect(r.text).toBe(text);
  });

  it('reads Pandoc attributes in braces as no mark and reports nothing: on headings, and with a .class or key=value', async () => {
    const dir = notesDir({ 'p.md': '# Innledning {#_Toc123456 .unnumbered}\n\nR: Vi har ikke tid.\n\n## Del 2 {#del-2}\n\nR: Tekst [her]{.mark} og {#x .y}.\n' });
    const loaded = loadCorpus([dir], dir, options);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.corpus.segments.map((s) => [s.headings, s.text])).toEqual([
      [['Innledning'], 'Vi har ikke tid.'],
      [['Innledning', 'Del 2'], 'Tekst [her]{.mark} og        .'],
    ]);
    expect(codingsFromMarks(loaded.corpus).diagnostics).toEqual([]);
  });

  it('blanks and reports a mark that breaks the id rule, instead of reading it as text', async () => {
    const text = 'Vi har ikke tid. {#Tid}\nØkonomien {#økonomi} og {# okonomi} og {#sam_arbeid}.\n';
    const r = extractMarks(text, 0);
    expect(r.marks).toEqual([]);
    expect(r.invalid).toEqual([
      { line: 1, column: 18, text: '{#Tid}' }, { line: 2, column: 11, text: '{#økonomi}' },
      { line: 2, column: 25, text: '{# okonomi}' }, { line: 2, column: 40, text: '{#sam_arbeid}' },
    ]);
    expect(r.text).toBe('Vi har ikke tid.       \nØkonomien            og             og              .\n');
    const dir = notesDir({ 'a.md': 'R: Vi har ikke tid. {#Tid}\n' });
    const loaded = loadCorpus([dir], dir, options);
    expect(loaded.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['NOTE_MARK_INVALID', 1, 21]]);
    expect(loaded.diagnostics[0]!.message).toContain('{#Tid} looks like a code mark');
  });

  it('gives a mark\'s column in characters (code points), as every message does: an emoji before it is one', () => {
    // «R: 😀😀 Vi har ikke tid. » is 23 characters but 25 UTF-16 units.
    const r = extractMarks('R: 😀😀 Vi har ikke tid. {#Tid}\nR: 😀 Tid. {#lack-of-time}\n', 0);
    expect(r.invalid).toEqual([{ line: 1, column: 24, text: '{#Tid}' }]);
    expect(r.marks.map((m) => [m.line, m.column])).toEqual([[2, 11]]);
  });

  it('never lets the deductive pass match a term inside a mark', async () => {
    const dir = notesDir({ 'a.md': 'R: Vi snakket om været. {#idea-box}\n' });
    const { corpus } = loadCorpus([dir], dir, options);
    const book = loadCodebook('codebook: t\nlanguage: nb\nthemes:\n  - id: t\n    codes:\n      - id: idea-box\n        terms: [idea, box]\n', 'cb.yaml');
    expect(book.codebook).toBeDefined();
    expect(corpus.segments[0]!.text).toBe('Vi snakket om været.');
    expect(codeCorpus(corpus, [book.codebook!])).toEqual([]);
    expect(codingsFromMarks(corpus).codings.map((c) => [c.segment, c.code])).toEqual([['a:1', 'idea-box']]);
  });

  it('attaches a mark to the unit it ends, also by sentence, and reports marks after interviewer turns', async () => {
    const dir = notesDir({
      'n.md': '# Del 1\n\nR: Vi har ikke tid. Alt går til drift. {#lack-of-time}\n\nI: Og ledelsen? {#mgmt}\n\nR: Den støtter oss.\n{#support}\n',
    });
    const para = loadCorpus([dir], dir, options);
    const byPara = codingsFromMarks(para.corpus);
    expect(byPara.codings.map((c) => [c.segment, c.code])).toEqual([['n:3', 'lack-of-time'], ['n:7', 'support']]);
    expect(byPara.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['HUMAN_MARK_UNATTACHED', 5, 17]]);
    const sent = loadCorpus([dir], dir, { ...options, unit: 'sentence' });
    expect(codingsFromMarks(sent.corpus).codings.map((c) => [c.segment, c.code])).toEqual([['n:3#2', 'lack-of-time'], ['n:7', 'support']]);
  });
});

describe('CSV coding', () => {
  it('reads document,line,code with quotes, semicolons and a BOM, and places rows on units', () => {
    const parsed = parseHumanCsv('\uFEFFdocument,line,code\n"n",4,#lack-of-time\nn.md;9;support\nbad,x,y\n', 'c.csv');
    expect(parsed.rows.map((r) => [r.document, r.line, r.code])).toEqual([['n', 4, 'lack-of-time'], ['n.md', 9, 'support']]);
    expect(parsed.diagnostics.map((d) => [d.code, d.line])).toEqual([['HUMAN_CSV_ROW', 4]]);
    const units = [{ id: 'n:3', document: 'n', line: 3, text: 'one\ntwo' }, { id: 'n:7', document: 'n', line: 7, text: 'three' }];
    const names = new Map([['n', 'n']]);
    const r = codingsFromCsv(parsed.rows, units, names, 'c.csv');
    expect(r.codings.map((c) => [c.segment, c.code])).toEqual([['n:3', 'lack-of-time']]);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['HUMAN_CSV_NO_UNIT', 3]]);
  });

  it('says a line after the note\'s last unit is so (a typo: 999 for 99), not that it is blank, a heading or the interviewer\'s', () => {
    const parsed = parseHumanCsv('document,line,code\nn,5,lack-of-time\nn,999,support\n', 'c.csv');
    const units = [{ id: 'n:3', document: 'n', line: 3, text: 'one\ntwo' }, { id: 'n:7', document: 'n', line: 7, text: 'three\nfour' }];
    const r = codingsFromCsv(parsed.rows, units, new Map([['n', 'n']]), 'c.csv');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['HUMAN_CSV_NO_UNIT', 2, 'line 5 of n is not inside a coded unit (blank, heading or interviewer line); the row is left out'],
      ['HUMAN_CSV_NO_UNIT', 3, 'line 999 of n is after the last coded unit of the note, which ends on line 8; the row is left out'],
    ]);
  });

  it('refuses to guess which of several sentences on a line a row codes', () => {
    const parsed = parseHumanCsv('document,line,code\nn,1,lack-of-time\nn,3,support\n', 'c.csv');
    const units = [
      { id: 'n:1', document: 'n', line: 1, text: 'Det går bra.' },
      { id: 'n:1#2', document: 'n', line: 1, text: 'Vi har ikke tid.' },
      { id: 'n:3', document: 'n', line: 3, text: 'Økonomien er god.' },
    ];
    const r = codingsFromCsv(parsed.rows, units, new Map([['n', 'n']]), 'c.csv');
    expect(r.codings.map((c) => [c.segment, c.code])).toEqual([['n:3', 'support']]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['error', 'HUMAN_CSV_LINE_AMBIGUOUS', 2]]);
    expect(r.diagnostics[0]!.message).toContain('holds 2 units');
  });

  it('rejects a CSV without the header', () => {
    expect(parseHumanCsv('a,b,c\n', 'c.csv').diagnostics[0]!.code).toBe('HUMAN_CSV_HEADER');
  });
});

describe('themes code --human', () => {
  it('reports the marks as the coding and warns about codes not in the codebook', async () => {
    const dir = notesDir({ 'n.md': 'R: Vi har ikke tid. {#idea-box #no-such-code}\n' });
    const w = await runCli(['code', dir, '-c', join(root, 'test/fixtures/refi/codebook.yaml'), '--human', '--format', 'json'], { cwd: dir });
    expect(w.stderr).toContain('HUMAN_UNKNOWN_CODE');
    const json = JSON.parse(w.stdout) as { frequencies: Array<{ id: string; segments: number }> };
    // The deductive pass would code this lack-of-time; the human said idea-box.
    expect(json.frequencies.find((f) => f.id === 'idea-box')!.segments).toBe(1);
    expect(json.frequencies.find((f) => f.id === 'lack-of-time')!.segments).toBe(0);
    expect(w.code).toBe(0);
  });

  it('puts HUMAN_UNKNOWN_CODE at the mark, line and column, not at the first line of its paragraph', async () => {
    const dir = notesDir({ 'n.md': 'R: Vi har ikke tid\ntil noe som helst. {#idea-box #no-such-code}\n' });
    const w = await runCli(['code', 'n.md', '-c', join(root, 'test/fixtures/refi/codebook.yaml'), '--human', '--format', 'csv'], { cwd: dir });
    expect(w.stderr).toContain('n.md:2:20: warning HUMAN_UNKNOWN_CODE the mark uses the code "no-such-code"');
  });

  it('warns when notes have no marks (HUMAN_NO_MARKS), as agree does, and --strict stops', async () => {
    const cb = ['-c', join(root, 'test/fixtures/refi/codebook.yaml')];
    const dir = notesDir({ 'a.md': 'R: Vi har ikke tid til utviklingsarbeid.\n', 'b.md': 'R: Budsjettet er for stramt.\n' });
    const none = await runCli(['code', dir, ...cb, '--human', '--format', 'csv'], { cwd: dir });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('warning HUMAN_NO_MARKS --human reports the {#code} marks in the notes, and none of the 2 notes has any: every segment is reported as uncoded');
    expect((await runCli(['code', dir, ...cb, '--human', '--strict'], { cwd: dir })).code).toBe(2);
    writeFileSync(join(dir, 'c.md'), 'R: Vi har ikke tid. {#idea-box}\n');
    const some = await runCli(['code', dir, ...cb, '--human', '--format', 'csv'], { cwd: dir });
    expect(some.stderr).toMatch(/warning HUMAN_NO_MARKS 2 of 3 notes have no \{#code\} marks and are reported as coded with nothing \([^)]*a\.md, [^)]*b\.md\)/);
    // Without --human the marks do not matter: no such warning.
    expect((await runCli(['code', dir, ...cb, '--format', 'csv'], { cwd: dir })).stderr).not.toContain('HUMAN_NO_MARKS');
  });

  it('says the inductive summary\'s uncoded share is of the hand coding, not of the codebook', async () => {
    const cb = ['-c', join(root, 'test/fixtures/refi/codebook.yaml')];
    const dir = notesDir({ 'a.md': 'R: Vi har ikke tid til utviklingsarbeid. {#lack-of-time}\n\nR: Budsjettet er for stramt.\n' });
    const human = await runCli(['code', dir, ...cb, '--human'], { cwd: dir });
    expect(human.stdout).toContain('1 av 2 segmenter (50 %) har ingen kode i håndkodingen ({#kode}-merkene i notatene).');
    expect(human.stdout).not.toContain('fikk ingen kode fra kodeboka');
    expect(human.stdout).not.toContain('themes suggest --uncoded');
    const md = await runCli(['code', dir, ...cb, '--human', '--format', 'md', '--lang', 'en'], { cwd: dir });
    expect(md.stdout).toContain('1 of 2 segments (50 %) have no code in the hand coding (the notes\' {#code} marks).');
    const json = JSON.parse((await runCli(['code', dir, ...cb, '--human', '--format', 'json'], { cwd: dir })).stdout) as { inductive: { coding?: string } };
    expect(json.inductive.coding).toBe('human');
    expect((await runCli(['code', dir, ...cb], { cwd: dir })).stdout).toContain('fikk ingen kode fra kodeboka');
  });
});
