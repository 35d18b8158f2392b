import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../src/codebook/canonical.js';
import { diffCodebooks } from '../src/codebook/diff.js';
import { codingImpact, excerpt } from '../src/codebook/impact.js';
import { loadCodebook } from '../src/codebook/load.js';
import { codeCorpus } from '../src/coding/deductive.js';
import { loadCorpus, DEFAULT_SPEAKERS } from '../src/corpus/index.js';
import type { Codebook } from '../src/model.js';
import { wordDiff, markWords } from '../src/render/word-diff.js';
import { fixtures } from './helpers/codebook-repo.js';

function book(codes: string, extra = ''): Codebook {
  const text = `codebook: t\nlanguage: nb\n${extra}themes:\n  - id: a\n    label: A\n    codes:\n${codes}  - id: b\n    label: B\n    codes:\n      - id: b-keep\n        label: Behold\n        terms: [behold]\n`;
  const loaded = loadCodebook(text, 't.yaml');
  if (!loaded.codebook) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.codebook;
}

function code(id: string, terms: string[], more = ''): string {
  return `      - id: ${id}\n        label: ${id}\n        terms: [${terms.join(', ')}]\n${more}`;
}

const fixture = (name: string) => {
  const loaded = loadCodebook(readFileSync(join(fixtures, name), 'utf8'), name);
  return loaded.codebook!;
};

