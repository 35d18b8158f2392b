import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rollUp, scoreAgainst, type Assignment, type LabelScore } from '../../src/analysis/score.js';
import { loadCodebook } from '../../src/codebook/load.js';
import { codeCorpus } from '../../src/coding/deductive.js';
import { DEFAULT_SPEAKERS, loadCorpus } from '../../src/corpus/index.js';
import { root } from './cli.js';

export const THEMES = ['inhibitors', 'promoters', 'mdi', 'co-creation'];

function load(name: string) {
  const path = join(root, 'codebooks', name);
  const r = loadCodebook(readFileSync(path, 'utf8'), path);
  if (!r.codebook) throw new Error(JSON.stringify(r.diagnostics));
  return r.codebook;
}

/**
 * The default codebooks' coding of `notes` (paragraph unit) scored against a hand coding in
 * `gold` (`document,line,code`), per top-level theme (a segment has a theme if any of its codes
 * is below it) and per code.
 */
export function scoreAgainstGold(notes: string, gold: string) {
  const codebooks = [load('innovasjon.yaml'), load('innovation-en.yaml')];
  const { corpus } = loadCorpus([notes], root, { unit: 'paragraph', includeInterviewer: false, speakers: DEFAULT_SPEAKERS });
  const auto: Assignment[] = codeCorpus(corpus, codebooks).map((c) => ({ segment: c.segment, label: c.code }));
  const rows = readFileSync(join(root, gold), 'utf8').trim().split(/\r?\n/).slice(1);
  const hand: Assignment[] = rows.map((r) => {
    const [document, line, code] = r.split(',');
    return { segment: `${document}:${line}`, label: code! };
  });
  const paths = new Map(codebooks[0]!.codes.map((c) => [c.id, c.themePath]));
  const themes = scoreAgainst(rollUp(auto, (c) => paths.get(c)), rollUp(hand, (c) => paths.get(c)), THEMES);
  const codes = scoreAgainst(auto, hand, codebooks[0]!.codes.map((c) => c.id));
  return { themes, codes, gold: hand, corpus, paths };
}

export function formatScore(s: LabelScore): string {
  return `${s.label.padEnd(36)} P ${s.precision.toFixed(2)}  R ${s.recall.toFixed(2)}  F1 ${s.f1.toFixed(2)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}
