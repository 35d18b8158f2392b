import { describe, expect, it } from 'vitest';
import { rollUp, scoreAgainst } from '../src/analysis/score.js';

describe('scoreAgainst', () => {
  it('counts true and false positives and negatives per label', () => {
    const gold = [{ segment: 's1', label: 'a' }, { segment: 's2', label: 'a' }, { segment: 's3', label: 'b' }];
    const auto = [{ segment: 's1', label: 'a' }, { segment: 's3', label: 'a' }, { segment: 's3', label: 'b' }];
    const { perLabel, micro } = scoreAgainst(auto, gold, ['a', 'b', 'c']);
    expect(perLabel[0]).toMatchObject({ label: 'a', tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(perLabel[1]).toMatchObject({ label: 'b', tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(perLabel[2]).toMatchObject({ label: 'c', tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(micro).toMatchObject({ tp: 2, fp: 1, fn: 1, precision: 2 / 3, recall: 2 / 3 });
  });

  it('rolls codes up to their top-level theme, once per segment', () => {
    const paths: Record<string, string[]> = { x: ['inhibitors', 'inhibitors-economy'], y: ['inhibitors'], z: ['promoters'] };
    const rolled = rollUp([{ segment: 's1', label: 'x' }, { segment: 's1', label: 'y' }, { segment: 's1', label: 'z' }], (c) => paths[c]);
    expect(rolled).toEqual([{ segment: 's1', label: 'inhibitors' }, { segment: 's1', label: 'promoters' }]);
  });
});
