import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { join } from 'node:path';
import { loadCodebook } from '../src/codebook/load.js';
import { codeCorpus } from '../src/coding/deductive.js';
import { DEFAULT_SPEAKERS, loadCorpus } from '../src/corpus/index.js';
import type { Codebook } from '../src/model.js';
import { generateCorpus } from '../bench/corpus.js';
import { root, runBin, samples } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

// Reading and masking here while a worker thread codes (or codes some notes here when it falls
// behind) must give the same corpus and codings, in the same order, as one thread. The worker runs the built code in
// dist/ (npm test builds first), so the pipeline is imported from there.
type Parallel = typeof import('../src/cli/parallel/notes.js');
const built = join(root, 'dist/cli/parallel/notes.js');
const { workNotes } = (await import(built)) as Parallel;

function codebookAt(path: string): Codebook {
  const { codebook, diagnostics } = loadCodebook(readFileSync(join(root, path), 'utf8'), path);
  if (!codebook) throw new Error(JSON.stringify(diagnostics));
  return codebook;
}

const options = { unit: 'sentence' as const, speakers: DEFAULT_SPEAKERS, includeInterviewer: true };
const corpus = loadCorpus([samples], root, options).corpus;
const codebookPaths = ['bench/fixture-codebook.yaml', 'test/fixtures/codebook-small.yaml'];
const codebooks = codebookPaths.map(codebookAt);
/** The codebook files, from any folder. */
const codebookFiles = codebookPaths.map((p) => join(root, p));

