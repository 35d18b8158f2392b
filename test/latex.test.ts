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
