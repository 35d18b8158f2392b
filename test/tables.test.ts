// The pure table builders, on three small notes whose counts can be checked by hand.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inhibitorsAndPromoters } from '../src/analysis/areas.js';
import { coOccurrence } from '../src/analysis/cooccurrence.js';
import { crossTab } from '../src/analysis/crosstab.js';
import { frequencies, indexCorpus } from '../src/analysis/frequencies.js';
import { numericAttributes, summarise } from '../src/analysis/numeric.js';
import { loadCodebook } from '../src/codebook/load.js';
import { codeCorpus } from '../src/coding/deductive.js';
import { loadCorpus, DEFAULT_SPEAKERS } from '../src/corpus/index.js';
import type { Codebook, Coding, Corpus } from '../src/model.js';
import { root, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const dir = join(root, 'test', 'fixtures', 'tables');
let corpus: Corpus;
let codebook: Codebook;
let codings: Coding[];

beforeAll(() => {
  const text = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
  const loaded = loadCodebook(text, 'codebook.yaml');
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  codebook = loaded.codebook!;
  corpus = loadCorpus([join(dir, 'notes')], root, { unit: 'paragraph', includeInterviewer: false, speakers: DEFAULT_SPEAKERS }).corpus;
  codings = codeCorpus(corpus, [codebook]);
});

const codesOf = (segment: string) => codings.filter((c) => c.segment === segment).map((c) => c.code).sort();

describe('the fixture is coded as the tests assume', () => {
  it('codes each paragraph with the expected codes', () => {
    const [a1, a2, b1, b2, c1] = corpus.segments.map((s) => s.id);
    expect(codesOf(a1!)).toEqual(['lack-of-time', 'silo-thinking']);
    expect(codesOf(a2!)).toEqual(['idea-box', 'set-aside-time']);
    expect(codesOf(b1!)).toEqual(['lack-of-time', 'silo-thinking']);
    expect(codesOf(b2!)).toEqual(['co-creation-citizens']);
    expect(codesOf(c1!)).toEqual(['political-support', 'set-aside-time']);
  });
});

describe('crossTab', () => {
  it('splits informants and segments by attribute value, documents without it last', () => {
    const t = crossTab(corpus, codebook, codings, 'role')!;
    expect(t.values).toEqual([{ value: 'ansatt', informants: 1 }, { value: 'leder', informants: 1 }, { value: null, informants: 1 }]);
    const row = (id: string) => t.rows.find((r) => r.id === id)!;
    expect(row('set-aside-time').cells).toEqual([{ informants: 0, segments: 0 }, { informants: 1, segments: 1 }, { informants: 1, segments: 1 }]);
    expect(row('set-aside-time').total).toEqual({ informants: 2, segments: 2 });
    // A theme rolls up its codes: inhibitors has lack-of-time and silo-thinking in the same two segments.
    expect(row('inhibitors').cells).toEqual([{ informants: 1, segments: 1 }, { informants: 1, segments: 1 }, { informants: 0, segments: 0 }]);
    expect(row('promoters').total).toEqual({ informants: 2, segments: 2 });
  });

  it('is undefined for an attribute no document has', () => {
    expect(crossTab(corpus, codebook, codings, 'rolle')).toBeUndefined();
  });
});

describe('inhibitorsAndPromoters', () => {
  it('pairs sub-themes by the suffix after inhibitors- and promoters-, in the inhibitors\' order', () => {
    const areas = inhibitorsAndPromoters(codebook, frequencies(codebook, codings, indexCorpus(corpus, codings)));
    expect(areas.map((a) => [a.area, a.inhibitors.theme ?? null, a.promoters.theme ?? null])).toEqual([
      ['organisation', 'inhibitors-organisation', 'promoters-organisation'],
      ['culture', 'inhibitors-culture', 'promoters-culture'],
      ['economy', 'inhibitors-economy', null],
      ['politics', null, 'promoters-politics'],
    ]);
    const org = areas[0]!;
    expect(org.inhibitors.informants).toBe(2);
    expect(org.inhibitors.codes).toEqual([
      { id: 'lack-of-time', informants: 2, segments: 2 }, { id: 'silo-thinking', informants: 2, segments: 2 },
    ]);
    expect(org.promoters.codes.find((c) => c.id === 'set-aside-time')).toEqual({ id: 'set-aside-time', informants: 2, segments: 2 });
    expect(areas[3]!.promoters.informants).toBe(1);
  });

  it('counts the informants of codes right under inhibitors once each, in the area «other» (table, HTML chart)', async () => {
    const dir = tempDir('themes-areas-other-');
    writeFileSync(join(dir, 'cb.yaml'), `codebook: other
language: nb
themes:
  - id: inhibitors
    label: { nb: Hemmere, en: Inhibitors }
    codes:
      - { id: lack-of-time, label: { nb: Mangel på tid, en: Lack of time }, terms: [tid] }
      - { id: silo-thinking, label: { nb: Silotenkning, en: Silo thinking }, terms: [silo*] }
  - id: promoters
    label: { nb: Fremmere, en: Promoters }
    codes:
      - { id: trust, label: { nb: Tillit, en: Trust }, terms: [tillit] }
`);
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'a.md'), 'R: Vi har ikke tid til noe.\n');
    writeFileSync(join(dir, 'notes', 'b.md'), 'R: Det er mye silotenkning her.\n');
    writeFileSync(join(dir, 'notes', 'c.md'), 'R: Ingen tid, og mye silotenkning.\n\nR: Men tillit.\n');
    const r = await runCli(['table', 'notes', '-c', 'cb.yaml', '--only', 'inhibitors-promoters', '-f', 'csv'], { cwd: dir });
    // a, b and c name inhibitors: 3 informants, not the 2 of the largest code, and c only once.
    expect(r.stdout.split('\r\n').find((l) => l.startsWith('Andre,'))).toBe('Andre,,3,,1');
    const html = await runCli(['report', 'notes', '-c', 'cb.yaml', '--out', 'r.html'], { cwd: dir });
    expect(html.code).toBe(0);
    const data = JSON.parse(/<script type="application\/json" id="themes-data">([\s\S]*?)<\/script>/.exec(readFileSync(join(dir, 'r.html'), 'utf8'))![1]!);
    expect(data.areas).toEqual([{ name: 'Andre', inhibitors: 3, promoters: 1 }]);
  });

  it('is empty for a codebook without inhibitors and promoters', () => {
    expect(inhibitorsAndPromoters({ ...codebook, themes: codebook.themes.filter((t) => t.id === 'mdi') }, [])).toEqual([]);
  });
});

