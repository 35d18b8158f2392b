// themes count and themes kwic: term matching, the table, the places, and bad input.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { termCounts } from '../src/analysis/count.js';
import { kwic } from '../src/analysis/kwic.js';
import { parseTerm } from '../src/codebook/terms.js';
import { findTerms } from '../src/coding/find.js';
import type { Term } from '../src/model.js';
import { root, runCli } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';
import { tempDir } from './helpers/temp.js';

const term = (raw: string): Term => {
  const p = parseTerm(raw);
  if (!p.ok) throw new Error(p.message);
  return p.term;
};

describe('findTerms', () => {
  const text = 'Tida strekker ikke til. Tiden går, og tid er penger. Tidsklemma er kjent.';

  it('matches every inflection by stem by default, and only the written form with exact', () => {
    expect(findTerms(text, 'nb', [term('tid')]).map((o) => o.text)).toEqual(['Tida', 'Tiden', 'tid']);
    expect(findTerms(text, 'nb', [term('tid')], true).map((o) => o.text)).toEqual(['tid']);
  });

  it('honours * in both modes and keeps offsets into the text', () => {
    const found = findTerms(text, 'nb', [term('tid*')], true);
    expect(found.map((o) => o.text)).toEqual(['Tida', 'Tiden', 'tid', 'Tidsklemma']);
    for (const o of found) expect(text.slice(o.start, o.end)).toBe(o.text);
  });

  it('counts terms per document with the forms it counted', () => {
    const docs = [
      { id: 'x', path: 'x.md', words: 14, occurrences: findTerms(text, 'nb', [term('tid'), term('penger')]) },
      { id: 'y', path: 'y.md', words: 3, occurrences: findTerms('Ingen penger her.', 'nb', [term('tid'), term('penger')]) },
    ];
    expect(termCounts(['tid', 'penger'], docs).rows).toEqual([
      { term: 'tid', counts: [3, 0], total: 3, forms: ['tid', 'tida', 'tiden'] },
      { term: 'penger', counts: [1, 1], total: 2, forms: ['penger'] },
    ]);
  });
});

describe('kwic', () => {
  it('gives the line and column of each keyword, with context cut at word boundaries', () => {
    const text = 'Første linje.\nAndre linje om samskaping i bydelen,\nog mer samskaping her.';
    const lines = kwic(text, 'n.md', ['samskaping'], findTerms(text, 'nb', [term('samskaping')]), 12);
    expect(lines.map((l) => [l.line, l.column, l.keyword])).toEqual([[2, 16, 'samskaping'], [3, 8, 'samskaping']]);
    expect(lines[0]!.left).toBe('…linje om ');
    expect(lines[0]!.right).toBe(' i bydelen,…');
  });

  it('takes the context from the keyword\'s paragraph only, and a heading\'s from its line without the marks', () => {
    const text = 'R: Det handler om kutt.\n\n# Del 5: Samskaping #\n\nI: Samskaping med innbyggere?\nR: Ja, samskaping.\n\n**Om samskaping**\n';
    // As the segmenter gives them: each turn without its label.
    const paragraphs = ['Det handler om kutt.', 'Samskaping med innbyggere?', 'Ja, samskaping.'].map((p) => ({ start: text.indexOf(p), end: text.indexOf(p) + p.length }));
    const lines = kwic(text, 'n.md', ['samskaping'], findTerms(text, 'nb', [term('samskaping')]), 40, paragraphs);
    expect(lines.map((l) => [l.line, l.left, l.keyword, l.right])).toEqual([
      [3, 'Del 5: ', 'Samskaping', ''],
      [5, '', 'Samskaping', ' med innbyggere?'],
      [6, 'Ja, ', 'samskaping', '.'],
      [8, 'Om ', 'samskaping', ''],
    ]);
  });
});

