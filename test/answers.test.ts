// A short answer read with the interviewer's question before it: «I: Har dere avsatt tid? R: Nei.»
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../src/codebook/load.js';
import { codeCorpus } from '../src/coding/deductive.js';
import { DEFAULT_SPEAKERS, segmentDocument, type SegmentOptions } from '../src/corpus/segment.js';
import type { Codebook, Segment } from '../src/model.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const opts = (o: Partial<SegmentOptions> = {}): SegmentOptions => ({ unit: 'paragraph', speakers: DEFAULT_SPEAKERS, includeInterviewer: false, ...o });
const asked = (text: string, s: Pick<Segment, 'asked'>) => (s.asked ? text.slice(s.asked.start, s.asked.end) : undefined);

describe('the question an answer is read with', () => {
  it('is the last sentence of the interviewer\'s turn right before a short informant turn, when it ends in «?»', () => {
    const text = [
      'I: Takk for sist. Har dere avsatt tid til utvikling?', '', 'R: Nei.', '',
      'I: Fortell om kursene.', '', 'R: Ja, de var fine.', '',
      'I: Og ledelsen?', '', 'R: De er med på det meste, og de har vært det i mange år nå, helt siden den nye rådmannen kom hit.', '',
      'Et avsnitt av notater uten etikett.', '',
      'I: Hva med penger?', '', 'R: Nei. Det har vi ikke.', 'Ingenting.', '',
    ].join('\n');
    const segs = segmentDocument('d', text, 0, opts());
    expect(segs.map((s) => [s.text, asked(text, s)])).toEqual([
      ['Nei.', 'Har dere avsatt tid til utvikling?'],
      // No question mark: a request, no question.
      ['Ja, de var fine.', undefined],
      // Too long to be a bare answer: it is read on its own.
      ['De er med på det meste, og de har vært det i mange år nå, helt siden den nye rådmannen kom hit.', undefined],
      ['Et avsnitt av notater uten etikett.', undefined],
      ['Nei. Det har vi ikke.\nIngenting.', 'Hva med penger?'],
    ]);
    // In sentences, the answer's first sentence has it.
    const sentences = segmentDocument('d', text, 0, opts({ unit: 'sentence' })).slice(-3);
    expect(sentences.map((s) => [s.text, asked(text, s)])).toEqual([['Nei.', 'Hva med penger?'], ['Det har vi ikke.', undefined], ['Ingenting.', undefined]]);
  });
});

describe('a question that goes on in a short one', () => {
  it('is read whole: «Har dere tid? Og penger?», "Do you have time? Or money?"', () => {
    const text = [
      'I: Takk. Har dere tid til dette? Og penger?', '', 'R: Nei.', '',
      'I: Do you have time? Or money?', '', 'R: No.', '',
      // Not short, or not going on from the one before: the last sentence alone.
      'I: Har dere tid? Og hvordan er det med pengene?', '', 'R: Nei.', '',
      'I: Har dere tid? Hva med penger?', '', 'R: Nei.', '',
      // A chain of them.
      'I: Har dere avsatt tid? Og penger? Og kurs?', '', 'R: Nei.', '',
    ].join('\n');
    expect(segmentDocument('d', text, 0, opts()).map((s) => asked(text, s))).toEqual([
      'Har dere tid til dette? Og penger?', 'Do you have time? Or money?', 'Og hvordan er det med pengene?', 'Hva med penger?',
      'Har dere avsatt tid? Og penger? Og kurs?',
    ]);
  });
});

