// Property-based tests over generated notes and codebooks (fast-check).
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/analysis/report.js';
import { loadCodebook } from '../src/codebook/load.js';
import { codeCorpus } from '../src/coding/deductive.js';
import { parseNote } from '../src/corpus/document.js';
import { DEFAULT_SPEAKERS } from '../src/corpus/index.js';
import type { CodeUnit, Corpus, Segment } from '../src/model.js';
import { maskCorpus } from '../src/privacy/corpus.js';
import { linePositions } from '../src/text/lines.js';
import { findIdentifiers } from '../src/privacy/detect.js';
import { checkDigits } from '../src/privacy/fnr.js';
import { pseudonymise } from '../src/privacy/pseudonym.js';
import { frequenciesCsv, matrixCsv } from '../src/render/csv.js';
import { reportJson, segmentsJsonl } from '../src/render/json.js';
import { quotesMarkdown, reportMarkdown } from '../src/render/markdown.js';
import { reportTerminal } from '../src/render/terminal.js';

const WORDS = ['tid', 'ikke', 'mangler', 'budsjettet', 'midler', 'ledelsen', 'forankring', 'samskaping', 'frivillige', 'vi', 'har',
  'det', 'er', 'god', 'lite', 'og', 'men', 'innovasjon', 'kapasitet', 'økonomien', 'prosjektet', 'i', 'på', 'tjenesteinnovasjon',
  'Bydel 2', 'KS', 'Informant 3', 'innovasjonskafé', 'ingen', 'rom', 'for', 'tidsklemme', '«nytt»', '2026-03-14', '12 500 000'];
const TERMS = ['tid', 'budsjett*', 'midler', 'forankring', 'ledelse*', 'samskap*', 'frivillig*', '*innovasjon', 'ikke rom for',
  '/tids?klemme/i', 'kapasitet', 'økonomi*', '*samskaping*'];

const fnr = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999 }), fc.boolean())
  .map(([d, m, y, ind, dnr]) => {
    const first9 = `${String(d + (dnr ? 40 : 0)).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y).padStart(2, '0')}${String(ind).padStart(3, '0')}`;
    const k = checkDigits(first9);
    return k ? first9 + k : undefined;
  }).filter((x): x is string => x !== undefined);
const identifier = fc.oneof(
  fc.constantFrom('Torunn Bekkelund', 'Kari Hansen', 'Ingrid Moe', 'Øystein Haugland', 'Solveig'),
  fc.tuple(fc.constantFrom('4', '9'), fc.integer({ min: 10, max: 99 }), fc.integer({ min: 10, max: 99 }), fc.integer({ min: 100, max: 999 }))
    .map(([a, b, c, d]) => `${a}${b} ${c} ${d}`),
  fc.tuple(fc.constantFrom('ola', 'kari.n', 'post'), fc.constantFrom('eksempel.no', 'bydel.kommune.no')).map(([u, h]) => `${u}@${h}`),
  fnr,
  fc.tuple(fc.constantFrom('Storgata', 'Kirkeveien', 'Skolestien'), fc.integer({ min: 1, max: 300 })).map(([s, n]) => `${s} ${n}`),
);
const sentence = fc.tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 12 }), fc.option(identifier, { freq: 3 }), fc.nat(12))
  .map(([words, id, at]) => {
    const w = [...words];
    if (id !== null) w.splice(Math.min(at, w.length), 0, 'sa', id, 'at');
    return `${w.join(' ')}.`;
  });
const block = fc.oneof(
  fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')),
  fc.tuple(fc.constantFrom('I', 'R', 'Informant 3'), fc.array(sentence, { minLength: 1, maxLength: 2 })).map(([sp, s]) => `${sp}: ${s.join(' ')}`),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.option(identifier, { freq: 4 })).map(([n, id]) => `# Del ${n}: samtale${id ? ` med ${id}` : ''}`),
);
const note = fc.tuple(fc.constantFrom('tillitsvalgt', 'arbeidsgiver', 'ansatt'), fc.array(block, { minLength: 1, maxLength: 8 }))
  .map(([role, blocks]) => `---\nrole: ${role}\n---\n\n${blocks.join('\n\n')}\n`);
