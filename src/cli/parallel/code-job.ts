import type { CodingInput } from '../../coding/deductive.js';
import type { Coding, Document, Segment } from '../../model.js';

/**
 * A note sent to the worker thread for coding: what coding reads of it (the masked text, the
 * language, where each segment starts and ends), and nothing that would have to come back.
 */
export interface CodeJob {
  /** The note's place in the file list. */
  index: number;
  document: string;
  lang: Document['lang'];
  text: string;
  /** Per segment: start and end in `text`. */
  bounds: Int32Array;
}

/**
 * The codings of a CodeJob. Each coding's `segment` is the segment's position in the note
 * (as text: "0", "1", ...) rather than its id, which the main thread puts back (withSegmentIds):
 * the ids need not travel either way.
 */
export interface CodedNote {
  index: number;
  codings: Coding[];
}

export function codeJobOf(index: number, document: Document, segments: ReadonlyArray<Pick<Segment, 'start' | 'end'>>): CodeJob {
  const bounds = new Int32Array(2 * segments.length);
  segments.forEach((s, i) => {
    bounds[2 * i] = s.start;
    bounds[2 * i + 1] = s.end;
  });
  return { index, document: document.id, lang: document.lang, text: document.text, bounds };
}

/** Code a job with `code` (a deductiveCoder): the codings codeFile gives for the note, with segment positions for ids. */
export function codeJob(code: (input: CodingInput) => Coding[], job: CodeJob): CodedNote {
  const segments: Array<CodingInput['segments'][number]> = [];
  for (let i = 0; i < job.bounds.length / 2; i++) {
    segments.push({ id: String(i), document: job.document, text: job.text.slice(job.bounds[2 * i]!, job.bounds[2 * i + 1]!) });
  }
  return { index: job.index, codings: code({ documents: [{ id: job.document, lang: job.lang }], segments }) };
}

/** The codings of a CodedNote with their segments' ids again, in place. */
export function withSegmentIds(codings: Coding[], segments: ReadonlyArray<Pick<Segment, 'id'>>): Coding[] {
  for (const c of codings) c.segment = segments[Number(c.segment)]!.id;
  return codings;
}
