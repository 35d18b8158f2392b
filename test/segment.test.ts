import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/corpus/frontmatter.js';
import { DEFAULT_SPEAKERS, segmentDocument, type SegmentOptions } from '../src/corpus/segment.js';
import { sentenceRanges } from '../src/corpus/sentences.js';

const note = `---
id: informant-07
role: tillitsvalgt
structure: 3
date: 2026-03-14
---

# Del 1: Innovasjonsbegrepet

## Hva er innovasjon?

Første avsnitt om nytt, nyttig, nyttiggjort.
Det fortsetter på neste linje.

- Et punkt i en liste.
- Et punkt til.

# Del 2: Praksis

I: Har dere tid til utvikling?
R: Nei, vi har ikke tid.

Det er driften som tar alt.
I: Og ledelsen?
Informant 3: Ledelsen støtter oss.
`;

const opts = (o: Partial<SegmentOptions> = {}): SegmentOptions => ({ unit: 'paragraph', speakers: DEFAULT_SPEAKERS, includeInterviewer: false, ...o });

describe('front matter', () => {
  it('reads attributes with types; dates stay text', () => {
    const fm = parseFrontMatter(note, 'n.md');
    expect(fm.attributes).toEqual({ id: 'informant-07', role: 'tillitsvalgt', structure: 3, date: '2026-03-14' });
    expect(note.slice(fm.bodyStart).startsWith('\n# Del 1')).toBe(true);
    expect(fm.diagnostics).toEqual([]);
  });

  it('reports malformed front matter with the line in the file', () => {
    const fm = parseFrontMatter('---\nid: a\nrole: [x\n---\nText\n', 'bad.md');
    expect(fm.diagnostics[0]).toMatchObject({ severity: 'error', code: 'NOTE_FRONTMATTER_SYNTAX', file: 'bad.md' });
    expect(fm.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports front matter that is never closed', () => {
    expect(parseFrontMatter('---\nid: a\n', 'x.md').diagnostics[0]!.code).toBe('NOTE_FRONTMATTER_UNCLOSED');
  });
});

describe('segmentDocument', () => {
  const body = parseFrontMatter(note, 'n.md').bodyStart;

  it('cuts paragraphs and list items, with 1-based lines counted in the whole file', () => {
    const segs = segmentDocument('informant-07', note, body, opts());
    expect(segs.map((s) => [s.line, s.text])).toEqual([
      [12, 'Første avsnitt om nytt, nyttig, nyttiggjort.\nDet fortsetter på neste linje.'],
      [15, 'Et punkt i en liste.'],
      [16, 'Et punkt til.'],
      [21, 'Nei, vi har ikke tid.'],
      [23, 'Det er driften som tar alt.'],
      [25, 'Ledelsen støtter oss.'],
    ]);
  });

  it('keeps offsets into the text, the heading path and the speaker', () => {
    const segs = segmentDocument('informant-07', note, body, opts());
    for (const s of segs) expect(note.slice(s.start, s.end)).toBe(s.text);
    expect(segs[0]!.headings).toEqual(['Del 1: Innovasjonsbegrepet', 'Hva er innovasjon?']);
    expect(segs[3]!.headings).toEqual(['Del 2: Praksis']);
    expect(segs[3]).toMatchObject({ speaker: 'R', role: 'informant', id: 'informant-07:21' });
    expect(segs[5]).toMatchObject({ speaker: 'Informant 3', role: 'informant' });
    expect(segs[0]!.speaker).toBeUndefined();
  });

  it('leaves interviewer turns out unless asked', () => {
    const all = segmentDocument('d', note, body, opts({ includeInterviewer: true }));
    expect(all.filter((s) => s.role === 'interviewer').map((s) => s.text)).toEqual(['Har dere tid til utvikling?', 'Og ledelsen?']);
  });

  it('joins the paragraphs of one speaker turn with --unit turn', () => {
    const segs = segmentDocument('d', note, body, opts({ unit: 'turn' }));
    const turn = segs.find((s) => s.speaker === 'R')!;
    expect(turn.text).toBe('Nei, vi har ikke tid.\n\nDet er driften som tar alt.');
  });

  it('cuts sentences with --unit sentence, and numbers segments on one line', () => {
    const segs = segmentDocument('d', note, body, opts({ unit: 'sentence' }));
    expect(segs[0]!.text).toBe('Første avsnitt om nytt, nyttig, nyttiggjort.');
    expect(segs[1]).toMatchObject({ text: 'Det fortsetter på neste linje.', line: 13 });
    const sameLine = segmentDocument('d', 'A først. B så.\n', 0, opts({ unit: 'sentence' }));
    expect(sameLine.map((s) => s.id)).toEqual(['d:1', 'd:1#2']);
  });

  it('honours custom speaker labels', () => {
    const text = 'Forsker: Hva tenker du?\nSvarperson: Vi mangler tid.\n';
    const segs = segmentDocument('d', text, 0, opts({ speakers: { interviewer: ['Forsker'], informant: ['Svarperson'] } }));
    expect(segs.map((s) => [s.speaker, s.text])).toEqual([['Svarperson', 'Vi mangler tid.']]);
  });
});

describe('sentenceRanges', () => {
  it('does not cut at Norwegian abbreviations', () => {
    const t = 'Vi har f.eks. idékasse, bl.a. på sykehjemmet. Neste setning! Og en til? Ja.';
    expect(sentenceRanges(t).map(([s, e]) => t.slice(s, e))).toEqual([
      'Vi har f.eks. idékasse, bl.a. på sykehjemmet.', 'Neste setning!', 'Og en til?', 'Ja.',
    ]);
  });
});