describe('coding in a worker thread', () => {
  for (const [i, codebook] of codebooks.entries()) {
    it(`gives the one-thread corpus and codings on the samples (${codebook.id} codebook)`, () => {
      const job = { options, mask: true };
      const files = [codebookFiles[i]!];
      const stats: { threads?: number; workerCoded?: number } = {};
      const parallel = workNotes([samples], root, files, job, 'always', stats);
      expect(stats.threads).toBe(2);
      expect(stats.workerCoded).toBe(corpus.documents.length);
      const single = workNotes([samples], root, files, job, 'never', stats);
      expect(stats.threads).toBe(1);
      expect(single.codings.length).toBeGreaterThan(5);
      expect(single.findings.length).toBeGreaterThan(0);
      expect(parallel).toEqual(single);
    });
  }

  it('codes what codeCorpus codes when nothing is masked, and masks before coding otherwise', () => {
    const plain = workNotes([samples], root, codebookFiles, { options, mask: false }, 'always', {});
    expect(plain.corpus).toEqual(corpus);
    expect(plain.codings).toEqual(codeCorpus(corpus, codebooks));
    const masked = workNotes([samples], root, codebookFiles, { options, mask: true }, 'always', {});
    expect(masked.corpus.segments.map((s) => s.text).join('\n')).toContain('[NAVN]');
    expect(plain.corpus.segments.map((s) => s.text).join('\n')).not.toContain('[NAVN]');
  });

  it('gives the one-thread result with Word notes too', async () => {
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph('Vi har ikke tid til utviklingsarbeid, og budsjettet er stramt.'),
      new Paragraph('Samskaping med innbyggerne har gitt oss gode ideer.'),
    ] }] }));
    const note = Buffer.from('# Del 1: Hemmere\n\nR: Vi mangler tid, sier Kari Nordmann. Det er for lite ressurser.\n\nR: Ledelsen har satt av tid til utviklingsarbeid.\n');
    const job = { options, mask: true };
    for (const names of [['a.md', 'b.md', 'z.docx'], ['a.docx', 'b.md', 'c.md']]) {
      const dir = tempDir('themes-threads-docx-');
      try {
        names.forEach((name, i) => writeFileSync(join(dir, name), name.endsWith('.docx') ? word : Buffer.concat([note, Buffer.from(`\nNotat ${i}.\n`)])));
        const stats: { threads?: number; workerCoded?: number } = {};
        const always = workNotes([dir], root, codebookFiles, job, 'always', stats);
        expect(stats.threads, names.join(' ')).toBe(2);
        expect(stats.workerCoded, names.join(' ')).toBe(3);
        expect(always.corpus.documents.map((d) => d.encoding)).toContain('docx');
        expect(always.corpus.documents).toHaveLength(3);
        expect(always.codings.length).toBeGreaterThan(3);
        expect(always.findings.length).toBeGreaterThan(0);
        expect(always).toEqual(workNotes([dir], root, codebookFiles, job, 'never'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('codes here what the worker falls behind on, with the one-thread result', () => {
    const dir = tempDir('themes-threads-share-');
    try {
      const generated = generateCorpus(dir, 80000, ['samskap*', 'avsatt tid', 'mangel på tid', 'forankring']).documents;
      expect(generated).toBeGreaterThan(20);
      // Last in file order: two notes with one id (the first in file order is kept, so joining
      // out of order would keep the other) and a file that is not text.
      mkdirSync(join(dir, 'zz'));
      for (const name of ['a.md', 'b.md']) writeFileSync(join(dir, 'zz', name), `---\nid: duplikat\n---\nNotat ${name}: vi mangler tid.\n`);
      writeFileSync(join(dir, 'zz', 'c.md'), Buffer.from([0, 1, 2, 3, 0, 0, 255]));
      const documents = generated + 2;
      const job = { options, mask: true };
      const single = workNotes([dir], dir, codebookFiles, job, 'never');
      expect(single.codings.length).toBeGreaterThan(20);
      expect(single.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['NOTE_DUPLICATE_ID zz/b.md', 'NOTE_BINARY zz/c.md']);
      // A worker that keeps up codes every note; progress is told note by note.
      const stats: { threads?: number; workerCoded?: number } = {};
      const progress: number[] = [];
      expect(workNotes([dir], dir, codebookFiles, job, 'always', stats, (done) => progress.push(done))).toEqual(single);
      expect(stats).toEqual({ threads: 2, workerCoded: documents });
      expect(progress).toEqual(Array.from({ length: documents + 1 }, (_, i) => i + 1));
      // A worker that codes nothing until every note is read: once 100,000 characters wait there,
      // the rest are coded here. The notes it was sent are the first ones in file order up to that
      // size, once its codebooks have come (this thread waits for them first here).
      const sizes = [...single.corpus.documents].sort((a, b) => (a.path < b.path ? -1 : 1)).map((d) => d.text.length);
      const held: typeof stats = {};
      expect(workNotes([dir], dir, codebookFiles, job, 'always', held, undefined, { hold: true, backlog: 100_000, awaitBooks: true })).toEqual(single);
      let sent = 0;
      for (let chars = 0; chars < 100_000; sent++) chars += sizes[sent]!;
      expect(held).toEqual({ threads: 2, workerCoded: sent });
      expect(sent).toBeGreaterThan(1);
      expect(sent).toBeLessThan(documents / 2);
      // Before the codebooks have come, the notes go to the worker whatever waits there: coding
      // one here would mean waiting for them. A worker that posts them only at the end is sent all.
      const early: typeof stats = {};
      expect(workNotes([dir], dir, codebookFiles, job, 'always', early, undefined, { hold: true, holdBooks: true, backlog: 100_000 })).toEqual(single);
      expect(early).toEqual({ threads: 2, workerCoded: documents });
      // Notes sent while the worker starts (before its codebooks come, which it posts once its coder
      // is compiled) do not count against the backlog: here it posts them after 8 notes, and the
      // 100,000 characters start from there.
      const slow: typeof stats = {};
      expect(workNotes([dir], dir, codebookFiles, job, 'always', slow, undefined, { hold: true, booksAfter: 8, backlog: 100_000 })).toEqual(single);
      const startup = sizes.slice(0, 8).reduce((a, b) => a + b, 0);
      let slowSent = 0;
      for (let chars = 0; chars < 100_000 + startup; slowSent++) chars += sizes[slowSent]!;
      expect(slow).toEqual({ threads: 2, workerCoded: slowSent });
      expect(slowSent).toBeGreaterThan(sent);
      // Backlog 0: everything is coded here.
      const none: typeof stats = {};
      expect(workNotes([dir], dir, codebookFiles, job, 'always', none, undefined, { backlog: 0 })).toEqual(single);
      expect(none).toEqual({ threads: 1, workerCoded: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('codes here the notes of a worker that fails, keeping the codings it posted before', () => {
    const dir = tempDir('themes-threads-fail-');
    try {
      const generated = generateCorpus(dir, 40000, ['samskap*', 'avsatt tid', 'mangel på tid']).documents;
      // Last in file order, so the worker has failed before their turn: notes in English and
      // nynorsk, whose language it was sent to guess, and which are guessed here instead.
      mkdirSync(join(dir, 'zz'));
      writeFileSync(join(dir, 'zz', 'en.md'), 'R: We have no time for this, and that is what they say is the problem with it. Kari Nordmann agrees.\n');
      writeFileSync(join(dir, 'zz', 'nn.md'), 'R: Eg trur ikkje det er noko problem, men dei har ikkje tid. Det seier Kari Nordmann òg.\n');
      const job = { options, mask: true };
      const stats: { threads?: number; workerCoded?: number } = {};
      const result = workNotes([dir], dir, codebookFiles, job, 'always', stats, undefined, { failAfter: 3 });
      expect(stats.threads).toBe(1);
      expect(result.corpus.documents).toHaveLength(generated + 2);
      expect(result.corpus.documents.filter((d) => d.lang !== 'nb').map((d) => `${d.id} ${d.lang}`)).toEqual(['en en', 'nn nn']);
      expect(result).toEqual(workNotes([dir], dir, codebookFiles, job, 'never'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('codes here the notes of a worker that stops without a word, once it has been quiet for a while', () => {
    const dir = tempDir('themes-threads-hang-');
    try {
      const documents = generateCorpus(join(dir, 'notes'), 40000, ['samskap*', 'avsatt tid', 'mangel på tid']).documents;
      // In a child process with a time limit: without the patience the run would wait for the
      // worker for ever, blocked where vitest's own timeout cannot stop it.
      const script = join(dir, 'hang.mjs');
      writeFileSync(script, `
        import { isDeepStrictEqual } from 'node:util';
        const { workNotes } = await import(${JSON.stringify(built)});
        const { DEFAULT_SPEAKERS } = await import(${JSON.stringify(join(root, 'dist/corpus/index.js'))});
        const codebooks = ${JSON.stringify(codebookFiles)};
        const job = { options: { unit: 'sentence', speakers: DEFAULT_SPEAKERS, includeInterviewer: true }, mask: true };
        const notes = ${JSON.stringify(join(dir, 'notes'))};
        const stats = {};
        const started = performance.now();
        const hung = workNotes([notes], notes, codebooks, job, 'always', stats, undefined, { hangAfter: 2, patience: 300 });
        const waited = performance.now() - started;
        const single = workNotes([notes], notes, codebooks, job, 'never');
        console.log(JSON.stringify({ stats, waited, documents: hung.corpus.documents.length, codings: hung.codings.length, same: isDeepStrictEqual(hung, single) }));
      `);
      const child = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
      expect(child.signal, child.stderr).toBeNull();
      expect(child.status, child.stderr).toBe(0);
      const out = JSON.parse(child.stdout) as { stats: { threads: number }; waited: number; documents: number; codings: number; same: boolean };
      expect(out.stats.threads).toBe(1);
      expect(out.waited).toBeGreaterThan(300);
      expect(out.documents).toBe(documents);
      expect(out.codings).toBeGreaterThan(10);
      expect(out.same).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the codebooks on the worker, which posts them here: the same codebooks and warnings as one thread reads', () => {
    const dir = tempDir('themes-threads-books-');
    try {
      // A warning (a term in two codes) travels with the codebook.
      const warned = join(dir, 'warned.yaml');
      writeFileSync(warned, readFileSync(codebookFiles[1]!, 'utf8').replace(/terms: \[/, 'terms: [samskap*, '));
      const job = { options, mask: true };
      const stats: { threads?: number } = {};
      const two = workNotes([samples], root, [warned, codebookFiles[0]!], job, 'always', stats);
      expect(stats.threads).toBe(2);
      const one = workNotes([samples], root, [warned, codebookFiles[0]!], job, 'never');
      expect(two.books.diagnostics.map((d) => d.code)).toContain('CODEBOOK_TERM_IN_TWO_CODES');
      expect(two.books).toEqual(one.books);
      expect(two).toEqual(one);
      // A worker that fails before it has read them: they are read here, and the notes coded here.
      const failed: typeof stats = {};
      expect(workNotes([samples], root, [warned, codebookFiles[0]!], job, 'always', failed, undefined, { failReading: true })).toEqual(one);
      expect(failed.threads).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops with the errors of codebooks the worker cannot use, as one thread does', () => {
    const dir = tempDir('themes-threads-bad-');
    try {
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, readFileSync(codebookFiles[1]!, 'utf8').replace(/terms: \[/, 'terms: [/(ulukket/, '));
      const errors = (policy: 'always' | 'never') => {
        try {
          workNotes([samples], root, [bad], { options, mask: true }, policy);
        } catch (e) {
          return { name: (e as Error).constructor.name, diagnostics: (e as { diagnostics: unknown }).diagnostics, exitCode: (e as { exitCode: number }).exitCode };
        }
        return undefined;
      };
      const one = errors('never');
      expect(one?.name).toBe('UserError');
      expect(JSON.stringify(one)).toContain('CODEBOOK_INVALID_REGEX');
      expect(errors('always')).toEqual(one);
      expect(errors('always')).toEqual(one);
      const missing = join(dir, 'missing.yaml');
      const gone = (policy: 'always' | 'never') => {
        try {
          workNotes([samples], root, [missing], { options, mask: true }, policy);
        } catch (e) {
          return (e as { diagnostics: unknown }).diagnostics;
        }
        return undefined;
      };
      expect(JSON.stringify(gone('never'))).toContain('CODEBOOK_NOT_FOUND');
      expect(gone('always')).toEqual(gone('never'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays in one thread for small corpora unless asked', () => {
    const stats: { threads?: number } = {};
    workNotes([samples], root, codebookFiles, { options, mask: true }, 'auto', stats);
    expect(stats.threads).toBe(1);
  });

  it('writes byte-identical bundles with THEMES_THREADS=1 and THEMES_THREADS=2 (the real binary)', async () => {
    const dir = tempDir('themes-threads-');
    try {
      const args = (out: string) => ['code', samples, '--codebook', 'bench/fixture-codebook.yaml', '--unit', 'sentence', '--out', join(dir, out)];
      const env = { SOURCE_DATE_EPOCH: '1700000000' };
      const one = await runBin(args('one'), { env: { ...env, THEMES_THREADS: '1' } });
      const two = await runBin(args('two'), { env: { ...env, THEMES_THREADS: '2' } });
      expect([one.code, two.code]).toEqual([0, 0]);
      const files = readdirSync(join(dir, 'one')).sort();
      expect(files).toContain('segments.jsonl');
      expect(readdirSync(join(dir, 'two')).sort()).toEqual(files);
      for (const f of files) {
        expect(readFileSync(join(dir, 'two', f), 'utf8'), f).toBe(readFileSync(join(dir, 'one', f), 'utf8'));
      }
      expect(readFileSync(join(dir, 'one', 'segments.jsonl'), 'utf8')).toContain('"evidence"');
      // A codebook in error: the same message and exit code either way, and nothing written.
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, 'themes:\n  - id: a\n    codes:\n      - id: b\n        terms: ["/(x/"]\n');
      const badArgs = (out: string) => ['code', samples, '--codebook', bad, '--out', join(dir, out)];
      const badOne = await runBin(badArgs('bad-one'), { env: { ...env, THEMES_THREADS: '1' } });
      const badTwo = await runBin(badArgs('bad-two'), { env: { ...env, THEMES_THREADS: '2' } });
      expect(badOne.code).toBe(2);
      expect(badOne.stderr).toContain('CODEBOOK_INVALID_REGEX');
      expect([badTwo.code, badTwo.stdout, badTwo.stderr]).toEqual([badOne.code, badOne.stdout, badOne.stderr]);
      expect(readdirSync(dir)).not.toContain('bad-two');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