describe('diffCodebooks', () => {
  it('finds no change between a codebook and a reformatted copy of it', () => {
    const a = book(code('x', ['tid', 'penger']));
    const b = book(`      - { id: x, label: "x", terms: ["tid", penger] }\n`);
    const d = diffCodebooks(a, b);
    expect(d.equal).toBe(true);
    expect(d.codes).toEqual([]);
  });

  it('reports added and removed codes when nothing links them', () => {
    const d = diffCodebooks(book(code('x', ['tid'])), book(code('y', ['penger'])));
    expect(d.codes.map((c) => [c.kind, c.from, c.to])).toEqual([['removed', ['x'], []], ['added', [], ['y']]]);
    expect(d.summary).toMatchObject({ added: 1, removed: 1 });
  });

  it('reports a new label on the same id as renamed, with the label change', () => {
    const d = diffCodebooks(book(code('x', ['tid'])), book(`      - id: x\n        label: Tidsmangel\n        terms: [tid]\n`));
    expect(d.codes).toHaveLength(1);
    expect(d.codes[0]).toMatchObject({ kind: 'renamed', from: ['x'], to: ['x'] });
    expect(d.codes[0]!.changes.fields).toEqual([{ field: 'label.nb', from: 'x', to: 'Tidsmangel' }]);
  });

  it('pairs a new id with the old code whose terms it keeps (rename by id)', () => {
    const d = diffCodebooks(book(code('lack-of-money', ['penger', 'midler', 'budsjett'])), book(code('lack-of-resources', ['penger', 'midler', 'budsjett', 'ressurser'])));
    expect(d.codes.map((c) => [c.kind, c.from, c.to])).toEqual([['renamed', ['lack-of-money'], ['lack-of-resources']]]);
    expect(d.codes[0]!.changes.terms.added).toEqual(['ressurser']);
    expect(d.renames['lack-of-money']).toBe('lack-of-resources');
  });

  it('pairs a new id with the old code when only the id changed and there are no terms', () => {
    const more = '        definition: Ledelsen støtter innovasjon.\n';
    const d = diffCodebooks(book(code('x', [], more)), book(`      - id: y\n        label: x\n        terms: []\n${more}`));
    expect(d.codes.map((c) => c.kind)).toEqual(['renamed']);
  });

  it('detects a merge of two codes into a new one, and into one that keeps its id', () => {
    const a = book(code('silo', ['silotenkning', 'silo*']) + code('resistance', ['motstand', 'skepsis']));
    const merged = diffCodebooks(a, book(code('culture', ['silotenkning', 'silo*', 'motstand', 'skepsis'])));
    expect(merged.codes.map((c) => [c.kind, c.from, c.to])).toEqual([['merged', ['silo', 'resistance'], ['culture']]]);
    expect(merged.codes[0]!.carried).toEqual([
      { from: 'silo', to: 'culture', terms: ['silotenkning', 'silo*'] },
      { from: 'resistance', to: 'culture', terms: ['motstand', 'skepsis'] },
    ]);
    // One entry for a merge into a code that keeps its id, not a "changed" entry beside it.
    const into = diffCodebooks(a, book(code('silo', ['silotenkning', 'silo*', 'motstand', 'skepsis'])));
    expect(into.codes.map((c) => [c.kind, c.from, c.to])).toEqual([['merged', ['silo', 'resistance'], ['silo']]]);
  });

  it('says what else a merge or split changes: labels, polarity, examples and dropped terms', () => {
    const a = book(code('cuts', ['kutt', 'sparekrav'], '        polarity: lack\n        examples: [«Vi fikk kutt.»]\n')
      + code('staffing', ['bemanning', 'vikar'], '        polarity: lack\n        examples: [«For lite folk.»]\n'));
    const merged = diffCodebooks(a, book('      - id: squeeze\n        label: Knapphet\n        examples: [«Vi fikk kutt.»]\n        terms: [kutt, sparekrav, bemanning, vikar, turnover]\n'));
    expect(merged.codes).toHaveLength(1);
    expect(merged.codes[0]!.changes.fields).toEqual([
      { field: 'label.nb', from: 'cuts', to: 'Knapphet' },
      { field: 'polarity (cuts → squeeze)', from: 'lack', to: 'any' },
      { field: 'polarity (staffing → squeeze)', from: 'lack', to: 'any' },
    ]);
    expect(merged.codes[0]!.changes.examples).toEqual({ added: [], removed: ['«For lite folk.»'] });
    expect(merged.codes[0]!.changes.terms).toEqual({ added: ['turnover'], removed: [], polarity: [] });
    const split = diffCodebooks(book(code('money', ['penger', 'budsjett', 'midler', '/pengemangel/'])),
      book(code('money', ['penger', 'budsjett']) + code('project-money', ['midler'])));
    expect(split.codes.map((c) => [c.kind, c.from, c.to])).toEqual([['split', ['money'], ['money', 'project-money']]]);
    expect(split.codes[0]!.changes.terms.removed).toEqual(['/pengemangel/']);
  });

  it('reads layout as no change: white space in descriptions, the order of cue words, a code\'s own polarity written on a term', () => {
    const a = book(code('x', ['tid'], '        polarity: lack\n'), 'description: "A  B"\ncues:\n  lack: [savner, etterlyser]\n');
    const b = book(code('x', ['{ term: tid, polarity: lack }'], '        polarity: lack\n'), 'description: "A B "\ncues:\n  lack: [etterlyser, savner]\n');
    const d = diffCodebooks(a, b);
    expect(d.fields).toEqual([]);
    expect(d.codes).toEqual([]);
    expect(d.equal).toBe(true);
  });

  it('does not merge a lack code and a presence code that share terms, as the two sides of a factor do', () => {
    const old = book(code('mangel-opplaering', ['opplæring', 'kurs'], '        polarity: lack\n') + code('opplaering-gitt', ['opplæring'], '        polarity: presence\n'));
    const now = book(code('mangel-opplaering2', ['opplæring', 'kurs'], '        polarity: lack\n') + code('stotte', ['opplæring', 'veiledning'], '        polarity: presence\n'));
    const d = diffCodebooks(old, now);
    expect(d.codes.map((c) => [c.kind, c.from, c.to])).toEqual([
      ['renamed', ['mangel-opplaering'], ['mangel-opplaering2']],
      ['renamed', ['opplaering-gitt'], ['stotte']],
    ]);
  });

  it('does not call a removed code merged into one that already had its terms', () => {
    const a = book(code('time', ['tid', 'tidspress']) + code('old', ['tid']));
    const d = diffCodebooks(a, book(code('time', ['tid', 'tidspress'])));
    expect(d.codes.map((c) => [c.kind, c.from, c.to])).toEqual([['removed', ['old'], []]]);
  });

  it('detects a split into new codes, and a split-off from a code that keeps its id', () => {
    const a = book(code('citizens', ['innbygger*', 'brukermedvirkning', 'samskap*']));
    const split = diffCodebooks(a, book(code('involvement', ['innbygger*', 'brukermedvirkning']) + code('projects', ['samskap*'])));
    expect(split.codes.map((c) => [c.kind, c.from, c.to])).toEqual([['split', ['citizens'], ['involvement', 'projects']]]);
    const off = diffCodebooks(a, book(code('citizens', ['innbygger*', 'brukermedvirkning']) + code('projects', ['samskap*'])));
    expect(off.codes.map((c) => [c.kind, c.from, c.to])).toEqual([['split', ['citizens'], ['citizens', 'projects']]]);
    expect(off.codes[0]!.carried).toEqual([
      { from: 'citizens', to: 'citizens', terms: ['innbygger*', 'brukermedvirkning'] },
      { from: 'citizens', to: 'projects', terms: ['samskap*'] },
    ]);
  });

  it('does not call a new code a split-off just because it shares a term the old code kept', () => {
    const a = book(code('time', ['tid', 'tidspress']));
    const d = diffCodebooks(a, book(code('time', ['tid', 'tidspress']) + code('slack', ['tid', 'rom'])));
    expect(d.codes.map((c) => c.kind)).toEqual(['added']);
  });

  it('reports a move between themes, field changes and term-by-term changes', () => {
    const a = book(code('x', ['tid', 'driftsfokus'], '        polarity: lack\n        definition: Det er ikke tid.\n        examples: [«Ikke tid.»]\n'));
    const moved = `codebook: t\nlanguage: nb\nthemes:\n  - id: a\n    label: A\n    codes:\n      - id: filler\n        label: F\n        terms: [f]\n  - id: b\n    label: B\n    codes:\n      - id: b-keep\n        label: Behold\n        terms: [behold]\n      - id: x\n        label: x\n        polarity: lack\n        definition: Det er ikke tid nok.\n        examples: [«Ikke tid.», «Null tid.»]\n        terms: [tid, { term: driftsfokus, polarity: any }, tidsklemme]\n`;
    const d = diffCodebooks(a, loadCodebook(moved, 'b.yaml').codebook!);
    const x = d.codes.find((c) => c.to[0] === 'x')!;
    expect(x.kind).toBe('changed');
    expect(x.moved).toEqual({ from: ['a'], to: ['b'] });
    expect(x.changes.fields).toEqual([{ field: 'definition', from: 'Det er ikke tid.', to: 'Det er ikke tid nok.' }]);
    expect(x.changes.terms).toEqual({ added: ['tidsklemme'], removed: [], polarity: [{ term: 'driftsfokus', from: "lack (the code's)", to: 'any' }] });
    expect(x.changes.examples).toEqual({ added: ['«Null tid.»'], removed: [] });
  });

  it('reports a code\'s opposite set or changed as a field, and shows it in the canonical text', () => {
    const a = book(code('x', ['kurs'], '        polarity: presence\n') + code('y', ['kompetanse'], '        polarity: lack\n'));
    const b = book(code('x', ['kurs'], '        polarity: presence\n        opposite: y\n') + code('y', ['kompetanse'], '        polarity: lack\n'));
    expect(diffCodebooks(a, b).codes.find((c) => c.to[0] === 'x')!.changes.fields).toEqual([{ field: 'opposite', from: undefined, to: 'y' }]);
    expect(canonicalText(b)).toContain('code x (a)\n  label.nb: x\n  polarity: presence\n  opposite: y\n');
  });

  it('reports codebook fields and themes added, renamed and changed', () => {
    const a = book(code('x', ['tid']), 'version: 1\n');
    const text = `codebook: t\nlanguage: nb\nversion: 2\nthemes:\n  - id: a\n    label: A2\n    codes:\n${code('x', ['tid'])}  - id: b2\n    label: B\n    codes:\n      - id: b-keep\n        label: Behold\n        terms: [behold]\n  - id: c\n    label: C\n    codes:\n${code('y', ['ny'])}`;
    const d = diffCodebooks(a, loadCodebook(text, 'b.yaml').codebook!);
    expect(d.fields).toEqual([{ field: 'version', from: '1', to: '2' }]);
    expect(d.themes.map((t) => [t.kind, t.from, t.to])).toEqual([['renamed', ['a'], ['a']], ['renamed', ['b'], ['b2']], ['added', [], ['c']]]);
  });

  it('does not call the codes of a theme that only got a new id moved, and finds a renamed theme that also changed members', () => {
    const a = book(code('x', ['tid']) + code('y', ['penger']) + code('z', ['folk']));
    const renamedTheme = (codes: string) => loadCodebook(`codebook: t\nlanguage: nb\nthemes:\n  - id: a2\n    label: A\n    codes:\n${codes}  - id: b\n    label: B\n    codes:\n      - id: b-keep\n        label: Behold\n        terms: [behold]\n`, 'b.yaml').codebook!;
    const only = diffCodebooks(a, renamedTheme(code('x', ['tid']) + code('y', ['penger']) + code('z', ['folk'])));
    expect(only.themes.map((t) => [t.kind, t.from, t.to])).toEqual([['renamed', ['a'], ['a2']]]);
    expect(only.codes).toEqual([]);
    const more = diffCodebooks(a, renamedTheme(code('x', ['tid']) + code('y', ['penger']) + code('w', ['ny'])));
    expect(more.themes.map((t) => [t.kind, t.from, t.to])).toEqual([['renamed', ['a'], ['a2']]]);
    expect(more.codes.map((c) => [c.kind, c.from, c.to, c.moved])).toEqual([['added', [], ['w'], undefined], ['removed', ['z'], [], undefined]]);
  });

  it('finds every kind of change in the review fixtures', () => {
    const d = diffCodebooks(fixture('v1.yaml'), fixture('v2.yaml'));
    expect(d.codes.map((c) => `${c.kind} ${c.from.join('+')} > ${c.to.join('+')}`)).toEqual([
      'split citizens > citizen-involvement+co-creation-projects',
      'merged silo+resistance > culture-barriers',
      'renamed lack-of-money > lack-of-resources',
      'renamed lack-of-time > lack-of-time',
      'changed leader-support > leader-support',
      'changed set-aside-time > set-aside-time',
    ]);
    expect(d.equal).toBe(false);
  });
});

