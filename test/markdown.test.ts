// Text from notes and codebooks in the Markdown outputs (quotes.md, --format md).
import { describe, expect, it } from 'vitest';
import { inline } from '../src/render/markdown.js';

describe('inline', () => {
  it('keeps note text as typed: HTML tags and links escaped, on one line', () => {
    expect(inline('Vi fikk <b>ingen</b> svar, se [lenke](http://x).')).toBe('Vi fikk \\<b>ingen\\</b> svar, se [lenke\\](http://x).');
    expect(inline('Mangel på tid\n  til utvikling')).toBe('Mangel på tid til utvikling');
  });
  it('leaves masked labels, emphasis and ordinary punctuation alone', () => {
    expect(inline('[NAVN] sa at det var **viktig** (og 50 % mer).')).toBe('[NAVN] sa at det var **viktig** (og 50 % mer).');
  });
});
