// themes code --by: the theme × attribute table in the terminal, csv, md and json, and in the bundle.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';
import { tempDir } from './helpers/temp.js';

const base = ['code', 'samples/notes', '-c', 'test/fixtures/tables/codebook.yaml', '--by', 'role'];

/** A one-line note about lack of time, with `front` as its front matter (none when empty). */
function writeNote(dir: string, name: string, front: string): void {
  writeFileSync(join(dir, name), `${front ? `---\n${front}\n---\n` : ''}\nR: Vi har ikke tid til utviklingsarbeid.\n`);
}

describe('themes code --by', () => {
  it('prints the theme × role table in the terminal (golden)', async () => {
    const r = await runCli(base);
    expect(r.code).toBe(0);
    expectGolden('code-by/role.txt', r.stdout);
    expect(r.stdout).toMatch(/ansatt \(n = 3\)\s+arbeidsgiver \(n = 5\)\s+tillitsvalgt \(n = 4\)\s+Totalt \(n = 12\)/);
    expect(r.stdout).toMatch(/^Hemmere\s+2\s+2\s+4\s+4\s+3\s+8\s+9\s+14$/m);
  });

  it('writes the same numbers as CSV, Markdown and JSON', async () => {
    const csv = await runCli([...base, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('id,Tema / kode,ansatt (n = 3): Inf.,ansatt (n = 3): Segm.,arbeidsgiver (n = 5): Inf.,arbeidsgiver (n = 5): Segm.,tillitsvalgt (n = 4): Inf.,tillitsvalgt (n = 4): Segm.,Totalt (n = 12): Inf.,Totalt (n = 12): Segm.');
    expect(csv.stdout).toContain('\r\ninhibitors,Hemmere,2,2,4,4,3,8,9,14\r\n');
    const md = await runCli([...base, '--format', 'md']);
    expect(md.stdout).toContain('| **Hemmere** | 2 | 2 | 4 | 4 | 3 | 8 | 9 | 14 |');
    const json = JSON.parse((await runCli([...base, '--format', 'json'])).stdout) as { tables: Array<{ id: string; rows: Array<{ cells: unknown[] }> }> };
    expect(json.tables.map((t) => t.id)).toEqual(['crosstab-role']);
    expect(json.tables[0]!.rows[0]!.cells).toEqual(['Hemmere', 2, 2, 4, 4, 3, 8, 9, 14]);
    expect((json.tables[0]!.rows[0] as { ids?: string[] }).ids).toEqual(['inhibitors']);
  });

  it('gives a note without the attribute its informant\'s value, and warns when an informant has two', async () => {
    const dir = tempDir('themes-by-informant-');
    const note = (name: string, front: string) => writeNote(dir, name, front);
    note('n5a.md', 'informant: p5\nrole: leder\nsite: vest');
    note('n5b.md', 'informant: p5\nrole: ansatt');
    note('n6.md', 'informant: p6\nrole: ansatt\nsite: øst');
    const site = await runCli(['code', dir, '--by', 'site', '--format', 'csv']);
    expect(site.code).toBe(0);
    // p5's second note has no site: it takes vest from p5's first, so no "(no value)" column.
    expect(site.stdout.split('\r\n')[0]).toBe('id,Tema / kode,vest (n = 1): Inf.,vest (n = 1): Segm.,øst (n = 1): Inf.,øst (n = 1): Segm.,Totalt (n = 2): Inf.,Totalt (n = 2): Segm.');
    expect(site.stderr).not.toContain('ATTRIBUTE_CONFLICT');
    const role = await runCli(['code', dir, '--by', 'role', '--format', 'csv']);
    expect(role.code).toBe(0);
    expect(role.stderr).toContain('warning ATTRIBUTE_CONFLICT 1 informant(s) have more than one role in their notes, and count in each column: p5 (ansatt, leder)');
    const table = await runCli(['table', dir, '--by', 'role', '--only', 'crosstab-role', '--format', 'csv']);
    expect(table.stderr).toContain('ATTRIBUTE_CONFLICT');
  });

  it('warns about notes without the attribute (their own column), and stops on it with --strict', async () => {
    const dir = tempDir('themes-by-missing-');
    const note = (name: string, front: string) => writeNote(dir, name, front);
    note('a.md', 'id: a\nrole: leder');
    note('b.md', 'id: b\nrole: ansatt');
    note('c.md', 'id: c');
    note('d.md', '');
    const r = await runCli(['code', dir, '--by', 'role', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toContain('(ingen verdi) (n = 2)');
    expect(r.stderr).toContain('warning ATTRIBUTE_MISSING 2 of 4 notes have no role, and count in a column of their own: c, d');
    const strict = await runCli(['code', dir, '--by', 'role', '--format', 'csv', '--strict']);
    expect([strict.code, strict.stdout]).toEqual([2, '']);
    expect(strict.stderr).toContain('ATTRIBUTE_MISSING');
    // One note without it: said in the singular; every note with it (or one informant's other note giving it): nothing.
    rmSync(join(dir, 'd.md'));
    expect((await runCli(['code', dir, '--by', 'role', '--format', 'csv'])).stderr).toContain('1 of 3 notes has no role');
    writeFileSync(join(dir, 'c.md'), '---\nid: c\ninformant: p1\n---\n\nR: Vi har tid.\n');
    writeFileSync(join(dir, 'e.md'), '---\nid: e\ninformant: p1\nrole: leder\n---\n\nR: Vi har tid.\n');
    expect((await runCli(['code', dir, '--by', 'role', '--format', 'csv'])).stderr).not.toContain('ATTRIBUTE_MISSING');
  });

  it('gives the numeric tables one row per informant, with the role its other note gives', async () => {
    const dir = tempDir('themes-numeric-informant-');
    writeFileSync(join(dir, 'p5-a.md'), '---\ninformant: p5\nrole: leder\nalder: 50\n---\nR: Vi har ikke tid.\n');
    writeFileSync(join(dir, 'p5-b.md'), '---\ninformant: p5\nalder: 50\n---\nR: Vi har tid.\n');
    writeFileSync(join(dir, 'p6.md'), '---\nrole: ansatt\nalder: 30\n---\nR: Vi har tid.\n');
    const r = await runCli(['table', dir, '--by', 'role', '--format', 'md', '--only', 'numeric,numeric-summary']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| p5 | leder | 50 |\n| p6 | ansatt | 30 |\n\n');
    expect(r.stdout).toContain('| leder | 1 | 50,00 | 50 | 50 |');
    expect(r.stdout).toContain('| **Alle** | 2 | 40,00 | 30 | 50 |');
  });

  it('takes several attributes, and adds their tables to an --out bundle', async () => {
    const two = await runCli([...base, '--by', 'site']);
    expect(two.stdout).toContain('fordelt på rolle');
    expect(two.stdout).toContain('fordelt på sted');
    const dir = tempDir('themes-by-');
    const r = await runCli([...base, '--by', 'site', '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(expect.arrayContaining(['crosstab-role.csv', 'crosstab-site.csv', 'frequencies.csv']));
    expect(readFileSync(join(dir, 'out', 'crosstab-site.csv'), 'utf8')).toContain('bydel-1 (n = 3): Inf.');
    // The bundle's cross-tab is the table of `themes table`, byte for byte (as the README says).
    const table = await runCli(['table', 'samples/notes', '-c', 'test/fixtures/tables/codebook.yaml', '--by', 'site', '--only', 'crosstab-site', '--format', 'csv']);
    expect(table.stdout).toBe(readFileSync(join(dir, 'out', 'crosstab-site.csv'), 'utf8'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the data files\' column names in English whatever --lang says; only labels change', async () => {
    const dir = tempDir('themes-by-lang-');
    for (const lang of ['nb', 'en']) {
      expect((await runCli(['code', 'samples/notes', '--lang', lang, '--out', join(dir, lang)])).code).toBe(0);
    }
    const first = (lang: string, file: string) => readFileSync(join(dir, lang, file), 'utf8').split('\r\n').slice(0, 2);
    expect(first('nb', 'frequencies.csv')).toEqual(['kind,id,parent,label,segments,informants,share', 'theme,inhibitors,,Hemmere,57,12,1.000']);
    expect(first('en', 'frequencies.csv')).toEqual(['kind,id,parent,label,segments,informants,share', 'theme,inhibitors,,Inhibitors,57,12,1.000']);
    expect(first('nb', 'matrix.csv')[0]).toBe(first('en', 'matrix.csv')[0]);
    expect(first('en', 'matrix.csv')[0]).toMatch(/^code,label,informant-01,/);
    expect(first('en', 'matrix.csv')[1]).toMatch(/^lack-of-time,Lack of time,/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops with a clear message for an attribute no document has, and writes no bundle', async () => {
    const dir = tempDir('themes-by-');
    const r = await runCli(['code', 'samples/notes', '-c', 'test/fixtures/tables/codebook.yaml', '--by', 'kjønn', '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error ATTRIBUTE_UNKNOWN no document has the attribute "kjønn"/);
    expect(r.stderr).toContain('hint: Attributes in these notes:');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