describe('themes count', () => {
  it('counts the strategy document (golden)', async () => {
    const r = await runCli(['count', 'innovasjon', 'samskaping', 'samarbeid', 'skal', 'må', '--', 'samples/docs/strategi.md']);
    expect(r.code).toBe(0);
    expectGolden('count/strategi.txt', r.stdout);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('skal'))).toMatch(/^skal\s+\d+\s+skal$/);
  });

  it('says that an option after -- was read as a path, and where it belongs (a user walkthrough of 7 December)', async () => {
    const r = await runCli(['count', 'tid', '--', 'samples/docs/strategi.md', '-f', 'csv'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('-f: error INPUT_NOT_FOUND does not exist\n  hint: This looks like an option, read as a path because it comes after --: put options before --');
    expect(r.stderr).toContain('csv: error INPUT_NOT_FOUND does not exist\n  hint: Check the path;');
  });

  it('counts stem-aware by default and exact forms with --exact', async () => {
    const stem = await runCli(['count', 'tillitsvalgt', '--format', 'csv', '--', 'samples/notes']);
    const exact = await runCli(['count', 'tillitsvalgt', '--exact', '--format', 'csv', '--', 'samples/notes']);
    const total = (csv: string) => Number(csv.split('\r\n')[1]!.split(',').at(-2));
    expect(total(stem.stdout)).toBeGreaterThan(0);
    // The notes also say "tillitsvalgte" and "tillitsvalgtes", which only the stem-aware count includes.
    expect(total(stem.stdout)).toBeGreaterThan(total(exact.stdout));
    expect(stem.stdout).toMatch(/tillitsvalgte/);
    expect(exact.stdout).not.toMatch(/tillitsvalgte/);
  });

  it('writes CSV for Norwegian Excel with --excel', async () => {
    const r = await runCli(['count', 'innovasjon', '--format', 'csv', '--excel', '--', 'samples/docs/strategi.md']);
    expect(r.stdout.startsWith('\uFEFFOrd;strategi-kommune-a;Former\r\n')).toBe(true);
  });

  it('kwic does not find a term inside the label that masking put in place of an identifier', async () => {
    const dir = tempDir('themes-kwic-mask-');
    writeFileSync(join(dir, 'a.md'), 'R: Send en e-post til kari@kommune.no om e-post-rutinene.\n');
    const r = await runCli(['kwic', 'e-post', join(dir, 'a.md'), '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.map((l) => l.split(',')[4])).toEqual(['e-post', 'e-post']);
    expect(rows.map((l) => l.split(',')[2])).toEqual(['12', '35']);
  });

  it('refuses --excel with another format than CSV, as themes table does, rather than ignore it', async () => {
    for (const [command, prefix] of [[['count', 'tid', '--excel', '--', 'samples/notes/informant-07.md'], 'COUNT'], [['kwic', 'tid', 'samples/notes/informant-07.md', '--excel', '-f', 'md'], 'KWIC']] as const) {
      const r = await runCli([...command]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${prefix}_EXCEL_NOT_CSV --excel applies to CSV, not`);
    }
  });

  it('counts neither speaker labels and time stamps nor link targets as words', async () => {
    const dir = tempDir('themes-count-');
    writeFileSync(join(dir, 'i.md'), 'Det går bra.\n\nI: Er du i tide i dag?\n\n[00:01:02] R: Jeg er i mål i år.\n\n- Intervjuer: Og i fjor?\n\n2) I: Og i morgen?\n\nLes om [innovasjon](https://kommune.no/innovasjon-plan) og ![innovasjon](innovasjon.png).\n');
    const r = await runCli(['count', 'i', 'innovasjon', '--format', 'csv', '--', join(dir, 'i.md')]);
    expect(r.code).toBe(0);
    // 27 words: the list number «2» is one, as a number in a list item is; the label after it is none.
    expect(r.stdout.split('\r\n').slice(1, 4)).toEqual(['i,6,i', 'innovasjon,2,innovasjon', '(ord),27,']);
    const k = await runCli(['kwic', 'i', join(dir, 'i.md'), '--format', 'csv']);
    expect(k.stdout.trim().split('\n').length - 1).toBe(6);
  });

  it('takes a phrase with its quotes, as the shell may pass it, and shows a form across lines on one line', async () => {
    const dir = tempDir('themes-count-');
    writeFileSync(join(dir, 'p.md'), 'Vi har ikke\ntid i dag, og ikke tid i går.\n');
    for (const phrase of ['"ikke tid"', '«ikke tid»', 'ikke tid']) {
      const r = await runCli(['count', phrase, '--format', 'csv', '--', join(dir, 'p.md')]);
      expect(r.code, phrase).toBe(0);
      expect(r.stdout.split('\r\n')[1], phrase).toBe('ikke tid,2,ikke tid');
    }
  });

  it('says so when the term list is empty', async () => {
    const r = await runCli(['count', '--', 'samples/docs/strategi.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('COUNT_NO_TERMS');
    expect(r.stdout).toBe('');
  });

  it('says so when there is no -- and no file', async () => {
    const r = await runCli(['count', 'innovasjon', 'samples/docs/strategi.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('COUNT_NO_FILES');
  });

  it('reports a bad term with its own code', async () => {
    const r = await runCli(['count', '/(a+)+/', '--', 'samples/docs/strategi.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('COUNT_UNSAFE_REGEX');
  });
});

describe('themes kwic', () => {
  it('lists every occurrence with a file:line that points at the keyword', async () => {
    const r = await runCli(['kwic', 'samskaping', 'samples/notes', '--format', 'json']);
    expect(r.code).toBe(0);
    const { lines } = JSON.parse(r.stdout) as { lines: Array<{ file: string; line: number; column: number; keyword: string }> };
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) {
      const source = readFileSync(join(root, l.file), 'utf8').split(/\r?\n/)[l.line - 1]!;
      expect([...source].slice(l.column - 1).join('').toLowerCase().startsWith(l.keyword.toLowerCase())).toBe(true);
      expect(l.keyword.toLowerCase()).toMatch(/^samskaping/);
    }
  });

  it('prints file:line, context and keyword in the terminal (golden)', async () => {
    const r = await runCli(['kwic', 'samskaping', 'samples/docs/strategi.md']);
    expect(r.code).toBe(0);
    expectGolden('kwic/strategi.txt', r.stdout);
    expect(r.stdout.split('\n')[0]).toMatch(/^samples\/docs\/strategi\.md:\d+ /);
  });

  it('says that a name looked for is masked, not that it is not there', async () => {
    const masked = await runCli(['kwic', 'Torunn', 'samples/notes/informant-04.md']);
    expect(masked.stdout).toBe('');
    expect(masked.stderr).toContain('no occurrences of "Torunn" after masking: its 1 occurrence(s) are masked as personal identifiers');
    const absent = await runCli(['kwic', 'blåbær', 'samples/notes/informant-04.md']);
    expect(absent.stderr).toContain('no occurrences of "blåbær"\n');
  });

  it('names a phrase it did not find once, in one pair of quotes, however the shell passed it', async () => {
    for (const written of ['"ikke blåbær"', '«ikke blåbær»', "'ikke blåbær'", 'ikke blåbær']) {
      const r = await runCli(['kwic', written, 'samples/notes/informant-04.md']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr, written).toMatch(/(^|\n)no occurrences of "ikke blåbær"\n$/);
    }
  });

  it('keeps the context inside the paragraph: no heading marks, no text of the heading or turn around it', async () => {
    const r = await runCli(['kwic', 'samskaping', 'samples/notes', '--format', 'json']);
    expect(r.code).toBe(0);
    const { lines } = JSON.parse(r.stdout) as { lines: Array<{ file: string; line: number; left: string; right: string }> };
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) {
      expect(`${l.left}|${l.right}`, `${l.file}:${l.line}`).not.toMatch(/#/);
      // Only the heading itself, as its own context.
      if (l.left !== 'Del 5: ') expect(`${l.left}|${l.right}`, `${l.file}:${l.line}`).not.toMatch(/Del 5/);
    }
    const heading = lines.find((l) => l.file === 'samples/notes/informant-01.md' && l.line === 53)!;
    expect([heading.left, heading.right]).toEqual(['Del 5: ', '']);
    const question = lines.find((l) => l.file === 'samples/notes/informant-01.md' && l.line === 55)!;
    expect(question.left).toBe('');
    // Masked notes too: the paragraphs' places move with the masks (informant-04 has a name in them).
    const masked = await runCli(['kwic', 'staben', 'samples/notes/informant-04.md', '--format', 'json']);
    const staben = (JSON.parse(masked.stdout) as { lines: Array<{ left: string; right: string }> }).lines;
    expect(staben.length).toBeGreaterThan(0);
    for (const l of staben) expect(`${l.left}|${l.right}`).not.toMatch(/#/);
  });

  it('masks personal identifiers in the context lines unless --allow-identifiers', async () => {
    const masked = await runCli(['kwic', 'staben', 'samples/notes/informant-04.md', '--format', 'json']);
    expect(masked.stdout).toContain('[NAVN] i ');
    expect(masked.stdout).not.toContain('Bekkelund');
    expect(masked.stderr).toContain('masked 1 personal identifier(s)');
    const kept = await runCli(['kwic', 'staben', 'samples/notes/informant-04.md', '--format', 'json', '--allow-identifiers']);
    expect(kept.stdout).toContain('Bekkelund');
  });

  it('prints 150,000 lines in the terminal format (a spread of them overflowed the stack)', async () => {
    const dir = tempDir('themes-kwic-many-');
    writeFileSync(join(dir, 'og.md'), `R: ${Array.from({ length: 150000 }, () => 'og tid').join(' ')}\n`);
    const r = await runCli(['kwic', 'og', join(dir, 'og.md')]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(150000);
  });

  it('rejects an empty term', async () => {
    const r = await runCli(['kwic', ' ', 'samples/notes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('KWIC_NO_TERM');
  });
});
