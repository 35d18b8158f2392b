import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ColumnBreak, Document, FootnoteReferenceRun, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEAKERS, loadCorpus } from '../src/corpus/index.js';
import { docxToText, htmlToNote } from '../src/corpus/docx.js';
import { runCli, samples } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const options = { unit: 'paragraph' as const, includeInterviewer: false, speakers: DEFAULT_SPEAKERS };

/** A note as an informant's notes typed up in Word: front matter lines, headings, turns, a list, a rating table. */
async function wordNote(): Promise<Buffer> {
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph('---'),
        new Paragraph('id: informant-07'),
        new Paragraph('role: tillitsvalgt'),
        new Paragraph('---'),
        new Paragraph({ text: 'Del 1: Innovasjonsbegrepet', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Hva betyr innovasjon for deg?', heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ children: [new TextRun('R: Det handler om å gjøre ting '), new TextRun({ text: 'bedre', bold: true }), new TextRun(' for brukerne.')] }),
        new Paragraph('I: Og hva hindrer dere?'),
        new Paragraph({ text: 'Del 2: Hemmere', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Vi har ikke tid til utviklingsarbeid {#lack-of-time}', bullet: { level: 0 } }),
        new Paragraph({ text: 'Budsjettet er stramt & uforutsigbart', bullet: { level: 0 } }),
        new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Struktur')] }), new TableCell({ children: [new Paragraph('4')] })] })] }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

/** A Markdown note typed into Word: front matter lines, headings as Heading 1-3, bullet lists, paragraphs. */
async function markdownToWord(markdown: string): Promise<Buffer> {
  const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
  const children: Paragraph[] = [];
  let body = markdown;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (front) {
    for (const line of ['---', ...front[1]!.split('\n'), '---']) children.push(new Paragraph(line));
    body = markdown.slice(front[0].length);
  }
  for (const block of body.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean)) {
    const lines = block.split('\n');
    const heading = /^(#{1,3}) (.*)$/.exec(lines[0]!);
    if (heading && lines.length === 1) children.push(new Paragraph({ text: heading[2]!, heading: levels[heading[1]!.length - 1]! }));
    else if (lines.every((l) => /^[-*] /.test(l))) for (const l of lines) children.push(new Paragraph({ text: l.slice(2), bullet: { level: 0 } }));
    else children.push(new Paragraph(lines.join(' ')));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('Word notes (.docx)', () => {
  it('the sample notes typed into Word give the same segments, headings and table as the Markdown', async () => {
    const dir = tempDir('themes-docx-samples-');
    for (const name of readdirSync(samples).filter((n) => n.endsWith('.md'))) {
      const raw = readFileSync(join(samples, name));
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
      } catch {
        text = new TextDecoder('windows-1252').decode(raw);
      }
      writeFileSync(join(dir, name.replace(/\.md$/, '.docx')), await markdownToWord(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')));
    }
    const word = loadCorpus([dir], dir, options);
    const markdown = loadCorpus([samples], samples, options);
    expect(word.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const shape = (c: typeof word.corpus) => c.segments.map((s) => [s.document, s.speaker ?? '', s.headings.join(' > '), s.text.replace(/\s+/g, ' ')]);
    expect(shape(word.corpus)).toEqual(shape(markdown.corpus));
    const a = await runCli(['code', dir, '--format', 'csv']);
    const b = await runCli(['code', samples, '--format', 'csv']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.split('\n').length).toBeGreaterThan(10);
  });

  it('keeps headings as the heading path, paragraphs, list items, tables and typed front matter', async () => {
    const dir = tempDir('themes-docx-');
    writeFileSync(join(dir, 'intervju.docx'), await wordNote());
    const { corpus, diagnostics } = loadCorpus([dir], dir, options);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [doc] = corpus.documents;
    expect(doc!.id).toBe('informant-07');
    expect(doc!.attributes.role).toBe('tillitsvalgt');
    expect(doc!.encoding).toBe('docx');
    expect(doc!.marks?.[0]?.codes).toEqual(['lack-of-time']);
    const segs = corpus.segments.map((s) => ({ text: s.text, headings: s.headings, speaker: s.speaker ?? null }));
    expect(segs).toEqual([
      { text: 'Det handler om å gjøre ting bedre for brukerne.', headings: ['Del 1: Innovasjonsbegrepet', 'Hva betyr innovasjon for deg?'], speaker: 'R' },
      { text: 'Vi har ikke tid til utviklingsarbeid', headings: ['Del 2: Hemmere'], speaker: null },
      { text: 'Budsjettet er stramt & uforutsigbart', headings: ['Del 2: Hemmere'], speaker: null },
      { text: 'Struktur | 4', headings: ['Del 2: Hemmere'], speaker: null },
    ]);
  });

  it('gives a clear, file-named error for a password-protected or corrupt .docx and still reads the other notes', async () => {
    const dir = tempDir('themes-docx-bad-');
    // An encrypted Office file is an OLE compound document: it starts with D0 CF 11 E0 A1 B1 1A E1.
    writeFileSync(join(dir, 'locked.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const good = await wordNote();
    writeFileSync(join(dir, 'cut.docx'), good.subarray(0, Math.floor(good.length / 2)));
    writeFileSync(join(dir, 'note.md'), 'R: Vi har ikke tid.\n');
    const r = await runCli(['code', dir, '-c', 'test/fixtures/refi/codebook.yaml', '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/locked\.docx: error DOCX_ENCRYPTED/);
    expect(r.stderr).toMatch(/cut\.docx: error DOCX_CORRUPT/);
    expect(r.stdout).toMatch(/code,lack-of-time,inhibitors-organisation,Mangel på tid,1,1/);
  });

  it('says what is wrong with bytes that are not a Word file', async () => {
    expect(docxToText([new TextEncoder().encode('plain text')])[0]).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('leaves out footnotes (the researcher\'s remarks) and their markers; reads page breaks and Word\'s hyphens', async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph('Her nølte informanten; jeg tror det handler om mangel på penger.')] } },
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun('R: Vi har fått nye oppgaver'), new FootnoteReferenceRun(1), new TextRun(' i år.')] }),
          new Paragraph({ children: [new TextRun('R: Vi har ikke tid.'), new PageBreak(), new TextRun('Ledelsen sier noe annet, og kolonne'), new ColumnBreak(), new TextRun('skift skjer.')] }),
          new Paragraph('R: Innovasjons\u00adarbeid og IT\u2011avdelingen.'),
        ],
      }],
    });
    const dir = tempDir('themes-docx-notes-');
    writeFileSync(join(dir, 'n.docx'), await Packer.toBuffer(doc));
    const r = await runCli(['code', join(dir, 'n.docx'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    const texts = readFileSync(join(dir, 'out', 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts).toEqual([
      'Vi har fått nye oppgaver i år.',
      'Vi har ikke tid.\nLedelsen sier noe annet, og kolonne\nskift skjer.',
      'Innovasjonsarbeid og IT-avdelingen.',
    ]);
    expect(readFileSync(join(dir, 'out', 'quotes.md'), 'utf8')).not.toContain('penger');
  });

  it('reads a transcript laid out as a table of speaker and words as speaker turns', async () => {
    const row = (a: string, b: string) => new TableRow({ children: [new TableCell({ children: [new Paragraph(a)] }), new TableCell({ children: [new Paragraph(b)] })] });
    const doc = new Document({ sections: [{ children: [new Table({ rows: [
      row('Taler', 'Tekst'),
      row('Intervjuer', 'Mange sier at de har for lite tid og for lite penger. Kjenner du deg igjen?'),
      row('Informant', 'Nei, egentlig ikke. Vi har god tillit fra ledelsen.'),
      row('Leder:', 'Vi mangler penger.'),
      row('Struktur', '4'),
    ] })] }] });
    const dir = tempDir('themes-docx-table-');
    writeFileSync(join(dir, 't.docx'), await Packer.toBuffer(doc));
    const r = await runCli(['code', join(dir, 't.docx'), '--out', join(dir, 'out'), '--informant-labels', 'Informant,Leder']);
    expect(r.code).toBe(0);
    const segments = readFileSync(join(dir, 'out', 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { speaker?: string; text: string; codes: Array<{ code: string }> });
    expect(segments.map((s) => [s.speaker ?? null, s.text])).toEqual([
      [null, 'Taler | Tekst'], ['Informant', 'Nei, egentlig ikke. Vi har god tillit fra ledelsen.'], ['Leder', 'Vi mangler penger.'], ['Leder', 'Struktur | 4'],
    ]);
    // The interviewer's question about time and money is no coding.
    expect(segments.flatMap((s) => s.codes.map((c) => c.code))).not.toContain('lack-of-time');
  });

  it('reads front matter whose keys Word\'s AutoCorrect capitalised (Id:, Role:), and keys with æøå', () => {
    const text = htmlToNote('<p>---</p><p>Id: informant-09</p><p>Role: tillitsvalgt</p><p>område: helse</p><p>ID2: x</p><p>---</p><p>R: Vi har ikke tid.</p>');
    expect(text).toBe('---\nid: informant-09\nrole: tillitsvalgt\nområde: helse\nID2: x\n---\n\nR: Vi har ikke tid.\n');
  });

  it('flattens mammoth HTML: entities, nested lists, line breaks', () => {
    expect(htmlToNote('<h1>A &amp; B</h1><p>x<br />y</p><ul><li>one<ul><li>two</li></ul></li><li>three</li></ul>'))
      .toBe('# A & B\n\nx\ny\n\n- one\n  - two\n- three\n');
  });
});
