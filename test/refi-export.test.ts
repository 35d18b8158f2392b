import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../src/codebook/load.js';
import { canonicalGuid, guidFor } from '../src/refi/guid.js';
import { codebookToQdc, codeGuid, qdcToYaml } from '../src/refi/qdc.js';
import { codePointOffset, codePointOffsets } from '../src/refi/positions.js';
import type { Codebook } from '../src/model.js';
import { root, runCli } from './helpers/cli.js';
import { canValidate, xmllint } from './helpers/refi.js';
import { tempDir } from './helpers/temp.js';

const cbPath = 'test/fixtures/refi/codebook.yaml';
const codebook = loadCodebook(readFileSync(`${root}/${cbPath}`, 'utf8'), cbPath).codebook!;

describe('GUIDs', () => {
  it('are UUID v5 (RFC 9562 test vector), upper case, and stable per code id', () => {
    expect(guidFor('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ED6657D-E927-568B-95E1-2665A8AEA6A2');
    expect(codeGuid('lack-of-time')).toBe(codeGuid('lack-of-time'));
    expect(codeGuid('lack-of-time')).not.toBe(codeGuid('idea-box'));
    expect(codeGuid('lack-of-time')).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
  });
  it('are compared in one canonical form', () => {
    expect(canonicalGuid('{1ff58b12-6f6f-4b0c-8be5-bbdc91f55294}')).toBe('1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294');
    expect(canonicalGuid('c001')).toBeUndefined();
  });
});

describe('themes export qdc', () => {
  const xml = codebookToQdc(codebook, { lang: 'nb', version: '0.0.0' });

  it.skipIf(!canValidate)('is valid against Codebook.xsd', () => {
    expect(xmllint(xml, 'Codebook.xsd')).toBe('');
  });

  it('writes namespace 1.0, canonical GUIDs, #RRGGBB colours, and keeps the hierarchy', () => {
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    for (const m of xml.matchAll(/guid="([^"]+)"/g)) expect(m[1]).toMatch(/^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/);
    for (const m of xml.matchAll(/color="([^"]+)"/g)) expect(m[1]).toMatch(/^#[0-9A-F]{6}$/);
    // lack-of-time sits inside inhibitors-organisation inside inhibitors.
    const i = xml.indexOf('name="Hemmere"');
    const j = xml.indexOf('name="Organisering og ledelse"');
    const k = xml.indexOf('name="Mangel på tid"');
    expect(i).toBeLessThan(j);
    expect(j).toBeLessThan(k);
    expect(xml.slice(k, xml.indexOf('</Code>', k))).toContain('Definition: Informanten sier');
    expect(xml).toMatch(/name="Hemmere" isCodable="false"/);
    expect(xml).toMatch(/name="Mangel på tid" isCodable="true"/);
  });

  // The codebook's own fields too: its lack cues decide coding.
  const strip = (cb: Codebook) => ({
    id: cb.id, language: cb.language, title: cb.title, version: cb.version, description: cb.description, cues: cb.cues,
    themes: JSON.stringify(cb.themes, (k, v: unknown) => (k === 'place' || k === 'codes' ? undefined : v)),
    codes: cb.codes.map((c) => ({ ...c, place: undefined, terms: c.terms.map((t) => ({ ...t, place: undefined, ...(t.unless ? { unless: t.unless.map((u) => ({ ...u, place: undefined })) } : {}) })) })),
  });

  it('round trips: export, import, the same codebook', () => {
    const back = qdcToYaml(xml, 'x.qdc', { id: 'other', language: 'en' });
    expect(back.diagnostics).toEqual([]);
    const loaded = loadCodebook(back.yaml!, 'back.yaml');
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(strip(loaded.codebook!)).toEqual(strip(codebook));
  });

  for (const name of ['innovasjon.yaml', 'innovation-en.yaml']) {
    it.skipIf(!existsSync(`${root}/codebooks/${name}`))(`round trips the default codebook ${name}, valid against the schema`, () => {
      const original = loadCodebook(readFileSync(`${root}/codebooks/${name}`, 'utf8'), name).codebook!;
      const qdc = codebookToQdc(original, { lang: original.language === 'en' ? 'en' : 'nb', version: '0.0.0' });
      if (canValidate) expect(xmllint(qdc, 'Codebook.xsd')).toBe('');
      const back = loadCodebook(qdcToYaml(qdc, name, { id: 'x', language: 'nb' }).yaml!, 'back.yaml');
      expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(strip(back.codebook!)).toEqual(strip(original));
    });
  }

  it('writes to stdout, or to --out without overwriting', async () => {
    const r = await runCli(['export', 'qdc', cbPath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<\?xml/);
    const again = await runCli(['export', 'qdc', cbPath, '-o', 'package.json']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('OUT_EXISTS');
  });

  it('never writes a codebook over a file with a note\'s extension, not even with --force (export qdc, import qdc)', async () => {
    const dir = tempDir('themes-qdc-note-');
    const note = join(dir, 'informant-01.md');
    writeFileSync(note, 'R: Vi har ikke tid.\n');
    const out = await runCli(['export', 'qdc', cbPath, '-o', note, '--force']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`OUT_NOTE_EXTENSION --out ${note} has the extension of a note (.md)`);
    expect(out.stderr).toContain('hint: Give --out a name such as test-innovasjon.qdc');
    expect(readFileSync(note, 'utf8')).toBe('R: Vi har ikke tid.\n');
    const qdc = join(dir, 'book.qdc');
    expect((await runCli(['export', 'qdc', cbPath, '-o', qdc])).code).toBe(0);
    const back = await runCli(['import', 'qdc', qdc, '-o', join(dir, 'new.txt')]);
    expect(back.code).toBe(2);
    expect(back.stderr).toContain('OUT_NOTE_EXTENSION');
    expect(existsSync(join(dir, 'new.txt'))).toBe(false);
    const again = await runCli(['import', 'qdc', qdc, '-o', note, '--force']);
    expect(again.code).toBe(2);
    expect(readFileSync(note, 'utf8')).toBe('R: Vi har ikke tid.\n');
  });
});

describe('themes export qdpx', () => {
  const tmp = tempDir('themes-test-');
  const exportProject = async (out: string, coder = 'both') => {
    const r = await runCli(['export', 'qdpx', 'test/fixtures/refi/notes', '-c', cbPath, '--coder', coder, '-o', out, '--force', '--name', 'test']);
    expect(r.code).toBe(0);
    return readFileSync(out);
  };

  it('writes project.qde and sources/, valid against Project.xsd, byte-identical on a second run', async () => {
    const a = await exportProject(join(tmp, 'a.qdpx'));
    const b = await exportProject(join(tmp, 'b.qdpx'));
    expect(Buffer.compare(a, b)).toBe(0);
    const files = unzipSync(a);
    expect(Object.keys(files).sort()).toEqual(['project.qde', expect.stringMatching(/^sources\/[0-9A-F-]{36}\.txt$/), expect.stringMatching(/^sources\/[0-9A-F-]{36}\.txt$/)]);
    const qde = new TextDecoder().decode(files['project.qde']);
    expect(qde).toContain('<Project xmlns="urn:QDA-XML:project:1.0"');
    if (canValidate) expect(xmllint(qde, 'Project.xsd')).toBe('');
    expect(qde).toMatch(/<Variable guid="[^"]+" name="structure" typeOfVariable="Integer"\/>/);
    expect(qde).toMatch(/<Variable guid="[^"]+" name="date" typeOfVariable="Date"\/>/);
    expect(qde).toContain('<DateValue>2026-02-10</DateValue>');
    expect(qde).toMatch(/<Case guid="[^"]+" name="informant-01">/);
    expect(qde).toContain('<TextValue>tillitsvalgt</TextValue>');
    expect(qde).toContain('<User guid="' + guidFor('user:human') + '" name="human"/>');
  });

  it('reports a mark with a code the codebook lacks at the note, line and column of its first use (the mark, not its paragraph\'s first line)', async () => {
    const dir = tempDir('themes-unknown-mark-');
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'h1.md'), 'Første avsnitt.\n\nR: Vi har ikke tid\ntil noe. {#ingen-slik-kode}\n');
    const r = await runCli(['export', 'qdpx', join(dir, 'notes'), '-c', join(root, cbPath), '--coder', 'human', '-o', join(dir, 'p.qdpx')], { cwd: dir });
    expect(r.stderr).toMatch(/notes\/h1\.md:4:10: warning QDPX_UNKNOWN_CODE 1 coding\(s\) use the code "ingen-slik-kode", which is not in the codebook/);
    // The summary counts the codings in the project, and a coding left out is exit code 1.
    expect(r.stderr).toMatch(/wrote .*p\.qdpx: 1 source, 0 codings \(1 left out\)/);
    expect(r.code).toBe(1);
  });

  it('warns HUMAN_NO_MARKS, as themes code --human does, when --coder human or both finds notes without marks', async () => {
    const dir = tempDir('themes-qdpx-nomarks-');
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'a.md'), 'R: Vi har ikke tid.\n');
    writeFileSync(join(dir, 'notes', 'b.md'), 'R: Vi har ikke tid.\n');
    const none = await runCli(['export', 'qdpx', 'notes', '-c', join(root, cbPath), '--coder', 'human', '-o', 'p.qdpx'], { cwd: dir });
    expect(none.stderr).toContain('warning HUMAN_NO_MARKS --coder human exports the {#code} marks in the notes, and none of the 2 notes has any: the project has no human coding');
    writeFileSync(join(dir, 'notes', 'a.md'), 'R: Vi har ikke tid. {#lack-of-time}\n');
    const some = await runCli(['export', 'qdpx', 'notes', '-c', join(root, cbPath), '--coder', 'both', '-o', 'q.qdpx'], { cwd: dir });
    expect(some.stderr).toMatch(/warning HUMAN_NO_MARKS 1 of 2 notes have no \{#code\} marks: the user human coded nothing in them \([^)]*b\.md\)/);
    expect((await runCli(['export', 'qdpx', 'notes', '-c', join(root, cbPath), '-o', 'r.qdpx'], { cwd: dir })).stderr).not.toContain('HUMAN_NO_MARKS');
    expect((await runCli(['export', 'qdpx', 'notes', '-c', join(root, cbPath), '--coder', 'both', '-o', 's.qdpx', '--strict'], { cwd: dir })).code).toBe(2);
  });

  it('warns, as themes code does, when English notes are coded with a Norwegian codebook only; --strict stops', async () => {
    const dir = tempDir('themes-qdpx-lang-');
    const args = ['export', 'qdpx', join(root, 'samples/notes'), '-c', join(root, 'codebooks/innovasjon.yaml'), '-o', join(dir, 'p.qdpx')];
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning NOTES_LANGUAGE_WITHOUT_CODEBOOK 2 note\(s\) in English/);
    const strict = await runCli([...args.slice(0, -1), join(dir, 'q.qdpx'), '--strict'], { cwd: dir });
    expect(strict.code).toBe(2);
    expect(existsSync(join(dir, 'q.qdpx'))).toBe(false);
    // Both codebooks: no warning.
    const both = await runCli([...args.slice(0, 5), '-c', join(root, 'codebooks/innovation-en.yaml'), '-o', join(dir, 'r.qdpx')], { cwd: dir });
    expect(both.stderr).not.toContain('NOTES_LANGUAGE_WITHOUT_CODEBOOK');
  });

  it('counts positions in code points, end exclusive, into the UTF-8 source text', async () => {
    const files = unzipSync(await exportProject(join(tmp, 'c.qdpx'), 'human'));
    const qde = new TextDecoder().decode(files['project.qde']);
    const source = Object.entries(files).find(([n, d]) => n.startsWith('sources/') && new TextDecoder().decode(d).includes('😀'))!;
    const text = [...new TextDecoder().decode(source[1])];
    const sel = /name="informant-01:20" startPosition="(\d+)" endPosition="(\d+)"/.exec(qde)!;
    expect(text.slice(Number(sel[1]), Number(sel[2])).join('')).toBe('Ellers er det stille her 😀, men det er ingen tid til overs.');
    expect(codePointOffset('a😀b', 3)).toBe(2);
  });

  it('codePointOffsets answers as codePointOffset does at every offset, pairs split or not', () => {
    for (const text of ['', 'økonomi', 'a😀b', '😀😀x𝕏', 'x\ud83d', '\ud83dy😀', 'tid 😀\n😀 slutt']) {
      const points = codePointOffsets(text);
      for (let i = 0; i <= text.length; i++) expect([text, i, points(i)]).toEqual([text, i, codePointOffset(text, i)]);
    }
  });
});
