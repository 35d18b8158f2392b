// themes table: every appendix table in md, csv, json, LaTeX and DOCX; goldens; bad input.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, runCli } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';
import { tempDir } from './helpers/temp.js';
import { wordLanguage } from '../src/render/docx.js';
import { LATEX_PACKAGES } from '../src/render/latex.js';

const codebook = 'test/fixtures/tables/codebook.yaml';
const base = ['table', 'samples/notes', '-c', codebook];
const tmp = tempDir('themes-table-');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ALL = ['frequencies', 'crosstab-role', 'crosstab-site', 'matrix', 'inhibitors-promoters', 'cooccurrence', 'numeric', 'numeric-summary'];

describe('themes table --format md', () => {
  it('prints every table on stdout (golden)', async () => {
    const r = await runCli(base);
    expect(r.code).toBe(0);
    expectGolden('table/samples.md', r.stdout);
    expect(r.stdout.match(/^\*\*.+\*\*$/gm)).toHaveLength(ALL.length);
  });

  it('has English captions and headers with --lang en, and decimal points', async () => {
    const r = await runCli([...base, '--lang', 'en', '--only', 'numeric-summary,inhibitors-promoters']);
    expect(r.stdout).toContain('**Inhibitors and promoters by area (number of informants)**');
    expect(r.stdout).toContain('| role | leader\\_support: n | leader\\_support: Mean |');
    expect(r.stdout).toContain('**Numeric attributes by role**');
    expect(r.stdout).toMatch(/\| \*\*All\*\* \| 12 \| 3\.50 \|/);
    const nb = await runCli([...base, '--only', 'numeric-summary']);
    expect(nb.stdout).toMatch(/\| \*\*Alle\*\* \| 12 \| 3,50 \|/);
    expect(nb.stdout).toContain('**Tallverdier fordelt på rolle**');
  });

  it('escapes Markdown in labels, so they show as written rather than as emphasis or HTML', async () => {
    const dir = tempDir('themes-md-escape-');
    writeFileSync(join(dir, 'cb.yaml'), 'codebook: t\nlanguage: nb\nthemes:\n  - id: t\n    label: { nb: "Tema <b>fet</b> *stjerne* _under_ `kode` [lenke](x) a|b" }\n    codes:\n      - id: c\n        label: { nb: Kode }\n        terms: [tid]\n');
    writeFileSync(join(dir, 'n.md'), 'R: Vi har tid.\n');
    const r = await runCli(['table', 'n.md', '-c', 'cb.yaml', '--only', 'frequencies'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| **Tema \\<b>fet\\</b> \\*stjerne\\* \\_under\\_ \\`kode\\` [lenke\\](x) a\\|b** |');
  });

  it('names a cross-tab by its attribute as written, æøå and all: --by område is crosstab-område, not crosstab-omra-de', async () => {
    const dir = tempDir('themes-by-aa-');
    writeFileSync(join(dir, 'a.md'), '---\nområde: vest\n---\n\nR: Vi har ikke tid.\n');
    writeFileSync(join(dir, 'b.md'), '---\nområde: Østre\n---\n\nR: Vi har ikke tid.\n');
    const r = await runCli(['table', 'a.md', 'b.md', '--by', 'område', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tables.map((t: { id: string }) => t.id)).toContain('crosstab-område');
    const only = await runCli(['table', 'a.md', 'b.md', '--by', 'område', '--only', 'crosstab-område', '--format', 'csv'], { cwd: dir });
    expect(only.code).toBe(0);
    expect(only.stdout.split('\r\n')[0]).toBe('id,Tema / kode,vest (n = 1): Inf.,vest (n = 1): Segm.,Østre (n = 1): Inf.,Østre (n = 1): Segm.,Totalt (n = 2): Inf.,Totalt (n = 2): Segm.');
  });

  it('shows the code × informant matrix as ✓ or as counts', async () => {
    const checks = await runCli([...base, '--only', 'matrix']);
    const counts = await runCli([...base, '--only', 'matrix', '--matrix', 'counts']);
    const row = (s: string) => s.split('\n').find((l) => l.includes('Tillitsvalgtes rolle'))!;
    expect(row(checks.stdout)).toMatch(/\| ✓ \| ✓ \|  \| ✓ \|/);
    expect(row(counts.stdout)).toMatch(/\| 1 \| 3 \| 0 \| 1 \|/);
  });
});

describe('themes table --format csv', () => {
  it('writes one RFC 4180 file per table to a folder (golden)', async () => {
    const out = join(tmp, 'csv');
    const r = await runCli([...base, '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(ALL.map((id) => `${id}.csv`).sort());
    for (const id of ['frequencies', 'crosstab-role', 'inhibitors-promoters', 'cooccurrence', 'numeric-summary']) {
      const text = readFileSync(join(out, `${id}.csv`), 'utf8');
      expect(text).toMatch(/\r\n$/);
      expectGolden(`table/csv/${id}.csv`, text);
    }
    // Labels with commas and quotes are quoted.
    expect(readFileSync(join(out, 'frequencies.csv'), 'utf8')).toContain('"Kultur, holdninger og kompetanse"');
    // Labels repeat once the indentation is gone (an area under inhibitors and promoters); the
    // first columns give each row's ids, unique in each table.
    for (const [id, columns] of [['crosstab-role', 1], ['matrix', 1], ['cooccurrence', 2]] as const) {
      const lines = readFileSync(join(out, `${id}.csv`), 'utf8').trim().split('\r\n');
      expect(lines[0]!.startsWith(columns === 1 ? 'id,' : 'id A,id B,'), id).toBe(true);
      const keys = lines.slice(1).map((l) => l.split(',').slice(0, columns).join(','));
      expect(keys.every((k) => /^[a-z0-9-]+(,[a-z0-9-]+)?$/.test(k)), id).toBe(true);
      expect(new Set(keys).size, id).toBe(keys.length);
    }
  });

  it('writes for Norwegian Excel with --excel: BOM, semicolons, decimal commas', async () => {
    const r = await runCli([...base, '--format', 'csv', '--excel', '--only', 'frequencies']);
    expect(r.stdout.startsWith('\uFEFFTema / kode;ID;Segmenter;Informanter;Andel\r\n')).toBe(true);
    expect(r.stdout).toContain('Hemmere;inhibitors;14;9;0,750\r\n');
  });

  it('refuses several tables in one CSV stream', async () => {
    const r = await runCli([...base, '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('TABLE_CSV_SEVERAL');
    expect(r.stdout).toBe('');
  });

  it('refuses several tables in one CSV before it reads a note', async () => {
    // A folder that does not exist would be NOTES_NOT_FOUND once reading began.
    for (const only of [[], ['--only', 'frequencies,matrix']]) {
      const r = await runCli(['table', 'no-such-notes/', '--format', 'csv', ...only]);
      expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'error TABLE_CSV_SEVERAL several tables do not fit in one CSV file']);
    }
    const crosstabs = await runCli([...base, '--format', 'csv', '--only', 'crosstab']);
    expect(crosstabs.stderr).toMatch(/TABLE_CSV_SEVERAL \d+ tables/);
  });
});

describe('themes table from the built binary', () => {
  it('gives the same CSV as in-process, on stdout only', async () => {
    const args = [...base, '--format', 'csv', '--only', 'frequencies'];
    const bin = await runBin(args);
    expect(bin.code).toBe(0);
    // stderr carries only the warning that the test codebook has no English twin for the two
    // English samples, and the masking notice (the samples hold three planted identifiers).
    expect(bin.stderr).toMatch(/^warning NOTES_LANGUAGE_WITHOUT_CODEBOOK 2 note\(s\) in English [^\n]*\n {2}hint: [^\n]*\nmasked 3 personal identifier\(s\)[^\n]*\n$/);
    expect(bin.stdout).toBe((await runCli(args)).stdout);
  });
});

describe('themes table: the matrix in CSV', () => {
  it('has 1 and 0 with --matrix checks (the default), segment counts with --matrix counts; each row sums to its total', async () => {
    const rowsOf = async (extra: string[]) => {
      const r = await runCli(['table', 'samples/notes', '--format', 'csv', '--only', 'matrix', ...extra]);
      expect(r.code).toBe(0);
      return r.stdout.trim().split('\r\n').slice(1).map((l) => l.split(',')).filter((f) => f.at(-1) !== '').map((f) => f.slice(2).map(Number));
    };
    const checks = await rowsOf([]);
    const counts = await rowsOf(['--matrix', 'counts']);
    expect(checks.length).toBeGreaterThan(20);
    for (const row of checks) {
      const cells = row.slice(0, -1);
      expect(cells.every((n) => n === 0 || n === 1)).toBe(true);
      expect(cells.reduce((a, b) => a + b, 0)).toBe(row.at(-1));
    }
    for (const row of counts) expect(row.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(row.at(-1));
    expect(counts.some((row) => row.slice(0, -1).some((n) => n > 1))).toBe(true);
  });
});

describe('themes table: informants in order', () => {
  it('sorts informants, also when notes share an informant: attribute (the notes\' order is not theirs)', async () => {
    const dir = tempDir('themes-informant-order-');
    writeFileSync(join(dir, 'a1.md'), '---\ninformant: p5\n---\nR: Vi har ikke tid.\n');
    writeFileSync(join(dir, 'a2.md'), '---\ninformant: p5\n---\nR: Vi mangler penger.\n');
    writeFileSync(join(dir, 'b.md'), 'R: Vi har ikke tid.\n');
    const r = await runCli(['table', dir, '--format', 'csv', '--only', 'matrix']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toBe('id,Kode,b,p5,Informanter');
  });
});

describe('themes table --format json', () => {
  it('has a version, and raw numbers', async () => {
    const r = await runCli([...base, '--format', 'json']);
    const json = JSON.parse(r.stdout) as { version: number; tables: Array<{ id: string; rows: Array<{ cells: unknown[] }> }> };
    expect(json.version).toBe(1);
    expect(json.tables.map((t) => t.id)).toEqual(ALL);
    expect(json.tables[0]!.rows[0]!.cells).toEqual(['Hemmere', 'inhibitors', 14, 9, 0.75]);
  });
});

describe('themes table --format latex', () => {
  const out = join(tmp, 'latex');

  it('writes a .tex fragment per table and a document that inputs them (golden)', async () => {
    const r = await runCli([...base, '--format', 'latex', '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...ALL.map((id) => `${id}.tex`), 'tables.tex'].sort());
    for (const f of readdirSync(out)) expectGolden(`table/latex/${f}`, readFileSync(join(out, f), 'utf8'));
    const freq = readFileSync(join(out, 'frequencies.tex'), 'utf8');
    expect(freq).toMatch(/\\toprule[\s\S]*\\midrule[\s\S]*\\bottomrule/);
    expect(freq).toContain('Lederstøtte \\& forankring');
    expect(freq).toContain('Idékasse og idédugnad (50 \\% av tiltakene)');
    expect(freq).toContain('Tillitsvalgtes rolle \\#1\\_\\{x\\}');
    expect(freq).toContain('Politisk støtte \\textasciitilde{} \\$ \\textasciicircum{} \\textbackslash{} «ja»');
    const doc = readFileSync(join(out, 'tables.tex'), 'utf8');
    expect(doc).toMatch(/\\ifPDFTeX\n  \\usepackage\[utf8\]\{inputenc\}\n  \\usepackage\[T1\]\{fontenc\}[\s\S]*\\else\n  \\usepackage\{fontspec\}\n\\fi/);
  });

  it('compiles with pdflatex', () => {
    const pdflatex = ['/usr/bin/pdflatex'].find((p) => existsSync(p));
    if (!pdflatex && !process.env.CI) return; // a developer machine without TeX: the structure tests above still run
    const log = execFileSync(pdflatex ?? 'pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'tables.tex'], { cwd: out, encoding: 'utf8' });
    expect(log).not.toMatch(/^! /m);
    expect(readFileSync(join(out, 'tables.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('compiles with lualatex too: its preamble loads fontspec there, so «», – and Sámi letters print as written', () => {
    const lualatex = ['/usr/bin/lualatex'].find((p) => existsSync(p));
    if (!lualatex && !process.env.CI) return;
    // With pdflatex's T1 fontenc, lualatex set « as ń and dropped – and č with no more than a log line.
    const doc = readFileSync(join(out, 'tables.tex'), 'utf8').replace(/\\input\{frequencies\}/, '«ja» – čđŋšž\n\\input{frequencies}');
    writeFileSync(join(out, 'lua.tex'), doc);
    const log = execFileSync(lualatex ?? 'lualatex', ['-interaction=nonstopmode', '-halt-on-error', 'lua.tex'], { cwd: out, encoding: 'utf8' });
    expect(log).not.toMatch(/^! /m);
    expect(readFileSync(join(out, 'lua.log'), 'utf8')).not.toMatch(/Missing character/);
    const pdftotext = ['/usr/bin/pdftotext'].find((p) => existsSync(p));
    if (!pdftotext && !process.env.CI) return;
    const text = execFileSync(pdftotext ?? 'pdftotext', [join(out, 'lua.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('«ja» – čđŋšž');
    expect(text).toContain('Lederstøtte & forankring');
  });

  it('compiles the default codebooks\' tables too, long ones as longtable', async () => {
    const pdflatex = ['/usr/bin/pdflatex'].find((p) => existsSync(p));
    if (!pdflatex && !process.env.CI) return;
    const big = join(tmp, 'latex-default');
    const r = await runCli(['table', 'samples/notes', '--format', 'latex', '--out', big]);
    expect(r.code).toBe(0);
    const longtables = readdirSync(big).filter((f) => readFileSync(join(big, f), 'utf8').includes('\\begin{longtable}'));
    expect(longtables.length).toBeGreaterThan(0);
    const log = execFileSync(pdflatex ?? 'pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'tables.tex'], { cwd: big, encoding: 'utf8' });
    expect(log).not.toMatch(/^! /m);
    expect(existsSync(join(big, 'tables.pdf'))).toBe(true);
  });
});

describe('themes table --format latex under lualatex', () => {
  it('keeps the default codebooks\' frequency table inside the line: fontspec\'s Latin Modern has a smaller em than T1\'s', async () => {
    const lualatex = ['/usr/bin/lualatex'].find((p) => existsSync(p));
    if (!lualatex && !process.env.CI) return;
    // The numbers' columns were estimated at 13 em and take 13.2 (105.3 pt at 8 pt): under pdflatex
    // the wider em of T1 hid it, under lualatex the table was 1.3 pt too wide on every page.
    const out = join(tmp, 'latex-lua-default');
    const r = await runCli(['table', 'samples/notes', '--format', 'latex', '--out', out, '--only', 'frequencies']);
    expect(r.code).toBe(0);
    execFileSync(lualatex ?? 'lualatex', ['-interaction=nonstopmode', '-halt-on-error', 'tables.tex'], { cwd: out, encoding: 'utf8' });
    expect(readFileSync(join(out, 'tables.log'), 'utf8').match(/Overfull \\hbox.*/g) ?? []).toEqual([]);
  });
});

describe('themes table --format latex in a thesis of its own', () => {
  it('fits a default article\'s line and a 12 pt report\'s, without the geometry of tables.tex', async () => {
    const pdflatex = ['/usr/bin/pdflatex'].find((p) => existsSync(p));
    if (!pdflatex && !process.env.CI) return;
    const out = join(tmp, 'latex-article');
    const r = await runCli(['table', 'samples/notes', '--format', 'latex', '--out', out]);
    expect(r.code).toBe(0);
    const fragments = readdirSync(out).filter((f) => f !== 'tables.tex').map((f) => f.replace(/\.tex$/, '')).sort();
    for (const [options, cls] of [['', 'article'], ['12pt,a4paper', 'report']]) {
      // The packages the fragments name in their first line, and nothing else: no wider margins.
      writeFileSync(join(out, `${cls}.tex`), `\\documentclass[${options}]{${cls}}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage{${LATEX_PACKAGES.join(',')}}\n\\begin{document}\n${fragments.map((f) => `\\input{${f}}`).join('\n')}\n\\end{document}\n`);
      execFileSync(pdflatex ?? 'pdflatex', ['-interaction=nonstopmode', '-halt-on-error', `${cls}.tex`], { cwd: out, encoding: 'utf8' });
      // A table wider than the line; a word a point wider than its narrow column is tolerated.
      const overfull = [...readFileSync(join(out, `${cls}.log`), 'latin1').matchAll(/Overfull \\hbox \(([\d.]+)pt too wide\) in (\w+)/g)];
      expect(overfull.filter((m) => m[2] === 'alignment'), cls).toEqual([]);
      expect(overfull.filter((m) => Number(m[1]) > 2), cls).toEqual([]);
      // inhibitors-promoters: 24 rows that wrap to two or three lines were a float 26 pt (article) and 116 pt (report) taller than the page.
      expect(readFileSync(join(out, `${cls}.log`), 'latin1'), cls).not.toMatch(/Float too large/);
    }
  });
});

describe('themes table --format latex, many informants and sites', () => {
  it('fits the page: a wide long table on a landscape page, a wide short one scaled down, no overfull box', async () => {
    const pdflatex = ['/usr/bin/pdflatex'].find((p) => existsSync(p));
    if (!pdflatex && !process.env.CI) return;
    // 36 informants at 8 sites with long names, each note a copy of a sample's body.
    const notes = join(tmp, 'wide-notes');
    mkdirSync(notes, { recursive: true });
    const samples = readdirSync('samples/notes').filter((n) => n.endsWith('.md') && n !== 'informant-09.md').sort();
    for (let i = 0; i < 36; i++) {
      const text = readFileSync(join('samples/notes', samples[i % samples.length]!), 'utf8').replace(/^\uFEFF?---[\s\S]*?\n---\n/, '');
      writeFileSync(join(notes, `w${i + 1}.md`), `---\nid: informant-${String(i + 1).padStart(2, '0')}\nrole: ${i % 2 ? 'tillitsvalgt' : 'arbeidsgiver'}\nsite: ${['Nordre Aker bydel', 'Søndre Nordstrand bydel', 'Gamle Oslo bydel', 'Vestre Aker bydel', 'Østensjø bydel', 'Grorud bydel', 'Frogner bydel', 'Sagene bydel'][i % 8]}\n---\n${text}`);
    }
    const out = join(tmp, 'latex-wide');
    const r = await runCli(['table', notes, '--format', 'latex', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'matrix.tex'), 'utf8')).toContain('\\begin{landscape}');
    expect(readFileSync(join(out, 'crosstab-site.tex'), 'utf8')).toContain('\\begin{landscape}');
    execFileSync(pdflatex ?? 'pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'tables.tex'], { cwd: out, encoding: 'utf8' });
    expect(readFileSync(join(out, 'tables.log'), 'utf8')).not.toMatch(/Overfull \\hbox/);
    // In a thesis's own class, without tables.tex's margins: the cross-tab of 8 sites was 51 pt
    // too wide in a default article and 80 pt in a 12 pt report.
    const fragments = readdirSync(out).filter((f) => /^[a-z-]+\.tex$/.test(f) && f !== 'tables.tex').map((f) => f.replace(/\.tex$/, '')).sort();
    for (const [options, cls] of [['', 'article'], ['12pt,a4paper', 'report']]) {
      writeFileSync(join(out, `${cls}.tex`), `\\documentclass[${options}]{${cls}}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage{${LATEX_PACKAGES.join(',')}}\n\\begin{document}\n${fragments.map((f) => `\\input{${f}}`).join('\n')}\n\\end{document}\n`);
      execFileSync(pdflatex ?? 'pdflatex', ['-interaction=nonstopmode', '-halt-on-error', `${cls}.tex`], { cwd: out, encoding: 'utf8' });
      const log = readFileSync(join(out, `${cls}.log`), 'latin1');
      expect(log.match(/Overfull \\hbox.*/g) ?? [], cls).toEqual([]);
      expect(log, cls).not.toMatch(/Float too large/);
    }
  });
});

describe('themes table --format docx', () => {
  it('writes a Word document with the tables, captions and quotes in Word styles', async () => {
    const file = join(tmp, 'appendix.docx');
    const r = await runCli([...base, '--format', 'docx', '--out', file]);
    expect(r.code).toBe(0);
    const zip = unzipSync(readFileSync(file));
    const doc = strFromU8(zip['word/document.xml']!);
    const styles = strFromU8(zip['word/styles.xml']!);
    expect(doc.match(/<w:tbl>/g)).toHaveLength(ALL.length);
    expect(doc).toContain('Temaer og koder: antall segmenter og informanter');
    expect(doc).toContain('<w:pStyle w:val="Caption"/>');
    expect(doc).toContain('<w:pStyle w:val="Quote"/>');
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toMatch(/«[^»]+» \(informant-\d\d, (arbeidsgiver|tillitsvalgt|ansatt)\)/);
    expect(doc).toMatch(/samples\/notes\/informant-\d\d\.md:\d+/);
    expect(styles).toContain('w:styleId="Caption"');
    expect(styles).toContain('w:styleId="Quote"');
  });

  it('leaves a table of more than 63 columns (Word\'s limit) out, with a warning', async () => {
    const dir = tempDir('themes-wide-');
    for (let i = 1; i <= 70; i++) writeFileSync(join(dir, `p${i}.md`), `R: Vi har ikke tid til utviklingsarbeid, sier nummer ${i}.\n`);
    const file = join(tempDir('themes-wide-out-'), 'wide.docx');
    const r = await runCli(['table', join(dir), '--format', 'docx', '--out', file, '--only', 'frequencies,matrix']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning TABLE_TOO_WIDE_FOR_WORD the table matrix has \d+ columns, and a Word table holds at most 63/);
    const doc = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
    expect(doc.match(/<w:tbl>/g)).toHaveLength(1);
  });

  it('reads back with an independent DOCX reader (mammoth): tables with header rows, captions, quotes', async () => {
    const file = join(tmp, 'read-back.docx');
    expect((await runCli([...base, '--format', 'docx', '--out', file])).code).toBe(0);
    const styleMap = ["p[style-name='Caption'] => p.caption:fresh", "p[style-name='Quote'] => blockquote:fresh"];
    const { value: html, messages } = await mammoth.convertToHtml({ path: file }, { styleMap });
    expect(messages).toEqual([]);
    expect(html.match(/<table>/g)).toHaveLength(ALL.length);
    expect(html.match(/<table><thead>/g)).toHaveLength(ALL.length);
    expect(html.match(/<p class="caption"><strong>Tabell \d+: <\/strong>/g)).toHaveLength(ALL.length);
    expect(html).toContain('<td><p>Lederstøtte &amp; forankring</p></td>');
    expect((html.match(/<blockquote>/g) ?? []).length).toBeGreaterThan(10);
  });

  it('splits a matrix wider than a landscape page (40 informants) into parts, «del 1 av 3», each readable', async () => {
    const notes = join(tmp, 'forty');
    mkdirSync(notes, { recursive: true });
    for (let i = 1; i <= 40; i++) writeFileSync(join(notes, `n${i}.md`), `---\nid: inf-${String(i).padStart(2, '0')}\n---\n\nR: Vi har ikke tid. Vi mangler penger.\n`);
    const file = join(tmp, 'forty.docx');
    expect((await runCli(['table', notes, '--format', 'docx', '--out', file, '--only', 'matrix'])).code).toBe(0);
    const doc = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
    const grids = [...doc.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])));
    // In one table each informant had 316 twips (the names cut) and the codes 2.8 cm.
    expect(grids.map((g) => g.length)).toEqual([15, 15, 14]);
    for (const g of grids) {
      expect(g.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(16838 - 2 * 1440);
      expect(g[0]).toBeGreaterThanOrEqual(3400);
      expect(g.slice(1, 14).every((w) => w >= 480)).toBe(true);
    }
    expect(doc.match(/Koder per informant \(del \d av 3\)/g)).toEqual(['Koder per informant (del 1 av 3)', 'Koder per informant (del 2 av 3)', 'Koder per informant (del 3 av 3)']);
    // One table number for the three parts: one SEQ field.
    expect(doc.match(/ SEQ Tabell /g)).toHaveLength(1);
    // Narrow cell margins in the informant columns.
    expect(doc).toMatch(/<w:tcMar><w:left w:type="dxa" w:w="30"\/><w:right w:type="dxa" w:w="30"\/><\/w:tcMar>/);
  });

  it('keeps rows whole and the header with the first row, (n = 5) unbroken, captions as Word captions, in the notes\' language', async () => {
    const file = join(tmp, 'word-details.docx');
    expect((await runCli([...base, '--format', 'docx', '--out', file])).code).toBe(0);
    const zip = unzipSync(readFileSync(file));
    const doc = strFromU8(zip['word/document.xml']!);
    const styles = strFromU8(zip['word/styles.xml']!);
    // Every row: cantSplit; header rows' paragraphs keep with the next.
    const rows = doc.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    const headers = rows.filter((r) => r.includes('<w:tblHeader/>'));
    expect(headers.length).toBeGreaterThanOrEqual(ALL.length);
    expect(headers.every((r) => r.includes('<w:keepNext/>'))).toBe(true);
    // Group headers: no-break spaces in «(n = 5)».
    expect(doc).toContain('arbeidsgiver (n\u00a0=\u00a05)');
    expect(doc).not.toMatch(/\(n = \d+\)/);
    // Captions: «Tabell {SEQ Tabell}: », as Norwegian Word names its captions, the number as the field's result.
    const fields = [...doc.matchAll(/<w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve"> SEQ Tabell \\\* ARABIC <\/w:instrText><w:fldChar w:fldCharType="separate"\/><\/w:r><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">(\d+)<\/w:t><\/w:r><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:fldChar w:fldCharType="end"\/>/g)].map((m) => Number(m[1]));
    expect(fields).toEqual(ALL.map((_, i) => i + 1));
    // The language Word checks the spelling in.
    expect(styles).toContain('<w:rPrDefault><w:rPr><w:lang w:val="nb-NO"/></w:rPr></w:rPrDefault>');
    const en = join(tmp, 'word-en.docx');
    expect((await runCli([...base, '--format', 'docx', '--out', en, '--lang', 'en', '--only', 'frequencies'])).code).toBe(0);
    expect(strFromU8(unzipSync(readFileSync(en))['word/styles.xml']!)).toContain('<w:lang w:val="en-GB"/>');
    expect(strFromU8(unzipSync(readFileSync(en))['word/document.xml']!)).toContain(' SEQ Table \\* ARABIC ');
    expect([wordLanguage('nb', 'nn'), wordLanguage('nb', 'nb'), wordLanguage('en', 'nn')]).toEqual(['nn-NO', 'nb-NO', 'en-GB']);
  });

  it('heads an English appendix of English notes with the English codebook\'s title (default codebooks)', async () => {
    const dir = tempDir('themes-en-title-');
    const notes = join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'p1.md'), '---\nid: p1\n---\n\nParticipant: We do not have the time to think about new ideas, and the budget was cut again this year.\n');
    const file = join(dir, 'appendix.docx');
    const r = await runCli(['table', notes, '--format', 'docx', '--out', file, '--only', 'frequencies']);
    expect(r.code).toBe(0);
    const doc = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
    expect(doc).toContain('Innovation in municipalities');
    expect(doc).not.toContain('Innovasjon i kommunen');
  });

  it('sizes columns to their content and puts a table too wide for portrait on a landscape page', async () => {
    const file = join(tmp, 'widths.docx');
    expect((await runCli(['table', 'samples/notes', '--format', 'docx', '--out', file])).code).toBe(0);
    const doc = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
    const grids = [...doc.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])));
    const portrait = 11906 - 2 * 1440;
    const landscape = 16838 - 2 * 1440;
    // frequencies: the label column is the widest, the numbers narrower, and it fits a portrait page.
    const [freq] = grids;
    expect(freq![0]).toBe(Math.max(...freq!));
    expect(freq!.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(portrait);
    // matrix (label, twelve informants, total): rotated informant headers, each column a digit wide.
    const matrix = grids.find((g) => g.length === 14)!;
    expect(matrix.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(landscape);
    expect(matrix[0]).toBeGreaterThan(10 * matrix[1]!);
    expect(doc.match(/<w:textDirection w:val="btLr"\/>/g)?.length).toBe(12);
    expect(doc.match(/w:orient="landscape"/g)?.length).toBeGreaterThanOrEqual(1);
    for (const g of grids) expect(g.every((w) => w >= 480)).toBe(true);
  });

  it('gives the same bytes for the same input', async () => {
    const a = join(tmp, 'a.docx');
    const b = join(tmp, 'b.docx');
    await runCli([...base, '--format', 'docx', '--out', a]);
    await runCli([...base, '--format', 'docx', '--out', b]);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('needs --out', async () => {
    const r = await runCli([...base, '--format', 'docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('TABLE_DOCX_NEEDS_OUT');
  });
});

describe('bad input writes nothing', () => {
  it('an attribute no document has', async () => {
    const out = join(tmp, 'by-unknown');
    const r = await runCli([...base, '--by', 'rolle', '--by', 'sted', '--format', 'latex', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/ATTRIBUTE_UNKNOWN/g)).toHaveLength(2);
    expect(r.stderr).toContain('Attributes in these notes: date, id, lang, leader_support, role, site, structure.');
    expect(existsSync(out)).toBe(false);
  });

  it('an output path in a missing folder', async () => {
    const r = await runCli([...base, '--format', 'latex', '--out', join(tmp, 'missing', 'appendix')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('OUT_NO_PARENT');
    const d = await runCli([...base, '--format', 'docx', '--out', join(tmp, 'missing', 'appendix.docx')]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('OUT_NO_PARENT');
    expect(existsSync(join(tmp, 'missing'))).toBe(false);
  });

  it('a non-empty folder is kept unless --force', async () => {
    const out = join(tmp, 'full');
    mkdirSync(out);
    writeFileSync(join(out, 'mine.txt'), 'keep');
    const r = await runCli([...base, '--format', 'csv', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('OUT_NOT_EMPTY');
    expect(readdirSync(out)).toEqual(['mine.txt']);
  });

  it('an unknown table name', async () => {
    const r = await runCli([...base, '--only', 'frekvenser']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('TABLE_UNKNOWN');
  });
});

describe('themes table --label-prefix', () => {
  it('prefixes every LaTeX label, so two runs can share a thesis, and refuses a prefix LaTeX cannot take', async () => {
    const r = await runCli([...base, '--format', 'latex', '--label-prefix', 'pilot']);
    expect(r.code).toBe(0);
    const labels = [...r.stdout.matchAll(/\\label\{([^}]*)\}/g)].map((m) => m[1]!);
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.every((l) => l.startsWith('tab:pilot-'))).toBe(true);
    expect(labels).toContain('tab:pilot-frequencies');
    const plain = await runCli([...base, '--format', 'latex', '--only', 'frequencies']);
    expect(plain.stdout).toContain('\\label{tab:frequencies}');
    const bad = await runCli([...base, '--format', 'latex', '--label-prefix', 'a_b']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('"a_b" is not a label prefix')]);
  });
});
