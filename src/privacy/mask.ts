import type { Lang } from '../model.js';
import { findIdentifiers, type Finding, type IdentifierKind } from './detect.js';

/**
 * The label that stands for each kind, in the note's language: a reader of an English note (or
 * a thesis quoting it) should see [NAME], not [NAVN]; a nynorsk note [NAMN].
 */
export const MASKS: Record<'no' | 'nn' | 'en', Record<IdentifierKind, string>> = {
  no: {
    name: '[NAVN]',
    phone: '[TELEFON]',
    email: '[E-POST]',
    fodselsnummer: '[FØDSELSNUMMER]',
    'd-nummer': '[FØDSELSNUMMER]',
    address: '[ADRESSE]',
  },
  nn: {
    name: '[NAMN]',
    phone: '[TELEFON]',
    email: '[E-POST]',
    fodselsnummer: '[FØDSELSNUMMER]',
    'd-nummer': '[FØDSELSNUMMER]',
    address: '[ADRESSE]',
  },
  en: {
    name: '[NAME]',
    phone: '[PHONE]',
    email: '[EMAIL]',
    fodselsnummer: '[ID NUMBER]',
    'd-nummer': '[ID NUMBER]',
    address: '[ADDRESS]',
  },
};

/** The labels for a note in `lang` (bokmål unless nynorsk or English). */
export function masksFor(lang: Lang | undefined): Record<IdentifierKind, string> {
  return lang === 'en' ? MASKS.en : lang === 'nn' ? MASKS.nn : MASKS.no;
}

/** The Norwegian labels, the default. */
export const MASK = MASKS.no;

/** Any of the labels above, in either language, as masked text holds them. */
export const MASK_LABELS = new RegExp([...new Set(Object.values(MASKS).flatMap((m) => Object.values(m)))].map((l) => l.replace(/[[\]]/g, '\\$&')).join('|'), 'g');

export interface Masked {
  text: string;
  findings: Finding[];
  /** Maps an offset in the original text to the masked text; offsets inside a finding go to its edges. */
  offset(original: number, side: 'start' | 'end'): number;
}

/** Replace findings (default: every identifier found) with a label per finding (default: the labels for `lang`). Pure. */
export function maskText(text: string, findings: readonly Finding[] = findIdentifiers(text), replacement?: (f: Finding) => string, lang?: Lang): Masked {
  const labels = masksFor(lang);
  const label = replacement ?? ((f: Finding) => labels[f.kind]);
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  const edges: Array<{ start: number; end: number; newStart: number; newEnd: number }> = [];
  for (const f of sorted) {
    if (f.start < at) continue;
    out += text.slice(at, f.start);
    const newStart = out.length;
    // A name wrapped over two lines keeps its line break after the label, so that every line
    // after it keeps its number.
    out += label(f) + lineBreaks(f.text);
    edges.push({ start: f.start, end: f.end, newStart, newEnd: out.length });
    at = f.end;
  }
  out += text.slice(at);
  // Edges do not overlap and are in text order, so their ends are in order too: the edges wholly
  // before an offset are found by bisection (a note may have tens of thousands of them).
  const offset = (original: number, side: 'start' | 'end'): number => {
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid]!.end <= original) lo = mid + 1;
      else hi = mid;
    }
    const inside = edges[lo];
    if (inside && original > inside.start) return side === 'start' ? inside.newStart : inside.newEnd;
    return lo === 0 ? original : original + edges[lo - 1]!.newEnd - edges[lo - 1]!.end;
  };
  return { text: out, findings: sorted, offset };
}

export function countByKind(findings: readonly Finding[]): Map<IdentifierKind, number> {
  const counts = new Map<IdentifierKind, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return counts;
}

function lineBreaks(text: string): string {
  let breaks = '';
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks += '\n';
  return breaks;
}
