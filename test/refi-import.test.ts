import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../src/codebook/load.js';
import { codeCorpus } from '../src/coding/deductive.js';
import { codingsFromMarks } from '../src/coding/human.js';
import { DEFAULT_SPEAKERS, loadCorpus } from '../src/corpus/index.js';
import { codebookToQdc, qdcToYaml } from '../src/refi/qdc.js';
import { pickPositions, positionMap } from '../src/refi/positions.js';
import { readProject } from '../src/refi/read-project.js';
import { root, runCli } from './helpers/cli.js';
import { hasShared, refi } from './helpers/refi.js';
import { tempDir } from './helpers/temp.js';

const fixtures = join(refi, 'fixtures');
const opts = { id: 'imported', language: 'nb' as const };
const codes = (r: { diagnostics: Array<{ code: string; severity: string }> }) => r.diagnostics.map((d) => d.code).sort();

describe.skipIf(!hasShared)('import of the shared .qdc fixtures', () => {
  // Per file: the diagnostics expected. Everything but the empty codebook is tolerated and gives a valid YAML codebook.
  const expected: Record<string, string[]> = {
    'valid_atlasti23.qdc': ['QDC_SETS_IGNORED'],
    'bad_color2.qdc': ['QDC_BAD_COLOR', 'QDC_SETS_IGNORED'],
    'bad_guid.qdc': ['QDC_BAD_GUID', 'QDC_SETS_IGNORED'],
    'bom.qdc': ['QDC_SETS_IGNORED'],
    'braced_lower.qdc': ['QDC_SETS_IGNORED'],
    'membercode_targetguid.qdc': ['QDC_MEMBERCODE_TARGETGUID', 'QDC_SETS_IGNORED'],
    'nvivo_colon_ns.qdc': ['QDC_SETS_IGNORED', 'REFI_NAMESPACE_VARIANT'],
    'order.qdc': ['QDC_ELEMENT_ORDER'],
    'taguette_style.qdc': ['QDC_EMPTY_SETS'],
    'empty_codes.qdc': ['QDC_NO_CODES'],
  };

  it('covers every fixture', () => {
    expect(readdirSync(join(fixtures, 'qdc')).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [name, diagnostics] of Object.entries(expected)) {
    it(`${name}: ${diagnostics.join(', ')}`, () => {
      const r = qdcToYaml(readFileSync(join(fixtures, 'qdc', name), 'utf8'), name, opts);
      expect(codes(r)).toEqual(diagnostics);
      if (name === 'empty_codes.qdc') {
        expect(r.yaml).toBeUndefined();
        expect(r.diagnostics[0]).toMatchObject({ severity: 'error', file: name });
        return;
      }
      const loaded = loadCodebook(r.yaml!, 'imported.yaml');
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(loaded.codebook!.codes.length).toBeGreaterThan(0);
    });
  }

  it('keeps the nesting, the description written after children, and reads braced lower-case GUIDs', () => {
    const order = loadCodebook(qdcToYaml(readFileSync(join(fixtures, 'qdc', 'order.qdc'), 'utf8'), 'o', opts).yaml!, 'o').codebook!;
    expect(order.themes[0]).toMatchObject({ id: 'p', description: 'after child' });
    expect(order.codes.map((c) => [c.id, c.themePath])).toEqual([['c', ['p']]]);
    const braced = qdcToYaml(readFileSync(join(fixtures, 'qdc', 'braced_lower.qdc'), 'utf8'), 'b', opts);
    expect(braced.idByGuid.get('1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294')).toBe('code1');
  });

  it('the CLI says a project given as a codebook is a zip, and to use import qdpx', async () => {
    const dir = tempDir('themes-qdc-zip-');
    writeFileSync(join(dir, 'p.qdpx'), zipSync({ 'project.qde': new TextEncoder().encode('<Project/>') }));
    const r = await runCli(['import', 'qdc', join(dir, 'p.qdpx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/p\.qdpx: error QDC_NOT_A_CODEBOOK is a zip \(a \.qdpx project\?\), not a REFI-QDA codebook\n  hint: Import a project with themes import qdpx/);
  });

  it('the CLI names the file and exits 2 for an empty codebook', async () => {
    const r = await runCli(['import', 'qdc', join(fixtures, 'qdc', 'empty_codes.qdc')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty_codes\.qdc: error QDC_NO_CODES/);
    expect(r.stdout).toBe('');
  });
});

describe('import --id', () => {
  const other = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo 14"><Codes>
<Code guid="5A3B2C1D-0000-4000-8000-000000000001" name="Tid" isCodable="true"/>
</Codes></CodeBook>`;

  it('sets the codebook id, also of a .qdc or .qdpx that themes wrote (whose origin names its own)', async () => {
    const dir = tempDir('themes-qdc-id-');
    const cb = 'test/fixtures/refi/codebook.yaml';
    const ownId = loadCodebook(readFileSync(join(root, cb), 'utf8'), cb).codebook!.id;
    expect((await runCli(['export', 'qdc', cb, '-o', join(dir, 'cb.qdc')])).code).toBe(0);
    const given = await runCli(['import', 'qdc', join(dir, 'cb.qdc'), '--id', 'myid']);
    expect(given.code).toBe(0);
    expect(given.stdout).toMatch(/^codebook: myid$/m);
    // Without --id, the id the file carries comes back.
    expect((await runCli(['import', 'qdc', join(dir, 'cb.qdc')])).stdout).toMatch(new RegExp(`^codebook: ${ownId}$`, 'm'));

    const qdpx = join(dir, 'p.qdpx');
    expect((await runCli(['export', 'qdpx', 'test/fixtures/refi/notes', '-c', cb, '-o', qdpx])).code).toBe(0);
    expect((await runCli(['import', 'qdpx', qdpx, '-o', join(dir, 'back'), '--id', 'myid'])).code).toBe(0);
    expect(readFileSync(join(dir, 'back', 'codebook.yaml'), 'utf8')).toMatch(/^codebook: myid$/m);
  });

  it('refuses an id the codebook format does not allow (exit 2) before anything is written, showing a valid one', async () => {
    const dir = tempDir('themes-qdc-id-');
    writeFileSync(join(dir, 'nvivo.qdc'), other);
    for (const [id, valid] of [['Bad Id', 'bad-id'], ['My_Id', 'my-id']]) {
      const out = join(dir, `${valid}.yaml`);
      const r = await runCli(['import', 'qdc', join(dir, 'nvivo.qdc'), '--id', id!, '-o', out]);
      expect(r.code, id).toBe(2);
      expect(r.stderr, id).toContain(`"${id}" is not a codebook id`);
      expect(r.stderr, id).toContain(`--id ${valid}`);
      expect(r.stderr, id).not.toContain('CODEBOOK_INVALID_ID');
      expect(r.stdout).toBe('');
      expect(existsSync(out), id).toBe(false);
      const project = await runCli(['import', 'qdpx', join(dir, 'nvivo.qdc'), '--id', id!, '-o', join(dir, 'project')]);
      expect(project.code, id).toBe(2);
      expect(existsSync(join(dir, 'project')), id).toBe(false);
    }
  });
});

describe('import --language', () => {
  it('sets the codebook language, also of a .qdc or .qdpx that themes wrote (whose origin names its own); without it, the file\'s, else nb', async () => {
    const dir = tempDir('themes-qdc-language-');
    const cb = 'test/fixtures/refi/codebook.yaml';
    expect(loadCodebook(readFileSync(join(root, cb), 'utf8'), cb).codebook!.language).toBe('nb');
    expect((await runCli(['export', 'qdc', cb, '-o', join(dir, 'cb.qdc')])).code).toBe(0);
    // --language was ignored for such a file: the language its origin named came back.
    const given = await runCli(['import', 'qdc', join(dir, 'cb.qdc'), '--language', 'en']);
    expect(given.code).toBe(0);
    expect(given.stdout).toMatch(/^language: en$/m);
    expect(loadCodebook(given.stdout, 'en.yaml').codebook!.language).toBe('en');
    expect((await runCli(['import', 'qdc', join(dir, 'cb.qdc')])).stdout).toMatch(/^language: nb$/m);

    const qdpx = join(dir, 'p.qdpx');
    expect((await runCli(['export', 'qdpx', 'test/fixtures/refi/notes', '-c', cb, '-o', qdpx])).code).toBe(0);
    expect((await runCli(['import', 'qdpx', qdpx, '-o', join(dir, 'nn'), '--language', 'nn'])).code).toBe(0);
    expect(readFileSync(join(dir, 'nn', 'codebook.yaml'), 'utf8')).toMatch(/^language: nn$/m);
    expect((await runCli(['import', 'qdpx', qdpx, '-o', join(dir, 'own')])).code).toBe(0);
    expect(readFileSync(join(dir, 'own', 'codebook.yaml'), 'utf8')).toMatch(/^language: nb$/m);

    // Another tool's file carries no language: --language, else nb.
    writeFileSync(join(dir, 'nvivo.qdc'), '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo 14"><Codes><Code guid="5A3B2C1D-0000-4000-8000-000000000001" name="Time" isCodable="true"/></Codes></CodeBook>');
    expect((await runCli(['import', 'qdc', join(dir, 'nvivo.qdc'), '--language', 'en'])).stdout).toMatch(/^language: en$/m);
    expect((await runCli(['import', 'qdc', join(dir, 'nvivo.qdc')])).stdout).toMatch(/^language: nb$/m);
  });
});

describe('Descriptions on import', () => {
  const qdc = (origin: string, description: string) => `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="${origin}"><Codes>
<Code guid="5A3B2C1D-0000-4000-8000-000000000001" name="Tid" isCodable="true"><Description>${description}</Description></Code>
</Codes></CodeBook>`;

  it('reads the folded form from a file another tool saved again, and another tool\'s own text whole', () => {
    const resaved = qdcToYaml(qdc('NVivo 14', 'id: tid\nLabel (nb): Mangel på tid\nDefinition: Ikke tid.\n  Andre linje.\nTerms:\n- tid'), 'n.qdc', opts).yaml!;
    const book = loadCodebook(resaved, 'n.yaml').codebook!;
    expect(book.codes.map((c) => [c.id, c.label.nb, c.definition, c.terms.map((t) => t.raw)])).toEqual([['tid', 'Mangel på tid', 'Ikke tid.\nAndre linje.', ['tid']]]);
    const prose = qdcToYaml(qdc('NVivo 14', 'id: k17\nDette er en kode for tid. Se notat.'), 'n.qdc', opts).yaml!;
    expect(loadCodebook(prose, 'p.yaml').codebook!.codes.map((c) => [c.id, c.definition])).toEqual([['tid', 'id: k17\nDette er en kode for tid. Se notat.']]);
  });

  it('keeps a code\'s opposite through export and import, and leaves out one whose code was deleted in the other tool', async () => {
    const dir = tempDir('themes-qdc-');
    const cb = join(dir, 'cb.yaml');
    writeFileSync(cb, 'codebook: t\nlanguage: nb\nthemes:\n  - id: a\n    codes:\n      - id: kurs\n        polarity: presence\n        opposite: uten-kurs\n        terms: [kurs]\n      - id: uten-kurs\n        polarity: lack\n        terms: [kompetanse]\n');
    expect((await runCli(['export', 'qdc', cb, '-o', join(dir, 'cb.qdc')])).code).toBe(0);
    const exported = readFileSync(join(dir, 'cb.qdc'), 'utf8');
    expect(exported).toContain('Opposite: uten-kurs');
    const back = loadCodebook(qdcToYaml(exported, 'cb.qdc', opts).yaml!, 'back.yaml').codebook!;
    expect(back.codes.map((c) => [c.id, c.opposite])).toEqual([['kurs', 'uten-kurs'], ['uten-kurs', undefined]]);
    // The opposite deleted in NVivo: the codebook still loads, and the import says what it left out.
    const deleted = exported.replace(/<Code [^>]*name="uten-kurs"[\s\S]*?<\/Code>/, '');
    expect(deleted).not.toContain('name="uten-kurs"');
    const imported = qdcToYaml(deleted, 'cb.qdc', opts);
    expect(codes(imported)).toContain('QDC_OPPOSITE_DROPPED');
    expect(loadCodebook(imported.yaml!, 'back.yaml').codebook!.codes.map((c) => [c.id, c.opposite])).toEqual([['kurs', undefined]]);
  });

  it('exits 1 when the codebook it writes does not load (a term edited in the other tool), and still writes it to be fixed', async () => {
    const dir = tempDir('themes-qdc-');
    writeFileSync(join(dir, 'cb.yaml'), 'codebook: t\nlanguage: nb\nthemes:\n  - id: a\n    codes:\n      - id: tid\n        terms: [{ term: tid, unless: [tid nok] }]\n');
    expect((await runCli(['export', 'qdc', 'cb.yaml', '-o', 'cb.qdc'], { cwd: dir })).code).toBe(0);
    const qdc = readFileSync(join(dir, 'cb.qdc'), 'utf8');
    writeFileSync(join(dir, 'edited.qdc'), qdc.replace('- tid (unless', '- IKT – data\n- tid (unless'));
    const r = await runCli(['import', 'qdc', 'edited.qdc', '-o', 'back.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('back.yaml:10:13: error CODEBOOK_INVALID_TERM');
    expect(r.stderr).toContain('back.yaml does not load as it is');
    expect(readFileSync(join(dir, 'back.yaml'), 'utf8')).toContain('- IKT – data');
    expect((await runCli(['import', 'qdc', 'cb.qdc', '-o', 'ok.yaml'], { cwd: dir })).code).toBe(0);
  });

  it('names the written codebook without a double slash when --out ends in one («back//codebook.yaml:7:13»)', async () => {
    const dir = tempDir('themes-qdpx-slash-');
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'a.md'), 'R: Vi har ikke tid.\n');
    // A term in two codes: a warning, which the import reports at its line in the codebook it writes.
    writeFileSync(join(dir, 'cb.yaml'), 'codebook: t\nlanguage: nb\nthemes:\n  - id: a\n    codes:\n      - id: tid\n        terms: [tid]\n      - id: tid2\n        terms: [tid]\n');
    expect((await runCli(['export', 'qdpx', 'notes', '-c', 'cb.yaml', '-o', 'p.qdpx'], { cwd: dir })).code).toBe(0);
    const r = await runCli(['import', 'qdpx', 'p.qdpx', '-o', 'back/'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('back/codebook.yaml:');
    expect(r.stderr).not.toContain('//');
  });

  it('keeps a definition line that starts like a header, as themes writes it (indented)', async () => {
    const dir = tempDir('themes-qdc-');
    const cb = join(dir, 'cb.yaml');
    writeFileSync(cb, 'codebook: t\nlanguage: nb\nthemes:\n  - id: a\n    codes:\n      - id: tid\n        definition: |-\n          Mangel på tid.\n          Examples: dette er en del av definisjonen.\n        examples: [«Ikke tid.»]\n        terms: [tid]\n');
    expect((await runCli(['export', 'qdc', cb, '-o', join(dir, 'cb.qdc')])).code).toBe(0);
    const back = loadCodebook(qdcToYaml(readFileSync(join(dir, 'cb.qdc'), 'utf8'), 'cb.qdc', opts).yaml!, 'back.yaml').codebook!;
    expect(back.codes[0]!.definition).toBe('Mangel på tid.\nExamples: dette er en del av definisjonen.');
    expect(back.codes[0]!.examples).toEqual(['«Ikke tid.»']);
  });
});

describe.skipIf(!hasShared)('import of the shared .qdpx and .qde fixtures', () => {
  it('reads every project file without an error', () => {
    for (const name of readdirSync(fixtures).filter((n) => /\.qd(px|e)$/.test(n))) {
      const r = readProject(readFileSync(join(fixtures, name)), name, opts);
      expect(r.diagnostics.filter((d) => d.severity === 'error'), name).toEqual([]);
      expect(r.project, name).toBeDefined();
    }
  });

  it('ATLAS.ti 8 for Mac: Project.qde inner name, Sources/ folder, non-text sources left out with a warning', () => {
    const r = readProject(readFileSync(join(fixtures, 'atlasti8mac_standard__skyloom.qdpx')), 'sky.qdpx', opts);
    expect(r.project!.name).toBe('ATLAS.ti standard project');
    const book = loadCodebook(r.project!.codebookYaml!, 'sky.yaml').codebook!;
    expect(book.codes.map((c) => c.id)).toContain('bacon-and-eggs');
    expect(codes(r)).toContain('QDPX_SOURCES_SKIPPED');
    // The archive's Sources/ folder is empty: the text sources are reported, not silently dropped.
    expect(r.diagnostics.filter((d) => d.code === 'QDPX_SOURCE_MISSING')).toHaveLength(6);
  });

  it('ATLAS.ti 23: upper-case GUIDs, a code group with sub-codes becomes a theme', () => {
    const r = readProject(readFileSync(join(fixtures, 'atlasti23win_codes__ponte.qdpx')), 'ponte.qdpx', opts);
    const book = loadCodebook(r.project!.codebookYaml!, 'ponte.yaml').codebook!;
    expect(book.themes.map((t) => t.id)).toEqual(['commits']);
    expect(book.codes).toHaveLength(2);
    expect(codes(r)).toEqual(['QDC_CODABLE_GROUP']);
  });

  it('with its sources put back: Sources/ with a capital S, CRLF counted as two, codings on the right text', () => {
    const zip = unzipSync(readFileSync(join(fixtures, 'atlasti8mac_standard__skyloom.qdpx')));
    // Our own text for the Mabel.txt source; its selection 0-410 is named after its first words.
    const para = "I'm a single mum with an 8 month old and a toddler and breakfast is mayhem. The baby has porridge, I";
    const text = `${para} get toast when I can.\r\nSecond line here.\r\n${'x'.repeat(400)}`;
    zip['Sources/B2F54555-0D2D-43B2-B40C-2A1C048F5F1C.txt'] = new TextEncoder().encode(`\uFEFF${text}`);
    const r = readProject(zipSync(zip), 'sky.qdpx', opts);
    const mabel = r.project!.sources.find((s) => s.name === 'Mabel.txt')!;
    expect(mabel.fileName).toBe('Mabel.txt');
    expect(mabel.text.startsWith("I'm a single")).toBe(true);
    expect(mabel.text).not.toContain('\r');
    const codings = r.project!.codings.filter((c) => c.source === mabel.guid);
    expect(codings.map((c) => c.code).sort()).toEqual(['bacon-and-eggs', 'cornflakes', 'happiness']);
    // 410 code points with both CRLFs counted as two = 408 characters once they are \n.
    expect(codings[0]).toMatchObject({ start: 0, end: 408, user: 'Friedrich Markgraf' });
  });
});

describe('round trip: export qdpx, import, the same codes and positions', () => {
  it('gives back every coding of both coders on the same text span', async () => {
    const out = join(tempDir('themes-rt-'), 'rt.qdpx');
    const r = await runCli(['export', 'qdpx', 'test/fixtures/refi/notes', '-c', 'test/fixtures/refi/codebook.yaml', '--coder', 'both', '-o', out, '--force']);
    expect(r.code).toBe(0);
    const back = readProject(readFileSync(out), 'rt.qdpx', opts);
    expect(back.diagnostics).toEqual([]);
    const { corpus } = loadCorpus(['test/fixtures/refi/notes'], root, { unit: 'paragraph', includeInterviewer: false, speakers: DEFAULT_SPEAKERS });
    const book = loadCodebook(readFileSync(join(root, 'test/fixtures/refi/codebook.yaml'), 'utf8'), 'cb').codebook!;
    const segment = new Map(corpus.segments.map((s) => [s.id, s]));
    const expected = [
      ...codeCorpus(corpus, [book]).map((c) => ({ ...c, coder: 'themes' })),
      ...codingsFromMarks(corpus).codings,
    ].map((c) => {
      const s = segment.get(c.segment)!;
      return `${s.document} ${s.start}-${s.end} ${c.code} ${c.coder}`;
    }).sort();
    const sourceDoc = new Map(back.project!.sources.map((s) => [s.guid, s.name]));
    const got = back.project!.codings.map((c) => `${sourceDoc.get(c.source)} ${c.start}-${c.end} ${c.code} ${c.user}`).sort();
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(8);
    // The sources are the notes' text, so positions point at the same words.
    const doc = corpus.documents.find((d) => d.id === 'informant-01')!;
    expect(back.project!.sources.find((s) => s.name === 'informant-01')!.text).toBe(doc.text);
    // Opened and saved again in another tool (which writes its own origin): the same codes.
    const zip = unzipSync(readFileSync(out));
    zip['project.qde'] = new TextEncoder().encode(new TextDecoder().decode(zip['project.qde']).replace(/origin="[^"]*"/, 'origin="NVivo 14"'));
    const resaved = readProject(zipSync(zip), 'resaved.qdpx', opts);
    expect(resaved.diagnostics).toEqual([]);
    expect(resaved.project!.codings.map((c) => `${sourceDoc.get(c.source)} ${c.start}-${c.end} ${c.code} ${c.user}`).sort()).toEqual(expected);
  });

  it('keeps the codebook\'s own fields (id, title, version, lack cues), so the notes code the same after the trip', async () => {
    const dir = tempDir('themes-rt-fields-');
    const r = await runCli(['export', 'qdpx', 'samples/notes', '-o', join(dir, 'p.qdpx')]);
    expect(r.code).toBe(0);
    expect((await runCli(['import', 'qdpx', join(dir, 'p.qdpx'), '-o', join(dir, 'rt')])).code).toBe(0);
    const diff = await runCli(['codebook', 'diff', 'codebooks/innovasjon.yaml', join(dir, 'rt', 'codebook.yaml')]);
    expect(diff.stdout).toMatch(/no changes/);
    const back = loadCodebook(readFileSync(join(dir, 'rt', 'codebook.yaml'), 'utf8'), 'rt').codebook!;
    expect(back.id).toBe('innovasjon');
    expect(back.cues.lack).toContain('svak');
  });
});

/**
 * A note with one marked coding, exported as a .qdpx by «bo» whose selection then runs on to the
 * end of `until`, as a coder who drags too far makes it; imported into `imported/`.
 */
async function stretchedCoding(prefix: string, body: string, until: string) {
  const dir = tempDir(prefix);
  const notes = join(dir, 'notes');
  mkdirSync(notes);
  writeFileSync(join(notes, 'n1.md'), `---\nid: n1\n---\n\n${body}`);
  writeFileSync(join(dir, 'cb.yaml'), 'codebook: t\nlanguage: nb\nthemes:\n  - id: t\n    codes:\n      - id: trust\n        terms: [tillit]\n');
  const qdpx = join(dir, 'bo.qdpx');
  expect((await runCli(['export', 'qdpx', notes, '-c', join(dir, 'cb.yaml'), '--coder', 'human', '-o', qdpx])).code).toBe(0);
  const zip = unzipSync(readFileSync(qdpx));
  const source = Object.keys(zip).find((k) => k.endsWith('.txt'))!;
  const end = [...new TextDecoder().decode(zip[source])].join('').indexOf(until) + until.length;
  zip['project.qde'] = new TextEncoder().encode(new TextDecoder().decode(zip['project.qde']).replace(/endPosition="\d+"/, `endPosition="${end}"`));
  writeFileSync(qdpx, zipSync(zip));
  const imported = join(dir, 'imported');
  const r = await runCli(['import', 'qdpx', qdpx, '-o', imported]);
  const rows = readFileSync(join(imported, 'codings.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 3).join(','));
  return { notes, qdpx, imported, stderr: r.stderr, rows };
}

describe('a coding over two paragraphs', () => {
  it('codes both in the imported codings.csv, as themes agree reads the .qdpx itself', async () => {
    const { notes, qdpx, imported, stderr, rows } = await stretchedCoding('themes-span-', 'R: Første avsnitt om tillit. {#trust}\n\nR: Andre avsnitt.\n\nR: Tredje avsnitt.\n', 'Andre');
    expect(stderr).toContain('1 coding in 2 rows (a coding over several paragraphs has a row for each)');
    expect(rows).toEqual(['n1,5,trust', 'n1,7,trust']);
    const fromProject = await runCli(['agree', qdpx, `anna=${notes}`, '--format', 'csv']);
    const fromFolder = await runCli(['agree', `bo=${imported}`, `anna=${notes}`, '--format', 'csv']);
    expect(fromFolder.stdout.split('\n').slice(1)).toEqual(fromProject.stdout.split('\n').slice(1));
    expect(fromFolder.stdout).toMatch(/^trust,3,0\.667,/m);
  });
});

describe('a coding that runs on into an interviewer turn', () => {
  it('has no row for the interviewer\'s paragraph, which agree does not read as a unit', async () => {
    const { notes, imported, stderr, rows } = await stretchedCoding('themes-span-i-', 'R: Første avsnitt om tillit. {#trust}\n\nI: Og så?\n\nR: Tredje avsnitt.\n', 'Og så?');
    expect(stderr).toMatch(/1 note, 1 coding(,|$)/m);
    expect(rows).toEqual(['n1,5,trust']);
    expect((await runCli(['agree', `bo=${imported}`, `anna=${notes}`, '--strict'])).code).toBe(0);
  });
});

describe('positions', () => {
  it('maps code points to UTF-16 offsets, CRLF as one or two', () => {
    expect(positionMap('a😀\r\nb', 2)).toEqual([0, 1, 3, 3, 4, 5]);
    expect(positionMap('a😀\r\nb', 1)).toEqual([0, 1, 3, 4, 5]);
  });

  it('decides per source whether CRLF is one or two and whether the BOM was counted, from the selection names', () => {
    const sel = (name: string, s: number, e: number) => ({ name: 'PlainTextSelection', attrs: { name, startPosition: String(s), endPosition: String(e) }, children: [], text: '' });
    const text = 'Første linje.\r\nAndre linje her.\r\n';
    const normal = text.replace(/\r\n/g, '\n');
    const span = (map: number[], s: number, e: number) => normal.slice(map[s], map[e]);
    // CRLF as two code points: "Andre" starts at 15; as one: at 14; BOM counted as well: 16 or 15.
    expect(span(pickPositions(text, false, [sel('Andre linje her.', 15, 31)]), 15, 31)).toBe('Andre linje her.');
    expect(span(pickPositions(text, false, [sel('Andre linje her.', 14, 30)]), 14, 30)).toBe('Andre linje her.');
    expect(span(pickPositions(text, true, [sel('Andre linje her.', 16, 32)]), 16, 32)).toBe('Andre linje her.');
    expect(span(pickPositions(text, true, [sel('Andre linje her.', 15, 31)]), 15, 31)).toBe('Andre linje her.');
    // Without names to go by: the code points as stored.
    expect(span(pickPositions(text, true, []), 15, 31)).toBe('Andre linje her.');
  });

  it('reads plainTextPath without internal://, a project named after itself, lower-case braced GUIDs, CRLF counted as one', () => {
    const text = 'Line one.\r\nLine two is coded.\r\n';
    const qde = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:0:4" name="Mitt prosjekt">
  <CodeBook><Codes><Code guid="{aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee}" name="Mangel på tid" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="11111111-2222-3333-4444-555555555555" name="intervju 1.docx" plainTextPath="src1.txt">
    <PlainTextSelection guid="11111111-2222-3333-4444-666666666666" name="Line two is coded." startPosition="10" endPosition="28">
      <Coding guid="11111111-2222-3333-4444-777777777777"><CodeRef targetGUID="AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE"/></Coding>
      <Coding guid="11111111-2222-3333-4444-888888888888"><CodeRef targetGUID="99999999-BBBB-CCCC-DDDD-EEEEEEEEEEEE"/></Coding>
    </PlainTextSelection>
  </TextSource></Sources>
</Project>`;
    const enc = new TextEncoder();
    const r = readProject(zipSync({ 'Mitt prosjekt.qde': enc.encode(qde), 'sources/src1.txt': enc.encode(text) }), 'p.qdpx', opts);
    expect(codes(r)).toEqual(['QDPX_UNKNOWN_CODE', 'REFI_NAMESPACE_VARIANT']);
    const s = r.project!.sources[0]!;
    expect(s.fileName).toBe('intervju 1.txt');
    const c = r.project!.codings[0]!;
    expect(c.code).toBe('mangel-pa-tid');
    expect(s.text.slice(c.start, c.end)).toBe('Line two is coded.');
  });
});

describe('selections without positions', () => {
  it('are left out with QDPX_BAD_POSITION, which says the position is missing rather than "undefined"', () => {
    const enc = new TextEncoder();
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p">
  <CodeBook><Codes><Code guid="AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE" name="Tid" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="11111111-2222-3333-4444-555555555555" name="n" plainTextPath="internal://s.txt">
    <PlainTextSelection guid="11111111-2222-3333-4444-666666666666" name="x" endPosition="5">
      <Coding guid="11111111-2222-3333-4444-777777777777"><CodeRef targetGUID="AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE"/></Coding>
    </PlainTextSelection>
  </TextSource></Sources>
</Project>`;
    const r = readProject(zipSync({ 'project.qde': enc.encode(qde), 'sources/s.txt': enc.encode('Vi har ikke tid.') }), 'p.qdpx', opts);
    const bad = r.diagnostics.find((d) => d.code === 'QDPX_BAD_POSITION')!;
    expect(bad.message).toContain('has startPosition (none) and endPosition "5": a position is not a whole number of 0 or more');
    expect(r.project!.codings).toEqual([]);
  });

  const project = (selections: string, codes = '<Code guid="AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE" name="Tid" isCodable="true"/>') => `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p">
  <CodeBook><Codes>${codes}</Codes></CodeBook>
  <Sources><TextSource guid="11111111-2222-3333-4444-555555555555" name="n" plainTextPath="internal://s.txt">${selections}</TextSource></Sources>
</Project>`;
  const selection = (start: string, end: string, target = 'AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE') =>
    `<PlainTextSelection guid="11111111-2222-3333-4444-66666666666${start.length}" name="x" startPosition="${start}" endPosition="${end}"><Coding guid="11111111-2222-3333-4444-777777777777"><CodeRef targetGUID="${target}"/></Coding></PlainTextSelection>`;
  const read = (qde: string) => readProject(zipSync({ 'project.qde': new TextEncoder().encode(qde), 'sources/s.txt': new TextEncoder().encode('Vi har ikke tid.') }), 'p.qdpx', opts);

  it('say why a position is bad: not a whole number, or an end before the start', () => {
    const messages = read(project(selection('-2', '4') + selection('abc', '5') + selection('10', '3'))).diagnostics.filter((d) => d.code === 'QDPX_BAD_POSITION').map((d) => d.message);
    expect(messages).toEqual([
      'a selection in "n" has startPosition "-2" and endPosition "4": a position is not a whole number of 0 or more; it is left out',
      'a selection in "n" has startPosition "abc" and endPosition "5": a position is not a whole number of 0 or more; it is left out',
      'a selection in "n" has startPosition "10" and endPosition "3": it ends before it starts; it is left out',
    ]);
  });

  it('leave an empty selection out with QDPX_EMPTY_SELECTION instead of a coding of no text', () => {
    const r = read(project(selection('4', '4') + selection('0', '3')));
    expect(r.diagnostics.map((d) => d.code)).toContain('QDPX_EMPTY_SELECTION');
    expect(r.project!.codings.map((c) => [c.start, c.end])).toEqual([[0, 3]]);
  });
});

describe('codings on a group of codes', () => {
  it('are left out with QDPX_THEME_CODINGS, since the group is a theme in themes and a theme holds no codings', () => {
    const codes = '<Code guid="AAAAAAAA-BBBB-CCCC-DDDD-000000000001" name="Penger" isCodable="true"><Code guid="AAAAAAAA-BBBB-CCCC-DDDD-000000000002" name="Kutt" isCodable="true"/></Code>';
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p">
  <CodeBook><Codes>${codes}</Codes></CodeBook>
  <Sources><TextSource guid="11111111-2222-3333-4444-555555555555" name="n" plainTextPath="internal://s.txt">
    <PlainTextSelection guid="11111111-2222-3333-4444-666666666661" name="x" startPosition="0" endPosition="6"><Coding guid="11111111-2222-3333-4444-777777777771"><CodeRef targetGUID="AAAAAAAA-BBBB-CCCC-DDDD-000000000001"/></Coding></PlainTextSelection>
    <PlainTextSelection guid="11111111-2222-3333-4444-666666666662" name="y" startPosition="7" endPosition="11"><Coding guid="11111111-2222-3333-4444-777777777772"><CodeRef targetGUID="AAAAAAAA-BBBB-CCCC-DDDD-000000000002"/></Coding></PlainTextSelection>
  </TextSource></Sources>
</Project>`;
    const r = readProject(zipSync({ 'project.qde': new TextEncoder().encode(qde), 'sources/s.txt': new TextEncoder().encode('Vi har ikke tid.') }), 'p.qdpx', opts);
    expect(r.project!.codings.map((c) => c.code)).toEqual(['kutt']);
    expect(r.diagnostics.find((d) => d.code === 'QDPX_THEME_CODINGS')!.message).toBe('1 coding(s) are on penger, a group of codes (or a code not codable) that is a theme in themes; they are left out');
  });
});

describe('a project that unpacks to more than any note can be', () => {
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>
  <TextSource guid="11111111-2222-3333-4444-555555555555" name="stor" plainTextPath="internal://stor.txt"/>
  <TextSource guid="11111111-2222-3333-4444-555555555556" name="liten" plainTextPath="internal://liten.txt"/>
</Sources></Project>`;

  it('leaves a source over the note limit packed and out, with QDPX_SOURCE_TOO_LARGE, and reads the others', () => {
    const big = new Uint8Array(51 * 1024 * 1024).fill(0x61);
    const zip = zipSync({ 'project.qde': new TextEncoder().encode(qde), 'sources/stor.txt': big, 'sources/liten.txt': new TextEncoder().encode('Vi har ikke tid.') }, { level: 9 });
    expect(zip.length).toBeLessThan(1024 * 1024);
    const r = readProject(zip, 'p.qdpx', opts);
    expect(r.project!.sources.map((s) => s.name)).toEqual(['liten']);
    expect(r.diagnostics.find((d) => d.code === 'QDPX_SOURCE_TOO_LARGE')!.message).toBe('the text of source "stor" is over the limit of 50 MB for one note and is left out');
  });

  it('refuses an archive that unpacks to over 1 GB before unpacking it (QDPX_TOO_LARGE)', () => {
    // The sizes the archive's directory gives are read first: a zip that claims 1.1 GB is refused
    // without inflating anything (its own data is small).
    const zip = zipSync({ 'project.qde': new TextEncoder().encode(qde), 'sources/stor.txt': new Uint8Array(10) });
    const claimed = Buffer.from(zip);
    // Patch the uncompressed size of sources/stor.txt in the central directory (signature PK\x01\x02, size at +24).
    for (let i = claimed.length - 22; i >= 0; i--) {
      if (claimed.readUInt32LE(i) === 0x02014b50 && claimed.toString('latin1', i + 46, i + 46 + claimed.readUInt16LE(i + 28)) === 'sources/stor.txt') claimed.writeUInt32LE(1100 * 1024 * 1024, i + 24);
    }
    const r = readProject(claimed, 'p.qdpx', opts);
    expect(r.project).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([['QDPX_TOO_LARGE', 'unpacks to 1100 MB, over the limit of 1024 MB, and is not read']]);
  });
});

describe('selection names that are not the text at their positions', () => {
  it('warn (QDPX_NAME_MISMATCH) when a tool counted positions otherwise, here in UTF-16 units after emoji', () => {
    const enc = new TextEncoder();
    const text = 'Vi 😀😀 startet. Vi har ikke tid til utvikling.';
    const units = text.indexOf('Vi har');
    const qde = (start: number, name: string) => `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p">
  <CodeBook><Codes><Code guid="AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE" name="Tid" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="11111111-2222-3333-4444-555555555555" name="n" plainTextPath="internal://s.txt">
    <PlainTextSelection guid="11111111-2222-3333-4444-666666666666" name="${name}" startPosition="${start}" endPosition="${start + 10}">
      <Coding guid="11111111-2222-3333-4444-777777777777"><CodeRef targetGUID="AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE"/></Coding>
    </PlainTextSelection>
  </TextSource></Sources>
</Project>`;
    const read = (start: number, name: string) => readProject(zipSync({ 'project.qde': enc.encode(qde(start, name)), 'sources/s.txt': enc.encode(text) }), 'p.qdpx', opts);
    expect(codes(read(units, 'Vi har ikk'))).toEqual(['QDPX_NAME_MISMATCH']);
    expect(codes(read(units - 2, 'Vi har ikk'))).toEqual([]);
    // Names that are ids (as themes writes them), not text, say nothing either way.
    expect(codes(read(units, 'n:1'))).toEqual([]);
  });
});

describe('bad project files: a clear message naming the file, nothing else lost', () => {
  const enc = new TextEncoder();
  it('a corrupt zip', () => {
    const good = readFileSync(join(root, 'test/fixtures/refi/tiny.qdpx'));
    const r = readProject(good.subarray(0, good.length - 30), 'cut.qdpx', opts);
    expect(r.diagnostics).toMatchObject([{ severity: 'error', code: 'QDPX_CORRUPT_ZIP', file: 'cut.qdpx' }]);
  });
  it('not a zip at all', () => {
    expect(readProject(enc.encode('PDF-1.4 nonsense'), 'x.qdpx', opts).diagnostics).toMatchObject([{ code: 'QDPX_NOT_A_ZIP', file: 'x.qdpx' }]);
  });
  it('a .qde that is not XML', () => {
    const r = readProject(zipSync({ 'project.qde': enc.encode('<Project><Sources></Project>') }), 'broken.qdpx', opts);
    expect(r.diagnostics).toMatchObject([{ code: 'QDE_NOT_XML', file: 'broken.qdpx:project.qde', line: 1 }]);
  });
  it('a codebook given as a project', () => {
    const r = readProject(enc.encode('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>'), 'cb.qde', opts);
    expect(r.diagnostics).toMatchObject([{ code: 'QDE_NOT_A_PROJECT' }]);
  });
  it('the CLI: exit 2 and the file named; unknown codes give exit 1 with the rest imported', async () => {
    const bad = await runCli(['import', 'qdpx', 'package.json', '-o', '/tmp/themes-never']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/package\.json: error QDPX_NOT_A_ZIP/);
    const zip = unzipSync(readFileSync(join(root, 'test/fixtures/refi/tiny.qdpx')));
    const qde = new TextDecoder().decode(zip['project.qde']).replace(/(<CodeRef targetGUID=")[^"]+("\/>)/, '$1DEADBEEF-0000-4000-8000-000000000000$2');
    zip['project.qde'] = enc.encode(qde);
    const file = join(tempDir('themes-unknown-'), 'unknown.qdpx');
    writeFileSync(file, zipSync(zip));
    const out = join(tempDir('themes-unknown-out-'), 'out');
    const r = await runCli(['import', 'qdpx', file, '-o', out, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown\.qdpx: warning QDPX_UNKNOWN_CODE 1 coding\(s\) refer to the code DEADBEEF/);
    const csv = readFileSync(join(out, 'codings.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + 6);
    expect(readdirSync(join(out, 'notes')).sort()).toEqual(['informant-01.txt', 'informant-02.txt']);
  });
});

describe('codings.csv positions', () => {
  it('counts code points, as the .qde does, so an emoji before a coding does not shift it', async () => {
    const dir = tempDir('themes-cp-');
    mkdirSync(join(dir, 'notes'));
    const text = 'R: 😀😀 Hei.\n\nR: Vi har ikke tid til utviklingsarbeid.\n';
    writeFileSync(join(dir, 'notes', 'e.md'), text);
    expect((await runCli(['export', 'qdpx', join(dir, 'notes'), '-o', join(dir, 'e.qdpx')])).code).toBe(0);
    const qde = new TextDecoder().decode(unzipSync(readFileSync(join(dir, 'e.qdpx')))['project.qde']);
    const selection = /startPosition="(\d+)" endPosition="(\d+)"/.exec(qde)!;
    expect((await runCli(['import', 'qdpx', join(dir, 'e.qdpx'), '-o', join(dir, 'back')])).code).toBe(0);
    const row = readFileSync(join(dir, 'back', 'codings.csv'), 'utf8').trim().split('\n')[1]!.split(',');
    expect([row[3], row[4]]).toEqual([selection[1], selection[2]]);
    expect(Number(row[3])).toBe([...text.slice(0, text.indexOf('Vi har'))].length);
    expect(Number(row[3])).toBe(text.indexOf('Vi har') - 2);
  });
});

describe('a .qdc that is not XML', () => {
  it('gives QDC_NOT_XML with line and column', () => {
    const r = qdcToYaml('<?xml version="1.0"?>\n<CodeBook>\n  <Codes>\n</CodeBook>\n', 'bad.qdc', opts);
    expect(r.yaml).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ severity: 'error', code: 'QDC_NOT_XML', file: 'bad.qdc', line: 4 }]);
  });
  it('refuses a bare & (which xmllint and other tools refuse), but not entities, comments or CDATA', () => {
    const head = '<?xml version="1.0"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n  <Codes>\n';
    const bad = qdcToYaml(`${head}    <Code guid="x" name="a & b" isCodable="true"/>\n  </Codes>\n</CodeBook>\n`, 'bad.qdc', opts);
    expect(bad.diagnostics).toMatchObject([{ code: 'QDC_NOT_XML', line: 4, column: 28 }]);
    const good = qdcToYaml(`${head}    <!-- a & b -->\n    <Code guid="8A6BCDF5-5D26-4F54-BF67-5F6A16D2A4D8" name="a &amp; b &#233; &#xE9;" isCodable="true"/>\n  </Codes>\n</CodeBook>\n`, 'good.qdc', opts);
    expect(good.diagnostics.filter((d) => d.code === 'QDC_NOT_XML')).toEqual([]);
  });
});

describe('XML that the validator passes and the parser refuses', () => {
  it.each([
    ['an unclosed processing instruction', "<?x '?><x/>", 'Pi Tag is not closed'],
    ['an external entity', '<!DOCTYPE c [<!ENTITY e SYSTEM "file:///etc/passwd">]><CodeBook/>', 'External entities are not supported'],
    ['a parameter entity', '<!DOCTYPE c [<!ENTITY % p "x">]><CodeBook/>', 'Invalid entity name %'],
  ])('%s is QDC_NOT_XML, not an internal error', (_, xml, reason) => {
    const r = qdcToYaml(xml, 'c.qdc', opts);
    expect(r.yaml).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'QDC_NOT_XML', file: 'c.qdc', message: expect.stringContaining(reason) })]);
  });

  it('reads back a codebook of themes nested 99 deep, as themes exports it', () => {
    let themes = '[{ id: c0, label: { nb: K }, terms: [k] }]';
    for (let i = 98; i >= 0; i--) themes = `[{ id: t${i}, label: { nb: T }, ${i === 98 ? 'codes' : 'themes'}: ${themes} }]`;
    const deep = loadCodebook(`codebook: deep\nlanguage: nb\nthemes: ${themes}\n`, 'deep.yaml');
    expect(deep.codebook).toBeDefined();
    const back = qdcToYaml(codebookToQdc(deep.codebook!, { lang: 'nb', version: '1' }), 'deep.qdc', opts);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loadCodebook(back.yaml!, 'back.yaml').codebook!.codes.map((c) => c.themePath.length)).toEqual([99]);
  });
});
