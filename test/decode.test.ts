import { describe, expect, it } from 'vitest';
import { decode } from '../src/corpus/decode.js';

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
  });
});
