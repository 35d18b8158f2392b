// Quote excerpts: where they are cut, and the line they cite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptOf, isVerbatim, selectQuotes } from '../src/analysis/quotes.js';
import { attribution, excerptText } from '../src/render/format.js';
import type { Corpus } from '../src/model.js';

/** The excerpt without its «… » and « …» cut marks. */
const body = (t: string) => t.replace(/^… /, '').replace(/ …$/, '');

describe('excerptOf', () => {
  it('says where in the segment the excerpt begins, across line breaks and indents', () => {
    const words = fc.constantFrom('Vi', 'har', 'ikke', 'tid', 'til', 'utvikling', 'økonomi', 'og', 'mer.', 'Ja.', 'Nei!', 'Kanskje?');
    const gap = fc.constantFrom(' ', ' ', ' ', '\n', '  \n  ', '\n\t', '      ', ' \t ');
    const textArb = fc.array(fc.tuple(words, gap), { minLength: 1, maxLength: 120 }).map((ws) => ws.map(([w, g]) => w + g).join('').trim());
    fc.assert(fc.property(textArb, fc.nat(), fc.integer({ min: 20, max: 300 }), (text, at, max) => {
      const cut = excerptOf(text, at % (text.length + 1), max);
      // The segment's text from `start`, flattened as excerpts are, begins with the excerpt's words.
      const from = text.slice(cut.start).replace(/\s*\n\s*|\s{2,}/g, ' ');
      expect(from.startsWith(body(cut.text).split(' ')[0]!)).toBe(true);
      expect(from.startsWith(body(cut.text))).toBe(true);
      if (!cut.text.startsWith('… ')) expect(cut.start).toBe(0);
    }), { numRuns: 500 });
  });

  it('shows a run of blanks as one space: a link target blanked to spaces is not a gap in the quote', () => {
    expect(excerptOf('Vi har ikke tid, se  rapporten                                    om driften.', 0).text).toBe('Vi har ikke tid, se rapporten om driften.');
  });
});

describe('selectQuotes', () => {
  it('cites the line where a cut quote begins, not the paragraph\'s first line', () => {
    const filler = 'Fyll her med en ganske lang setning om ingenting.';
    const text = ['R: Fyll.', ...Array(8).fill(filler), 'Det viktigste er at vi ikke har tid til utviklingsarbeid.'].join('\n');
    const segmentText = text.slice(3);
    const corpus: Corpus = {
      documents: [{ id: 'q', path: 'notes/q.md', text, attributes: {}, lang: 'nb', encoding: 'utf-8', sha256: '' }],
      segments: [{ id: 'q:1', document: 'q', index: 0, line: 1, start: 3, end: text.length, role: 'informant', headings: [], text: segmentText }],
      unit: 'paragraph',
    };
    const at = segmentText.indexOf('ikke har tid');
    const [quote] = selectQuotes(corpus, [{ segment: 'q:1', code: 'lack-of-time', method: 'deductive', evidence: [{ term: 'ikke tid', start: at, end: at + 12, text: 'ikke har tid' }] }], ['lack-of-time'], 1);
    expect(quote!.text).toMatch(/^… Fyll her .* utviklingsarbeid\.$/);
    const firstWords = body(quote!.text).slice(0, 20);
    expect(text.split('\n')[quote!.line - 1]!.startsWith(firstWords.slice(0, 10))).toBe(true);
    expect(quote!.line).toBe(6);
    // A quote of the whole paragraph cites its first line.
    const short = selectQuotes({ ...corpus, segments: [{ ...corpus.segments[0]!, text: 'Fyll.\nVi har ikke tid.' }] },
      [{ segment: 'q:1', code: 'lack-of-time', method: 'deductive', evidence: [{ term: 'ikke tid', start: 9, end: 21, text: 'ikke tid' }] }], ['lack-of-time'], 1);
    expect(short[0]!.line).toBe(1);
  });
});

