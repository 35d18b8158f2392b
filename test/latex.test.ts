// The LaTeX renderer: escaping, booktabs, longtable for long tables.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeLatex, LATEX_PACKAGES, LONGTABLE_ROWS, tableLatex } from '../src/render/latex.js';
import { tempDir } from './helpers/temp.js';
import type { Table } from '../src/render/table.js';

describe('escapeLatex', () => {
  it('escapes all ten specials in one pass, never an escape twice', () => {
    expect(escapeLatex('& % $ # _ { } ~ ^ \\')).toBe('\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
    expect(escapeLatex('\\&')).toBe('\\textbackslash{}\\&');
  });

  it('leaves Norwegian letters and guillemets as written (inputenc utf8 + fontenc T1 print them)', () => {
    expect(escapeLatex('Økonomi, læring og «få» på én gang')).toBe('Økonomi, læring og «få» på én gang');
  });

  it('sets ✓ as \\checkmark', () => {
    expect(escapeLatex('✓')).toBe('\\checkmark{}');
  });

  it('spells what pdflatex has no glyph for, and names what it cannot spell', () => {
    expect(escapeLatex('A ≥ B, C ≤ D, − 5')).toBe('A $\\geq$ B, C $\\leq$ D, $-$ 5');
    expect(escapeLatex('Ofelaš Čáhppes Đ ŋ')).toBe('Ofelaš Čáhppes Đ ŋ');
    expect(escapeLatex('ŧ')).toContain('\\raisebox');
    expect(escapeLatex('Bra 😀 ħ')).toBe('Bra {[}U+1F600{]} {[}U+0127{]}');
    // Composed first; dashes and thin spaces of typeset text as their LaTeX kin.
    expect(escapeLatex('Oa\u030Arsaker i Sør\u2011Fron, 10\u202f000')).toBe('Oårsaker i Sør-Fron, 10\\,000');
  });

  it('keeps a cell that begins with [ from being read as the length of the row break before it', () => {
    const table: Table = { id: 't', caption: 'c', columns: [{ header: 'Kode', align: 'left' }, { header: 'n', align: 'right', format: 'int' }],
      rows: [{ cells: ['Først', 1] }, { cells: ['[merknad] andre', 2] }, { cells: ['🙂 Trivsel', 3] }] };
    const tex = tableLatex(table, { lang: 'nb' });
    expect(tex).toContain('{[}merknad{]} andre');
    expect(tex).toContain('{[}U+1F642{]} Trivsel');
    const pdflatex = ['/usr/bin/pdflatex'].find((p) => existsSync(p));
    if (!pdflatex && !process.env.CI) return;
    const dir = tempDir('themes-latex-bracket-');
    writeFileSync(join(dir, 't.tex'), `\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n\\usepackage{${LATEX_PACKAGES.join(',')}}\n\\begin{document}\n${tex}\\end{document}\n`);
    const log = execFileSync(pdflatex ?? 'pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 't.tex'], { cwd: dir, encoding: 'utf8' });
    expect(log).not.toMatch(/^! /m);
  });

  it('gives text that pdflatex compiles: Latin-1, Latin Extended-A, Sámi, punctuation, symbols, emoji', () => {
    const pdflatex = ['/usr/bin/pdflatex'].find((p) => existsSync(p));
    if (!pdflatex && !process.env.CI) return; // a developer machine without TeX
    let text = '';
    for (let c = 0xa0; c <= 0x17f; c++) text += String.fromCodePoint(c);
    text += ' – — ‘’ “” „ † ‡ • … ‰ ‹› € ≥ ≤ − ≈ ≠ → ← ↔ ∞ ✓ 😀 \t & % $ # _ { } ~ ^ \\';
    const dir = tempDir('themes-latex-chars-');
    writeFileSync(join(dir, 'chars.tex'), `\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage{${LATEX_PACKAGES.join(',')}}\n\\begin{document}\n${escapeLatex(text)}\n\\end{document}\n`);
    const log = execFileSync(pdflatex ?? 'pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'chars.tex'], { cwd: dir, encoding: 'utf8' });
    expect(log).not.toMatch(/^! /m);
    expect(existsSync(join(dir, 'chars.pdf'))).toBe(true);
  });
});

const table = (rows: number): Table => ({
  id: 't', caption: 'Kostnad & nytte', columns: [{ header: 'Kode', align: 'left' }, { header: 'n', align: 'right', format: 'int' }],
  rows: Array.from({ length: rows }, (_, i) => ({ cells: [`kode_${i}`, i] })),
});

describe('tableLatex', () => {
  it('sets a short table as table + tabular with booktabs rules and an escaped caption', () => {
    const tex = tableLatex(table(3), { lang: 'nb' });
    expect(tex).toContain('\\begin{table}[htbp]');
    expect(tex).toContain('\\caption{Kostnad \\& nytte}\\label{tab:t}');
    expect(tex).toMatch(/\\begin\{tabular\}\{lr\}\n\\toprule\nKode & n \\\\\n\\midrule\nkode\\_0 & 0 \\\\/);
    expect(tex).toContain('\\bottomrule\n\\end{tabular}');
    expect(tex).not.toContain('longtable}');
  });

  it(`breaks a table of more than ${LONGTABLE_ROWS} rows across pages with longtable, repeating the header`, () => {
    const tex = tableLatex(table(LONGTABLE_ROWS + 1), { lang: 'nb' });
    expect(tex).toContain('\\begin{longtable}{lr}');
    expect(tex).toMatch(/\\endfirsthead[\s\S]*Kode & n \\\\[\s\S]*\\endhead[\s\S]*\\bottomrule\n\\endlastfoot/);
    expect(tex.match(/Kode & n/g)).toHaveLength(2);
    expect(tableLatex(table(LONGTABLE_ROWS), { lang: 'nb' })).not.toContain('longtable}');
  });
});

/** Inhibitors against promoters as the default codebook gives it: an area row, then its codes side by side, with long labels. */
const areas = (rows: number, label: string): Table => ({
  id: 'inhibitors-promoters', caption: 'Hemmere og fremmere',
  columns: [{ header: 'Område', align: 'left' }, { header: 'Kode', group: 'Hemmere', align: 'left' }, { header: 'Inf.', group: 'Hemmere', align: 'right', format: 'int' },
    { header: 'Kode', group: 'Fremmere', align: 'left' }, { header: 'Inf.', group: 'Fremmere', align: 'right', format: 'int' }],
  rows: Array.from({ length: rows }, (_, i) => (i % 5 === 0
    ? { cells: ['Kultur, holdninger og kompetanse', null, 30, null, 27], style: 'theme' as const }
    : { cells: [null, `${label} ${i}`, i, `${label} ${i}`, i], depth: 1 })),
});

describe('tableLatex: long tables by their height', () => {
  it('sets a table of few rows whose labels wrap to many lines as a longtable, not a float taller than the page', () => {
    // 24 rows, each two or three lines: 61 lines of \small in a default article, a page and a half.
    const tall = tableLatex(areas(24, 'Risikoaversjon og frykt for å feile i'), { lang: 'nb' });
    expect(tall).toContain('\\begin{longtable}');
    expect(tall).not.toContain('\\begin{table}');
    expect(tall.match(/Område & Kode & Inf\. & Kode & Inf\./g)).toHaveLength(2);
    // The same rows with short labels fit a page as a float.
    expect(tableLatex(areas(24, 'Tid'), { lang: 'nb' })).toContain('\\begin{table}[htbp]');
  });
});

/** A cross-tab of `sites` sites and a total, with a label column, as tablesOf builds it. */
const crosstab = (sites: number, rows: number): Table => {
  const names = ['Bærum', 'Tromsø', 'Ålesund', 'Østre Toten', 'Sør-Fron', 'bydel-1', 'Nord-Aurdal', 'Kommune_A'];
  const groups = [...Array.from({ length: sites }, (_, i) => `${names[i % names.length]} (n = 5)`), 'Totalt (n = 36)'];
  return {
    id: 'crosstab-site', caption: 'Temaer og koder fordelt på sted',
    columns: [{ header: 'Tema / kode', align: 'left' }, ...groups.flatMap((g) => [
      { header: 'Inf.', group: g, align: 'right' as const, format: 'int' as const }, { header: 'Segm.', group: g, align: 'right' as const, format: 'int' as const }])],
    rows: Array.from({ length: rows }, (_, i) => ({ cells: [`Risikoaversjon og frykt for å feile ${i}`, ...groups.flatMap(() => [36, 171])], depth: i % 3 })),
  };
};

describe('tableLatex: column widths', () => {
  it('gives the numbers under a group label columns of one width each, so a wide label widens both alike', () => {
    const tex = tableLatex(crosstab(8, 40), { lang: 'nb' });
    const spec = /\\begin\{longtable\}\{(.*)\}\n/.exec(tex)![1]!;
    // Nord-Aurdal is wider than «Inf.» and «Segm.»: both are fixed, neither is a stretching r.
    expect(spec.match(/>\{\\raggedleft\\arraybackslash\}p\{[\d.]+em\}/g)).toHaveLength(18);
    expect(spec).not.toMatch(/\}r/);
    // A label that breaks at its hyphen, and (n = 5) kept whole.
    expect(tex).toContain('Nord-\\\\Aurdal\\\\(n~=~5)');
  });

  it('keeps a wrapped code label indented on every line (\\leftskip), not only on its first', () => {
    const tex = tableLatex(crosstab(3, 10), { lang: 'nb' });
    expect(tex).toContain('\\setlength{\\leftskip}{2em}Risikoaversjon og frykt for å feile 2 &');
    expect(tex).not.toContain('\\hspace*{2em}');
    // A column that does not wrap keeps \hspace*.
    expect(tableLatex({ ...table(3), rows: [{ cells: ['kode', 1], depth: 1 }] }, { lang: 'nb' })).toContain('\\hspace*{1em}kode');
  });

  it('shares the line by how long each text column runs: a column of short ids does not take half of it', () => {
    const freq: Table = {
      id: 'frequencies', caption: 'Temaer og koder',
      columns: [{ header: 'Tema / kode', align: 'left' }, { header: 'ID', align: 'left' }, { header: 'Segmenter', align: 'right', format: 'int' },
        { header: 'Informanter', align: 'right', format: 'int' }, { header: 'Andel', align: 'right', format: 'share' }],
      rows: Array.from({ length: 12 }, (_, i) => ({ cells: [`Personvern og informasjonssikkerhet som hinder ${i}`, `privacy-${i}`, 3, 2, 0.5], depth: 1 })),
    };
    const spec = /\\begin\{tabular\}\{(.*)\}\n/.exec(tableLatex(freq, { lang: 'nb' }))![1]!;
    const parts = [...spec.matchAll(/\*(\d+)\/1000/g)].map((m) => Number(m[1]));
    expect(parts).toHaveLength(2);
    expect(parts[0]!).toBeGreaterThan(2 * parts[1]!);
  });
});

describe('tableLatex: the fragment\'s first line', () => {
  it('names every package a thesis loads for it, lmodern too (as tables.tex does under pdflatex)', () => {
    const first = tableLatex(table(3), { lang: 'nb' }).split('\n')[0]!;
    expect(first).toContain(`\\usepackage{${LATEX_PACKAGES.join(',')}}`);
    expect(first).toMatch(/with pdflatex \[utf8\]\{inputenc\}, \[T1\]\{fontenc\} and lmodern/);
  });
});
