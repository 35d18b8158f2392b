import { describe, expect, it } from 'vitest';
import { decode } from '../src/corpus/decode.js';
import { parseNote } from '../src/corpus/document.js';
import { DEFAULT_SPEAKERS } from '../src/corpus/index.js';

const text = 'Økonomi og «samskaping» på tvers.\nNy linje.';

function ok(bytes: Uint8Array) {
  const d = decode(bytes);
  if (!d.ok) throw new Error('expected text');
  return d;
}

describe('decode', () => {
  it('reads UTF-8 without BOM', () => {
    expect(ok(Buffer.from(text, 'utf8'))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const d = ok(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(d.text).toBe(text);
    expect(d.encoding).toBe('utf-8-bom');
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(ok(le)).toMatchObject({ text, encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    expect(ok(be)).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('reads Windows-1252 from Word: økonomi never becomes Ã¸konomi', () => {
    // ø = 0xF8, « = 0xAB, » = 0xBB, – = 0x96 (only in 1252, not in Latin-1)
    const bytes = Buffer.from([0xd8, 0x6b, 0x6f, 0x6e, 0x6f, 0x6d, 0x69, 0x20, 0xab, 0x78, 0xbb, 0x20, 0x96]);
    const d = ok(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('Økonomi «x» –');
  });

  it('normalises CRLF and lone CR to LF', () => {
    expect(ok(Buffer.from('a\r\nb\rc\n', 'utf8')).text).toBe('a\nb\nc\n');
  });

  it('refuses binary data', () => {
    expect(decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toEqual({ ok: false, reason: 'binary' });
    // Compressed data has few NUL bytes, but many other control characters.
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251 + 1));
    expect(decode(noise)).toEqual({ ok: false, reason: 'binary' });
  });

  it('reads UTF-16 saved without its byte order mark', () => {
    const text = 'R: Økonomien er stram, og vi har ikke tid til utvikling.\n';
    expect(decode(Buffer.from(text, 'utf16le'))).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decode(Buffer.from(text, 'utf16le').swap16())).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('reads a text with a stray NUL byte, blanking it, and says where it was', () => {
    const text = `${'R: Vi har ikke tid til utvikling. '.repeat(10)}\nMer tekst\u0000 her.\n`;
    expect(decode(Buffer.from(text, 'utf8'))).toEqual({ ok: true, text: text.replace('\u0000', ' '), encoding: 'utf-8', stray: text.indexOf('\u0000') });
    const note = parseNote('n.md', Buffer.from(text, 'utf8'), { unit: 'paragraph', includeInterviewer: false, speakers: DEFAULT_SPEAKERS });
    expect(note.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['NOTE_CONTROL_CHARACTERS', 2, 10]]);
    expect(note.segments.map((s) => s.text).join(' ')).toContain('Mer tekst  her.');
  });

  it('takes invisible characters out of words and writes ligatures as letters, so the codebook\'s words are found', () => {
    const o = { unit: 'paragraph' as const, includeInterviewer: false, speakers: DEFAULT_SPEAKERS };
    const text = 'R: Vi har ikke tid til sam\u00adskaping, og forank\u200bringen er svak.\n\nR: Vi mangler \ufb01nansiering og \ufb02yt\u2060.\n';
    expect(parseNote('n.md', Buffer.from(text, 'utf8'), o).segments.map((s) => [s.line, s.text])).toEqual([
      [1, 'Vi har ikke tid til samskaping, og forankringen er svak.'], [3, 'Vi mangler finansiering og flyt.'],
    ]);
    // Two byte order marks: the front matter is still front matter.
    const twice = parseNote('n.md', Buffer.from('\ufeff\ufeff---\nid: inf-9\n---\n\nR: Ja.\n', 'utf8'), o);
    expect([twice.document?.id, twice.segments.map((s) => s.text)]).toEqual(['inf-9', ['Ja.']]);
    // A no-break space after a key's colon, as a word processor types it.
    const nbsp = parseNote('n.md', Buffer.from('---\nid:\u00a0inf-8\nrole:\u00a0leder\n---\n\nR: Ja, det er det.\n', 'utf8'), o);
    expect([nbsp.diagnostics, nbsp.document?.attributes]).toEqual([[], { id: 'inf-8', role: 'leder' }]);
  });

  it('reads a UTF-8 file with a byte order mark and a Windows-1252 byte as one without the mark, not as binary', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const lone = Buffer.concat([bom, Buffer.from('R: Vi har ikke tid til samskaping, s', 'utf8'), Buffer.from([0xe6]), Buffer.from('rlig nå.\n', 'latin1')]);
    expect(ok(lone)).toMatchObject({ encoding: 'windows-1252', text: 'R: Vi har ikke tid til samskaping, særlig nå.\n' });
    const mixed = Buffer.concat([bom, Buffer.from('R: Vi mangler økonomi, s', 'utf8'), Buffer.from([0xe6]), Buffer.from('rlig nå.\n', 'latin1')]);
    const d = ok(mixed);
    expect([d.encoding, d.text, d.mixedAt]).toEqual(['mixed', 'R: Vi mangler økonomi, særlig nå.\n', d.text.indexOf('æ')]);
    expect(decode(Buffer.concat([bom, Buffer.from([0, 1, 2, 3, 0xff, 0, 0, 5, 6, 7, 0xfe, 0, 0, 0])]))).toEqual({ ok: false, reason: 'binary' });
  });

  it('reads a file of UTF-8 and Windows-1252 paragraphs, and says where the Windows-1252 text starts', () => {
    // CRLF line ends before the place: the offset counts the text with its newlines normalised.
    const bytes = Buffer.concat([
      Buffer.from('R: Vi mangler tid og økonomi.\r\n\r\nR: Forankring i ledelsen er s', 'utf8'), Buffer.from([0xe6]), Buffer.from('rlig viktig.\r\n', 'latin1'),
    ]);
    const d = ok(bytes);
    expect(d.encoding).toBe('mixed');
    expect(d.text).toBe('R: Vi mangler tid og økonomi.\n\nR: Forankring i ledelsen er særlig viktig.\n');
    expect(d.mixedAt).toBe(d.text.indexOf('æ'));
    const note = parseNote('n.md', bytes, { unit: 'paragraph', includeInterviewer: false, speakers: DEFAULT_SPEAKERS });
    expect(note.diagnostics.map((x) => [x.code, x.line, x.column])).toEqual([['NOTE_MIXED_ENCODING', 3, 30]]);
  });
});
