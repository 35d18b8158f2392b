import type { KeyTerm } from './model.js';

/**
 * A readable label from a candidate's key terms, in the informants' own words: the strongest
 * phrase when it is nearly as key as the strongest word ("mangel på tid"), else the two strongest words.
 */
export function labelFor(terms: readonly KeyTerm[]): string {
  if (terms.length === 0) return '(uten fellesord)';
  const top = terms[0].score;
  const phrase = terms.slice(0, 5).find((t) => t.kind === 'phrase' && t.score >= 0.6 * top);
  if (phrase) return phrase.term;
  const words = terms.filter((t) => t.kind === 'word').slice(0, 2).map((t) => t.term);
  return words.length > 0 ? words.join(', ') : terms[0].term;
}

/** A codebook id from a label: "mangel på tid" → "mangel-pa-tid". */
export function slug(label: string): string {
  const s = label
    .toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'x';
}
