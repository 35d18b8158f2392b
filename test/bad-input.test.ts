// Bad input never crashes, never half-writes, never changes an input; good files are still analysed.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, runCli, samples, type CliResult } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const codebook = fileURLToPath(new URL('fixtures/trust/codebook.yaml', import.meta.url));
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function noStackTrace(r: CliResult): void {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
  expect(r.code).not.toBe(70);
}

/** sha256 of every entry under dir (links by target text, pipes by kind, big files by size). */
function fingerprint(dir: string): string {
  const lines: string[] = [];
  const walk = (d: Buffer) => {
    for (const name of readdirSync(d, { encoding: 'buffer' }).sort(Buffer.compare)) {
      const full = Buffer.concat([d, Buffer.from('/'), name]);
      const st = lstatSync(full);
      const shown = full.toString('latin1');
      if (st.isSymbolicLink()) lines.push(`${shown} link`);
      else if (st.isDirectory()) walk(full);
      else if (!st.isFile()) lines.push(`${shown} special`);
      else if (st.size > 10 * 1024 * 1024) lines.push(`${shown} ${st.size} ${st.mtimeMs}`);
      else lines.push(`${shown} ${st.mode} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
    }
  };
  walk(Buffer.from(dir));
  return lines.join('\n');
}

describe('malformed codebooks', () => {
  const dir = tempDir('themes-badcb-');
  const write = (name: string, text: string | Buffer) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const run = (cb: string) => runCli(['code', samples, '-c', cb, '--out', join(dir, `out-${cb.replace(/\W/g, '')}`)]);
  const cases: Array<[string, string | Buffer, string, number?]> = [
    ['tabs.yaml', 'codebook: x\nlanguage: nb\nthemes:\n\t- id: a\n', 'CODEBOOK_YAML_SYNTAX', 4],
    ['duplicate.yaml', 'codebook: x\nlanguage: nb\nlanguage: en\nthemes: []\n', 'CODEBOOK_YAML_SYNTAX_DUPLICATE_KEY', 3],
    ['types.yaml', 'codebook: x\nlanguage: nb\nthemes:\n  - id: a\n    codes:\n      - id: b\n        terms: 42\n', 'CODEBOOK_WRONG_TYPE', 7],
    ['labels.yaml', 'codebook: x\nlanguage: nb\nthemes:\n  - id: a\n    codes:\n      - id: b\n        label: [1, 2]\n        terms: [tid]\n', 'CODEBOOK_WRONG_TYPE', 7],
    ['list.yaml', '- just\n- a list\n', 'CODEBOOK_NOT_A_MAPPING', 1],
    ['empty.yaml', '', 'CODEBOOK_NOT_A_MAPPING'],
    ['regex.yaml', 'codebook: x\nlanguage: nb\nthemes:\n  - id: a\n    codes:\n      - id: b\n        terms: ["/[a-/"]\n', 'CODEBOOK_INVALID_REGEX', 7],
    ['redos.yaml', 'codebook: x\nlanguage: nb\nthemes:\n  - id: a\n    codes:\n      - id: b\n        terms: ["/(\\\\w+\\\\s?)+$/"]\n', 'CODEBOOK_UNSAFE_REGEX', 7],
    ['image.yaml', PNG, 'CODEBOOK_NOT_TEXT'],
  ];
  it.each(cases)('%s: a clear diagnostic with its place, exit 2, no output', async (name, text, code, line) => {
    const r = await run(write(name, text));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(code);
    if (line) expect(r.stderr).toMatch(new RegExp(`${name}:${line}:\\d+: error ${code}`));
    expect(r.stdout).toBe('');
    noStackTrace(r);
    expect(readdirSync(dir).filter((f) => f.startsWith('out-') || f.includes('.tmp-'))).toEqual([]);
  });
  it('a 200 MB codebook is refused before it is read', async () => {
    const big = join(dir, 'huge.yaml');
    writeFileSync(big, '');
    truncateSync(big, 200 * 1024 * 1024);
    const r = await run(big);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.yaml: error CODEBOOK_TOO_LARGE is 200 MB, over the limit of 5 MB/);
    noStackTrace(r);
  });
  it('a codebook that never ends (a device such as /dev/zero) is read up to the limit and refused', async () => {
    if (!existsSync('/dev/zero')) return;
    const r = await run('/dev/zero');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/zero: error CODEBOOK_TOO_LARGE goes on past the limit of 5 MB for a codebook/);
    const show = await runCli(['codebook', 'show', '/dev/zero']);
    expect(show.code).toBe(2);
    expect(show.stderr).toMatch(/\/dev\/zero: error CODEBOOK_TOO_LARGE goes on past the limit of 5 MB/);
    noStackTrace(r);
  });
  it('a missing codebook and a folder given as codebook', async () => {
    for (const cb of [join(dir, 'nope.yaml'), dir]) {
      const r = await run(cb);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('CODEBOOK_NOT_FOUND');
      noStackTrace(r);
    }
  });
});

describe('a notes folder full of trouble', () => {
  const base = tempDir('themes-badnotes-');
  const notes = join(base, 'notes');
  let before = '';
  beforeAll(() => {
    mkdirSync(join(notes, 'sub'), { recursive: true });
    copyFileSync(join(samples, 'informant-01.md'), join(notes, 'informant-01.md'));
    copyFileSync(join(samples, 'informant-02.md'), join(notes, 'sub', 'informant-02.md'));
    writeFileSync(join(notes, 'photo.png'), PNG);
    writeFileSync(join(notes, 'photo.md'), PNG);
    writeFileSync(join(notes, 'empty.md'), '');
    writeFileSync(join(notes, 'blank.txt'), '\n\n   \n');
    symlinkSync('loop-b.md', join(notes, 'loop-a.md'));
    symlinkSync('loop-a.md', join(notes, 'loop-b.md'));
    symlinkSync('..', join(notes, 'sub', 'up'));
    symlinkSync('missing.md', join(notes, 'dangling.md'));
    writeFileSync(Buffer.concat([Buffer.from(`${notes}/caf`), Buffer.from([0xe9]), Buffer.from('.md')]), 'Innovasjon tar tid.\n');
    // One file, two encodings: a UTF-8 paragraph and a Windows-1252 paragraph.
    writeFileSync(join(notes, 'mixed.md'), Buffer.concat([
      Buffer.from('Vi mangler tid og økonomi.\n\n', 'utf8'), Buffer.from('Forankring i ledelsen er s', 'latin1'), Buffer.from([0xe6]), Buffer.from('rlig viktig.\n', 'latin1'),
    ]));
    writeFileSync(join(notes, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Samskaping med frivillige gir nye ideer.\r\n', 'utf16le')]));
    writeFileSync(join(notes, 'latin1.txt'), Buffer.from([...Buffer.from('Budsjettet er for lite, og vi f', 'latin1'), 0xe5, ...Buffer.from('r ikke midler.\n', 'latin1')]));
    // 200 MB: sparse, so the test is quick; notes over 50 MB are refused before they are read.
    writeFileSync(join(notes, 'huge.md'), '');
    truncateSync(join(notes, 'huge.md'), 200 * 1024 * 1024);
    execFileSyncSafe('mkfifo', [join(notes, 'pipe.md')]);
    // What Word and LibreOffice leave beside a document that is open: not notes, and not errors.
    writeFileSync(join(notes, '~$formant-01.docx'), Buffer.from([0x0c, ...Buffer.from('Kari Nordmann'), 0, 0, 0]));
    writeFileSync(join(notes, '.~lock.informant-01.docx#'), 'Kari Nordmann,kari,host,06.12.2026 13:40,file:///home/kari;\n');
    before = fingerprint(notes);
  });

  it('analyses the good files, lists the bad ones, exits 1, and changes nothing', async () => {
    const out = join(base, 'out');
    const r = await runCli(['code', notes, '-c', codebook, '--out', out], { cwd: base });
    noStackTrace(r);
    expect(r.code).toBe(1);
    for (const code of ['NOTE_BINARY', 'NOTE_UNREADABLE', 'NOTE_NAME_NOT_UTF8', 'NOTE_TOO_LARGE', 'NOTE_MIXED_ENCODING', 'NOTE_EMPTY', 'NOTE_SKIPPED_FILES']) {
      expect(r.stderr, code).toContain(code);
    }
    if (existsSync(join(notes, 'pipe.md'))) expect(r.stderr).toContain('NOTE_NOT_A_FILE');
    expect(r.stderr).toMatch(/notes\/caf\\xE9\.md: error NOTE_NAME_NOT_UTF8/);
    expect(r.stderr).toMatch(/notes\/huge\.md: error NOTE_TOO_LARGE is 200 MB, over the limit of 50 MB/);
    // An empty note is kept (it is in run.json below), and the hint says so rather than "skipped".
    expect(r.stderr).toMatch(/notes\/empty\.md: warning NOTE_EMPTY has no text to code\n  hint: .*it is kept, with nothing to code, and counts among the informants/);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.inputs.map((i: { id: string }) => i.id)).toEqual(['blank', 'empty', 'informant-01', 'informant-02', 'latin1', 'mixed', 'utf16']);
    expect(run.failed).toEqual(expect.arrayContaining(['notes/photo.md', 'notes/huge.md', 'notes/loop-a.md', 'notes/dangling.md']));
    const segments = readFileSync(join(out, 'segments.jsonl'), 'utf8');
    expect(segments).toContain('Forankring i ledelsen er særlig viktig.');
    expect(segments).toContain('Vi mangler tid og økonomi.');
    expect(segments).toContain('vi får ikke midler');
    expect(segments).toContain('"text":"Samskaping med frivillige gir nye ideer."');
    expect(run.inputs.find((i: { id: string }) => i.id === 'mixed').encoding).toBe('mixed');
    expect(run.inputs.find((i: { id: string }) => i.id === 'latin1').encoding).toBe('windows-1252');
    expect(fingerprint(notes)).toBe(before);
    expect(r.stderr).not.toContain('~$');
    expect(r.stderr).not.toContain('.~lock');
  });

  it('themes check and themes anonymize treat the same folder the same way', async () => {
    const check = await runCli(['check', notes], { cwd: base });
    noStackTrace(check);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('NOTE_TOO_LARGE');
    const anon = await runCli(['anonymize', notes, '--out', join(base, 'anon')], { cwd: base });
    noStackTrace(anon);
    expect(anon.code).toBe(1);
    expect(readdirSync(join(base, 'anon')).sort()).toEqual(['.themes-anonymized', 'blank.txt', 'empty.md', 'informant-01.md', 'latin1.txt', 'mixed.md', 'sub', 'utf16.txt']);
    expect(fingerprint(notes)).toBe(before);
  });

  it('a folder with only bad files is a usage error (exit 2)', async () => {
    const only = join(base, 'only-bad');
    mkdirSync(only);
    writeFileSync(join(only, 'x.md'), PNG);
    const r = await runCli(['code', only, '-c', codebook]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NOTE_BINARY');
    noStackTrace(r);
  });
});

describe('a notes folder as researchers leave it', () => {
  it('names an interview in an old Word file (.doc) or another document format apart from the images it skips', async () => {
    const base = tempDir('themes-doc-');
    mkdirSync(join(base, 'notes'));
    copyFileSync(join(samples, 'informant-03.md'), join(base, 'notes', 'informant-03.md'));
    writeFileSync(join(base, 'notes', 'intervju-4.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    writeFileSync(join(base, 'notes', 'tavle.png'), PNG);
    const r = await runCli(['code', 'notes', '--format', 'csv'], { cwd: base });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning NOTE_OTHER_DOCUMENT_FORMAT skipped 1 document(s) in a format themes does not read: notes/intervju-4.doc\n  hint: Save each as Word (.docx)');
    expect(r.stderr).toContain('warning NOTE_SKIPPED_FILES skipped 1 file(s) that are not notes: notes/tavle.png');
  });

  it('does not follow a link to a folder that holds the notes folder (.., /): it would walk the file system', async () => {
    const base = tempDir('themes-link-out-');
    const notes = join(base, 'notes');
    mkdirSync(notes);
    copyFileSync(join(samples, 'informant-03.md'), join(notes, 'informant-03.md'));
    symlinkSync('/', join(notes, 'root'));
    symlinkSync('..', join(notes, 'project'));
    const started = Date.now();
    const r = await runCli(['check', 'notes'], { cwd: base });
    expect(Date.now() - started).toBeLessThan(5000);
    noStackTrace(r);
    expect(r.stderr).toContain('notes/root: warning NOTE_LINK_LOOP links to a folder that holds the notes folder itself; not followed');
    expect(r.stderr).toContain('notes/project: warning NOTE_LINK_LOOP');
    expect(r.code).toBe(0);
  });

  it('reads a note reached twice (a link to it, a linked folder) once, and skips an old --out bundle inside', async () => {
    const base = tempDir('themes-twice-');
    const notes = join(base, 'notes');
    mkdirSync(join(notes, 'sub'), { recursive: true });
    copyFileSync(join(samples, 'informant-03.md'), join(notes, 'informant-03.md'));
    copyFileSync(join(samples, 'informant-04.md'), join(notes, 'sub', 'informant-04.md'));
    symlinkSync('informant-03.md', join(notes, 'same-as-03.md'));
    symlinkSync('sub', join(notes, 'sub-link'));
    // A bundle written into the notes folder by an earlier run, from notes given as files.
    const first = await runCli(['code', 'notes/informant-03.md', '-c', codebook, '--out', 'notes/results'], { cwd: base });
    expect(first.code).toBe(0);
    const before = fingerprint(notes);
    const r = await runCli(['code', 'notes', 'notes/informant-03.md', '-c', codebook, '--format', 'json'], { cwd: base });
    noStackTrace(r);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.corpus.documents).toBe(2);
    expect(r.stderr).toMatch(/warning NOTE_SKIPPED_RESULTS skipped 1 folder\(s\) that themes wrote \(results of themes code --out, or copies from themes anonymize\), not notes: notes\/results/);
    expect(fingerprint(notes)).toBe(before);
  });

  it('skips pseudonymised copies written among the notes (notes given as files), and reads them when given by name', async () => {
    const base = tempDir('themes-copies-');
    const notes = join(base, 'notes');
    mkdirSync(notes);
    copyFileSync(join(samples, 'informant-03.md'), join(notes, 'informant-03.md'));
    copyFileSync(join(samples, 'informant-04.md'), join(notes, 'informant-04.md'));
    const anon = await runCli(['anonymize', 'notes/informant-03.md', 'notes/informant-04.md', '--out', 'notes/anon'], { cwd: base });
    expect(anon.code).toBe(0);
    const all = await runCli(['code', 'notes', '-c', codebook, '--format', 'json'], { cwd: base });
    expect(all.code).toBe(0);
    expect(all.stderr).not.toContain('NOTE_DUPLICATE_ID');
    expect(all.stderr).toContain('NOTE_SKIPPED_RESULTS');
    expect(JSON.parse(all.stdout).corpus.documents).toBe(2);
    const copies = await runCli(['code', 'notes/anon', '-c', codebook, '--format', 'json'], { cwd: base });
    expect(copies.code).toBe(0);
    expect(JSON.parse(copies.stdout).corpus.documents).toBe(2);
  });
});

describe('--out that would damage the notes', () => {
  const base = tempDir('themes-badout-');
  const notes = join(base, 'notes');
  mkdirSync(notes);
  copyFileSync(join(samples, 'informant-03.md'), join(notes, 'informant-03.md'));
  writeFileSync(join(base, 'a-file.txt'), 'not a folder\n');
  // Links on either side must not hide the overlap: "alias" is the folder that holds proj/notes,
  // "notes-link" is the notes folder under another name.
  mkdirSync(join(base, 'proj', 'notes'), { recursive: true });
  copyFileSync(join(samples, 'informant-03.md'), join(base, 'proj', 'notes', 'informant-03.md'));
  symlinkSync('proj', join(base, 'alias'));
  symlinkSync('notes', join(base, 'notes-link'));
  it.each([
    [['notes', '--out', 'notes/results'], 'OUT_INSIDE_NOTES'],
    [['notes', '--out', 'notes'], 'OUT_INSIDE_NOTES'],
    [['notes-link', '--out', 'notes/results'], 'OUT_INSIDE_NOTES'],
    [['notes', '--out', 'notes-link/results'], 'OUT_INSIDE_NOTES'],
    [['notes/informant-03.md', '--out', '.', '--force'], 'OUT_CONTAINS_NOTES'],
    [['proj/notes', '--out', 'alias', '--force'], 'OUT_CONTAINS_NOTES'],
    [['proj/notes/informant-03.md', '--out', 'alias', '--force'], 'OUT_CONTAINS_NOTES'],
    [['notes', '--out', 'a-file.txt'], 'OUT_IS_FILE'],
    [['notes', '--out', 'no/such/parent'], 'OUT_NO_PARENT'],
    [['notes', '--out', 'a-file.txt/results'], 'OUT_CANNOT_WRITE'],
  ])('%j → %s, exit 2, nothing written or changed', async (args, code) => {
    const before = fingerprint(base);
    const r = await runCli(['code', ...args, '-c', codebook], { cwd: base });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(code);
    noStackTrace(r);
    expect(fingerprint(base)).toBe(before);
  });
  // The other commands that write: a folder of tables is replaced whole like a bundle; a single
  // file may sit beside the notes unless a later run would read it as a note (.md, .docx).
  it.each([
    [['table', 'proj/notes', '-f', 'csv', '-o', 'alias', '--force'], 'OUT_CONTAINS_NOTES'],
    [['table', 'notes', '-f', 'latex', '-o', 'notes/', '--force'], 'OUT_INSIDE_NOTES'],
    [['table', 'notes', '-f', 'docx', '-o', 'notes-link/appendix.docx'], 'OUT_INSIDE_NOTES'],
    [['table', 'notes', '-f', 'md', '-o', 'notes/informant-03.md'], 'OUT_INSIDE_NOTES'],
    [['table', 'notes', '-f', 'latex', '-o', 'tables.md'], 'TABLE_OUT_EXTENSION'],
    [['report', 'notes', '-o', 'notes/informant-03.md'], 'OUT_INSIDE_NOTES'],
    [['export', 'qdpx', 'notes/informant-03.md', '-o', 'notes/informant-03.md', '--force'], 'OUT_CONTAINS_NOTES'],
  ])('%j → %s, exit 2, nothing written or changed', async (args, code) => {
    const before = fingerprint(base);
    const r = await runCli([...args, '-c', codebook], { cwd: base });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(code);
    noStackTrace(r);
    expect(fingerprint(base)).toBe(before);
  });
  // The hint said «--out is replaced as a whole» whatever option the path was given to.
  it.each([
    [['suggest', 'notes/informant-03.md', '--write-codebook', 'notes/informant-03.md', '--force'], '--write-codebook'],
    [['anonymize', 'notes/informant-03.md', '--out', 'anon', '--key', 'notes/informant-03.md', '--force'], '--key'],
    [['report', 'notes/informant-03.md', '-o', 'notes/informant-03.md', '--force'], '--out'],
    [['code', 'notes/informant-03.md', '--out', '.', '--force'], '--out'],
  ])('%j → OUT_CONTAINS_NOTES names %s in its message and its hint', async (args, option) => {
    const before = fingerprint(base);
    const r = await runCli(args, { cwd: base });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error OUT_CONTAINS_NOTES ${option} `);
    const hint = /^ {2}hint: (.*)$/m.exec(r.stderr)?.[1] ?? '';
    expect(hint).toContain(option);
    if (option !== '--out') expect(hint).not.toContain('--out');
    expect(r.stdout).toBe('');
    noStackTrace(r);
    expect(fingerprint(base)).toBe(before);
  });
  it('a report beside the notes is fine: it is not read as a note', async () => {
    const dir = tempDir('themes-beside-');
    copyFileSync(join(samples, 'informant-03.md'), join(dir, 'informant-03.md'));
    const r = await runCli(['report', '.', '-o', 'report.html', '-c', codebook], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['informant-03.md', 'report.html']);
  });
});

