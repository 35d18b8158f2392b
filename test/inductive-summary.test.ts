import { describe, expect, it } from 'vitest';
import { inductiveSummary, SUMMARY_SAMPLE } from '../src/coding/inductive/summary.js';
import type { Corpus, Segment } from '../src/model.js';

const TOPICS = [
  'budsjettet er stramt og pengene strekker ikke til i kommuneøkonomien',
  'de frivillige og innbyggerne var med og utformet tilbudet i nabolaget',
  'sensorene og nettbrettene i velferdsteknologien virker ikke på sykehjemmet',
];

function corpus(n: number): Corpus {
  const segments: Segment[] = Array.from({ length: n }, (_, i) => ({
    id: `doc-${i % 4}:${i + 1}`, document: `doc-${i % 4}`, index: i, line: i + 1, start: 0, end: 10,
    role: 'informant' as const, headings: [], text: `${TOPICS[i % 3]} (${i % 7 === 0 ? 'igjen' : 'nå'})`,
  }));
  const documents = [0, 1, 2, 3].map((d) => ({
    id: `doc-${d}`, path: `doc-${d}.md`, text: '', attributes: {}, lang: 'nb' as const, encoding: 'utf-8' as const, sha256: '',
  }));
  return { documents, segments, unit: 'paragraph' };
}

describe('the inductive summary', () => {
  it('counts the uncoded share and names the top candidates among the uncoded segments', () => {
    const c = corpus(30);
    const codings = c.segments.filter((_, i) => i % 3 === 0).map((s) => ({ segment: s.id, code: 'lack-of-money', method: 'deductive' as const, evidence: [] }));
    const s = inductiveSummary(c, codings);
    expect(s).toMatchObject({ segments: 30, uncoded: 20, share: 0.6667 });
    expect(s.sample).toBeUndefined();
    expect(s.candidates.length).toBeGreaterThan(0);
    // The coded topic (money) is not among the candidates of what was left.
    expect(s.candidates.flatMap((x) => x.terms)).not.toContain('budsjettet');
  });

  it('groups an even sample when many segments are uncoded, and says so', () => {
    const s = inductiveSummary(corpus(SUMMARY_SAMPLE + 300), []);
    expect(s.uncoded).toBe(SUMMARY_SAMPLE + 300);
    expect(s.sample).toBe(SUMMARY_SAMPLE);
    expect(s.candidates.reduce((a, x) => a + x.segments, 0)).toBeLessThanOrEqual(SUMMARY_SAMPLE);
  });

  it('has no candidates and no complaint when everything is coded', () => {
    const c = corpus(9);
    const s = inductiveSummary(c, c.segments.map((x) => ({ segment: x.id, code: 'x', method: 'deductive' as const, evidence: [] })));
    expect(s).toEqual({ segments: 9, uncoded: 0, share: 0, candidates: [] });
  });
});
