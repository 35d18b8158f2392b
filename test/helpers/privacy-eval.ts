import { readFileSync } from 'node:fs';
import { findIdentifiers, KINDS, type IdentifierKind } from '../../src/privacy/detect.js';

export interface Gold {
  kind: IdentifierKind;
  start: number;
  end: number;
}

export interface Case {
  text: string;
  gold: Gold[];
}

/** Read the labelled set: `[[kind|text]]` marks a planted identifier. */
export function readLabelled(path: string): Case[] {
  const cases: Case[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#') && !line.startsWith('# Del')) continue;
    let text = '';
    const gold: Gold[] = [];
    let at = 0;
    for (const m of line.matchAll(/\[\[([a-z-]+)\|([^\]]+)\]\]/g)) {
      text += line.slice(at, m.index);
      gold.push({ kind: m[1] as IdentifierKind, start: text.length, end: text.length + m[2]!.length });
      text += m[2];
      at = m.index + m[0].length;
    }
    text += line.slice(at);
    cases.push({ text, gold });
  }
  return cases;
}

export interface Score {
  kind: IdentifierKind | 'all';
  gold: number;
  found: number;
  truePositives: number;
  exact: number;
  precision: number;
  recall: number;
}

/** A finding is right when it overlaps a planted identifier of the same kind. */
export function score(cases: readonly Case[]): { scores: Score[]; falsePositives: string[]; misses: string[] } {
  const tally = new Map<string, { gold: number; found: number; tp: number; exact: number }>();
  const t = (k: string) => tally.get(k) ?? tally.set(k, { gold: 0, found: 0, tp: 0, exact: 0 }).get(k)!;
  const falsePositives: string[] = [];
  const misses: string[] = [];
  for (const c of cases) {
    const found = findIdentifiers(c.text);
    for (const g of c.gold) {
      t(g.kind).gold++;
      t('all').gold++;
      const hit = found.find((f) => f.kind === g.kind && f.start < g.end && g.start < f.end);
      if (!hit) misses.push(`${g.kind} "${c.text.slice(g.start, g.end)}" in: ${c.text}`);
    }
    for (const f of found) {
      t(f.kind).found++;
      t('all').found++;
      const g = c.gold.find((x) => x.kind === f.kind && f.start < x.end && x.start < f.end);
      if (g) {
        t(f.kind).tp++;
        t('all').tp++;
        if (g.start === f.start && g.end === f.end) {
          t(f.kind).exact++;
          t('all').exact++;
        }
      } else falsePositives.push(`${f.kind} "${f.text}" in: ${c.text}`);
    }
  }
  const scores: Score[] = [...KINDS, 'all' as const].filter((k) => tally.has(k)).map((k) => {
    const x = tally.get(k)!;
    return { kind: k, gold: x.gold, found: x.found, truePositives: x.tp, exact: x.exact, precision: x.found ? x.tp / x.found : 1, recall: x.gold ? x.tp / x.gold : 1 };
  });
  return { scores, falsePositives, misses };
}