const codebook = fc.array(fc.array(fc.tuple(fc.subarray(TERMS, { minLength: 1, maxLength: 4 }), fc.constantFrom('lack', 'presence', 'inherent', 'any')), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
  .map((themes) => {
    let n = 0;
    const lines = ['codebook: gen', 'language: nb', 'themes:'];
    themes.forEach((codes, t) => {
      lines.push(`  - id: theme-${t}`, '    codes:');
      for (const [terms, polarity] of codes) lines.push(`      - id: code-${n++}`, `        polarity: ${polarity}`, `        terms: [${terms.map((t) => JSON.stringify(t)).join(', ')}]`);
    });
    return `${lines.join('\n')}\n`;
  });
const input = fc.record({ notes: fc.array(note, { minLength: 1, maxLength: 4 }), codebook, unit: fc.constantFrom<CodeUnit>('paragraph', 'sentence', 'turn'), mask: fc.boolean() });

function pipeline(notes: string[], codebookText: string, unit: CodeUnit, mask: boolean) {
  const loaded = loadCodebook(codebookText, 'gen.yaml');
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const book = loaded.codebook!;
  const options = { unit, speakers: DEFAULT_SPEAKERS, includeInterviewer: false };
  const docs = notes.map((text, i) => parseNote(`notes/n${i}.md`, new TextEncoder().encode(text), options));
  const segments: Segment[] = [];
  for (const d of docs) for (const s of d.segments) segments.push({ ...s, index: segments.length });
  let corpus: Corpus = { documents: docs.map((d) => d.document!), segments, unit };
  if (mask) corpus = maskCorpus(corpus).corpus;
  const codings = codeCorpus(corpus, [book]);
  const report = buildReport(corpus, book, codings, { quotes: 3, lang: 'nb' });
  const themeOf = new Map(book.codes.map((c) => [c.id, c.themePath]));
  const outputs = {
    json: reportJson(report), md: reportMarkdown(report), quotes: quotesMarkdown(report), csv: frequenciesCsv(report), matrix: matrixCsv(report),
    terminal: reportTerminal(report, new Chalk({ level: 0 }), 100),
    segments: segmentsJsonl(corpus.segments, codings, (c) => themeOf.get(c) ?? [], (d) => d),
  };
  return { corpus, codings, report, outputs };
}

const PROPS = { numRuns: 120, seed: 6 };

describe('properties of the pipeline', () => {
  it('never crashes, and every coding\'s evidence lies inside its segment', () => {
    fc.assert(fc.property(input, ({ notes, codebook: cb, unit, mask }) => {
      const { corpus, codings } = pipeline(notes, cb, unit, mask);
      const byId = new Map(corpus.segments.map((s) => [s.id, s]));
      for (const doc of corpus.documents) for (const s of corpus.segments.filter((x) => x.document === doc.id)) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
      for (const c of codings) {
        const s = byId.get(c.segment)!;
        expect(s).toBeDefined();
        expect(c.evidence.length).toBeGreaterThan(0);
        for (const e of c.evidence) {
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeLessThanOrEqual(s.text.length);
          expect(e.start).toBeLessThan(e.end);
          expect(s.text.slice(e.start, e.end)).toBe(e.text);
          if (e.cue) expect(s.text.slice(e.cue.start, e.cue.end)).toBe(e.cue.text);
        }
      }
    }), PROPS);
  });

  it('every table\'s totals equal the sums of its parts', () => {
    fc.assert(fc.property(input, ({ notes, codebook: cb, unit, mask }) => {
      const { codings, report } = pipeline(notes, cb, unit, mask);
      const segsOf = (code: string) => new Set(codings.filter((c) => c.code === code).map((c) => c.segment));
      const matrix = new Map(report.matrix.map((r) => [r.code, r.counts]));
      for (const row of report.frequencies.filter((r) => r.kind === 'code')) {
        const counts = matrix.get(row.id)!;
        expect(counts.reduce((a, b) => a + b, 0)).toBe(row.segments);
        expect(counts.filter((n) => n > 0).length).toBe(row.informants);
        expect(row.segments).toBe(segsOf(row.id).size);
        expect(row.share).toBeCloseTo(row.informants / report.informants.length, 10);
      }
      for (const theme of report.codebook.themes) {
        const row = report.frequencies.find((r) => r.id === theme.id)!;
        const union = new Set(theme.codes.flatMap((c) => [...segsOf(c.id)]));
        expect(row.segments).toBe(union.size);
        const children = report.frequencies.filter((r) => r.path[r.path.length - 1] === theme.id);
        expect(row.segments).toBeLessThanOrEqual(children.reduce((a, r) => a + r.segments, 0));
        expect(row.informants).toBeLessThanOrEqual(report.informants.length);
      }
      const csvRows = report.frequencies.length + 1;
      expect(frequenciesCsv(report).split('\r\n').filter(Boolean).length).toBe(csvRows);
    }), PROPS);
  });

  it('pseudonyms are consistent across files and leave no identifier behind', () => {
    fc.assert(fc.property(fc.array(note, { minLength: 1, maxLength: 4 }), (notes) => {
      const docs = notes.map((text) => ({ text, findings: findIdentifiers(text) }));
      const result = pseudonymise(docs);
      for (const f of docs.flatMap((d) => d.findings)) {
        const escaped = f.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        for (const text of result.texts) expect(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text), f.text).toBe(false);
        if (f.kind === 'name') expect(result.persons.filter((p) => p.names.includes(f.text)), f.text).toHaveLength(1);
      }
      expect(result.persons.map((p) => p.pseudonym)).toEqual(result.persons.map((_, i) => `Person ${i + 1}`));
    }), PROPS);
  });

  it('masking never leaves a detected identifier in any output', () => {
    fc.assert(fc.property(input, ({ notes, codebook: cb, unit }) => {
      const found = new Set(notes.flatMap((n) => findIdentifiers(n).map((f) => f.text)));
      const { outputs } = pipeline(notes, cb, unit, true);
      for (const [name, text] of Object.entries(outputs)) {
        for (const id of found) {
          const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          expect(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text), `${id} in ${name}`).toBe(false);
        }
        expect(findIdentifiers(text).filter((f) => f.kind !== 'name'), name).toEqual([]);
      }
    }), PROPS);
  });
});

describe('linePositions', () => {
  // Columns go on counting from the last place asked on the same line; asked in any order, they
  // are what counting from the line's start gives.
  it('gives every offset the line and column that counting from the start gives, in any order of asking', () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom('a', 'ø', '\n', ' ', '😀', 'x'), { maxLength: 60 }).map((a) => a.join('')),
      fc.array(fc.nat(), { maxLength: 20 }),
      (text, picks) => {
        const at = linePositions(text);
        const offsets = picks.map((p) => (text.length === 0 ? 0 : p % (text.length + 1))).filter((o) => !(o > 0 && text.charCodeAt(o) >= 0xdc00 && text.charCodeAt(o) <= 0xdfff));
        for (const o of offsets) {
          const before = text.slice(0, o);
          expect(at.line(o)).toBe(before.split('\n').length);
          expect(at.column(o)).toBe([...before.slice(before.lastIndexOf('\n') + 1)].length + 1);
        }
      },
    ));
  });
});
