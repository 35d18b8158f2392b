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
  /** Per segment: start and end in `text` of the question it answers (Segment.asked), or -1 and -1. */
  asked: Int32Array;
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

export function codeJobOf(index: number, document: Document, segments: ReadonlyArray<Pick<Segment, 'start' | 'end' | 'asked'>>): CodeJob {
  const bounds = new Int32Array(2 * segments.length);
  const asked = new Int32Array(2 * segments.length).fill(-1);
  segments.forEach((s, i) => {
    bounds[2 * i] = s.start;
    bounds[2 * i + 1] = s.end;
    if (s.asked) {
      asked[2 * i] = s.asked.start;
      asked[2 * i + 1] = s.asked.end;
    }
  });
  return { index, document: document.id, lang: document.lang, text: document.text, bounds, asked };
}

/** Code a job with `code` (a deductiveCoder): the codings codeFile gives for the note, with segment positions for ids. */
export function codeJob(code: (input: CodingInput) => Coding[], job: CodeJob): CodedNote {
  const segments: Array<CodingInput['segments'][number]> = [];
  for (let i = 0; i < job.bounds.length / 2; i++) {
    const text = job.text.slice(job.bounds[2 * i]!, job.bounds[2 * i + 1]!);
    const start = job.asked[2 * i]!;
    segments.push(start < 0
      ? { id: String(i), document: job.document, text }
      : { id: String(i), document: job.document, text, asked: { start, end: job.asked[2 * i + 1]! } });
  }
  return { index: job.index, codings: code({ documents: [{ id: job.document, lang: job.lang, text: job.text }], segments }) };
}

/** The codings of a CodedNote with their segments' ids again, in place. */
export function withSegmentIds(codings: Coding[], segments: ReadonlyArray<Pick<Segment, 'id'>>): Coding[] {
  for (const c of codings) c.segment = segments[Number(c.segment)]!.id;
  return codings;
}
