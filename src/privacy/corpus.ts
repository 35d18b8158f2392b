import type { Corpus } from '../model.js';
import { findIdentifiers, type Finding, type NameLists } from './detect.js';
import { maskText } from './mask.js';

export interface MaskedCorpus {
  corpus: Corpus;
  /** Every identifier masked, with the document it was in. */
  findings: Array<Finding & { document: string }>;
}

/**
 * Mask identifiers in every document text, heading and segment text of a corpus, keeping
 * segment offsets valid for the masked document text. Coding then runs on masked text, so no
 * renderer (quotes, segments, evidence) can ever see an identifier.
 */
export function maskCorpus(corpus: Corpus, lists?: NameLists): MaskedCorpus {
  const findings: MaskedCorpus['findings'] = [];
  const masked = new Map<string, ReturnType<typeof maskText>>();
  const documents = corpus.documents.map((d) => {
    const m = maskText(d.text, findIdentifiers(d.text, lists));
    masked.set(d.id, m);
    findings.push(...m.findings.map((f) => ({ ...f, document: d.id })));
    const marks = d.marks?.map((k) => ({ ...k, start: m.offset(k.start, 'start'), end: m.offset(k.end, 'end') }));
    return { ...d, text: m.text, ...(marks ? { marks } : {}) };
  });
  const headingCache = new Map<string, string>();
  const heading = (h: string) => {
    let v = headingCache.get(h);
    if (v === undefined) headingCache.set(h, (v = maskText(h, findIdentifiers(h, lists)).text));
    return v;
  };
  const segments = corpus.segments.map((s) => {
    const m = masked.get(s.document);
    if (!m) return s;
    const start = m.offset(s.start, 'start');
    const end = m.offset(s.end, 'end');
    return { ...s, start, end, text: m.text.slice(start, end), headings: s.headings.map(heading) };
  });
  return { corpus: { ...corpus, documents, segments }, findings };
}
