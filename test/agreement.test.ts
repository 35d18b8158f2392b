import { describe, expect, it } from 'vitest';
import { agree, type AgreeUnit, type Coder } from '../src/analysis/agree.js';
import { agreeCsv } from '../src/render/agreement.js';
import { cohenKappa, krippendorffAlpha, percentAgreement, prf } from '../src/analysis/agreement.js';

describe('Krippendorff alpha, nominal', () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
  // twelve units, values 1-5, with missing data (null). The paper gives alpha = 0.743 for nominal data.
  const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
  const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
  const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
  const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];

  it('reproduces the published worked example with missing values', () => {
    const r = krippendorffAlpha([A, B, C, D]);
    // Unit 12 has one value and is not pairable: n = 40 pairable values (as in the paper).
    expect(r.n).toBe(40);
    expect(r.alpha).not.toBeNull();
    expect(r.alpha!).toBeCloseTo(0.743, 3);
  });

  it('is 1 for perfect agreement and undefined without variation', () => {
    expect(krippendorffAlpha([[1, 2, 1], [1, 2, 1]]).alpha).toBe(1);
    expect(krippendorffAlpha([[1, 1], [1, 1]]).alpha).toBeNull();
    expect(krippendorffAlpha([[1, null], [null, 2]]).alpha).toBeNull();
  });

  it('matches the two-coder binary case worked by hand', () => {
    // Units: (1,1) (1,0) (0,0) (0,0). Coincidences: o11 = 2, o10 = o01 = 1, o00 = 4; n1 = 3, n0 = 5, n = 8.
    // alpha = 1 - (n-1) * (o10+o01) / (n1*n0 + n0*n1) = 1 - 7 * 2 / 30 = 0.5333...
    expect(krippendorffAlpha([[1, 1, 0, 0], [1, 0, 0, 0]]).alpha).toBeCloseTo(1 - 14 / 30, 10);
  });
});

describe('Cohen kappa', () => {
  it('reproduces a textbook example computed by hand', () => {
    // Two readers judge 50 grant proposals yes/no (the standard textbook table):
    //                B yes  B no
    //   A yes          20     5    (A: 25 yes)
    //   A no           10    15    (A: 25 no)
    //   B: 30 yes, 20 no.
    // p_o = (20 + 15) / 50 = 0.70
    // p_e = (25/50)(30/50) + (25/50)(20/50) = 0.30 + 0.20 = 0.50
    // kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40
    const a: string[] = [];
    const b: string[] = [];
    const push = (x: string, y: string, n: number) => { for (let i = 0; i < n; i++) { a.push(x); b.push(y); } };
    push('yes', 'yes', 20);
    push('yes', 'no', 5);
    push('no', 'yes', 10);
    push('no', 'no', 15);
    const r = cohenKappa(a, b);
    expect(r.n).toBe(50);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.expected).toBeCloseTo(0.5, 12);
    expect(r.kappa).toBeCloseTo(0.4, 12);
  });

  it('leaves out units where a coder has no value', () => {
    expect(cohenKappa(['x', 'y', null], ['x', 'y', 'y']).n).toBe(2);
    expect(cohenKappa(['x', 'y', null], ['x', 'y', 'y']).kappa).toBe(1);
  });
});

describe('percent agreement and precision/recall', () => {
  it('counts only units with two or more values', () => {
    expect(percentAgreement([[1, 2, null], [1, 3, 4]])).toEqual({ percent: 0.5, n: 2, agreed: 1 });
  });
  it('computes precision, recall and F1', () => {
    const r = prf(6, 2, 4);
    expect(r.precision).toBeCloseTo(0.75);
    expect(r.recall).toBeCloseTo(0.6);
    expect(r.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
    expect(prf(0, 0, 3).precision).toBeNull();
  });
});

describe('agree()', () => {
  const units: AgreeUnit[] = ['d:1', 'd:3', 'd:5', 'd:7'].map((id, i) => ({ id, document: 'd', file: 'd.md', line: 1 + 2 * i, text: `t${i}` }));
  const coder = (name: string, kind: Coder['kind'], codes: Record<string, string[]>, seen = units.map((u) => u.id)): Coder => ({
    name, kind, seen: new Set(seen), codes: new Map(Object.entries(codes).map(([k, v]) => [k, new Set(v)])),
  });
  const auto = coder('auto', 'auto', { 'd:1': ['time'], 'd:3': ['time', 'money'], 'd:5': [] });
  const human = coder('anna', 'human', { 'd:1': ['time'], 'd:3': ['money'], 'd:7': [] });

  it('reports per code, overall, disagreements and precision/recall', () => {
    const r = agree(units, [auto, human], { dropUncoded: false });
    expect(r.units).toBe(4);
    expect(r.codes.map((c) => c.code)).toEqual(['money', 'time']);
    const time = r.codes.find((c) => c.code === 'time')!;
    expect(time.counts).toEqual([2, 1]);
    expect(time.percent).toBe(0.75);
    expect(r.codes.find((c) => c.code === 'money')!.percent).toBe(1);
    expect(r.exact).toBe(0.75);
    expect(r.disagreements).toHaveLength(1);
    expect(r.disagreements[0]!.unit.id).toBe('d:3');
    expect(r.disagreements[0]!.codes).toEqual([['money', 'time'], ['money']]);
    expect(r.prf).toHaveLength(1);
    const t = r.prf[0]!.rows.find((x) => x.code === 'time')!;
    expect([t.tp, t.fp, t.fn]).toEqual([1, 1, 0]);
    expect(r.prf[0]!.overall.precision).toBeCloseTo(2 / 3);
  });

  it('leaves out uncoded units with dropUncoded', () => {
    const r = agree(units, [auto, human], { dropUncoded: true });
    expect(r.units).toBe(2);
    expect(r.dropped).toBe(2);
    expect(r.codes.find((c) => c.code === 'time')!.percent).toBe(0.5);
  });

  it('treats units a coder did not see as missing, not as uncoded', () => {
    const partial = coder('bo', 'human', { 'd:1': ['time'] }, ['d:1']);
    const r = agree(units, [auto, human, partial], { dropUncoded: false });
    const time = r.codes.find((c) => c.code === 'time')!;
    expect(time.kappa).toBeNull();
    // Undefined is an empty CSV field (R and Excel read it as missing), not a dash that makes the column text.
    expect(agreeCsv(r).split('\n')[2]).toBe(`time,4,${time.percent!.toFixed(3)},,${time.alpha!.toFixed(3)},2,1,1`);
    expect(time.counts).toEqual([2, 1, 1]);
    expect(r.disagreements[0]!.codes[2]).toBeNull();
  });
});
