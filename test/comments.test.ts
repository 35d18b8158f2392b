import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankComments } from '../src/corpus/comments.js';
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
