import { describe, expect, it } from 'vitest';
import { FormTable } from '../src/text/forms.js';

describe('FormTable', () => {
  it('gives one id per lower-cased form, found straight from a range of a text', () => {
    const t = new FormTable();
    const text = 'Tid TID tid Økonomi ØKONOMI Ārhus ĀRHUS ΟΔΟΣ οδος İstanbul';
    const ranges = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
    const ids = ranges.map(([s, e]) => t.idOf(text, s, e));
    expect(ids.slice(0, 3)).toEqual([ids[0], ids[0], ids[0]]);
    expect(ids[3]).toBe(ids[4]);
    expect(ids[5]).toBe(ids[6]);
    expect(t.forms[ids[5]!]).toBe('ārhus');
    // Σ lower-cases by context (ΟΔΟΣ → οδος with a final ς), so it goes the slow, exact way.
    expect(t.forms[ids[7]!]).toBe('ΟΔΟΣ'.toLowerCase());
    expect(t.forms[ids[9]!]).toBe('İstanbul'.toLowerCase());
    expect(ids[7] === ids[8]).toBe('ΟΔΟΣ'.toLowerCase() === 'οδος');
    expect(new Set(ids).size).toBe(new Set(ranges.map(([s, e]) => text.slice(s, e).toLowerCase())).size);
  });

  it('keeps every id stable while it grows', () => {
    const t = new FormTable();
    const words = Array.from({ length: 50000 }, (_, i) => `ord${i.toString(36)}${i % 7 === 0 ? 'ā' : ''}`);
    const ids = words.map((w) => t.add(w));
    expect(ids).toEqual(words.map((_, i) => i));
    const text = words.join(' ').toUpperCase();
    const lower = words.join(' ');
    let at = 0;
    for (const [i, w] of words.entries()) {
      expect(t.idOf(text, at, at + w.length)).toBe(i);
      expect(t.find(lower, at, at + w.length)).toBe(i);
      at += w.length + 1;
    }
    expect(t.find('ukjent', 0, 6)).toBe(-1);
    expect(t.size).toBe(50000);
  });

  it('finds a form in any case without adding what it does not know', () => {
    const t = new FormTable();
    const known = ['ikkje', 'økonomi', 'οδος', 'istanbul'.toLowerCase(), 'İstanbul'.toLowerCase()].map((w) => t.add(w));
    const text = 'IKKJE Økonomi ØKONOMI ΟΔΟΣ İstanbul ukjent ikkj ikkjee';
    const ranges = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
    expect(ranges.map(([s, e]) => t.findAnyCase(text, s, e))).toEqual([
      known[0], known[1], known[1], 'ΟΔΟΣ'.toLowerCase() === 'οδος' ? known[2] : -1, known[4], -1, -1, -1,
    ]);
    expect(t.size).toBe(5);
  });
});
