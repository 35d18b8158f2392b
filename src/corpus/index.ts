import { relative, sep } from 'node:path';
import type { Corpus, Diagnostic, Document, Segment } from '../model.js';
import { readUpTo } from '../util/read.js';
import { parseNote } from './document.js';
import { docxToText } from './docx.js';
import { findNoteFiles, isDocx } from './files.js';
import { isSubtitles } from './subtitles.js';
import type { SegmentOptions } from './segment.js';

export { DEFAULT_SPEAKERS, type SegmentOptions, type SpeakerLabels } from './segment.js';
export { informantOf } from './document.js';

/** Notes larger than this are refused, not read: a 200 MB "note" is a mistake, and would cost gigabytes of memory. */
export const MAX_NOTE_BYTES = 50 * 1024 * 1024;

export interface LoadedCorpus {
  corpus: Corpus;
  diagnostics: Diagnostic[];
  /** Files that could not be used (each has an error diagnostic). */
  failed: string[];
}

/** One note file's bytes, as read from disk. */
export interface NoteFile {
  /** The path as shown in messages: relative to the working folder, with forward slashes. */
  shown: string;
  bytes: Uint8Array;
  docx: boolean;
}

/** One note file parsed: its document and segments, or only diagnostics when it cannot be used. */
export interface ParsedFile {
  shown: string;
  document?: Document;
  segments: Omit<Segment, 'index'>[];
  diagnostics: Diagnostic[];
}

/**
 * Read notes from files and folders into a corpus. Bad files are reported and left out; the
 * good ones are still read. Documents are ordered by id, so file order never changes results.
 */
export function loadCorpus(paths: readonly string[], cwd: string, options: SegmentOptions): LoadedCorpus {
  const found = findNoteFiles(paths, cwd);
  const read = readNoteFiles(found.files, cwd);
  const parsed = parseNoteFiles(read.files, options);
  return assembleCorpus(parsed, options, [...found.diagnostics, ...read.diagnostics], [...failedFiles(found.diagnostics), ...read.failed]);
}

/** The files named by error diagnostics: files that could not be used. */
export function failedFiles(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === 'error' && d.file).map((d) => d.file!);
}

/** Read the bytes of note files; too large or unreadable files are reported and left out. */
export function readNoteFiles(files: readonly string[], cwd: string): { files: NoteFile[]; diagnostics: Diagnostic[]; failed: string[] } {
  const diagnostics: Diagnostic[] = [];
  const failed: string[] = [];
  const read: NoteFile[] = [];
  for (const file of files) {
    const shown = relative(cwd, file).split(sep).join('/') || file;
    try {
      const docx = isDocx(file);
      const bytes = readUpTo(file, docx ? Infinity : MAX_NOTE_BYTES);
      if (typeof bytes === 'number') {
        const size = bytes;
        diagnostics.push({
          severity: 'error', code: 'NOTE_TOO_LARGE', file: shown,
          message: `is ${Math.round(size / 1048576)} MB, over the limit of ${MAX_NOTE_BYTES / 1048576} MB for one note, and is not read`,
          hint: 'A note or transcript is rarely over 1 MB; check that this is the file you meant, or split it.',
        });
        failed.push(shown);
        continue;
      }
      read.push({ shown, bytes, docx });
    } catch {
      diagnostics.push({
        severity: 'error', code: 'NOTE_UNREADABLE', file: shown,
        message: 'cannot be read', hint: 'Check that the file exists and that you may read it.',
      });
      failed.push(shown);
    }
  }
  return { files: read, diagnostics, failed };
}

/** Parse note files in order; Word files are converted together first, in one worker (see docx.ts). */
export function parseNoteFiles(files: readonly NoteFile[], options: SegmentOptions): ParsedFile[] {
  const words = files.filter((r) => r.docx);
  const texts = new Map(docxToText(words.map((r) => r.bytes)).map((t, i) => [words[i]!.shown, t]));
  return files.map(({ shown, bytes }) => {
    const docx = texts.get(shown);
    if (docx && !docx.ok) {
      return {
        shown, segments: [], diagnostics: [docx.reason === 'encrypted' ? {
          severity: 'error', code: 'DOCX_ENCRYPTED', file: shown,
          message: `cannot be read: ${docx.detail}`,
          hint: 'Remove the password in Word (File > Info > Protect Document), or save the note as .docx again; other notes are still read.',
        } : {
          severity: 'error', code: 'DOCX_CORRUPT', file: shown,
          message: `is not a readable Word document (${docx.detail})`,
          hint: 'Open it in Word or LibreOffice and save it again as .docx; other notes are still read.',
        }],
      };
    }
    return { shown, ...parseNote(shown, bytes, options, docx?.text, isSubtitles(shown)) };
  });
}

