import { describe, expect, it } from 'vitest';
import { byLanguage, shareK, subTable } from '../src/coding/inductive/languages.js';
import { extractFeatures } from '../src/coding/inductive/features.js';
import type { Candidate } from '../src/coding/inductive/model.js';
import { relation } from '../src/render/suggest.js';
import { summaryLines } from '../src/render/summary.js';
import { stopwordsFor } from '../src/text/stopwords.js';

describe('byLanguage', () => {
  it('gives the indexes of each language, bokmål, nynorsk, English, leaving out absent ones', () => {
    expect(byLanguage(['en', 'nb', 'en', 'nb'])).toEqual([
      { language: 'nb', indexes: [1, 3] },
      { language: 'en', indexes: [0, 2] },
    ]);
    expect(byLanguage(['nn', 'nb'])).toEqual([{ language: 'nb', indexes: [1] }, { language: 'nn', indexes: [0] }]);
  });
});

describe('shareK', () => {
  it('shares k in proportion to the segments, by largest remainder', () => {
    expect(shareK(8, [128, 17, 28], [64, 8, 14])).toEqual([6, 1, 1]);
    expect(shareK(10, [50, 50], [25, 25])).toEqual([5, 5]);
    expect(shareK(3, [50, 50], [25, 25])).toEqual([2, 1]);
  });

  it('gives every language with segments at least one, and none to a language without', () => {
    expect(shareK(4, [100, 1, 0], [50, 1, 0])).toEqual([3, 1, 0]);
  });

  it('keeps to each cap and gives the rest to the others', () => {
    expect(shareK(6, [10, 10], [1, 10])).toEqual([1, 5]);
    expect(shareK(6, [10, 10], [1, 2])).toEqual([1, 2]);
  });
});

describe('subTable', () => {
  it('keeps the features and counts document frequency over its rows only', () => {
    const table = extractFeatures([
      { text: 'budsjettet kuttes', lang: 'nb' },
      { text: 'budsjettet vokser', lang: 'nb' },
      { text: 'the budget grows', lang: 'en' },
    ]);
    const sub = subTable(table, [1, 2]);
    expect(sub.keys).toBe(table.keys);
    expect(sub.segments).toEqual([table.segments[1], table.segments[2]]);
    const budsjett = table.keys.indexOf(table.keys.find((k) => k.startsWith('budsjett'))!);
    expect(table.df[budsjett]).toBe(2);
    expect(sub.df[budsjett]).toBe(1);
  });
});

describe('English words too general to name a candidate', () => {
  it('include negations and contractions, with either apostrophe', () => {
    const en = stopwordsFor('en');
    for (const w of ['not', 'no', "don't", 'don’t', "it's", 'there’s', 'just', 'nobody']) expect([w, en.has(w)]).toEqual([w, true]);
    expect(en.has('budget')).toBe(false);
  });
});

describe('words too general to be a feature of the inductive pass', () => {
  it('leave out English verbs, adjectives and calendar words as the Norwegian ones («every, new», «health, summer» named candidates)', () => {
    const texts = ['Every new nurse knows the summer rota, even though the rota changes every week.', 'Every new nurse knows the rota and the summer plan.'];
    const table = extractFeatures(texts.map((text) => ({ text, lang: 'en' as const })));
    const keys = table.keys.join(' ');
    for (const w of ['every', 'new', 'know', 'summer', 'week', 'though']) expect([w, keys.includes(w)]).toEqual([w, false]);
    for (const w of ['nurs', 'rota']) expect([w, keys.includes(w)]).toEqual([w, true]);
    const nb = extractFeatures(['Sykepleierne lager turnusen hver sommer.', 'Turnusen til sykepleierne lages om sommeren.'].map((text) => ({ text, lang: 'nb' as const })));
    expect(nb.keys.some((k) => k.startsWith('sommer'))).toBe(false);
    expect(nb.keys.some((k) => k.startsWith('turnus'))).toBe(true);
  });
});

describe('what a candidate overlaps', () => {
  // 200 segments; each code's share is stored rounded to four decimals, as describe.ts stores it.
  const candidate = (counts: number[]): Candidate => ({
    id: 'c', label: 'c', terms: [], segments: Array.from({ length: 200 }, (_, i) => `s${i}`), informants: [], cohesion: 1, quotes: [], relation: 'overlaps',
    overlaps: counts.map((n, i) => ({ code: `code-${i + 1}`, segments: n, share: Math.round((n / 200) * 10000) / 10000 })),
  });
  const view = { lang: 'en' as const, label: (code: string) => code.toUpperCase() };

  it('names the codes of 10 % or more', () => {
    expect(relation(candidate([80, 24, 10]), view)).toBe('overlaps CODE-1 [code-1] 40 %, CODE-2 [code-2] 12 %');
  });

  it('names the three largest when the coded half is spread thinner than 10 % a code (it printed «overlaps» and nothing)', () => {
    expect(relation(candidate([18, 16, 16, 14, 12]), view)).toBe('overlaps CODE-1 [code-1] 9 %, CODE-2 [code-2] 8 %, CODE-3 [code-3] 8 %');
  });

  it('gives the uncoded share from the counts, rounded once: 198 of 199 is 99 %, not the stored 0.995 rounded again to 100 %', () => {
    const summary = { segments: 199, uncoded: 198, share: 0.995, candidates: [] };
    expect(summaryLines(summary, 'nb')[1]).toBe('198 av 199 segmenter (99 %) fikk ingen kode fra kodeboka.');
    expect(summaryLines(summary, 'en')[1]).toBe('198 of 199 segments (99 %) got no code from the codebook.');
  });
});
