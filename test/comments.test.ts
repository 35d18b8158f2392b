import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankComments, blankMarkup } from '../src/corpus/comments.js';
import { DEFAULT_SPEAKERS, loadCorpus } from '../src/corpus/index.js';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const options = { unit: 'paragraph' as const, includeInterviewer: false, speakers: DEFAULT_SPEAKERS };

describe('comments in notes', () => {
  it('blanks <!-- ... --> after the front matter, keeping offsets and lines', () => {
    const text = '---\nid: x # <!-- not here -->\n---\nR: Vi mangler tid. <!-- sjekk -->\n<!-- to\nlinjer -->\nSlutt.\n';
    const from = text.indexOf('R:');
    const r = blankComments(text, from, 'x.md');
    expect(r.count).toBe(2);
    expect(r.diagnostics).toEqual([]);
    expect(r.text.length).toBe(text.length);
    expect(r.text.split('\n').length).toBe(text.split('\n').length);
    expect(r.text).toBe(text.replace('<!-- sjekk -->', ' '.repeat(14)).replace('<!-- to\nlinjer -->', `${' '.repeat(7)}\n${' '.repeat(10)}`));
    expect(r.text.slice(0, from)).toContain('<!-- not here -->');
  });

  it('leaves a comment that is never closed as text, with a warning at its place', () => {
    const text = 'Første linje.\n\nTo <!-- og resten\n';
    const r = blankComments(text, 0, 'n.md');
    expect(r.text).toBe(text);
    expect(r.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['NOTE_UNCLOSED_COMMENT', 'n.md', 3, 4]]);
    expect(blankComments('Ingen kommentar her.', 0, 'n.md')).toEqual({ text: 'Ingen kommentar her.', count: 0, diagnostics: [] });
  });

  it('gives the column of an unclosed comment in characters (code points): an emoji before it is one', () => {
    const r = blankComments('Første linje.\n\n😀😀 To <!-- og resten\n', 0, 'n.md');
    expect(r.diagnostics.map((d) => [d.line, d.column])).toEqual([[3, 7]]);
  });

  it('neither codes nor quotes what is commented out, and reports an unclosed comment', async () => {
    const dir = tempDir('themes-comments-');
    writeFileSync(join(dir, 'a.md'), '# Del 1\n\nR: Ledelsen har satt av tid. <!-- Kari: spør om budsjettet -->\n\n<!--\nR: Vi har ikke tid til utviklingsarbeid.\n-->\n');
    writeFileSync(join(dir, 'b.md'), 'R: Vi har samskaping med innbyggerne.\n\n<!-- glemt å lukke\n');
    const { corpus, diagnostics } = loadCorpus([dir], dir, options);
    expect(corpus.segments.map((s) => [s.id, s.text])).toEqual([
      ['a:3', 'Ledelsen har satt av tid.'], ['b:1', 'Vi har samskaping med innbyggerne.'], ['b:3', '<!-- glemt å lukke'],
    ]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['b.md:3:1 NOTE_UNCLOSED_COMMENT']);
    const r = await runCli(['code', dir, '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    const row = (code: string) => r.stdout.split(/\r?\n/).find((l) => l.startsWith(`code,${code},`))!.split(',').slice(-3).join(',');
    expect(row('set-aside-time')).toBe('1,1,0.500');
    expect(row('lack-of-time')).toBe('0,0,0.000');
    expect(r.stderr).toContain('b.md:3:1: warning NOTE_UNCLOSED_COMMENT');
  });
});

describe('Markdown syntax in notes', () => {
  const note = [
    '---', 'id: m', '---',
    '> R: Vi har ikke tid til utviklingsarbeid.', '> Det er driften som tar alt.', '',
    '> > Sitat i sitat om mangel på midler.', '', '---', '', '***', '',
    '| Faktor | Skår |', '| --- | :-: |', '| Struktur | 4 |', '',
    '```', 'Budsjettet er stramt.', '```', '', 'Del 2', '=====', '',
    '- Et punkt, ikke en linje.', '--- ikke en linje', 'Vi har øremerkede midler.', '',
  ].join('\n');
  const from = note.indexOf('> R:');

  it('blanks blockquote markers, fences, rules, underlines, table delimiters and pipes, keeping offsets and lines', () => {
    const out = blankMarkup(note, from);
    expect(out).toHaveLength(note.length);
    expect([...out].map((c, i) => (c === '\n') === (note[i] === '\n')).every(Boolean)).toBe(true);
    const lines = out.split('\n');
    expect(lines[3]).toBe('  R: Vi har ikke tid til utviklingsarbeid.');
    expect(lines[4]).toBe('  Det er driften som tar alt.');
    expect(lines[6]!.trim()).toBe('Sitat i sitat om mangel på midler.');
    for (const i of [8, 10, 13, 16, 18, 21]) expect(lines[i]!.trim(), note.split('\n')[i]).toBe('');
    expect(lines[12]).toBe('  Faktor   Skår  ');
    expect(lines[14]).toBe('  Struktur   4  ');
    // Text that only starts like syntax stays.
    expect(lines[17]).toBe('Budsjettet er stramt.');
    expect(lines[23]).toBe('- Et punkt, ikke en linje.');
    expect(lines[24]).toBe('--- ikke en linje');
    // The front matter is not touched, and a note without such lines comes back as it is.
    expect(out.slice(0, from)).toBe(note.slice(0, from));
    const plain = 'Vi har ikke tid.\n\n- Et punkt.\n';
    expect(blankMarkup(plain, 0)).toBe(plain);
  });

  it('blanks link targets in time proportional to the text, also in a note full of «](» and no «[»', () => {
    const text = 'se](x) '.repeat(60000);
    const started = performance.now();
    expect(blankMarkup(text, 0)).toBe(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('blanks link and image targets and brackets, keeping the link text', () => {
    const text = 'Les [planen](https://kommune.no/innovasjon-plan) og ![bilde av tavla](tavle.png) her.\n[sic] (med mellomrom) og [a](b)[c](d).\n';
    const out = blankMarkup(text, 0);
    expect(out).toHaveLength(text.length);
    expect(out.split('\n')).toEqual([
      'Les  planen                                      og   bilde av tavla             her.',
      '[sic] (med mellomrom) og  a     c    .', '',
    ]);
  });

  it('pairs parentheses inside a link target, as CommonMark does', () => {
    const text = 'Vi har ikke tid, se [rapporten](https://no.wikipedia.org/wiki/Kommune_(Norge)) om driften.\n';
    const out = blankMarkup(text, 0);
    expect(out).toHaveLength(text.length);
    expect(out.replace(/ +/g, ' ')).toBe('Vi har ikke tid, se rapporten om driften.\n');
  });

  it('reads setext headings (a line over ===== or -----, as Pandoc writes them) as headings', () => {
    const dir = tempDir('themes-setext-');
    writeFileSync(join(dir, 'p.md'), [
      '---', 'id: p', '---', '', 'Del 1: Bakgrunn', '===============', '', 'R: Jeg har jobbet her i ti år.', '',
      'Hva hindrer innovasjon?', '-----------------------', '', 'R: Vi har ikke tid til utviklingsarbeid.', '',
      'R: Ja.', '---', '', 'To linjer', 'i ett avsnitt', '=====', '', 'Siste avsnitt.', '',
    ].join('\n'));
    const { corpus } = loadCorpus([dir], dir, options);
    expect(corpus.segments.map((s) => [s.line, s.headings, s.text])).toEqual([
      [8, ['Del 1: Bakgrunn'], 'Jeg har jobbet her i ti år.'],
      [13, ['Del 1: Bakgrunn', 'Hva hindrer innovasjon?'], 'Vi har ikke tid til utviklingsarbeid.'],
      // A rule under a speaker line, or under a paragraph of two lines, makes no heading.
      [15, ['Del 1: Bakgrunn', 'Hva hindrer innovasjon?'], 'Ja.'],
      [18, ['Del 1: Bakgrunn', 'Hva hindrer innovasjon?'], 'To linjer\ni ett avsnitt'],
      [22, ['Del 1: Bakgrunn', 'Hva hindrer innovasjon?'], 'Siste avsnitt.'],
    ]);
  });

  it('neither codes nor quotes the syntax, and reads "> R:" as a speaker turn', () => {
    const dir = tempDir('themes-markup-');
    writeFileSync(join(dir, 'm.md'), note);
    const { corpus } = loadCorpus([dir], dir, options);
    const texts = corpus.segments.map((s) => s.text);
    expect(corpus.segments[0]).toMatchObject({ speaker: 'R', text: 'Vi har ikke tid til utviklingsarbeid.\n  Det er driften som tar alt.' });
    expect(texts.filter((t) => /^[>|`~]|^---$|\*\*\*|===|\||```/m.test(t))).toEqual([]);
    expect(texts).toContain('Sitat i sitat om mangel på midler.');
  });
});
