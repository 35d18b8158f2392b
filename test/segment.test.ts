import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../src/corpus/document.js';
import { parseFrontMatter } from '../src/corpus/frontmatter.js';
import { DEFAULT_SPEAKERS, noteLayout, segmentDocument, type NoteLayout, type SegmentOptions } from '../src/corpus/segment.js';
import { sentenceRanges } from '../src/corpus/sentences.js';
import { lineIndex } from '../src/text/lines.js';
import { referenceSegmentDocument } from './helpers/segment-reference.js';

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

  it('reads labels in emphasis, numbered, and with the time stamps of transcripts', () => {
    const text = [
      '*I:* Hva hindrer dere?', '**R**: Tid.', '__Intervjuer__: Og så?', 'I1: Hva mer?', 'IP2: Penger.',
      'I (00:03:12): Hvordan jobber dere?', 'R [3:20]: Sammen.', '[00:04:01] Intervjuer: Noe mer?',
      '(00:04:05) Informant: Nei.', '00:04:09 - I: Takk.', '00:04:12 R 2: Bare hyggelig.', 'Klokka 10:30 R: kom vi.',
    ].join('\n\n');
    const segs = segmentDocument('d', text, 0, opts({ includeInterviewer: true }));
    expect(segs.map((s) => [s.speaker, s.role, s.text])).toEqual([
      ['I', 'interviewer', 'Hva hindrer dere?'], ['R', 'informant', 'Tid.'], ['Intervjuer', 'interviewer', 'Og så?'],
      ['I1', 'interviewer', 'Hva mer?'], ['IP2', 'informant', 'Penger.'],
      ['I', 'interviewer', 'Hvordan jobber dere?'], ['R', 'informant', 'Sammen.'], ['Intervjuer', 'interviewer', 'Noe mer?'],
      ['Informant', 'informant', 'Nei.'], ['I', 'interviewer', 'Takk.'], ['R 2', 'informant', 'Bare hyggelig.'],
      // Not a time stamp before a label: text in the turn before it.
      ['R 2', 'informant', 'Klokka 10:30 R: kom vi.'],
    ]);
    // Interviewer turns are left out by default, whatever their form.
    expect(segmentDocument('d', text, 0, opts()).map((s) => s.role)).toEqual(Array(6).fill('informant'));
  });

  it('knows nynorsk and short labels, and focus-group participants, by default', () => {
    const text = 'Intervjuar: Kva hindrar dykk?\n\nInf: Tid.\n\nInt: Og så?\n\nDeltakar 2: Pengar.\n\nDeltaker 3: Folk.\n\nParticipant 1: Money.\n';
    const segs = segmentDocument('d', text, 0, opts({ includeInterviewer: true }));
    expect(segs.map((s) => [s.speaker, s.role])).toEqual([
      ['Intervjuar', 'interviewer'], ['Inf', 'informant'], ['Int', 'interviewer'],
      ['Deltakar 2', 'informant'], ['Deltaker 3', 'informant'], ['Participant 1', 'informant'],
    ]);
  });

  it('reads speaker labels typed as list items', () => {
    const text = '- I: Har dere ikke tid til utvikling?\n- R: Jo da, det går fint.\n  * **Intervjuer:** Mangel på midler?\n1. Informant 2: Nei.\n- Risiko: et punkt, ikke en taler.\n';
    const segs = segmentDocument('d', text, 0, opts({ includeInterviewer: true }));
    expect(segs.map((s) => [s.speaker, s.role, s.text])).toEqual([
      ['I', 'interviewer', 'Har dere ikke tid til utvikling?'], ['R', 'informant', 'Jo da, det går fint.'],
      ['Intervjuer', 'interviewer', 'Mangel på midler?'], ['Informant 2', 'informant', 'Nei.'],
      ['Informant 2', 'informant', 'Risiko: et punkt, ikke en taler.'],
    ]);
    expect(segmentDocument('d', text, 0, opts()).map((s) => s.text)).toEqual(['Jo da, det går fint.', 'Nei.', 'Risiko: et punkt, ikke en taler.']);
  });

  it('reads a .txt note with no blank lines (Word\'s "Save as plain text") a paragraph per line', () => {
    const body = 'Hun sier de ikke har tid til utvikling.\nDet er avsatt tid på fredager.\nR: Øremerkede midler hjelper.\nog mer i samme tur.\n';
    expect(noteLayout('notat.txt', body, 0)).toBe('lines');
    expect(noteLayout('NOTAT.TXT', body, 0)).toBe('lines');
    expect(noteLayout('notat.md', body, 0)).toBe('markdown');
    // A blank line anywhere in the body: paragraphs are typed as in Markdown.
    expect(noteLayout('notat.txt', `${body}\nSiste avsnitt.\n`, 0)).toBe('markdown');
    // One line, or front matter with blank lines before the body, does not count.
    expect(noteLayout('notat.txt', 'Bare en linje.\n', 0)).toBe('markdown');
    // Hard-wrapped text breaks lines mid-sentence: one paragraph, as in Markdown.
    expect(noteLayout('notat.txt', 'I: Hva hindrer innovasjon?\nR: Vi har rett og slett ikke\ntid til å tenke nytt, driften\ntar alt.\n', 0)).toBe('markdown');
    // A rule line between Word paragraphs is no blank line.
    expect(noteLayout('notat.txt', 'Intro\nVi har ikke tid.\nSamarbeid fungerer godt.\n----------\nVi mangler penger.\nLedelsen støtter ideene.\n', 0)).toBe('lines');
    const fm = '---\nid: x\n\n---\n';
    expect(noteLayout('notat.txt', fm + body, fm.length)).toBe('lines');
    const segs = segmentDocument('d', body, 0, opts(), 'lines');
    expect(segs.map((s) => [s.line, s.text])).toEqual([
      [1, 'Hun sier de ikke har tid til utvikling.'], [2, 'Det er avsatt tid på fredager.'], [3, 'Øremerkede midler hjelper.'], [4, 'og mer i samme tur.'],
    ]);
    expect(segmentDocument('d', body, 0, opts({ unit: 'turn' }), 'lines').map((s) => s.text)).toEqual([
      'Hun sier de ikke har tid til utvikling.', 'Det er avsatt tid på fredager.', 'Øremerkede midler hjelper.\nog mer i samme tur.',
    ]);
    expect(segmentDocument('d', body, 0, opts())).toHaveLength(2);
    // As Word writes it: Windows-1252, CRLF, a paragraph per line.
    const bytes = Buffer.from(body.replace(/\n/g, '\r\n'), 'latin1');
    bytes[bytes.indexOf('Ø'.charCodeAt(0))] = 0xd8;
    expect(parseNote('notes/notat.txt', bytes, opts()).segments.map((s) => s.text)).toEqual([
      'Hun sier de ikke har tid til utvikling.', 'Det er avsatt tid på fredager.', 'Øremerkede midler hjelper.', 'og mer i samme tur.',
    ]);
    expect(parseNote('notes/notat.md', bytes, opts()).segments).toHaveLength(2);
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
    const u = 'Kl. 14.30 møttes vi, jf. avd. 3 og ref. 12. Budsjettet ble kuttet med fem mill. Det var tøft.';
    expect(sentenceRanges(u).map(([s, e]) => u.slice(s, e))).toEqual([
      'Kl. 14.30 møttes vi, jf. avd. 3 og ref. 12.', 'Budsjettet ble kuttet med fem mill.', 'Det var tøft.',
    ]);
    // A list's last abbreviation ends its sentence; letters with dots between do not.
    const v = 'Vi snakket om turnus, vakter osv. Det er fint. Kurs, seminarer etc. Alt gikk bra. The U.S. Army came. N.N. sa ja. Ferie o.s.v. Det går. Bygg m.v. Ja.';
    expect(sentenceRanges(v).map(([s, e]) => v.slice(s, e))).toEqual([
      'Vi snakket om turnus, vakter osv.', 'Det er fint.', 'Kurs, seminarer etc.', 'Alt gikk bra.', 'The U.S. Army came.', 'N.N. sa ja.',
      'Ferie o.s.v.', 'Det går.', 'Bygg m.v.', 'Ja.',
    ]);
  });

  it('ends a sentence at a contraction (don\'t.) and before a transcript\'s mark ([pause], (ler))', () => {
    const t = 'We don\'t. Operations eat everything. It isn\'t. Ok. Vi har ikke tid. [pause] Driften spiser alt. (ler) Det er sånn. P. Hansen kom.';
    expect(sentenceRanges(t).map(([s, e]) => t.slice(s, e))).toEqual([
      'We don\'t.', 'Operations eat everything.', 'It isn\'t.', 'Ok.', 'Vi har ikke tid.', '[pause] Driften spiser alt.', '(ler) Det er sånn.', 'P. Hansen kom.',
    ]);
  });
});