describe('coding an answer with its question', () => {
  const book = (): Codebook => loadCodebook(readFileSync('codebooks/innovasjon.yaml', 'utf8'), 'innovasjon.yaml').codebook!;
  const code = (pairs: Array<[string, string]>) => {
    const text = pairs.map(([q, a]) => `I: ${q}\n\nR: ${a}`).join('\n\n');
    const segments = segmentDocument('d', text, 0, opts()).map((s, index) => ({ ...s, index }));
    const codings = codeCorpus({ documents: [{ id: 'd', lang: 'nb', text }], segments }, [book()]);
    return segments.map((s) => [s.text, codings.filter((c) => c.segment === s.id).map((c) => c.code)]);
  };

  it('codes what the question and the answer say together, where the answer alone says nothing', () => {
    expect(code([
      ['Har dere avsatt tid til utviklingsarbeid?', 'Nei.'],
      ['Har dere avsatt tid til utviklingsarbeid?', 'Ja, hver fredag.'],
      ['Er tid et problem for dere?', 'Ja, absolutt.'],
      ['Opplever dere mangel på tid?', 'Nei, egentlig ikke.'],
      // The first word answers the question; the rest is read for what it says itself.
      ['Har dere satt av tid til samskaping?', 'Nei, men samskapingsprosjektet med frivilligheten gikk bra.'],
      // A no denies the thing asked about, not a term in a phrase after it; an answer that takes itself back, or a
      // question with a negation, gives nothing from the question.
      ['Har dere fått kurs i tjenestedesign?', 'Nei.'],
      // The no answers the whole question, however far its end is from the term.
      ['Har dere tid og penger til dette?', 'Nei.'],
      ['Har dere avsatt tid til innovasjon?', 'Ja, eller nei, egentlig ikke.'],
      ['Har dere et innovasjonsfond?', 'Ja, men det er tomt nå.'],
      ['Har dere ikke tid til sånt?', 'Jo, vi har fått en fast dag.'],
      // After a no, not the topic the question named.
      ['Har dere samarbeid med frivillige?', 'Nei.'],
      ['Har dere samarbeid med frivillige?', 'Ja, med Røde Kors.'],
      // Not an answer to a yes-or-no question: the answer is read alone.
      ['Opplever dere mangel på tid?', 'Vet ikke.'],
      ['Hva synes du om ledelsen?', 'Ja, de er greie nok.'],
    ])).toEqual([
      ['Nei.', ['lack-of-time']],
      ['Ja, hver fredag.', ['set-aside-time']],
      ['Ja, absolutt.', ['lack-of-time']],
      ['Nei, egentlig ikke.', []],
      ['Nei, men samskapingsprosjektet med frivilligheten gikk bra.', ['lack-of-time', 'co-creation-general', 'volunteers']],
      ['Nei.', ['lack-of-competence']],
      ['Nei.', ['lack-of-time', 'lack-of-funding']],
      ['Ja, eller nei, egentlig ikke.', []],
      ['Ja, men det er tomt nå.', []],
      ['Jo, vi har fått en fast dag.', []],
      ['Nei.', []],
      ['Ja, med Røde Kors.', ['volunteers']],
      ['Vet ikke.', []],
      ['Ja, de er greie nok.', []],
    ]);
  });

  it('reads an answer made only of answer words and a negation as a no: «Det har vi ikke.», «Dessverre ikke.»', () => {
    expect(code([
      ['Har dere avsatt tid til utviklingsarbeid?', 'Det har vi ikke.'],
      ['Har dere innovasjonsmidler?', 'Dessverre ikke.'],
      ['Har dere fått kurs i tjenestedesign?', 'Det har vi dessverre ikke fått.'],
      ['Jobber dere på tvers av enhetene?', 'Det gjør vi ikke.'],
      // More than answer words, or a question with a negation or one that asks what: read alone.
      ['Har dere avsatt tid til utviklingsarbeid?', 'Det vet jeg ikke.'],
      ['Har dere støtte fra ledelsen?', 'Det har vi, ingen tvil om det.'],
      ['Har dere ikke avsatt tid?', 'Det har vi ikke.'],
      ['Hva bruker dere tida på?', 'Det vet vi ikke.'],
    ])).toEqual([
      ['Det har vi ikke.', ['lack-of-time']],
      ['Dessverre ikke.', ['lack-of-funding']],
      ['Det har vi dessverre ikke fått.', ['lack-of-competence']],
      ['Det gjør vi ikke.', ['silo-thinking']],
      ['Det vet jeg ikke.', []],
      ['Det har vi, ingen tvil om det.', []],
      ['Det har vi ikke.', []],
      ['Det vet vi ikke.', []],
    ]);
  });

  it('reads a no after a question that goes on in a short one as the answer to both: «Har dere tid? Og penger? – Nei.»', () => {
    expect(code([['Har dere tid til dette? Og penger?', 'Nei.']])).toEqual([['Nei.', ['lack-of-time', 'lack-of-funding']]]);
  });

  it('reads no «Nei» as an answer to a question that asks what, how or why: «Hva bruker dere budsjettet på? – Nei, det vet jeg ikke.»', () => {
    expect(code([['Hva bruker dere budsjettet på?', 'Nei, det vet jeg ikke.'], ['Hvordan er det med tid til utvikling?', 'Nei, ikke så verst.']]))
      .toEqual([['Nei, det vet jeg ikke.', []], ['Nei, ikke så verst.', []]]);
  });

  it('reads the no as reaching eight words of the question: «Har dere tid til å jobbe med nye ideer? – Nei, egentlig ikke.»', () => {
    expect(code([['Har dere tid til å jobbe med nye ideer?', 'Nei, egentlig ikke.']])).toEqual([['Nei, egentlig ikke.', ['lack-of-time']]]);
  });

  it('marks evidence in the question as asked, with offsets into the question; a cue in the answer has the answer\'s', () => {
    const text = 'I: Har dere avsatt tid?\n\nR: Nei.';
    const segments = segmentDocument('d', text, 0, opts()).map((s, index) => ({ ...s, index }));
    const [coding] = codeCorpus({ documents: [{ id: 'd', lang: 'nb', text }], segments }, [book()]);
    const question = asked(text, segments[0]!)!;
    expect(coding!.evidence[0]).toMatchObject({ asked: true, text: 'avsatt tid', cue: { start: 0, end: 3, text: 'Nei' } });
    expect(question.slice(coding!.evidence[0]!.start, coding!.evidence[0]!.end)).toBe('avsatt tid');
    // Without the document's text (a caller that has none) the answer is read alone.
    expect(codeCorpus({ documents: [{ id: 'd', lang: 'nb' }], segments }, [book()])).toEqual([]);
  });

  it('reads the question in the masked text: a name in it never reaches the evidence, in one thread or two', async () => {
    const dir = tempDir('themes-answers-');
    const note = '---\nid: svar\nrole: leder\n---\n\nI: Har Kari Nordmann og dere fått avsatt tid?\n\nR: Nei.\n';
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'svar.md'), note);
    for (const threads of ['1', '2']) {
      const out = join(dir, `out-${threads}`);
      const r = await runCli(['code', join(dir, 'notes'), '--out', out], { env: { THEMES_THREADS: threads } });
      expect(r.code).toBe(0);
      const [segment] = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; asked?: { start: number; end: number }; codes: Array<{ code: string; evidence: unknown[] }> });
      expect(segment!.text).toBe('Nei.');
      expect(segment!.codes.map((c) => c.code)).toEqual(['lack-of-time']);
      expect(segment!.asked).toBeDefined();
      expect(JSON.stringify(segment)).not.toContain('Kari');
    }
  });
});
