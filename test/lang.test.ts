import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { detectLang } from '../src/text/lang.js';
import { samples } from './helpers/cli.js';

describe('detectLang', () => {
  it('tells bokmål, nynorsk and English apart by function words', () => {
    expect(detectLang('Jeg tror ikke det er noe problem, og vi har det bra.')).toBe('nb');
    expect(detectLang('Eg trur ikkje det er noko problem, og dei har det bra.')).toBe('nn');
    expect(detectLang('We think that this is not a problem, and they have what they need.')).toBe('en');
    expect(detectLang('')).toBe('nb');
  });

  it('counts marker words case-insensitively, whole words only', () => {
    expect(detectLang('IKKJE EG KVA KORLEIS')).toBe('nn');
    expect(detectLang('ikkjeeg kvakorleis det')).toBe('nb');
    expect(detectLang('THE AND IS NOT')).toBe('en');
  });

  it('counts the longest markers (seven letters), and no longer word', () => {
    // Words longer than every marker are skipped unhashed; the seven-letter ones must still count.
    expect(detectLang('korleis Korleis')).toBe('nn');
    expect(detectLang('Hvordan hvordan hvordan korleis')).toBe('nb');
    expect(detectLang('korleisx korleiss hvordan')).toBe('nb');
    expect(detectLang('withthe thatthe is')).toBe('en');
  });

  it('looks at the first 6,000 characters only', () => {
    expect(detectLang(`${'xx '.repeat(2000)}the and is not of to that we`)).toBe('nb');
    expect(detectLang(`${'xx '.repeat(1900)}the and is not of to that we`)).toBe('en');
  });

  it('reads from a given start, and 6,000 characters from there', () => {
    const text = `The and is not of to that we. ${'xx '.repeat(1900)}ikkje eg kva korleis`;
    expect(detectLang(text)).toBe('en');
    expect(detectLang(text, text.indexOf('xx'))).toBe('nn');
    expect(detectLang(text, text.indexOf('ikkje'))).toBe('nn');
    expect(detectLang(text, text.length)).toBe('nb');
  });

  it('finds the English sample notes English and the others Norwegian', () => {
    const langs = readdirSync(samples).map((f) => detectLang(readFileSync(`${samples}/${f}`, 'utf8')));
    expect(langs.filter((l) => l === 'en').length).toBeGreaterThanOrEqual(1);
    expect(langs.filter((l) => l !== 'en').length).toBeGreaterThanOrEqual(8);
  });
});
