import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rollUp, scoreAgainst, type Assignment, type LabelScore } from '../src/analysis/score.js';
import { loadCodebook } from '../src/codebook/load.js';
import { codeCorpus } from '../src/coding/deductive.js';
import { DEFAULT_SPEAKERS, loadCorpus } from '../src/corpus/index.js';
import { root } from './helpers/cli.js';

// Scores the default codebooks against the hand coding in samples/gold/gold.csv (paragraph unit).
// The floors are set a little under the measured scores (see README, "Quality"): a change to the
// codebook or the matcher that makes coding worse fails here.
const FLOORS: Record<string, { precision: number; recall: number }> = {
  inhibitors: { precision: 0.87, recall: 0.6 },
  promoters: { precision: 0.7, recall: 0.53 },
  mdi: { precision: 0.87, recall: 0.74 },
  'co-creation': { precision: 0.82, recall: 0.85 },
};

function load(name: string) {
  const path = join(root, 'codebooks', name);
  const r = loadCodebook(readFileSync(path, 'utf8'), path);
  if (!r.codebook) throw new Error(JSON.stringify(r.diagnostics));
  return r.codebook;
}

export function goldScores() {
  const codebooks = [load('innovasjon.yaml'), load('innovation-en.yaml')];
  const { corpus } = loadCorpus(['samples/notes'], root, { unit: 'paragraph', includeInterviewer: false, speakers: DEFAULT_SPEAKERS });
  const auto: Assignment[] = codeCorpus(corpus, codebooks).map((c) => ({ segment: c.segment, label: c.code }));
  const rows = readFileSync(join(root, 'samples/gold/gold.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  const gold: Assignment[] = rows.map((r) => {
    const [document, line, code] = r.split(',');
    return { segment: `${document}:${line}`, label: code! };
  });
  const paths = new Map(codebooks[0]!.codes.map((c) => [c.id, c.themePath]));
  const themes = scoreAgainst(rollUp(auto, (c) => paths.get(c)), rollUp(gold, (c) => paths.get(c)), Object.keys(FLOORS));
  const codes = scoreAgainst(auto, gold, codebooks[0]!.codes.map((c) => c.id));
  return { themes, codes, gold, corpus, paths };
}

describe('default codebook against the hand-coded gold standard', () => {
  const { themes, codes, gold, corpus, paths } = goldScores();

  it('refers only to segments and codes that exist', () => {
    const ids = new Set(corpus.segments.map((s) => s.id));
    for (const g of gold) {
      expect(ids.has(g.segment), g.segment).toBe(true);
      expect(paths.has(g.label), g.label).toBe(true);
    }
  });

  it.each(Object.keys(FLOORS))('theme %s is above its precision and recall floors', (theme) => {
    const s = themes.perLabel.find((l) => l.label === theme)!;
    if (process.env.SHOW_SCORES) console.error(format(s));
    expect(s.precision).toBeGreaterThanOrEqual(FLOORS[theme]!.precision);
    expect(s.recall).toBeGreaterThanOrEqual(FLOORS[theme]!.recall);
  });

  it('codes overall (micro average over codes) above floors', () => {
    if (process.env.SHOW_SCORES) {
      console.error(format(themes.micro), '\n', format(codes.micro));
      for (const c of codes.perLabel) console.error(format(c));
    }
    expect(codes.micro.precision).toBeGreaterThanOrEqual(0.75);
    expect(codes.micro.recall).toBeGreaterThanOrEqual(0.6);
  });
});

function format(s: LabelScore): string {
  return `${s.label.padEnd(36)} P ${s.precision.toFixed(2)}  R ${s.recall.toFixed(2)}  F1 ${s.f1.toFixed(2)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}
