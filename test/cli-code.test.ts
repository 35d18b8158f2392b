import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const cb = ['--codebook', 'test/fixtures/codebook-small.yaml'];
const notes = 'test/fixtures/notes-small';

describe('themes code (in-process)', () => {
  it('prints the frequency table and quotes; nothing but data on stdout, no colour off a TTY', async () => {
    const r = await runCli(['code', notes, ...cb]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\u001b\[/);
    // «I: Har dere satt av tid til samskaping? R: Nei, men …»: the answer, read with its question, is lack of time too.
    expect(r.stdout).toMatch(/Mangel på tid\s+2\s+1\s+50 %/);
    expect(r.stdout).toMatch(/Avsatt tid\s+1\s+1\s+50 %/);
    expect(r.stdout).toMatch(/Samskaping\s+2\s+2\s+100 %/);
    // Typed notes are the researcher's words: shown as they stand and marked as notes; a turn of a
    // transcript is the informant's, in «».
    expect(r.stdout).toContain('\n  Vi har ikke tid til utviklingsarbeid. Driften tar alt.\n');
    expect(r.stdout).not.toContain('«Vi har ikke tid');
    expect(r.stdout).toContain('(informant-1, tillitsvalgt; notat) test/fixtures/notes-small/a.md:8');
    expect(r.stdout).toContain('«Nei, men samskapingsprosjektet med frivilligheten gikk bra.»');
    expect(r.stdout).toContain('(informant-1, tillitsvalgt) test/fixtures/notes-small/a.md:11');
  });

  it('warns when notes are in a language that no codebook is in, and --strict stops there', async () => {
    const dir = tempDir('themes-lang-gap-');
    writeFileSync(join(dir, 'nb.md'), 'R: Vi har ikke tid til utviklingsarbeid, og det er ikke noe vi kan gjøre med det.\n');
    writeFileSync(join(dir, 'en.md'), 'R: We have no time for development work, and that is what they say about it.\n');
    const one = await runCli(['code', dir, '--codebook', 'codebooks/innovasjon.yaml', '--format', 'csv']);
    expect(one.code).toBe(0);
    expect(one.stderr).toContain('warning NOTES_LANGUAGE_WITHOUT_CODEBOOK 1 note(s) in English (en), and no codebook in English: coded with innovasjon (nb)');
    const english = await runCli(['code', dir, '--codebook', 'codebooks/innovation-en.yaml', '--format', 'csv']);
    expect(english.stderr).toContain('1 note(s) in Norwegian (nb), and no codebook in Norwegian: coded with innovation-en (en)');
    const both = await runCli(['code', dir, '--format', 'csv']);
    expect(both.stderr).not.toContain('NOTES_LANGUAGE_WITHOUT_CODEBOOK');
    const strict = await runCli(['code', dir, '--codebook', 'codebooks/innovasjon.yaml', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('STRICT_WARNINGS');
  });

  it('colours only on a TTY, and never with NO_COLOR', async () => {
    expect((await runCli(['code', notes, ...cb], { tty: true })).stdout).toMatch(/\u001b\[/);
    expect((await runCli(['code', notes, ...cb], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await runCli(['--no-color', 'code', notes, ...cb], { tty: true })).stdout).not.toMatch(/\u001b\[/);
    expect((await runCli(['code', notes, ...cb], { tty: true, env: { TERM: 'dumb' } })).stdout).not.toMatch(/\u001b\[/);
  });

  it('refuses "-" as a file name for --out, which wrote a file named «-»', async () => {
    const r = await runCli(['export', 'qdpx', notes, ...cb, '-o', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"-" is not a file or folder here');
  });

  it('does not code interviewer turns unless --include-interviewer', async () => {
    const without = JSON.parse((await runCli(['code', notes, ...cb, '--format', 'json'])).stdout);
    const row = (j: { frequencies: Array<{ id: string; segments: number }> }, id: string) => j.frequencies.find((f) => f.id === id)!.segments;
    expect(row(without, 'set-aside-time')).toBe(1);
    const withI = JSON.parse((await runCli(['code', notes, ...cb, '--format', 'json', '--include-interviewer'])).stdout);
    expect(row(withI, 'set-aside-time')).toBe(2);
  });

  it('writes CSV with a header and one row per theme and code', async () => {
    const r = await runCli(['code', notes, ...cb, '--format', 'csv']);
    expect(r.stdout.split('\r\n')).toEqual([
      'kind,id,parent,label,segments,informants,share',
      'theme,inhibitors,,Hemmere,2,1,0.500',
      'code,lack-of-time,inhibitors,Mangel på tid,2,1,0.500',
      'theme,promoters,,Fremmere,2,2,1.000',
      'code,set-aside-time,promoters,Avsatt tid,1,1,0.500',
      'code,co-creation,promoters,Samskaping,2,2,1.000',
      '',
    ]);
  });

  it('writes JSON with a version field and labels in the language asked for', async () => {
    const j = JSON.parse((await runCli(['code', notes, ...cb, '--format', 'json', '--lang', 'en'])).stdout);
    expect(j.version).toBe(1);
    expect(j.corpus).toEqual({ documents: 2, informants: 2, segments: 4, unit: 'paragraph' });
    expect(j.frequencies[1]).toMatchObject({ id: 'lack-of-time', label: 'Lack of time', segments: 2, informants: 1, share: 0.5 });
  });

  it('limits quotes per code with --quotes', async () => {
    const j = JSON.parse((await runCli(['code', notes, ...cb, '--format', 'json', '--quotes', '1'])).stdout);
    expect(j.quotes.filter((q: { code: string }) => q.code === 'co-creation')).toHaveLength(1);
  });

  it('writes the bundle whole, and refuses a non-empty folder without --force', async () => {
    const dir = tempDir('themes-out-');
    const out = join(dir, 'results');
    const r = await runCli(['code', notes, ...cb, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['frequencies.csv', 'matrix.csv', 'quotes.md', 'run.json', 'segments.jsonl']);
    const segments = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(segments).toHaveLength(4);
    expect(segments[0]).toMatchObject({ document: 'informant-1', line: 8, speaker: null, themes: ['inhibitors'] });
    expect(segments[0].codes[0]).toMatchObject({ code: 'lack-of-time', evidence: [{ term: 'tid', text: 'tid', cue: { text: 'ikke' } }] });
    expect(readFileSync(join(out, 'matrix.csv'), 'utf8').split('\r\n')[0]).toBe('code,label,informant-1,informant-2');
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.inputs.map((i: { sha256: string }) => i.sha256)).toHaveLength(2);
    expect(run.codebooks[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    const again = await runCli(['code', notes, ...cb, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('OUT_NOT_EMPTY');
    expect((await runCli(['code', notes, ...cb, '--out', out, '--force'])).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['results']);
  });

  it('refuses an --out it cannot write before it reads the notes, not after coding them all', async () => {
    const dir = tempDir('themes-out-first-');
    mkdirSync(join(dir, 'full'));
    writeFileSync(join(dir, 'full', 'old.txt'), 'x');
    writeFileSync(join(dir, 'p.qdpx'), 'x');
    const samples = join(root, 'samples/notes');
    for (const [args, code] of [
      [['code', samples, '--out', 'full'], 'OUT_NOT_EMPTY'],
      [['table', samples, '--format', 'csv', '--out', 'full'], 'OUT_NOT_EMPTY'],
      [['report', samples, '--out', 'full'], 'OUT_IS_DIR'],
      [['export', 'qdpx', samples, '--out', 'p.qdpx'], 'OUT_EXISTS'],
      [['code', samples, '--out', 'nowhere/results'], 'OUT_NO_PARENT'],
    ] as const) {
      const r = await runCli([...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      // The error and its hint, and nothing before them: the samples' masking notice comes after coding.
      expect(r.stderr, args.join(' ')).toMatch(new RegExp(`^(p\\.qdpx: )?error ${code} [^\n]*\n  hint: [^\n]*\n$`));
    }
  });

  it('names a file of the kind the command writes in the hint of OUT_IS_DIR, not a report for every command', async () => {
    const dir = tempDir('themes-out-dir-');
    mkdirSync(join(dir, 'full'));
    const samples = join(root, 'samples/notes');
    for (const [args, example] of [
      [['report', samples, '--out', 'full'], 'full/report.html'],
      [['export', 'qdpx', samples, '--out', 'full'], 'full/project.qdpx'],
      [['export', 'qdc', join(root, 'codebooks/innovasjon.yaml'), '--out', 'full'], 'full/innovasjon.qdc'],
    ] as const) {
      const r = await runCli([...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(`error OUT_IS_DIR --out full is a folder, not a file\n  hint: Give a file name for --out, e.g. --out ${example}.\n`);
    }
  });

  it('names the shipped codebooks themes:codebooks/… when run from another folder, never by their absolute path', async () => {
    const dir = tempDir('themes-elsewhere-');
    writeFileSync(join(dir, 'n.md'), 'R: Vi har ikke tid til utvikling.\n');
    expect((await runCli(['code', 'n.md', '--out', 'res'], { cwd: dir })).code).toBe(0);
    const run = JSON.parse(readFileSync(join(dir, 'res', 'run.json'), 'utf8'));
    expect(run.codebooks.map((c: { path: string }) => c.path)).toEqual(['themes:codebooks/innovasjon.yaml', 'themes:codebooks/innovation-en.yaml']);
    expect((await runCli(['report', 'n.md', '--out', 'r.html'], { cwd: dir })).code).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toContain('themes:codebooks/innovasjon.yaml');
    expect(html).not.toContain(root);
  });

  it('names the format choices in every command\'s --help', async () => {
    for (const [args, formats] of [
      [['suggest'], 'terminal, json, md'], [['count'], 'terminal, csv, md, json'], [['kwic'], 'terminal, csv, md, json'],
      [['agree'], 'terminal, csv, json, md'], [['table'], 'md, csv, json, latex, docx'],
      [['codebook', 'lint'], 'terminal, json'], [['codebook', 'diff'], 'terminal, md, json'], [['codebook', 'test'], 'terminal, json'],
    ] as const) {
      const r = await runCli([...args, '--help']);
      expect(r.stdout.replace(/\s+/g, ' '), args.join(' ')).toContain(formats);
    }
  });

  it('says each option\'s default once in every command\'s --help (no «(default: false)» after a flag)', async () => {
    // Every command and subcommand, found from the Commands: lists of --help.
    const seen: string[][] = [];
    const visit = async (path: string[]): Promise<void> => {
      const r = await runCli([...path, '--help']);
      expect(r.code, path.join(' ')).toBe(0);
      seen.push(path);
      const [, options = '', commands = ''] = /\nOptions:\n([\s\S]*?)(?:\nCommands:\n([\s\S]*))?$/.exec(r.stdout) ?? [];
      // One entry per option: a line that begins with two spaces and a dash, and its wrapped lines.
      for (const entry of options.split(/\n(?= {2}-)/).map((e) => e.replace(/\s+/g, ' ').trim())) {
        expect(entry, `${path.join(' ')}: ${entry}`).not.toContain('(default: false)');
        expect(entry.match(/\bdefault\b/gi)?.length ?? 0, `${path.join(' ')}: ${entry}`).toBeLessThanOrEqual(1);
      }
      for (const name of commands.split('\n').map((l) => /^ {2}([a-z][a-z-]*)/.exec(l)?.[1]).filter((n): n is string => n !== undefined && n !== 'help')) {
        await visit([...path, name]);
      }
    };
    await visit([]);
    expect(seen.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['kwic', 'count', 'code', 'codebook test', 'export qdpx']));
  });

  it('points a usage error to the help of the command it was made in', async () => {
    for (const [args, help] of [
      [['kwic', '--bogus', 'x', 'samples/notes'], 'themes kwic --help'],
      [['count', '--format', 'xml', 'tid', '--', 'samples/docs'], 'themes count --help'],
      [['codebook', 'test', '--format', 'md', 'codebooks/innovasjon.yaml'], 'themes codebook test --help'],
      [['codebook', 'nope'], 'themes codebook --help'],
      [['export', 'qdpx', 'samples/notes'], 'themes export qdpx --help'],
      [['--bogus'], 'themes --help'],
    ] as const) {
      const r = await runCli([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(new RegExp(`^error: [^\\n]+\\n\\(run ${help} for usage\\)\\n$`));
    }
  });

  it('says in words that no segment got a code, and why the inductive summary has no candidates', async () => {
    const dir = tempDir('themes-uncoded-');
    writeFileSync(join(dir, 'a.md'), '---\nid: a\n---\n\nR: Blåbær og tyttebær vokser i skogen.\n\nR: Vi plukker bær om høsten.\n');
    writeFileSync(join(dir, 'b.md'), '---\nid: b\nlang: en\n---\n\nR: Blueberries grow in the forest.\n\nR: We pick berries in the autumn.\n');
    const nb = await runCli(['code', join(dir, 'a.md')]);
    expect(nb.code).toBe(0);
    // The quotes' heading has a line under it, not nothing.
    expect(nb.stdout).toContain('\nSitater\nIngen segmenter fikk noen kode, så det er ingen sitater.\n\nInduktivt sammendrag\n');
    expect(nb.stdout).toContain('\nIngen kandidater blant dem: for få til å gruppere (det induktive passet trenger minst 6 segmenter som deler innholdsord).\n');
    expect(nb.stdout).not.toContain('SUGGEST_');
    const md = await runCli(['code', join(dir, 'a.md'), '--format', 'md']);
    expect(md.stdout).toContain('## Sitater\n\nIngen segmenter fikk noen kode, så det er ingen sitater.\n');
    expect(md.stdout).toContain('Ingen kandidater blant dem: for få til å gruppere');
    expect(md.stdout).not.toContain('SUGGEST_');
    // JSON keeps the code.
    const json = JSON.parse((await runCli(['code', join(dir, 'a.md'), '--format', 'json'])).stdout) as { inductive: { none?: string } };
    expect(json.inductive.none).toBe('SUGGEST_TOO_FEW_SEGMENTS');
    const en = await runCli(['code', join(dir, 'b.md')]);
    expect(en.stdout).toContain('\nQuotes\nNo segment got a code, so there are no quotes.\n');
    expect(en.stdout).toContain('\nNo candidates among them: too few to group (the inductive pass needs at least 6 segments that share content words).\n');
    // Coded segments, but --quotes 0: no quotes, not «no code».
    const none = await runCli(['code', notes, ...cb, '--quotes', '0']);
    expect(none.stdout).toMatch(/\n(Sitater\nIngen sitater\.|Quotes\nNo quotes\.)\n/);
  });

  it('refuses an --out inside the notes folder', async () => {
    const r = await runCli(['code', notes, ...cb, '--out', `${notes}/results`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('OUT_INSIDE_NOTES');
  });

  it('gives a clear error for a missing path and for an empty folder', async () => {
    const missing = await runCli(['code', 'no/such/folder', ...cb]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^no\/such\/folder: error INPUT_NOT_FOUND does not exist/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const empty = tempDir('themes-empty-');
    const r = await runCli(['code', empty, ...cb]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NOTES_NONE');
  });

  it('reports an invalid codebook with file, line and column, and exits 2', async () => {
    const dir = tempDir('themes-cb-');
    writeFileSync(join(dir, 'bad.yaml'), 'codebook: x\nlanguage: nb\nthemes:\n  - id: a\n    codes:\n      - id: b\n        terms: [/a(/]\n');
    const r = await runCli(['code', notes, '--codebook', join(dir, 'bad.yaml')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^bad\.yaml:7:17: error CODEBOOK_INVALID_REGEX/);
  });

  it('analyses the good notes, lists the bad ones and exits 1', async () => {
    const dir = tempDir('themes-mixed-');
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'good.md'), 'Vi har ikke tid.\n');
    writeFileSync(join(dir, 'notes', 'bad.md'), '---\nid: [x\n---\nTekst.\n');
    const r = await runCli(['code', 'notes', '--codebook', join(root, 'test/fixtures/codebook-small.yaml'), '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notes\/bad\.md:[23]:\d+: error NOTE_FRONTMATTER_SYNTAX/);
    expect(r.stdout).toContain('code,lack-of-time,inhibitors,Mangel på tid,1,1,1.000');
  });

  it('makes warnings fatal with --strict', async () => {
    const dir = tempDir('themes-strict-');
    writeFileSync(join(dir, 'cb.yaml'), 'codebook: x\nlanguage: nb\nthemes:\n  - id: a\n    codes:\n      - id: b\n');
    const loose = await runCli(['code', join(root, notes), '--codebook', 'cb.yaml'], { cwd: dir });
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain('warning CODEBOOK_CODE_WITHOUT_TERMS');
    const strict = await runCli(['code', join(root, notes), '--codebook', 'cb.yaml', '--strict'], { cwd: dir });
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
  });

  it('stops with --strict (exit 2, nothing written) when a note has an error, in every command that has --strict', async () => {
    const dir = tempDir('themes-strict-errors-');
    cpSync(join(root, notes), join(dir, 'notes'), { recursive: true });
    writeFileSync(join(dir, 'notes', 'bad.md'), '---\nid: x1\nrole: "ansatt\n---\n\nR: Vi har ikke tid til utviklingsarbeid.\n');
    const book = join(root, 'test/fixtures/codebook-small.yaml');
    const loose = await runCli(['code', 'notes', '-c', book, '--format', 'csv'], { cwd: dir });
    expect(loose.code).toBe(1);
    expect(loose.stdout).not.toBe('');
    for (const args of [
      ['code', 'notes', '-c', book, '--format', 'csv'],
      ['code', 'notes', '-c', book, '--out', 'out'],
      ['table', 'notes', '-c', book, '--out', 'out'],
      ['report', 'notes', '-c', book, '--out', 'report.html'],
      ['suggest', 'notes', '-c', book, '--k', '2', '--write-codebook', 'draft.yaml'],
      ['export', 'qdpx', 'notes', '-c', book, '--out', 'p.qdpx'],
      ['agree', 'a=notes', 'b=notes'],
    ]) {
      const r = await runCli([...args, '--strict'], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('bad.md:3:7: error NOTE_FRONTMATTER_SYNTAX');
      expect(r.stderr, args.join(' ')).toContain('error STRICT_ERRORS stopped because of errors in the inputs (--strict)');
      expect(r.stdout, args.join(' ')).toBe('');
      expect(readdirSync(dir).sort(), args.join(' ')).toEqual(['notes']);
    }
  });

  it('refuses a speaker label given to both --interviewer-labels and --informant-labels, in every command that reads notes', async () => {
    const labels = ['--interviewer-labels', 'I,r', '--informant-labels', 'R,Informant'];
    for (const args of [
      ['code', notes, ...cb],
      ['suggest', notes, ...cb],
      ['table', notes, ...cb],
      ['report', notes, ...cb],
      ['export', 'qdpx', notes, ...cb, '--out', join(tempDir('themes-labels-'), 'p.qdpx')],
      ['agree', `a=${notes}`, `b=${notes}`],
    ]) {
      const r = await runCli([...args, ...labels]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('error SPEAKER_LABEL_BOTH_SIDES "r" is given to both --interviewer-labels and --informant-labels');
      expect(r.stdout, args.join(' ')).toBe('');
    }
    expect((await runCli(['code', notes, ...cb, '--interviewer-labels', 'I', '--informant-labels', 'R'])).code).toBe(0);
  });

  it('rejects bad option values with exit 2', async () => {
    const r = await runCli(['code', notes, ...cb, '--unit', 'page']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'page'");
    expect((await runCli(['code', notes, ...cb, '--quotes', 'many'])).code).toBe(2);
    const negative = await runCli(['code', notes, ...cb, '--quotes', '-1']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('"-1" is not a whole number of 0 or more');
    // An empty --out would otherwise mean "no bundle" and print to the terminal instead.
    for (const args of [['code', notes, ...cb, '--out', ''], ['table', notes, ...cb, '-o', ' '], ['anonymize', notes, '--out', 'x', '--key', '']]) {
      const empty = await runCli(args);
      expect(empty.code, args.join(' ')).toBe(2);
      expect(empty.stderr).toContain('an empty name is not a file or folder');
      expect(empty.stdout).toBe('');
    }
  });

  it('gives the same bytes whatever the order of the paths', async () => {
    const a = await runCli(['code', `${notes}/a.md`, `${notes}/b.md`, ...cb, '--format', 'json']);
    const b = await runCli(['code', `${notes}/b.md`, `${notes}/a.md`, ...cb, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('--strict and the warnings found after the notes are read', () => {
  // Each warning here comes after the notes were read and coded; --strict stopped at the notes'
  // own warnings only, and these runs printed or wrote everything and exited 0.
  const dir = tempDir('themes-strict-late-');
  mkdirSync(join(dir, 'notes'));
  const note = (name: string, front: string) => writeFileSync(join(dir, 'notes', name), `---\n${front}\n---\n\nR: Vi har ikke tid til utviklingsarbeid.\n`);
  // p5 has two roles: ATTRIBUTE_CONFLICT under --by role, and no other warning.
  note('n5a.md', 'informant: p5\nrole: leder');
  note('n5b.md', 'informant: p5\nrole: ansatt');
  note('n6.md', 'informant: p6\nrole: ansatt');
  mkdirSync(join(dir, 'wide'));
  for (let i = 1; i <= 70; i++) writeFileSync(join(dir, 'wide', `p${i}.md`), `R: Vi har ikke tid til utviklingsarbeid, sier nummer ${i}.\n`);
  const before = readdirSync(dir).sort();

  it.each([
    [['code', 'notes', '--by', 'role', '--format', 'csv'], 'ATTRIBUTE_CONFLICT', {}],
    [['code', 'notes', '--by', 'role', '--out', 'out'], 'ATTRIBUTE_CONFLICT', {}],
    [['code', 'notes', '--out', 'out'], 'SOURCE_DATE_EPOCH_IGNORED', { SOURCE_DATE_EPOCH: 'abc' }],
    [['table', 'notes', '--by', 'role', '--only', 'crosstab-role', '--format', 'csv'], 'ATTRIBUTE_CONFLICT', {}],
    [['table', 'notes', '--by', 'role', '--out', 'out'], 'ATTRIBUTE_CONFLICT', {}],
    [['table', 'wide', '--format', 'docx', '--out', 'wide.docx', '--only', 'frequencies,matrix'], 'TABLE_TOO_WIDE_FOR_WORD', {}],
    [['suggest', join(root, 'samples/notes'), '--write-codebook', 'draft.yaml'], 'SUGGEST_DRAFT_OTHER_LANGUAGE', {}],
  ] as Array<[string[], string, Record<string, string>]>)('%j: %s stops the run (exit 2, STRICT_WARNINGS), nothing printed or written', async (args, warning, env) => {
    const clean = () => { for (const f of readdirSync(dir)) if (!before.includes(f)) rmSync(join(dir, f), { recursive: true, force: true }); };
    clean();
    const loose = await runCli(args, { cwd: dir, env });
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain(`warning ${warning}`);
    clean();
    const strict = await runCli([...args, '--strict'], { cwd: dir, env });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain(`warning ${warning}`);
    expect(strict.stderr).toContain('error STRICT_WARNINGS stopped because of warnings (--strict)');
    expect(strict.stdout).toBe('');
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('the language of labels and headings', () => {
  it('is English for English notes coded with the default codebooks, and bokmål once a note is Norwegian', async () => {
    const dir = tempDir('themes-lang-');
    writeFileSync(join(dir, 'a.md'), 'R: We have no time for development work, and the budget is tight.\n');
    writeFileSync(join(dir, 'b.md'), 'R: Our staff came up with the idea themselves, and management backed us.\n');
    const en = await runCli(['code', dir, '--format', 'md']);
    expect(en.stdout).toContain('| Theme / code | Segments | Informants | Share |');
    expect(en.stdout).toContain('Lack of time `lack-of-time`');
    expect(en.stdout).not.toMatch(/Hemmere|Mangel på tid|Andel/);
    // Quotes in English typography, in Markdown and in the terminal.
    expect(en.stdout).toContain('> “We have no time for development work, and the budget is tight.” (a)');
    expect(en.stdout).not.toContain('«');
    const term = await runCli(['code', dir]);
    expect(term.stdout).toContain('  “We have no time for development work, and the budget is tight.”');
    expect(term.stdout).not.toContain('«');
    // As before: --lang decides, and a Norwegian note makes the default bokmål.
    expect((await runCli(['code', dir, '--format', 'md', '--lang', 'nb'])).stdout).toContain('Mangel på tid `lack-of-time`');
    writeFileSync(join(dir, 'c.md'), 'R: Vi har ikke tid til utviklingsarbeid.\n');
    expect((await runCli(['code', dir, '--format', 'md'])).stdout).toContain('Mangel på tid `lack-of-time`');
  });
});

describe('a note whose language the text does not tell', () => {
  it('warns that it is read as bokmål and how to say otherwise (it was silent, and a terse English note made the run Norwegian)', async () => {
    const dir = tempDir('themes-lang-guess-');
    writeFileSync(join(dir, 'a.md'), 'Q: Barriers?\n\nA: Time. Money. Staff.\n');
    writeFileSync(join(dir, 'b.md'), 'R: We have no time for development work, and the budget is tight.\n');
    const r = await runCli(['code', dir, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('a.md: warning NOTE_LANG_GUESSED has none of the common words that tell bokmål, nynorsk and English apart, so it is read as bokmål');
    expect(r.stderr).toContain('hint: Give its language in the front matter: lang: en');
    expect(r.stderr).not.toMatch(/b\.md: warning NOTE_LANG_GUESSED/);
    // With lang: en the note says nothing, and the run is English again.
    writeFileSync(join(dir, 'a.md'), '---\nlang: en\n---\n\nQ: Barriers?\n\nA: Time. Money. Staff.\n');
    const en = await runCli(['code', dir, '--format', 'md']);
    expect(en.stderr).not.toContain('NOTE_LANG_GUESSED');
    expect(en.stdout).toContain('| Theme / code | Segments | Informants | Share |');
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('fixes the time in run.json, and a value that is no time is ignored with a warning, not a crash', async () => {
    const out = (name: string) => join(tempDir('themes-sde-'), name);
    const fixed = out('a');
    const r = await runCli(['code', 'test/fixtures/notes-small', '--out', fixed], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(fixed, 'run.json'), 'utf8')).created).toBe('2026-01-01T00:00:00.000Z');
    for (const bad of ['99999999999999999', 'abc', '-5']) {
      const dir = out('b');
      const b = await runCli(['code', 'test/fixtures/notes-small', '--out', dir], { env: { SOURCE_DATE_EPOCH: bad } });
      expect(b.code, bad).toBe(0);
      expect(b.stderr, bad).toContain('warning SOURCE_DATE_EPOCH_IGNORED');
      expect(Date.parse(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).created), bad).toBeGreaterThan(Date.parse('2026-01-01'));
    }
  });
});

describe('a note whose file name begins with a dash', () => {
  it('reads as an option; the error says how to name the file', async () => {
    const dir = tempDir('themes-dash-');
    writeFileSync(join(dir, '-intervju.md'), 'R: Vi har ikke tid.\n');
    const r = await runCli(['code', '-intervju.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: to name a file that begins with -, write ./-intervju.md, or put -- before the file names.');
    expect((await runCli(['code', '--format', 'csv', '--', '-intervju.md'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['code', '--frobnicate'], { cwd: dir })).stderr).not.toContain('hint: to name a file');
  });
});