// segmentDocument tests each line's first character (and whether it holds a `:`) before it runs
// the heading, speaker and bullet patterns, and trims with a character loop. These cases sit on
// the edges of those shortcuts; each is compared with the pattern-per-line reference.
describe('segmentDocument shortcuts', () => {
  const units = ['paragraph', 'sentence', 'turn'] as const;
  const custom = { interviewer: ['Forsker', 'M', 'Int.'], informant: ['Svarperson', 'P1'] };
  const same = (text: string, bodyStart = 0, layouts: NoteLayout[] = ['markdown']) => {
    for (const unit of units) {
      for (const includeInterviewer of [true, false]) {
        for (const speakers of [DEFAULT_SPEAKERS, custom]) {
          for (const layout of layouts) {
            const o = opts({ unit, includeInterviewer, speakers });
            const got = segmentDocument('d', text, bodyStart, o, layout);
            expect(got).toEqual(referenceSegmentDocument('d', text, bodyStart, o, layout));
            expect(got.map((s) => JSON.stringify(s))).toEqual(referenceSegmentDocument('d', text, bodyStart, o, layout).map((s) => JSON.stringify(s)));
          }
        }
      }
    }
    return segmentDocument('d', text, bodyStart, opts({ includeInterviewer: true }), layouts[0]);
  };

  it('treats lines of Unicode whitespace as blank and trims it at line ends', () => {
    const segs = same('Første\u00a0\n\u00a0\u3000\nAndre\u2003\t\n\u2028\nTredje\n');
    expect(segs.map((s) => s.text)).toEqual(['Første', 'Andre', 'Tredje']);
  });

  it('knows headings by "#" and a blank, up to six', () => {
    const segs = same('#Ikke overskrift\n\n####### Heller ikke\n\n###### Seks ##\nTekst\n#\ttab\nMer\n');
    expect(segs.map((s) => [s.text, s.headings])).toEqual([
      ['#Ikke overskrift', []], ['####### Heller ikke', []], ['Tekst', ['Seks']], ['Mer', ['tab']],
    ]);
  });

  it('finds speakers on lines with a colon, also when the previous colon is lines back', () => {
    const segs = same('Innledning uten kolon\nog en linje til\n\n**I:** Spørsmål?\nR 12: Svar: ja.\nKlokka 10:30 kom vi.\n');
    expect(segs.map((s) => [s.speaker, s.text])).toEqual([
      [undefined, 'Innledning uten kolon\nog en linje til'], ['I', 'Spørsmål?'], ['R 12', 'Svar: ja.\nKlokka 10:30 kom vi.'],
    ]);
  });

  it('knows a focus group\'s moderator and the INT/RESP pair by default', () => {
    const segs = segmentDocument('d', 'Moderator: Er det lov å feile?\n\nDeltaker 1: Ja.\n\nINT: Har dere tid?\n\nRESP: Nei.\n', 0, opts({ includeInterviewer: true }), 'markdown');
    expect(segs.map((s) => [s.speaker, s.role])).toEqual([['Moderator', 'interviewer'], ['Deltaker 1', 'informant'], ['INT', 'interviewer'], ['RESP', 'informant']]);
  });

  it('reads a label with a time and nothing else on its line (Teams, Otter) as a speaker line, and a label alone as one', () => {
    const segs = same('Intervjuer   0:03\nHva hindrer dere?\n\nInformant   12:51\nVi har ikke tid.\n\nInformant   1:02:15\nVi fikk midler.\n\nI:\nNoe mer?\n');
    expect(segs.map((s) => [s.line, s.speaker, s.text])).toEqual([
      [2, 'Intervjuer', 'Hva hindrer dere?'], [5, 'Informant', 'Vi har ikke tid.'], [8, 'Informant', 'Vi fikk midler.'], [11, 'I', 'Noe mer?'],
    ]);
  });

  it('reads a speaker line with a no-break space, zero-width space or byte order mark in it, as copies from Teams and Outlook have', () => {
    const segs = same('I: Hva hindrer dere?\n\n\u00a0R: Vi har ikke tid.\n\n\u200bR: Vi mangler folk.\n\n\ufeffR: Og penger.\n\nInformant\u00a03: Ja.\n\nR\u00a0: Nei.\n\nIntervjuer\u00a0\u00a012:51\nNoe mer?\n');
    expect(segs.map((s) => [s.line, s.speaker, s.text])).toEqual([
      [1, 'I', 'Hva hindrer dere?'], [3, 'R', 'Vi har ikke tid.'], [5, 'R', 'Vi mangler folk.'], [7, 'R', 'Og penger.'],
      [9, 'Informant 3', 'Ja.'], [11, 'R', 'Nei.'], [14, 'Intervjuer', 'Noe mer?'],
    ]);
  });

  it('reads a dash for the colon in a transcript typed so («I – Hva?», «R - Nei.»), but not in a lettered list', () => {
    const transcript = 'I – Har dere tid?\n\nR - Nei, vi har ikke tid.\n\n**I** — Og ledelsen?\n\nR2 – De støtter oss.\nMen de er travle.\n\nI –\nNoe mer?\n';
    expect(same(transcript).map((s) => [s.line, s.speaker, s.role, s.text])).toEqual([
      [1, 'I', 'interviewer', 'Har dere tid?'], [3, 'R', 'informant', 'Nei, vi har ikke tid.'], [5, 'I', 'interviewer', 'Og ledelsen?'],
      [7, 'R2', 'informant', 'De støtter oss.\nMen de er travle.'], [11, 'I', 'interviewer', 'Noe mer?'],
    ]);
    // One question and one answer, or a list lettered A, B, C: no transcript, the lines stay text.
    // A plan by quarters with lettered points (Q for the quarter, A for the point) changes side once.
    const plan = 'Q1 – Kurs i tjenestedesign.\n\nQ2 – Pilot med digitalt tilsyn.\n\nQ3 – Evaluering.\n\nA – Avsatt tid.\n\nA – Eget fond.\n';
    // «I 2 – 3 år»: Norwegian «i», not a numbered interviewer.
    const years = 'I 2 – 3 år har vi ikke hatt tid.\n\nR – ja.\n\nI 4 – 5 år til.\n\nR – nei.\n\nI 1 – 2 uker.\n\nR – kanskje.\n';
    for (const text of ['I – Har dere tid?\n\nR – Nei.\n', 'A – mangel på tid.\n\nB – avsatt tid.\n\nC – midler.\n\nA – igjen.\n', 'I - ja\nR - nei\nR-skjema – x\n', plan, years]) {
      expect(same(text).every((s) => s.speaker === undefined && s.role === 'informant')).toBe(true);
    }
  });

  it('reads a dash line after a time stamp or a list bullet as a colon line is read («[00:01:10] I – Hva?», «- R – Nei.»)', () => {
    const stamped = '[00:01:10] I – Har dere tid?\n[00:01:15] R – Nei.\n[00:01:20] I – Og kurs?\n00:01:25 – R – Nei, aldri.\n';
    expect(same(stamped, 0, ['markdown']).map((s) => [s.speaker, s.role, s.text])).toEqual([
      ['I', 'interviewer', 'Har dere tid?'], ['R', 'informant', 'Nei.'], ['I', 'interviewer', 'Og kurs?'], ['R', 'informant', 'Nei, aldri.'],
    ]);
    const listed = '- I – Har dere tid?\n- R – Nei.\n* I – Og kurs?\n1. R – Nei, aldri.\n';
    expect(same(listed).map((s) => [s.speaker, s.role, s.text])).toEqual([
      ['I', 'interviewer', 'Har dere tid?'], ['R', 'informant', 'Nei.'], ['I', 'interviewer', 'Og kurs?'], ['R', 'informant', 'Nei, aldri.'],
    ]);
    // A list with one question and one answer is no transcript: the items stay text; nor is a
    // list of points lettered Q and A, whose Q lines ask nothing.
    expect(same('- I – Har dere tid?\n- R – Nei.\n').every((s) => s.speaker === undefined)).toBe(true);
    const lettered = '- Q – kvalitet: mer avsatt tid\n- A – ansvar for oppfølging\n- Q – kurs i tjenestedesign\n- A – arbeidsgiver betaler\n';
    expect(same(lettered).every((s) => s.speaker === undefined)).toBe(true);
  });

  it('knows list items by their first character after blanks', () => {
    const segs = same('- a\n  * b\n+ c\n• d\n12) e\n1. f\n1234. g\n-nei\n\t- h\n');
    expect(segs.map((s) => s.text)).toEqual(['a', 'b', 'c', 'd', 'e', 'f\n1234. g\n-nei', 'h']);
  });

  it('counts lines from the front matter and numbers segments that share a line', () => {
    const fm = '---\nid: x\nrole: r\n---\n';
    const text = `${fm}\nEn. To. Tre.\n\nFire.\n`;
    const segs = same(text, parseFrontMatter(text, 'n.md').bodyStart);
    const lineAt = lineIndex(text);
    for (const s of segmentDocument('d', text, fm.length, opts({ unit: 'sentence' }))) expect(s.line).toBe(lineAt(s.start));
    expect(segs.map((s) => s.id)).toEqual(['d:6', 'd:8']);
    expect(segmentDocument('d', text, fm.length, opts({ unit: 'sentence' })).map((s) => s.id)).toEqual(['d:6', 'd:6#2', 'd:6#3', 'd:8']);
  });

  it('gives the reference segments for generated notes', () => {
    const line = fc.oneof(
      fc.constantFrom('# Del 1', '## Spørsmål ##', '#Tag', '####### x', 'I: Hva?', '**R:** Ja.', 'Informant 3: Nei.', 'Forsker: Hm.', 'Int.: Ok.', 'RR: nei',
        '*I:* Hm?', 'R1: Ja.', 'I (00:03:12): Hva?', '[00:04:01] Intervjuer: Ok.', '00:04 - R: Nei.', '10:30 kom vi.', '* R: punkt',
        '- I: Hva?', '1. R: Ja.', '[00:01:10] I – Hva?', '00:04 - R – Nei.', '* I – Hm?', 'I – Hva?', 'R - Ja.', '**Q** — Hm?', 'A – punkt', 'Svar -', '- R – nei', '          R - langt inn', 'Informant   12:51', 'I:', 'R 2 0:07', 'R:5 til', '- punkt', '• punkt', '12) punkt', '  * punkt', '', ' ', '\u00a0', '\u3000\t', 'Tekst her. Og mer!', 'f.eks. noe. Slik.', 'Kl. 10:30 i dag.', 'slutt  \u00a0', '\tinnrykk'),
      fc.string({ unit: fc.constantFrom(...'ab #:-*•1.)I R\t\u00a0\u2028'.split('')), maxLength: 12 }),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 20 }), fc.nat(3), (lines, cut) => {
      const text = lines.join('\n');
      same(text, Math.min(cut, text.length), ['markdown', 'lines']);
    }), { numRuns: 300 });
  });
});