/**
 * Parsed files (in the order they were found) into a corpus: a file whose id an earlier file
 * already has is reported and left out, and documents are ordered by id. `kept` are the files
 * that made it, in that order, with whatever else the caller attached to them.
 */
export function assembleCorpus<F extends ParsedFile>(
  parsed: readonly F[], options: SegmentOptions, diagnostics: Diagnostic[] = [], failed: string[] = [],
): LoadedCorpus & { kept: Array<F & { document: Document }> } {
  const byId = new Map<string, string>();
  const kept: Array<F & { document: Document }> = [];
  for (const file of parsed) {
    const { shown, document } = file;
    diagnostics.push(...file.diagnostics);
    if (!document) {
      failed.push(shown);
      continue;
    }
    const other = byId.get(document.id);
    if (other !== undefined) {
      diagnostics.push({
        severity: 'error', code: 'NOTE_DUPLICATE_ID', file: shown, line: 1, column: 1,
        message: `has the same id "${document.id}" as ${other}; this file is left out`,
        hint: 'Give each note its own id in the front matter; use an "informant" attribute to join notes of one informant.',
      });
      failed.push(shown);
      continue;
    }
    byId.set(document.id, shown);
    kept.push(file as F & { document: Document });
  }
  const sorted = sortByIds(kept, (f) => f.document.id);
  const segments: Segment[] = [];
  // The segments are this function's own (parseNote made them for it), so each gets its index in
  // place rather than as a copy; `index` still comes last, as in { ...s, index }.
  for (const p of sorted) {
    for (const s of p.segments) {
      (s as Segment).index = segments.length;
      segments.push(s as Segment);
    }
  }
  return {
    corpus: { documents: sorted.map((p) => p.document), segments, unit: options.unit },
    diagnostics,
    failed,
    kept: sorted,
  };
}

/**
 * Locale-independent order, the same on every machine: "informant-2" before "informant-10", and
 * letters as a Norwegian reader sorts them: case aside at first, æ ø å after z («Bergen»,
 * «Østre», «Ålesund»; «aust» before «Vest»).
 */
export function compareIds(a: string, b: string): number {
  return compareIdParts(idParts(a), idParts(b), a, b);
}

/** An id cut into runs of digits and of other characters, for compareIdParts. */
function idParts(id: string): string[] {
  return id.match(/(\d+)|(\D+)/g) ?? [];
}

function compareIdParts(pa: readonly string[], pb: readonly string[], a: string, b: string): number {
  // Case decides only when all else is equal: «Informant-1» after «a», before «informant-2».
  let byCase = 0;
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x) && /^\d/.test(y);
    if (nx && Number(x) !== Number(y)) return Number(x) - Number(y);
    const d = compareLetters(x, y);
    if (d !== 0) return d;
    if (byCase === 0) byCase = x < y ? -1 : 1;
  }
  return pa.length - pb.length || byCase || (a < b ? -1 : a > b ? 1 : 0);
}

/** Two texts by Norwegian alphabetical order of their letters, case aside (0 when only case differs). */
function compareLetters(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = letterRank(x.charCodeAt(i)) - letterRank(y.charCodeAt(i));
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** A character's place: lower case for upper case, æ ø å right after z, é as e, ü as y, ä as æ, ö as ø. */
function letterRank(c: number): number {
  return c < 256 ? RANKS[c]! : c;
}

const RANKS = (() => {
  const ranks = new Float64Array(256);
  for (let c = 0; c < 256; c++) ranks[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) ranks[c] = c + 0x20;
  const like: Record<string, number> = { æ: 0x7a + 0.25, ø: 0x7a + 0.5, å: 0x7a + 0.75 };
  for (const [letters, base] of [['àáâã', 'a'], ['ç', 'c'], ['èéêë', 'e'], ['ìíîï', 'i'], ['ñ', 'n'], ['òóôõ', 'o'], ['ùúû', 'u'], ['üýÿ', 'y'], ['ä', 'æ'], ['ö', 'ø'], ['æøå', '']] as const) {
    for (const ch of letters) {
      const rank = base === '' ? like[ch]! : (like[base] ?? base.charCodeAt(0));
      ranks[ch.charCodeAt(0)] = rank;
      const upper = ch.toUpperCase().charCodeAt(0);
      if (upper < 256 && upper !== ch.charCodeAt(0)) ranks[upper] = rank;
    }
  }
  return ranks;
})();

/** Sorted by compareIds of `id(item)`, each id cut into parts once rather than at every comparison. */
export function sortByIds<T>(items: readonly T[], id: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, id: id(item), parts: idParts(id(item)) }))
    .sort((x, y) => compareIdParts(x.parts, y.parts, x.id, y.id))
    .map((x) => x.item);
}