describe('unreadable files', () => {
  // chmod 000 does not stop root, so as root the real binary runs as the user "nobody" instead.
  it('are listed, the rest analysed, exit 1', async () => {
    const base = tempDir('themes-perm-');
    chmodSync(base, 0o755);
    const notes = join(base, 'notes');
    mkdirSync(notes);
    copyFileSync(join(samples, 'informant-03.md'), join(notes, 'informant-03.md'));
    writeFileSync(join(notes, 'secret.md'), 'Innovasjon tar tid.\n');
    chmodSync(join(notes, 'secret.md'), 0o000);
    mkdirSync(join(notes, 'locked'));
    chmodSync(join(notes, 'locked'), 0o000);
    const r = await runAsUser(['code', 'notes', '-c', codebook, '--format', 'csv'], base);
    expect(r.stderr).toMatch(/notes\/secret\.md: error NOTE_UNREADABLE/);
    expect(r.stderr).toMatch(/notes\/locked: error NOTE_UNREADABLE/);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^kind,id,parent/);
    noStackTrace(r);
  });
});

describe('--out where nothing can be written', () => {
  // As root the real binary runs as "nobody", for whom a folder of mode 555 is read-only.
  it('is a clear error (OUT_CANNOT_WRITE), exit 2, with no stack trace and nothing left behind', async () => {
    const base = tempDir('themes-rofs-');
    chmodSync(base, 0o755);
    copyFileSync(join(samples, 'informant-03.md'), join(base, 'informant-03.md'));
    mkdirSync(join(base, 'locked'));
    chmodSync(join(base, 'locked'), 0o555);
    const r = await runAsUser(['code', 'informant-03.md', '-c', codebook, '--out', 'locked/results'], base);
    expect(r.stderr).toContain('error OUT_CANNOT_WRITE cannot write --out locked/results: no permission to write there');
    expect(r.code).toBe(2);
    noStackTrace(r);
    expect(readdirSync(join(base, 'locked'))).toEqual([]);
  });
});

