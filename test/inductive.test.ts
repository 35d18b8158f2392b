import { describe, expect, it } from 'vitest';
import { compoundSplitter } from '../src/coding/inductive/compounds.js';
import { averageLinkage, consensusClusters } from '../src/coding/inductive/consensus.js';
import { extractFeatures } from '../src/coding/inductive/features.js';
import { logLikelihood } from '../src/coding/inductive/keyness.js';
import { sphericalKMeans } from '../src/coding/inductive/kmeans.js';
import { labelFor, slug } from '../src/coding/inductive/label.js';
import { tfidf } from '../src/coding/inductive/vectors.js';
import { stemmerFor } from '../src/text/stem.js';

const stem = stemmerFor('nb');

describe('compound splitting', () => {
  it('splits a compound into parts the corpus uses as words, when the parts are commoner than the whole', () => {
    const counts = new Map([[stem('utvikling'), 3], [stem('tid'), 5], [stem('utviklingstiden'), 1]]);
    expect(compoundSplitter(counts, stem).parts('utviklingstiden')).toEqual([stem('tid'), stem('utvikling')]);
  });

  it('leaves a word alone that is commoner than its would-be parts (frivillige is not fri + villige)', () => {
    const counts = new Map([[stem('fri'), 1], [stem('villige'), 1], [stem('frivillige'), 4]]);
    expect(compoundSplitter(counts, stem).parts('frivillige')).toEqual([]);
  });

  it('leaves a string of thousands of letters alone, at once (splitting it took time growing with the square of its length)', () => {
    const counts = new Map([[stem('utvikling'), 3], [stem('tid'), 5]]);
    const long = 'utviklingstid'.repeat(2000);
    const started = performance.now();
    expect(compoundSplitter(counts, stem).parts(long)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('features', () => {
  const table = extractFeatures([
    { text: 'Det er mangel på tid i hjemmetjenesten.', lang: 'nb' },
    { text: 'Vi har mangel på tid og tida går til drift.', lang: 'nb' },
    { text: 'Utvikling er viktig, men utviklingstiden forsvinner først.', lang: 'nb' },
  ]);
  const id = (key: string) => table.keys.indexOf(key);

  it('takes no word from the labels of masked identifiers, and breaks phrases at them', () => {
    const masked = extractFeatures([
      { text: 'Vi snakket med [NAVN] om mangel på tid. Ring [TELEFON] eller skriv til [E-POST].', lang: 'nb' },
      { text: 'Rådgiver [NAVN] sier [NAVN] har [FØDSELSNUMMER] og bor i [ADRESSE] ved tida.', lang: 'nb' },
    ]);
    const words = masked.surface.join(' ');
    for (const label of ['navn', 'telefon', 'post', 'fødselsnummer', 'adresse']) expect(words).not.toMatch(new RegExp(`\\b${label}\\b`));
    expect(masked.surface).toContain('mangel på tid');
    expect(masked.surface.some((s) => s.includes('snakket') && s.includes('mangel'))).toBe(false);
  });

  it('groups inflections by stem, keeps the commonest surface form, and drops stop words', () => {
    expect(table.surface[id(stem('tid'))]).toBe('tid');
    expect(table.df[id(stem('tid'))]).toBe(3); // the third only through the compound "utviklingstiden"
    expect(table.keys).not.toContain('det');
    expect(table.keys).not.toContain('og');
  });

  it('finds phrases with a preposition inside, under their surface form', () => {
    const p = id(`${stem('mangel')} på ${stem('tid')}`);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(table.kinds[p]).toBe('phrase');
    expect(table.surface[p]).toBe('mangel på tid');
    expect(table.df[p]).toBe(2);
  });
});

describe('keyness and labels', () => {
  it('G² is positive for overuse, negative for underuse, 0 for even use', () => {
    expect(logLikelihood(8, 2, 10, 90)).toBeGreaterThan(10);
    expect(logLikelihood(1, 50, 10, 90)).toBeLessThan(0);
    expect(logLikelihood(5, 45, 10, 90)).toBeCloseTo(0, 6);
  });

  it('labels with a strong phrase, else the two strongest words; ids are ascii slugs', () => {
    expect(labelFor([
      { term: 'tid', key: 'tid', kind: 'word', segments: 5, score: 10 },
      { term: 'mangel på tid', key: 'mangel på tid', kind: 'phrase', segments: 4, score: 8 },
    ])).toBe('mangel på tid');
    expect(labelFor([
      { term: 'budsjettet', key: 'budsjett', kind: 'word', segments: 5, score: 10 },
      { term: 'kroner', key: 'kron', kind: 'word', segments: 3, score: 6 },
      { term: 'for lite penger', key: 'x', kind: 'phrase', segments: 2, score: 2 },
    ])).toBe('budsjettet, kroner');
    expect(slug('Mangel på tid / økonomi')).toBe('mangel-pa-tid-okonomi');
  });
});

describe('spherical k-means', () => {
  const texts = [
    'budsjett penger kroner', 'penger budsjett innsparing', 'kroner budsjett kutt', 'innsparing kutt penger',
    'frivillige innbyggere samskaping', 'samskaping frivillige lag', 'innbyggere lag foreninger', 'foreninger frivillige innbyggere',
  ];
  const table = extractFeatures(texts.map((text) => ({ text, lang: 'nb' as const })));
  const { vectors, dims } = tfidf(table, { minDf: 2, maxDfShare: 0.9 });

  it('separates two vocabularies and gives the same answer for the same seed', () => {
    const a = sphericalKMeans(vectors, dims, 2, { seed: 7, restarts: 5, maxIterations: 50 });
    const b = sphericalKMeans(vectors, dims, 2, { seed: 7, restarts: 5, maxIterations: 50 });
    expect([...a.assignment]).toEqual([...b.assignment]);
    const first = a.assignment[0];
    expect([...a.assignment.slice(0, 4)].every((c) => c === first)).toBe(true);
    expect([...a.assignment.slice(4)].every((c) => c !== first)).toBe(true);
  });
});

describe('evidence accumulation', () => {
  it('average linkage merges the most similar groups first, down to k', () => {
    // 0-1 close, 2-3 close, 4 nearer to 2-3 than to 0-1.
    const s = [
      [0, 9, 1, 1, 1],
      [9, 0, 1, 1, 1],
      [1, 1, 0, 8, 4],
      [1, 1, 8, 0, 5],
      [1, 1, 4, 5, 0],
    ].flat();
    expect(averageLinkage(Float32Array.from(s), 5, 2)).toEqual([[0, 1], [2, 3, 4]]);
    expect(averageLinkage(Float32Array.from(s), 5, 3)).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('groups by the votes of many k-means runs, the same for the same seed', () => {
    const texts = [
      'budsjett penger kroner', 'penger budsjett innsparing', 'kroner budsjett kutt', 'innsparing kutt penger',
      'frivillige innbyggere samskaping', 'samskaping frivillige lag', 'innbyggere lag foreninger', 'foreninger frivillige innbyggere',
    ];
    const table = extractFeatures(texts.map((text) => ({ text, lang: 'nb' as const })));
    const { vectors, dims } = tfidf(table, { minDf: 2, maxDfShare: 0.9 });
    const a = consensusClusters(vectors, dims, 2, { seed: 3, restarts: 1, maxIterations: 50 });
    expect([...a.assignment]).toEqual([...consensusClusters(vectors, dims, 2, { seed: 3, restarts: 1, maxIterations: 50 }).assignment]);
    expect(new Set(a.assignment.slice(0, 4)).size).toBe(1);
    expect(new Set(a.assignment.slice(4)).size).toBe(1);
    expect(a.assignment[0]).not.toBe(a.assignment[4]);
  });
});