describe('answers typed under an interviewer label', () => {
  const options: SegmentOptions = { unit: 'paragraph', speakers: DEFAULT_SPEAKERS, includeInterviewer: false };
  const warning = (text: string, o = options) => parseNote('h.md', new TextEncoder().encode(text), o).diagnostics.filter((d) => d.code === 'NOTE_ANSWERS_IN_INTERVIEWER_TURNS');

  it('warn when only questions are labelled, since the answers are then the interviewer\'s and go uncoded', () => {
    const text = 'Spørsmål: Hva hindrer dere?\n\nVi har ikke tid.\n\nDet mangler penger.\n\nSpørsmål: Hva hjelper?\n\nØremerkede midler.\n';
    const [w] = warning(text);
    expect(w).toMatchObject({ line: 1, column: 1 });
    expect(w!.message).toBe("3 paragraph(s) follow the interviewer's label Spørsmål: and no informant label comes after them, so they are read as the interviewer's and not coded");
  });

  it('say nothing when informants have labels, when only one paragraph runs on, or with --include-interviewer', () => {
    expect(warning('I: Hva hindrer dere?\n\nOg hvorfor?\n\nOg hva mer?\n\nR: Tid.\n')).toEqual([]);
    expect(warning('Spørsmål: Hva hindrer dere?\n\nVi har ikke tid.\n')).toEqual([]);
    expect(warning('Spørsmål: Hva hindrer dere?\n\nVi har ikke tid.\n\nDet mangler penger.\n', { ...options, includeInterviewer: true })).toEqual([]);
  });
});