describe('coOccurrence', () => {
  it('counts shared segments and informants, with Jaccard indices', () => {
    const co = coOccurrence(codebook, codings, indexCorpus(corpus, codings));
    const pair = (a: string, b: string) => co.pairs.find((p) => p.a === a && p.b === b);
    expect(pair('lack-of-time', 'silo-thinking')).toEqual({ a: 'lack-of-time', b: 'silo-thinking', segments: 2, segmentJaccard: 1, informants: 2, informantJaccard: 1 });
    expect(pair('set-aside-time', 'idea-box')).toEqual({ a: 'set-aside-time', b: 'idea-box', segments: 1, segmentJaccard: 0.5, informants: 1, informantJaccard: 0.5 });
    // Never in one segment, but both in informant a (and lack-of-time also in b, set-aside-time also in c).
    expect(pair('lack-of-time', 'set-aside-time')).toMatchObject({ segments: 0, segmentJaccard: 0, informants: 1 });
    expect(pair('lack-of-time', 'set-aside-time')!.informantJaccard).toBeCloseTo(1 / 3, 10);
    // Most shared segments first.
    expect(co.pairs[0]).toMatchObject({ a: 'lack-of-time', b: 'silo-thinking' });
    expect(co.codes).not.toContain('fear-of-failure');
  });
});

describe('numericAttributes', () => {
  it('finds numeric attributes and summarises them by another attribute', () => {
    const n = numericAttributes(corpus, 'role');
    expect(n.attributes).toEqual(['score']);
    expect(n.perInformant).toEqual([{ informant: 'a', by: 'leder', values: [4] }, { informant: 'b', by: 'ansatt', values: [2] }, { informant: 'c', by: null, values: [5] }]);
    expect(n.by!.groups.map((g) => [g.value, g.stats[0]!.n, g.stats[0]!.mean])).toEqual([['ansatt', 1, 2], ['leder', 1, 4], [null, 1, 5]]);
    expect(n.all[0]!.n).toBe(3);
    expect(n.all[0]!.mean).toBeCloseTo(11 / 3, 10);
    expect([n.all[0]!.min, n.all[0]!.max]).toEqual([2, 5]);
  });

  it('gives n = 0 and no mean for an empty group', () => {
    expect(summarise([])).toEqual({ n: 0, mean: null, min: null, max: null });
  });
});