describe('the quote chosen', () => {
  it('counts evidence that overlaps as one mention: a word found twice over does not outrank two places', () => {
    const a = 'Vi har ingen kurs i år, og det merkes godt i hverdagen her hos oss.';
    const b = 'Vi mangler kurs, og opplæringen er borte, det merkes i hverdagen her.';
    const corpus: Corpus = {
      documents: ['a', 'b'].map((id) => ({ id, path: `notes/${id}.md`, text: id === 'a' ? a : b, attributes: {}, lang: 'nb' as const, encoding: 'utf-8' as const, sha256: '' })),
      segments: [a, b].map((text, i) => ({ id: `${'ab'[i]}:1`, document: 'ab'[i]!, index: i, line: 1, start: 0, end: text.length, role: 'informant' as const, headings: [], text })),
      unit: 'paragraph',
    };
    const piece = (text: string, term: string, from = 0) => ({ term, start: text.indexOf(term, from), end: text.indexOf(term, from) + term.length, text: term });
    const codings = [
      // One place, three pieces: «ingen kurs», «kurs» and «kurs» again from another term.
      { segment: 'a:1', code: 'lack-of-competence', method: 'deductive' as const, evidence: [piece(a, 'ingen kurs'), piece(a, 'kurs'), { ...piece(a, 'kurs'), term: 'kurs*' }] },
      // Two places.
      { segment: 'b:1', code: 'lack-of-competence', method: 'deductive' as const, evidence: [piece(b, 'kurs'), piece(b, 'opplæringen')] },
    ];
    expect(selectQuotes(corpus, codings, ['lack-of-competence'], 1)[0]!.informant).toBe('b');
  });
});

describe('an excerpt of typed notes', () => {
  it('is shown as it stands and marked as notes, while a speaker\'s turn is set in «»', () => {
    const spoken = { informant: 'informant-03', role: 'tillitsvalgt', text: 'Vi har ikke tid.', verbatim: true };
    const typed = { ...spoken, text: 'Informanten mener de mangler tid.', verbatim: false };
    expect([excerptText(spoken), attribution(spoken)]).toEqual(['«Vi har ikke tid.»', '(informant-03, tillitsvalgt)']);
    expect([excerptText(typed), attribution(typed), attribution(typed, 'en')]).toEqual([
      'Informanten mener de mangler tid.', '(informant-03, tillitsvalgt; notat)', '(informant-03, tillitsvalgt; notes)',
    ]);
    // An interviewer's turn, coded with --include-interviewer, is not the informant's.
    expect([attribution({ ...spoken, interviewer: true }), attribution({ ...spoken, interviewer: true }, 'en')]).toEqual([
      '(informant-03, tillitsvalgt; intervjueren)', '(informant-03, tillitsvalgt; the interviewer)',
    ]);
  });

  it('sets a speaker\'s turn in “” in English output, quotes inside as ‘’ (it was «» there too)', () => {
    const spoken = { informant: 'p1', text: 'There’s no shared understanding of what “innovation” even means.', verbatim: true };
    expect(excerptText(spoken, 'en')).toBe('“There’s no shared understanding of what ‘innovation’ even means.”');
    expect(excerptText({ ...spoken, text: 'We call it «samskaping».' }, 'en')).toBe('“We call it ‘samskaping’.”');
    expect(excerptText({ ...spoken, text: '“We have no time.”' }, 'en')).toBe('“We have no time.”');
    expect(excerptText({ ...spoken, text: '«We have no time.»' }, 'en')).toBe('“We have no time.”');
    expect(excerptText({ ...spoken, verbatim: false }, 'en')).toBe(spoken.text);
    expect(excerptText({ ...spoken, text: 'Vi har ikke tid.' }, 'nb')).toBe('«Vi har ikke tid.»');
  });

  it('counts subtitle cues as speech, voice or none, and a paragraph without a label as notes', () => {
    expect(isVerbatim({ speaker: undefined }, { path: 'notes/a.srt' })).toBe(true);
    expect(isVerbatim({ speaker: undefined }, { path: 'notes/a.VTT' })).toBe(true);
    expect(isVerbatim({ speaker: 'R' }, { path: 'notes/a.md' })).toBe(true);
    expect(isVerbatim({ speaker: undefined }, { path: 'notes/a.md' })).toBe(false);
  });
});
