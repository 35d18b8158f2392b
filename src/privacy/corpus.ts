import type { Corpus, Document, Lang, Segment } from '../model.js';
import { findIdentifiers, listsFor, type Finding, type NameLists } from './detect.js';
import { maskText } from './mask.js';

export interface MaskedCorpus {
  corpus: Corpus;
  /** Every identifier masked, with the document it was in. */
  findings: Array<Finding & { document: string }>;
}

export interface MaskedNote {
  document: Document;
  /** The note's segments, in the order given, pointing into the masked document text. */
  segments: Segment[];
  findings: Finding[];
}

/**
 * Masked headings and speaker labels by language, then by text: a memo of a pure function, so it
 * may be shared between notes. Keyed in two steps, not by one key joining language and text, so
 * that the key is the label's own string: V8 keeps a string's hash in the string, where a joined
 * key had to be built and hashed again on every lookup (one per speaker turn).
 */
export type HeadingCache = Map<Lang, Map<string, string>>;

/**
 * Mask identifiers in one document's text, headings, speaker labels and segment texts, keeping segment offsets
 * valid for the masked text. Pure apart from `headings`, which only memoises masked headings (pass
 * one map to share it between notes). A document without findings and the segments whose text
 * and headings are unchanged come back as the same objects, not copies.
 */
export function maskNote(document: Document, segments: readonly Segment[], shared?: NameLists, memo: HeadingCache = new Map()): MaskedNote {
  // A subtitle file's voices are names in this note: its labels are masked with its own lists.
  const lists = listsFor(document, shared);
  const memos = lists === shared ? memo : new Map<Lang, Map<string, string>>();
  // The labels follow the note's language, so one memo serves notes of each: a map per language.
  let headings = memos.get(document.lang);
  if (headings === undefined) memos.set(document.lang, (headings = new Map()));
  const heading = (h: string) => {
    let v = headings.get(h);
    if (v === undefined) headings.set(h, (v = maskedLabel(h, lists, document.lang)));
    return v;
  };
  // The segments under one heading share one list (see segmentDocument), so each list is masked
  // once, and stays one list: the same list when no heading in it changes.
  const maskedLists = new Map<string[], string[]>();
  const maskedHeadings = (list: string[]) => {
    let v = maskedLists.get(list);
    if (v === undefined) {
      const masked = list.map(heading);
      v = masked.every((h, i) => h === list[i]) ? list : masked;
      maskedLists.set(list, v);
    }
    return v;
  };
  // A speaker label can be a name («Ola Hansen:», as Teams and Zoom write them): masked as a
  // heading is, whether or not the text around it gave it away.
  const speaker = (s: Segment) => (s.speaker === undefined ? {} : { speaker: heading(s.speaker) });
  const found = findIdentifiers(document.text, lists);
  if (found.length === 0) {
    // Offsets and text stay as they are; only a heading or a speaker label can still hold an
    // identifier on its own (it lacks the context of the note, e.g. the # that marks a heading).
    const kept = segments.map((s) => (isSliceOf(s, document.text) && maskedHeadings(s.headings) === s.headings && (s.speaker === undefined || heading(s.speaker) === s.speaker)
      ? s : { ...s, text: document.text.slice(s.start, s.end), headings: maskedHeadings(s.headings), ...speaker(s) }));
    return { document, segments: kept, findings: [] };
  }
  const m = maskText(document.text, found, undefined, document.lang);
  const marks = document.marks?.map((k) => ({ ...k, start: m.offset(k.start, 'start'), end: m.offset(k.end, 'end') }));
  const masked: Document = { ...document, text: m.text, ...(marks ? { marks } : {}) };
  const shifted = segments.map((s) => {
    const start = m.offset(s.start, 'start');
    const end = m.offset(s.end, 'end');
    const asked = s.asked && { start: m.offset(s.asked.start, 'start'), end: m.offset(s.asked.end, 'end') };
    return { ...s, start, end, text: m.text.slice(start, end), headings: maskedHeadings(s.headings), ...speaker(s), ...(asked ? { asked } : {}) };
  });
  return { document: masked, segments: shifted, findings: m.findings };
}

/** A heading or speaker label masked; most hold no identifier, and come back as they are. */
function maskedLabel(label: string, lists: NameLists | undefined, lang: Lang): string {
  const found = findIdentifiers(label, lists);
  return found.length === 0 ? label : maskText(label, found, undefined, lang).text;
}

/**
 * Whether a segment's text is exactly its range of the document text. (V8 makes the slice a view
 * into the text, not a copy, and compares it far faster than startsWith(s.text, s.start) would.)
 */
function isSliceOf(s: Segment, text: string): boolean {
  return text.slice(s.start, s.end) === s.text;
}

/**
 * Mask identifiers in every document text, heading and segment text of a corpus, keeping
 * segment offsets valid for the masked document text. Coding then runs on masked text, so no
 * renderer (quotes, segments, evidence) can ever see an identifier. Each note is masked on its
 * own by maskNote; segments keep their corpus order.
 */
export function maskCorpus(corpus: Corpus, lists?: NameLists): MaskedCorpus {
  // Segments belong to the last document with their id, as when documents were looked up by id.
  const owner = new Map<string, number>();
  corpus.documents.forEach((d, i) => owner.set(d.id, i));
  const own: Segment[][] = corpus.documents.map(() => []);
  for (const s of corpus.segments) {
    const i = owner.get(s.document);
    if (i !== undefined) own[i]!.push(s);
  }
  const headings: HeadingCache = new Map();
  const notes = corpus.documents.map((d, i) => maskNote(d, own[i]!, lists, headings));
  const findings = notes.flatMap((n, i) => n.findings.map((f) => ({ ...f, document: corpus.documents[i]!.id })));
  const next = new Int32Array(notes.length);
  const segments = corpus.segments.map((s) => {
    const i = owner.get(s.document);
    return i === undefined ? s : notes[i]!.segments[next[i]!++]!;
  });
  return { corpus: { ...corpus, documents: notes.map((n) => n.document), segments }, findings };
}
