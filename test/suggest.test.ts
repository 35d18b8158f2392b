import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../src/codebook/load.js';
import { testCodebook } from '../src/codebook/testing.js';
import { normalise, root, runBin, runCli } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';
import { tempDir } from './helpers/temp.js';

const notes = 'test/fixtures/inductive/notes';
const codebook = ['-c', 'test/fixtures/inductive/codebook.yaml'];

interface Json {
  k: number;
  kChoice: { method: string; explanation: string; balanced?: boolean; scores?: Array<{ k: number; silhouette: number; largest: number }> };
  segments: { considered: number; clustered: number; uncodedOnly: boolean };
  candidates: Array<{ id: string; label: string; segments: string[]; quotes: unknown[]; relation: string; overlaps: Array<{ code: string }> }>;
  keyPhrases: { corpus: { statistic: string; terms: Array<{ term: string; kind: string }> }; groups: Array<{ value: string; statistic: string }> };
  assignments: Array<{ segment: string; candidate: string | null; reason?: string; file: string; line: number }>;
}

async function json(args: string[]): Promise<Json> {
  const r = await runCli(['suggest', ...args, ...codebook, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

function scratch(): string {
  return tempDir('themes-suggest-');
}

describe('themes suggest --format json', () => {
  it('assigns every segment, and explains the automatic choice of k', async () => {
    const out = await json([notes]);
    expect(out.assignments).toHaveLength(96);
    expect(out.assignments.every((a) => a.file.startsWith(notes) && a.line > 0)).toBe(true);
    // A segment that shares no content word with any other has no candidate, and says why.
    const unassigned = out.assignments.filter((a) => a.candidate === null);
    expect(unassigned.every((a) => a.reason === 'no-content')).toBe(true);
    expect(out.segments.clustered).toBe(96 - unassigned.length);
    const ids = new Set(out.candidates.map((c) => c.id));
    expect(out.assignments.filter((a) => a.candidate !== null).every((a) => ids.has(a.candidate!))).toBe(true);
    expect(out.candidates).toHaveLength(out.k);
    expect(out.kChoice.method).toBe('silhouette');
    expect(out.kChoice.scores!.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(out.kChoice.explanation).toMatch(/silhuett/);
    // The chosen k has the best silhouette among the k without a catch-all candidate.
    const scores = out.kChoice.scores!;
    const chosen = scores.find((s) => s.k === out.k)!;
    expect(out.kChoice.balanced).toBe(true);
    expect(chosen.largest).toBeLessThanOrEqual(0.5);
    expect(scores.filter((s) => s.largest <= 0.5).every((s) => s.silhouette <= chosen.silhouette)).toBe(true);
    expect(out.candidates.every((c) => c.quotes.length >= 2 && c.quotes.length <= 3)).toBe(true);
    expect(out.keyPhrases.corpus.statistic).toBe('summed TF-IDF');

    expect(out.keyPhrases.groups.map((g) => g.value)).toEqual(['arbeidsgiver', 'tillitsvalgt']);
  });

  it('lists key words, then 2- and 3-word key phrases', async () => {
    const r = await runCli(['suggest', 'samples/notes', '--format', 'json']);
    expect(r.code).toBe(0);
    const terms = (JSON.parse(r.stdout) as Json).keyPhrases.corpus.terms;
    const kinds = terms.map((t) => t.kind);
    expect(kinds.indexOf('phrase')).toBeGreaterThan(kinds.lastIndexOf('word'));
    const phrases = terms.filter((t) => t.kind === 'phrase').map((t) => t.term);
    expect(phrases.every((t) => /^\S+ (\S+ )?\S+$/.test(t))).toBe(true);
    expect(phrases).toContain('forankring i ledelsen');
  });

  it('calls no candidate new whose segments the codebook mostly codes, by whichever codes', async () => {
    // The inductive fixture with its small codebook: some candidates overlap codes, several are new
    // (on the samples the default codebook codes too much for a candidate to be new).
    const args = ['test/fixtures/inductive/notes', '-c', 'test/fixtures/inductive/codebook.yaml', '--format', 'json'];
    const parsed = JSON.parse((await runCli(['suggest', ...args])).stdout) as Json;
    // With --uncoded, the segments the codebook codes are listed as such.
    const uncodedRun = JSON.parse((await runCli(['suggest', ...args, '--uncoded'])).stdout) as Json;
    const coded = new Set(uncodedRun.assignments.filter((a) => a.reason === 'coded').map((a) => a.segment));
    expect(coded.size).toBeGreaterThan(10);
    expect(parsed.candidates.some((c) => c.relation === 'overlaps')).toBe(true);
    for (const c of parsed.candidates) {
      if (c.relation !== 'new') continue;
      const share = c.segments.filter((s) => coded.has(s)).length / c.segments.length;
      expect([c.id, share < 0.5]).toEqual([c.id, true]);
    }
    expect(parsed.candidates.some((c) => c.relation === 'new')).toBe(true);
  });

  it('names candidates alike whatever --terms shows, so two runs can be compared', async () => {
    const named = async (terms: string) => (JSON.parse((await runCli(['suggest', 'samples/notes', '--format', 'json', '--terms', terms])).stdout) as Json).candidates.map((c) => [c.id, c.label]);
    const one = await named('1');
    expect(one).toEqual(await named('8'));
    expect(one).toEqual(await named('20'));
  });

  it('gives --k candidates, related to the codebook', async () => {
    const out = await json([notes, '--k', '5']);
    expect(out.candidates).toHaveLength(5);
    expect(out.kChoice.method).toBe('fixed');
    expect(out.candidates.some((c) => c.relation === 'overlaps' && c.overlaps.length > 0)).toBe(true);
    expect(out.candidates.some((c) => c.relation === 'new')).toBe(true);
  });

  it('is the same whatever the order of the files', async () => {
    const files = readdirSync(join(root, notes)).sort().map((f) => `${notes}/${f}`);
    const forward = await runCli(['suggest', ...files, ...codebook, '--format', 'json']);
    const backward = await runCli(['suggest', ...[...files].reverse(), ...codebook, '--format', 'json']);
    expect(backward.stdout).toBe(forward.stdout);
    const folder = await runCli(['suggest', notes, ...codebook, '--format', 'json']);
    expect(folder.stdout).toBe(forward.stdout);
  });

  it('--uncoded groups only what the codebook left uncoded', async () => {
    const all = await json([notes]);
    const out = await json([notes, '--uncoded']);
    expect(out.segments.uncodedOnly).toBe(true);
    const coded = out.assignments.filter((a) => a.reason === 'coded');
    expect(coded.length).toBeGreaterThan(0);
    expect(out.segments.considered).toBe(all.assignments.length - coded.length);
    expect(coded.every((a) => a.candidate === null)).toBe(true);
  });
});

describe('themes suggest --write-codebook', () => {
  it('writes a draft that passes codebook validation, every code a candidate', async () => {
    const dir = scratch();
    const file = join(dir, 'draft.yaml');
    const r = await runCli(['suggest', notes, ...codebook, '--k', '6', '--write-codebook', file]);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    const loaded = loadCodebook(text, 'draft.yaml');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.codebook!.codes).toHaveLength(6);
    expect(loaded.codebook!.codes.every((c) => c.candidate === true && c.terms.length > 0 && c.examples.length > 0)).toBe(true);
    expect(loaded.codebook!.id).toBe('liten-candidates');
  });

  it('leaves candidates of the other language out of the draft, with a warning', async () => {
    const file = join(scratch(), 'draft.yaml');
    const r = await runCli(['suggest', 'samples/notes', '--write-codebook', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning SUGGEST_DRAFT_OTHER_LANGUAGE 2 candidate\(s\) from English notes are left out of the draft, which is in the codebook's language \(nb\)/);
    const draft = loadCodebook(readFileSync(file, 'utf8'), 'draft.yaml').codebook!;
    expect(draft.language).toBe('nb');
    // The English candidates' words (innovation, ideas) would have coded Norwegian segments.
    expect(draft.codes.flatMap((c) => c.terms.map((t) => t.raw))).not.toContain('ideas');
    expect(r.stderr).toContain(`wrote ${draft.codes.length} candidate codes`);
  });

  it('names the other codebook in the hint by a path that works from the working folder', async () => {
    const dir = scratch();
    const r = await runCli(['suggest', join(root, 'samples/notes'), '--write-codebook', 'draft.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const hint = /with a codebook in their language \(-c ([^)]+)\)/.exec(r.stderr);
    expect(hint).not.toBeNull();
    expect(hint![1]).toMatch(/innovation-en\.yaml$/);
    expect(existsSync(join(dir, hint![1]!))).toBe(true);
  });

  it('drafts English notes in English with the default codebooks (the English one), not an empty bokmål draft', async () => {
    const file = join(scratch(), 'draft.yaml');
    const r = await runCli(['suggest', 'samples/notes/informant-07.md', 'samples/notes/informant-11.md', '--write-codebook', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('SUGGEST_DRAFT_OTHER_LANGUAGE');
    const draft = loadCodebook(readFileSync(file, 'utf8'), 'draft.yaml').codebook!;
    expect(draft.language).toBe('en');
    expect(draft.id).toBe('innovation-en-candidates');
    expect(draft.title).toBe('Candidates from themes suggest');
    expect(draft.codes.length).toBeGreaterThan(0);
    expect(r.stderr).toContain(`wrote ${draft.codes.length} candidate codes`);
  });

  it('says a language whose segments share no words gets no candidate (not one)', async () => {
    const r = await runCli(['suggest', 'samples/notes', '--uncoded']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/engelsk, 2 segm\. \(k = 0, ingen kandidat: segmentene deler ingen innholdsord\)/);
  });

  it('quotes the examples once, inner «» as ‘’, like every quote (the samples have paragraphs in «»)', async () => {
    const file = join(scratch(), 'draft.yaml');
    expect((await runCli(['suggest', 'samples/notes', '--k', '4', '--write-codebook', file])).code).toBe(0);
    const examples = loadCodebook(readFileSync(file, 'utf8'), 'draft.yaml').codebook!.codes.flatMap((c) => c.examples);
    expect(examples.length).toBeGreaterThan(5);
    for (const e of examples) expect(e, e).toMatch(/^«[^«»]*»$/);
  });

  it('does not replace an existing file without --force', async () => {
    const dir = scratch();
    const file = join(dir, 'draft.yaml');
    writeFileSync(file, 'keep me');
    const r = await runCli(['suggest', notes, ...codebook, '--write-codebook', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SUGGEST_CODEBOOK_EXISTS');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect((await runCli(['suggest', notes, ...codebook, '--write-codebook', file, '--force'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('candidate: true');
  });
  it('refuses a draft a later run would read as a note (OUT_INSIDE_NOTES) before it reads the notes', async () => {
    const dir = scratch();
    cpSync(join(root, notes), join(dir, 'notes'), { recursive: true });
    const before = readdirSync(join(dir, 'notes')).sort();
    const r = await runCli(['suggest', 'notes', '-c', join(root, 'test/fixtures/inductive/codebook.yaml'), '--write-codebook', 'notes/draft.md'], { cwd: dir });
    expect(r.code).toBe(2);
    // The error and its hint, and nothing before them: no notice from reading or masking the notes.
    expect(r.stderr).toMatch(/^error OUT_INSIDE_NOTES --write-codebook notes\/draft\.md is inside the notes folder notes\n  hint: [^\n]*\n$/);
    expect(r.stdout).toBe('');
    expect(readdirSync(join(dir, 'notes')).sort()).toEqual(before);
    // A YAML draft beside the notes is no note: it is written.
    expect((await runCli(['suggest', 'notes', '-c', join(root, 'test/fixtures/inductive/codebook.yaml'), '--k', '4', '--write-codebook', 'notes/draft.yaml'], { cwd: dir })).code).toBe(0);
  });

  it('refuses a --write-codebook it cannot write before it reads the notes', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'folder'));
    for (const [file, extra, code] of [
      ['nowhere/draft.yaml', [], 'SUGGEST_CODEBOOK_NO_PARENT'],
      ['folder', ['--force'], 'SUGGEST_CODEBOOK_IS_FOLDER'],
      ['folder', [], 'SUGGEST_CODEBOOK_EXISTS'],
    ] as const) {
      const r = await runCli(['suggest', join(root, 'samples/notes'), '--write-codebook', file, ...extra], { cwd: dir });
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toMatch(new RegExp(`^error ${code} [^\n]*\n  hint: [^\n]*\n$`));
      expect(r.stdout).toBe('');
    }
  });
});

describe('themes suggest on bad input', () => {
  const folder = (files: Record<string, string>) => {
    const dir = scratch();
    mkdirSync(join(dir, 'notes'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'notes', name), text);
    return join(dir, 'notes');
  };
  const expectDiagnostic = async (args: string[], code: string) => {
    const r = await runCli(['suggest', ...args, ...codebook]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(code);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(r.stdout).toBe('');
  };

  it('too few segments for --k', () => expectDiagnostic([notes, '--k', '60'], 'SUGGEST_TOO_FEW_SEGMENTS'));
  it('--k below 2', () => expectDiagnostic([notes, '--k', '1'], 'SUGGEST_K_TOO_SMALL'));
  it('--k not a number of candidates', () => expectDiagnostic([notes, '--k', '-3'], '"-3" is not a whole number of candidates (2 or more)'));
  it('--max-k below 2', () => expectDiagnostic([notes, '--max-k', '1'], 'SUGGEST_K_TOO_SMALL'));
  it('--k with --max-k, which only bounds the k themes chooses', () => expectDiagnostic([notes, '--k', '5', '--max-k', '3'], 'SUGGEST_K_AND_MAX_K'));
  it('--terms 0 (candidates without a word)', () => expectDiagnostic([notes, '--terms', '0'], '"0" is not a whole number of 1 or more'));
  it('--by an attribute no note has', () => expectDiagnostic([notes, '--by', 'role,site'], 'ATTRIBUTE_UNKNOWN'));
  it('--uncoded when everything is coded', () => expectDiagnostic([folder({ 'a.md': 'Budsjettet er stramt.\n\nBudsjettet kuttes igjen.\n' }), '--uncoded'], 'SUGGEST_NOTHING_UNCODED'));
  it('an empty corpus', () => expectDiagnostic([folder({ 'a.md': '---\nid: a\n---\n' })], 'SUGGEST_EMPTY_CORPUS'));
  it('no content words', () => expectDiagnostic([folder({ 'a.md': 'Det er så.\n\nOg vi har det.\n\nJa, det er det.\n' })], 'SUGGEST_NO_CONTENT_WORDS'));
  it('too few segments to choose k', () => expectDiagnostic([folder({ 'a.md': 'Budsjettet er stramt.\n\nBudsjettet kuttes igjen.\n' })], 'SUGGEST_TOO_FEW_SEGMENTS'));
});

describe('themes suggest in the terminal', () => {
  it('matches the golden output', async () => {
    const r = await runCli(['suggest', notes, ...codebook, '--k', '4']);
    expect(r.code).toBe(0);
    expectGolden('suggest/terminal-k4.txt', r.stdout);
  });

  it('runs as the real binary, with data only on stdout', async () => {
    const r = await runBin(['suggest', notes, ...codebook, '--format', 'md', '--k', '4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Kandidattemaer');
    expect(r.stdout).toBe(normalise((await runCli(['suggest', notes, ...codebook, '--format', 'md', '--k', '4'])).stdout));
  });
});

describe('the inductive summary of themes code', () => {
  it('ends the terminal report, and is in md and json, but not in csv', async () => {
    const terminal = await runCli(['code', notes, ...codebook]);
    expect(terminal.code).toBe(0);
    const tail = terminal.stdout.slice(terminal.stdout.indexOf('Induktivt sammendrag'));
    expect(tail).toMatch(/^Induktivt sammendrag\n\d+ av 96 segmenter \(\d+ %\) fikk ingen kode fra kodeboka\.\n/);
    expect(tail).toMatch(/\n {2}1\. .+ \(\d+ segm\., \d+ inf\.\): /);
    const md = await runCli(['code', notes, ...codebook, '--format', 'md']);
    expect(md.stdout).toContain('## Induktivt sammendrag');
    const js = JSON.parse((await runCli(['code', notes, ...codebook, '--format', 'json'])).stdout) as { inductive: { segments: number; uncoded: number; candidates: unknown[] } };
    expect(js.inductive.segments).toBe(96);
    expect(js.inductive.uncoded).toBeGreaterThan(0);
    expect(js.inductive.candidates.length).toBeGreaterThan(0);
    const csv = await runCli(['code', notes, ...codebook, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('kind,id,parent,label,segments,informants,share');
    expect(csv.stdout).not.toMatch(/ndukti|candidate/);
  });
});

describe('themes suggest samples/notes (end to end, default codebooks)', () => {
  it('prints candidates of the shipped samples', async () => {
    const r = await runBin(['suggest', 'samples/notes']);
    expect(r.code).toBe(0);
    expectGolden('suggest/samples-terminal.txt', r.stdout);
  });
});

describe('themes suggest on notes in several languages', () => {
  interface Mixed extends Json {
    languages?: Array<{ language: string; segments: number; clustered: number; k: number; kChoice: { method: string } }>;
  }
  const mixed = async (extra: string[] = []) => {
    const r = await runCli(['suggest', 'samples/notes', '--format', 'json', ...extra]);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Mixed;
  };
  const langOf = (segment: string) => (/^informant-(07|11):/.test(segment) ? 'en' : /^informant-06:/.test(segment) ? 'nn' : 'nb');

  it('groups each language on its own: no candidate mixes languages, and the English notes are split by topic', async () => {
    const out = await mixed();
    expect(out.languages!.map((l) => l.language)).toEqual(['nb', 'nn', 'en']);
    expect(out.languages!.map((l) => l.segments)).toEqual([128, 17, 28]);
    expect(out.k).toBe(out.languages!.reduce((a, l) => a + l.k, 0));
    for (const c of out.candidates) expect(new Set(c.segments.map(langOf)).size, c.id).toBe(1);
    // Grouped together with the Norwegian notes, all English segments made one candidate.
    const english = out.candidates.filter((c) => langOf(c.segments[0]!) === 'en');
    expect(english.length).toBeGreaterThanOrEqual(2);
    expect(out.kChoice.explanation).toMatch(/hvert språk gruppert for seg: bokmål, 128 segm\. .*nynorsk, 17 segm\. .*engelsk, 28 segm\./);
  });

  it('shares --k out over the languages by their segments', async () => {
    const out = await mixed(['--k', '8']);
    expect(out.k).toBe(8);
    expect(out.languages!.map((l) => l.k)).toEqual([6, 1, 1]);
    expect(out.candidates).toHaveLength(8);
    expect(out.kChoice.method).toBe('fixed');
  });

  it('chooses k for a language steadily across seeds (silhouettes averaged over three groupings)', async () => {
    // With one grouping per k, seed 1 gave the samples' 128 bokmål segments k = 3 (54, 47 and 27
    // segments) and seeds 2 to 5 gave 7 to 9.
    const ks: number[] = [];
    for (const seed of [1, 2, 3, 4, 5]) ks.push((await mixed(['--seed', String(seed)])).languages![0]!.k);
    expect(Math.min(...ks)).toBeGreaterThanOrEqual(6);
  });

  it('keeps one language as it was, with no per-language part', async () => {
    const out = await json([notes]);
    expect((out as Mixed).languages).toBeUndefined();
  });
});

describe('themes suggest on clear-cut notes', () => {
  async function candidates(notes: Record<string, string[]>, extra: string[] = []): Promise<string[][]> {
    const dir = tempDir('themes-suggest-clear-');
    for (const [id, paragraphs] of Object.entries(notes)) writeFileSync(join(dir, `${id}.md`), `---\nid: ${id}\n---\n\n${paragraphs.map((p) => `R: ${p}`).join('\n\n')}\n`);
    const r = await runCli(['suggest', dir, '--format', 'json', ...extra]);
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as { candidates: Array<{ segments: string[] }> }).candidates.map((c) => c.segments);
  }

  it('keeps every copy of a paragraph that seven notes repeat in one candidate', async () => {
    const notes = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((i) => [`l${i}`, [
      'Vi har digitalt tilsyn på natta og medisindispensere hos mange brukere, og sykepleierne sparer tid.',
      'Sykefraværet har økt, og oppfølgingen av sykmeldte er tung for lederne.',
    ]]));
    const groups = await candidates(notes);
    // Line 5 is the first paragraph in every note, line 7 the second: no candidate mixes them or parts them.
    expect(groups.map((g) => [...new Set(g.map((s) => s.split(':')[1]))]).sort()).toEqual([['5'], ['7']]);
    expect(groups.map((g) => g.length)).toEqual([7, 7]);
  });

  it('labels the one candidate of a language with few segments by the words they share', async () => {
    // Two English segments: every word they share is in both, so it has no TF-IDF weight.
    const dir = tempDir('themes-suggest-few-');
    writeFileSync(join(dir, 'e1.md'), 'R: Heavy rain floods the cellars, and the stormwater pipes are too small.\n');
    writeFileSync(join(dir, 'e2.md'), 'R: After the rain, stormwater runs into the streets.\n');
    for (const [id, text] of [['n1', 'Vi har ikke tid til utviklingsarbeid i turnus.'], ['n2', 'Utviklingsarbeid får ikke tid i turnus.'], ['n3', 'Ingen tid til utviklingsarbeid i turnus.']]) writeFileSync(join(dir, `${id}.md`), `R: ${text}\n`);
    const r = await runCli(['suggest', dir, '--format', 'json', '--k', '2']);
    const english = (JSON.parse(r.stdout) as { candidates: Array<{ label: string; segments: string[]; terms: Array<{ term: string }> }> }).candidates.find((c) => c.segments.every((s) => s.startsWith('e')))!;
    expect(english.label).toBe('rain, stormwater');
    expect(english.terms.map((t) => t.term)).toEqual(['rain', 'stormwater']);
  });

  it('finds four clear topics in four notes without a catch-all or single segments split off', async () => {
    const groups = await candidates({
      p1: ['Velferdsteknologi i hjemmetjenesten gir tryggere brukere.', 'Klimatilpasning og overvann er et nytt felt for kommunen.', 'Sykefraværet er høyt, og oppfølgingen av sykmeldte tar tid.', 'Rekruttering av sykepleiere er vanskelig i distriktet.'],
      p2: ['Medisindispensere og digitalt tilsyn er tatt i bruk i hjemmetjenesten.', 'Overvann etter styrtregn krever klimatilpasning i planene.', 'Vi har tett oppfølging av sykmeldte for å få ned sykefraværet.', 'Vi klarer ikke å rekruttere sykepleiere til hele stillinger.'],
      p3: ['Hjemmetjenesten tester velferdsteknologi som sensorer og digitalt tilsyn.', 'Vi jobber med klimatilpasning fordi overvann fyller kjellere.', 'Sykefraværet i turnus er høyere enn blant dem som jobber dagtid.', 'Sykepleiere søker seg bort, så rekruttering er et problem.'],
      p4: ['Velferdsteknologien sparer turer for hjemmetjenesten.', 'Overvannet må håndteres lokalt, sier de som jobber med klimatilpasning.', 'Sykefraværet falt etter at oppfølgingen av sykmeldte ble bedre.', 'Rekruttering av sykepleiere skjer nå via vikarbyrå.'],
    }, ['--k', '4']);
    expect(groups).toHaveLength(4);
    // Each topic is one paragraph position (6, 8, 10, 12) in every note: each candidate is one topic.
    expect(groups.map((g) => new Set(g.map((s) => s.split(':')[1])).size)).toEqual([1, 1, 1, 1]);
    expect(groups.map((g) => g.length)).toEqual([4, 4, 4, 4]);
  });
});

describe('themes suggest --write-codebook: the draft passes its own codebook test', () => {
  // The draft's examples are its candidates' quotes; its terms must code them, or `themes codebook
  // test` fails on a draft just written (the samples' «prosjektgruppene» and «prosjektmidler» were
  // examples of a code whose only such term, «prosjekt», matches by stem and no compound).
  const cases: Array<[string, string[]]> = [
    ['samples, --k 6', ['samples/notes', '--k', '6']],
    ['samples, k chosen', ['samples/notes']],
    ['samples, --k 4 --terms 2', ['samples/notes', '--k', '4', '--terms', '2']],
    ['test notes, --k 8', [notes, ...codebook, '--k', '8']],
    ['test notes, --uncoded', [notes, ...codebook, '--uncoded']],
  ];
  for (const [name, args] of cases) {
    it(name, async () => {
      const file = join(scratch(), 'draft.yaml');
      const r = await runCli(['suggest', ...args, '--write-codebook', file]);
      expect(r.code).toBe(0);
      const loaded = loadCodebook(readFileSync(file, 'utf8'), 'draft.yaml');
      expect(loaded.diagnostics).toEqual([]);
      const result = testCodebook(loaded.codebook!);
      expect(result.cases.filter((c) => !c.pass).map((c) => `${c.code} ${c.kind} ${c.index + 1}: ${c.text}`)).toEqual([]);
      expect(result.untested).toEqual([]);
      expect(loaded.codebook!.codes.every((c) => c.examples.length > 0)).toBe(true);
    });
  }
});
