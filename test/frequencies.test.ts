import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeMatrix, frequencies, indexCorpus } from '../src/analysis/frequencies.js';
import { loadCodebook } from '../src/codebook/load.js';
import { informantOf } from '../src/corpus/document.js';
import { compareIds } from '../src/corpus/index.js';
import type { Codebook, Coding, Corpus, Theme } from '../src/model.js';
import { root } from './helpers/cli.js';

// The counts work with numbers per coding for speed. They must give what counting segment ids
// and informant names in sets gives (the plain way, below), whatever order the codings come in,
// with codings of one segment repeated, and with codings of segments the corpus does not have.

const codebook: Codebook = loadCodebook(readFileSync(join(root, 'codebooks/innovasjon.yaml'), 'utf8'), 'innovasjon.yaml').codebook!;

function plainFrequencies(cb: Codebook, corpus: Corpus, codings: readonly Coding[]) {
  const segment = new Map(corpus.segments.map((s) => [s.id, s]));
  const informant = new Map(corpus.documents.map((d) => [d.id, informantOf(d)]));
  const informantOfSegment = (id: string) => {
    const s = segment.get(id);
    return s && informant.get(s.document);
  };
  const total = new Set(corpus.documents.map(informantOf)).size;
  const rows: Array<{ id: string; segments: number; informants: number; share: number }> = [];
  const counted = (id: string, ids: Set<string>) => {
    const informants = new Set([...ids].map(informantOfSegment)).size;
    return { id, segments: ids.size, informants, share: total ? informants / total : 0 };
  };
  const walk = (theme: Theme): Set<string> => {
    const at = rows.length;
    const all = new Set<string>();
    for (const code of theme.codes) {
      const ids = new Set(codings.filter((c) => c.code === code.id).map((c) => c.segment));
      ids.forEach((id) => all.add(id));
      rows.push(counted(code.id, ids));
    }
    for (const sub of theme.themes) walk(sub).forEach((id) => all.add(id));
    rows.splice(at, 0, counted(theme.id, all));
    return all;
  };
  cb.themes.forEach(walk);
  // Informants sorted as ids are (compareIds), whatever the order of the notes.
  const informants = [...new Set(corpus.documents.map(informantOf))].sort(compareIds);
  const matrix = cb.codes.map((code) => {
    const ids = new Set(codings.filter((c) => c.code === code.id).map((c) => c.segment));
    return informants.map((inf) => [...ids].filter((id) => informantOfSegment(id) === inf).length);
  });
  return { rows, matrix, informants };
}

const corpusArb = fc.array(fc.record({ informant: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }), segments: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength: 6 })
  .map((docs): Corpus => {
    const corpus: Corpus = { documents: [], segments: [], unit: 'paragraph' };
    docs.forEach((d, i) => {
      const id = `doc-${i}`;
      corpus.documents.push({ id, path: `${id}.md`, text: '', attributes: d.informant ? { informant: d.informant } : {}, lang: 'nb', encoding: 'utf-8', sha256: '' });
      for (let line = 1; line <= d.segments; line++) {
        corpus.segments.push({ id: `${id}:${line}`, document: id, index: corpus.segments.length, line, start: 0, end: 0, role: 'informant', headings: [], text: '' });
      }
    });
    return corpus;
  });

describe('frequencies and the code × informant matrix', () => {
  it('count what sets of segment ids and informant names count, codings in any order, repeated or of unknown segments', () => {
    const codes = codebook.codes.map((c) => c.id);
    fc.assert(fc.property(corpusArb, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 40 }), fc.boolean(), (corpus, picks, inOrder) => {
      const ids = [...corpus.segments.map((s) => s.id), 'elsewhere:1', 'elsewhere:2'];
      let codings: Coding[] = picks.map(([s, c]) => ({ segment: ids[s % ids.length]!, code: codes[c % codes.length]!, method: 'deductive', evidence: [] }));
      if (inOrder) codings = codings.filter((c) => !c.segment.startsWith('elsewhere')).sort((x, y) => ids.indexOf(x.segment) - ids.indexOf(y.segment));
      const index = indexCorpus(corpus, codings);
      const plain = plainFrequencies(codebook, corpus, codings);
      expect(index.informants).toEqual(plain.informants);
      expect(frequencies(codebook, codings, index).map(({ id, segments, informants, share }) => ({ id, segments, informants, share }))).toEqual(plain.rows);
      expect(codeMatrix(codebook, codings, index).map((r) => r.counts)).toEqual(plain.matrix);
    }), { numRuns: 400 });
  });

  it('refuses an index made for other codings', () => {
    const corpus: Corpus = { documents: [], segments: [], unit: 'paragraph' };
    const coding: Coding = { segment: 'x:1', code: codebook.codes[0]!.id, method: 'deductive', evidence: [] };
    expect(() => frequencies(codebook, [coding], indexCorpus(corpus, []))).toThrow(/other codings/);
  });
});
