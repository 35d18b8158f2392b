// The shared nouns of the pipeline. Every stage reads and writes these; nothing here does I/O.

export type Lang = 'nb' | 'nn' | 'en';

/** A problem found in an input, with a stable code and a place. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable identifier, e.g. `CODEBOOK_DUPLICATE_ID`; tests assert this, not the wording. */
  code: string;
  message: string;
  /** What the user can do about it. */
  hint?: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based, in characters. */
  column?: number;
}

export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue>;

/** One notes file, decoded. */
export interface Document {
  /** Informant / document id: front matter `id`, else the file name without extension. */
  id: string;
  /** Path as shown to the user (relative to the working directory, `/` separators). */
  path: string;
  /** Decoded text with line endings normalised to `\n` and no BOM, comments and inline marks blanked out; all offsets point into it. */
  text: string;
  attributes: Attributes;
  lang: Lang;
  /** The encoding the bytes were decoded from. */
  /** `mixed`: UTF-8 and Windows-1252 text in one file, each character decoded by its own bytes. */
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'docx' | 'mixed';
  /** sha256 of the raw bytes, hex. */
  sha256: string;
  /** Inline code marks (`{#code}`) a human wrote in the note; blanked out of `text`. */
  marks?: InlineMark[];
  /**
   * A subtitle file's voices that name people (not SPEAKER_00 or a speaker label such as
   * Intervjuer): identifiers wherever they stand, as if listed in --names.
   */
  voices?: string[];
}

/** A human coder's inline mark, `{#lack-of-time #idea-box}`. Offsets into Document.text, end exclusive. */
export interface InlineMark {
  start: number;
  end: number;
  line: number;
  column: number;
  codes: string[];
  /** The mark as written (`{#lack-of-time, #idea-box}`): an anonymised copy puts it back. */
  written: string;
}

export type SpeakerRole = 'interviewer' | 'informant';

/** The coding unit: a paragraph, a sentence or a speaker turn. */
export interface Segment {
  /** `document-id:line`, plus `#n` when several segments start on one line. */
  id: string;
  document: string;
  /** 0-based position in the corpus (documents in id order, segments in text order). */
  index: number;
  /** 1-based line of the first character. */
  line: number;
  /** Character offsets (UTF-16 code units) into Document.text, end exclusive. */
  start: number;
  end: number;
  /** Speaker label as written (`R`, `Informant 3`), if any. */
  speaker?: string;
  role: SpeakerRole;
  /** Headings above the segment, outermost first (the interview guide's part and question). */
  headings: string[];
  text: string;
  /**
   * For a short answer that begins an informant's turn right after the interviewer's question
   * («I: Har dere avsatt tid? R: Nei.»): where that question (its last sentence, ending in «?»)
   * stands in Document.text. Coding reads the answer with it (see deductiveCoder).
   */
  asked?: { start: number; end: number };
}

export type CodeUnit = 'paragraph' | 'sentence' | 'turn';

export interface Corpus {
  documents: Document[];
  segments: Segment[];
  unit: CodeUnit;
}

export interface Labels {
  nb?: string;
  en?: string;
}

export type Polarity = 'lack' | 'presence' | 'inherent' | 'any';

export type TermKind = 'word' | 'phrase' | 'regex';

/** How one word of a term meets a token: same stem, word start, compound tail, or compound part. */
export interface WordPattern {
  kind: 'stem' | 'prefix' | 'suffix' | 'part';
  /** Lower-cased text, without the `*`. */
  text: string;
}

/** Where a value sits in a source file (for diagnostics). */
export interface SourcePlace {
  line: number;
  column: number;
}

export interface Term {
  /** The term as written in the codebook. */
  raw: string;
  kind: TermKind;
  /** For words and phrases: one pattern per word. */
  words?: WordPattern[];
  /** For regular expressions: the source and flags. */
  regex?: { source: string; flags: string };
  /** Overrides the code's polarity when set. */
  polarity?: Polarity;
  /**
   * Terms for the contexts in which this term does not count: a match of the term that a match of
   * one of them overlaps (shares a character with) is no match.
   */
  unless?: Term[];
  place?: SourcePlace;
}

export interface Code {
  id: string;
  /** Theme ids from the top-level theme down to the code's direct parent. */
  themePath: string[];
  label: Labels;
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  examples: string[];
  counterexamples: string[];
  polarity: Polarity;
  /**
   * The code (id) that one of this code's presence terms is coded as when a lack cue denies it:
   * competence-building's «kurs» in «Ingen kurs i år» is lack-of-competence.
   */
  opposite?: string;
  terms: Term[];
  /** True for candidates written by the inductive pass. */
  candidate?: boolean;
  place?: SourcePlace;
}

export interface Theme {
  id: string;
  label: Labels;
  description?: string;
  themes: Theme[];
  codes: Code[];
  place?: SourcePlace;
}

export interface Codebook {
  id: string;
  title?: string;
  language: Lang;
  version?: string | number;
  description?: string;
  /** Extra lack cue words for the polarity rule, added to the built-in ones. */
  cues: { lack: string[] };
  themes: Theme[];
  /** Every code in document order (depth first). */
  codes: Code[];
  /** Path as given and sha256 of its bytes. */
  source: { path: string; sha256: string };
}

/** Which part of a segment made a code apply. Offsets are into Segment.text. */
export interface Evidence {
  term: string;
  start: number;
  end: number;
  text: string;
  /** The lack cue that decided the polarity, when one did. */
  cue?: { start: number; end: number; text: string; asked?: true };
  /**
   * True when the term stands in the interviewer's question before the segment (Segment.asked):
   * start and end are then offsets into that question's text, not the segment's. The same for a
   * cue (an answer's «Nei» is in the segment; «Mangler dere …» in the question).
   */
  asked?: true;
}

export type CodingMethod = 'deductive' | 'inductive' | 'human';

export interface Coding {
  segment: string;
  code: string;
  method: CodingMethod;
  evidence: Evidence[];
  coder?: string;
}
