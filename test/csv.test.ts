import { describe, expect, it } from 'vitest';
import { toCsv } from '../src/render/csv.js';

describe('CSV (RFC 4180)', () => {
  it('quotes a field with a line break of its own, so a two-line label does not split its row', () => {
    // A codebook label or a front-matter value (role: |) can hold a bare \n or \r.
    const rows = [['theme', 'misc', 'Diverse\nlinje to', 4], ['code', 'x', 'Ett\r', 1]];
    expect(toCsv(rows)).toBe('theme,misc,"Diverse\nlinje to",4\r\ncode,x,"Ett\r",1\r\n');
    expect(toCsv(rows, { excel: true })).toBe('\uFEFFtheme;misc;"Diverse\nlinje to";4\r\ncode;x;"Ett\r";1\r\n');
  });

  it('quotes separators, quotes and what a spreadsheet would read as a formula', () => {
    expect(toCsv([['a,b', 'si "ja"', '=1+1', '-2', 'ok']])).toBe('"a,b","si ""ja""","=1+1","-2",ok\r\n');
  });
});