/**
 * The real binary, as a user whom permissions bind: chmod does not stop root, and the tests run
 * as root in CI, so there it runs as "nobody".
 */
async function runAsUser(args: string[], cwd: string): Promise<CliResult> {
  const options = { cwd, env: { PATH: process.env.PATH ?? '' }, ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}) };
  try {
    const ok = await promisify(execFile)(process.execPath, [join(root, 'bin/themes.js'), ...args], options);
    return { code: 0, ...ok };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function execFileSyncSafe(cmd: string, args: string[]): void {
  try {
    execFileSync(cmd, args);
  } catch {
    // mkfifo exists on every Linux and macOS; without it the pipe case is left out.
  }
}

describe('a note file name with a line break', () => {
  it('is read, and named once in a warning with the break written \\n, since it splits line-by-line outputs', async () => {
    const dir = tempDir('themes-name-break-');
    writeFileSync(join(dir, 'ny\nlinje.md'), 'R: Vi har ikke tid til utviklingsarbeid.\n');
    const r = await runCli(['code', dir, '-f', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning NOTE_NAME_LINE_BREAK 1 note file name(s) hold a line break or tab');
    expect(r.stderr).toContain('ny\\nlinje.md');
    expect(r.stdout).toMatch(/^code,lack-of-time,.*,1,1,1\.000\r$/m);
  });
});