describe('codingImpact', () => {
  it('counts segments gained and lost per code, following renames, with file:line examples', () => {
    const a = fixture('v1.yaml');
    const b = fixture('v2.yaml');
    const { corpus } = loadCorpus([join(fixtures, 'notes')], fixtures, { unit: 'paragraph', includeInterviewer: false, speakers: DEFAULT_SPEAKERS });
    const impact = codingImpact(corpus, codeCorpus(corpus, [a]), codeCorpus(corpus, [b]), diffCodebooks(a, b).renames, 1);
    const byId = new Map(impact.codes.map((c) => [c.code, c]));
    expect(byId.get('lack-of-resources')).toMatchObject({ oldCode: 'lack-of-money', before: 1, after: 2, gained: 1, lost: 0 });
    expect(byId.get('lack-of-resources')!.gainedExamples).toEqual([
      { file: 'notes/informant-a.md', line: 12, text: 'Vi har ikke ressurser til å prøve ut noe nytt.', terms: ['ressurser'] },
    ]);
    expect(byId.get('silo')).toMatchObject({ before: 1, after: 0, lost: 1 });
    expect(byId.get('culture-barriers')).toMatchObject({ gained: 2, gainedExamples: [expect.anything()] });
    expect(byId.has('set-aside-time')).toBe(false);
  });

  it('cuts long segments to one line around the matched term', () => {
    const text = `${'Innledning uten funn. '.repeat(12)}Her er tidsklemme midt i. ${'Avslutning uten funn. '.repeat(12)}`;
    const start = text.indexOf('tidsklemme');
    const e = excerpt(text, { term: 'tidsklemme', start, end: start + 10, text: 'tidsklemme' });
    expect(e).toContain('tidsklemme');
    expect(e.startsWith('…') && e.endsWith('…')).toBe(true);
    expect([...e].length).toBeLessThanOrEqual(162);
  });
});

describe('wordDiff', () => {
  it('marks the words that changed', () => {
    expect(markWords(wordDiff('det er ikke tid til arbeid', 'det er ikke tid eller rom til arbeid'), (s) => `[-${s}-]`, (s) => `{+${s}+}`))
      .toBe('det er ikke tid {+eller rom+} til arbeid');
    expect(markWords(wordDiff('mangler penger', 'mangler folk'), (s) => `[-${s}-]`, (s) => `{+${s}+}`)).toBe('mangler [-penger-]{+folk+}');
  });
});