describe('a paragraph of one bold line', () => {
  const options: SegmentOptions = { unit: 'paragraph', speakers: DEFAULT_SPEAKERS, includeInterviewer: false };
  const text = '# Intervju\n\n**Del 1 – Innovasjonsbegrepet**\n\nR: Vi har ikke tid.\n\n__Tema: bolig__\n\nR: Boligene mangler.\n\n**Viktig:** vi har ikke penger.\n\n**Fet start**\nog tekst på neste linje.\n\n**I: Hva hindrer?**\n\nR: Ledelsen.\n';

  it('is a heading under the # headings, replaced by the next bold line; a bold lead-in or a bold speaker line is not', () => {
    const segments = segmentDocument('b', text, 0, options);
    expect(segments.map((s) => [s.line, s.headings.join(' › '), s.text])).toEqual([
      [5, 'Intervju › Del 1 – Innovasjonsbegrepet', 'Vi har ikke tid.'],
      [9, 'Intervju › Tema: bolig', 'Boligene mangler.'],
      [11, 'Intervju › Tema: bolig', '**Viktig:** vi har ikke penger.'],
      [13, 'Intervju › Tema: bolig', '**Fet start**\nog tekst på neste linje.'],
      [18, 'Intervju › Tema: bolig', 'Ledelsen.'],
    ]);
    expect(segments).toEqual(referenceSegmentDocument('b', text, 0, options).map((s) => ({ ...s, index: undefined })));
  });
});

describe('speaker labels that are not known as such', () => {
  const options: SegmentOptions = { unit: 'paragraph', speakers: DEFAULT_SPEAKERS, includeInterviewer: false };
  const found = (text: string) => parseNote('f.md', new TextEncoder().encode(text), options).diagnostics.filter((d) => d.code === 'NOTE_UNKNOWN_SPEAKER_LABEL');
  const turns = (a: string, b: string) => [1, 2, 3].map((i) => `${a}: Hva hindrer dere nå, del ${i}?\n\n${b}: Vi har ikke tid til det, del ${i}.\n`).join('\n');

  it('warn when a transcript names its speakers with labels themes does not know (their lines go to the wrong turn)', () => {
    const [w] = found(turns('Forsker', 'Ola'));
    expect(w).toMatchObject({ line: 1, column: 1 });
    expect(w!.message).toBe('«Forsker:» begins 3 lines, «Ola:» begins 3 lines, but these are no speaker labels: those lines are read as the turn before them, or as an informant\'s');
    expect(w!.hint).toContain('--interviewer-labels "Forsker,I,Intervjuer" --informant-labels "Ola,R,Informant"');
  });

  it('say nothing of known labels, of note keys with a word or two after them, or of a label used twice', () => {
    expect(found(turns('Intervjuer', 'Informant 2'))).toEqual([]);
    expect(found('Tema: bolig\n\nTema: helse og omsorg\n\nTema: skole\n\nDato: 12. mars\n')).toEqual([]);
    expect(found('Forsker: Hva hindrer dere nå?\n\nForsker: Og hva fremmer det?\n')).toEqual([]);
  });
});
