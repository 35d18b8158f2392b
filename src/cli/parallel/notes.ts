import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { deductiveCoder } from '../../coding/deductive.js';
import {
  assembleCorpus, failedFiles, parseNoteFiles, readNoteFiles, type LoadedCorpus, type ParsedFile,
} from '../../corpus/index.js';
import { findNoteFiles } from '../../corpus/files.js';
import type { SegmentOptions } from '../../corpus/segment.js';
import type { Codebook, Coding, Diagnostic, Segment } from '../../model.js';
import { maskNote, type HeadingCache, type MaskedCorpus } from '../../privacy/corpus.js';
import type { NameLists } from '../../privacy/detect.js';

/**
 * The front half of `themes code` for a list of note files, file by file: read, parse, mask
 * identifiers, code. Each file's work depends on that file alone, so the files can be shared
 * between two threads and the results joined in file order: the same corpus and codings either way.
 */
export interface NotesJob {
  options: SegmentOptions;
  codebooks: Codebook[];
  /** Mask identifiers (the default); false for --allow-identifiers. */
  mask: boolean;
  names?: NameLists;
}

/** One file worked through: parsed, masked and coded (codings and findings empty when it has no document). */
export interface WorkedFile extends ParsedFile {
  codings: Coding[];
  findings: MaskedCorpus['findings'];
}

/** What a thread gives back for its share of the files, in file order. */
export interface WorkedShare {
  diagnostics: Diagnostic[];
  failed: string[];
  files: WorkedFile[];
}

export interface WorkedCorpus extends LoadedCorpus {
  codings: Coding[];
  findings: MaskedCorpus['findings'];
}

/** Read, parse, mask and code `files` (absolute paths) in order. `onFile` is told after each file. */
export function workFiles(files: readonly string[], cwd: string, job: NotesJob, onFile: (done: number) => void = () => {}): WorkedShare {
  const code = deductiveCoder(job.codebooks);
  const headings: HeadingCache = new Map();
  const diagnostics: Diagnostic[] = [];
  const failed: string[] = [];
  const worked: WorkedFile[] = [];
  // Word files are read first and converted in one batch (in a worker of their own). A text file
  // is read just before it is worked on, so its bytes are garbage soon after instead of being
  // held for the whole share.
  const words = new Map(files.filter(isDocx).map((f) => [f, readNoteFiles([f], cwd)]));
  const wordFiles = [...words.values()].flatMap((r) => r.files);
  const converted = new Map(parseNoteFiles(wordFiles, job.options).map((p) => [p.shown, p]));
  files.forEach((file, i) => {
    const read = words.get(file) ?? readNoteFiles([file], cwd);
    diagnostics.push(...read.diagnostics);
    failed.push(...read.failed);
    const note = read.files[0];
    if (note) worked.push(workParsed(converted.get(note.shown) ?? parseNoteFiles([note], job.options)[0]!, job, code, headings));
    onFile(i + 1);
  });
  return { diagnostics, failed, files: worked };
}

function workParsed(parsed: ParsedFile, job: NotesJob, code: ReturnType<typeof deductiveCoder>, headings: HeadingCache): WorkedFile {
  if (!parsed.document) return { ...parsed, codings: [], findings: [] };
  let { document, segments } = parsed;
  let findings: WorkedFile['findings'] = [];
  if (job.mask) {
    // Masked before coding, so no output (quotes, segments, evidence) can carry an identifier.
    const masked = maskNote(document, segments as Segment[], job.names, headings);
    document = masked.document;
    segments = masked.segments;
    findings = masked.findings.map((f) => ({ ...f, document: document.id }));
  }
  return { ...parsed, document, segments, codings: code({ documents: [document], segments }), findings };
}

/**
 * A share as posted between threads. Copying a hundred thousand segment objects one by one costs
 * more than a second, so segments travel as columns: their numbers in one typed array (moved,
 * not copied), their ids in one list, and headings and speakers as indices into small tables.
 * Their texts do not travel at all: each is a slice of its document's text, cut again on arrival.
 */
export interface PackedShare {
  diagnostics: Diagnostic[];
  failed: string[];
  /** The files without their segments. */
  files: Array<Omit<WorkedFile, 'segments'> & { segmentCount: number }>;
  ids: string[];
  /** Per segment: line, start, end, role, speaker (-1: none), headings (indices into the tables). */
  numbers: Int32Array;
  strings: string[];
  headingLists: string[][];
}

const COLUMNS = 6;
const ROLES: readonly Segment['role'][] = ['interviewer', 'informant'];

export function packShare(share: WorkedShare): PackedShare {
  const segments = share.files.flatMap((f) => f.segments);
  const numbers = new Int32Array(segments.length * COLUMNS);
  const strings = new Map<string, number>();
  const lists = new Map<string, number>();
  // Segments of one part of a note share one headings array: known arrays skip the key.
  const known = new Map<readonly string[], number>();
  const stringRef = (v: string) => strings.get(v) ?? (strings.set(v, strings.size), strings.size - 1);
  const listRef = (v: readonly string[]) => {
    let ref = known.get(v);
    if (ref === undefined) {
      const key = JSON.stringify(v);
      ref = lists.get(key) ?? (lists.set(key, lists.size), lists.size - 1);
      known.set(v, ref);
    }
    return ref;
  };
  segments.forEach((s, i) => {
    const at = i * COLUMNS;
    numbers[at] = s.line;
    numbers[at + 1] = s.start;
    numbers[at + 2] = s.end;
    numbers[at + 3] = ROLES.indexOf(s.role);
    numbers[at + 4] = s.speaker === undefined ? -1 : stringRef(s.speaker);
    numbers[at + 5] = listRef(s.headings);
  });
  return {
    diagnostics: share.diagnostics,
    failed: share.failed,
    files: share.files.map(({ segments: fileSegments, ...rest }) => ({ ...rest, segmentCount: fileSegments.length })),
    ids: segments.map((s) => s.id),
    numbers,
    strings: [...strings.keys()],
    headingLists: [...lists.keys()].map((k) => JSON.parse(k) as string[]),
  };
}

/** The share again, segments as parseNote and maskNote make them (same keys in the same order). */
export function unpackShare(packed: PackedShare): WorkedShare {
  const { numbers, ids, strings, headingLists } = packed;
  let i = 0;
  const files = packed.files.map(({ segmentCount, ...file }) => {
    const segments: WorkedFile['segments'] = [];
    const text = file.document?.text ?? '';
    const document = file.document?.id ?? '';
    for (const last = i + segmentCount; i < last; i++) {
      const at = i * COLUMNS;
      const id = ids[i]!;
      const line = numbers[at]!;
      const start = numbers[at + 1]!;
      const end = numbers[at + 2]!;
      const role = ROLES[numbers[at + 3]!]!;
      const speaker = numbers[at + 4]!;
      // Segments under one heading share its list, as parseNote makes them.
      const headings = headingLists[numbers[at + 5]!]!;
      // Plain literals, not spreads: a spread in this loop costs microseconds per segment.
      segments.push(speaker < 0
        ? { id, document, line, start, end, role, headings, text: text.slice(start, end) }
        : { id, document, line, start, end, speaker: strings[speaker]!, role, headings, text: text.slice(start, end) });
    }
    return { ...file, segments };
  });
  return { diagnostics: packed.diagnostics, failed: packed.failed, files };
}

/** Join the shares of the threads (in file order) into one corpus with its codings. */
export function joinShares(shares: readonly WorkedShare[], options: SegmentOptions, found: Diagnostic[]): WorkedCorpus {
  const diagnostics = [...found, ...shares.flatMap((s) => s.diagnostics)];
  const failed = [...failedFiles(found), ...shares.flatMap((s) => s.failed)];
  const { kept, ...loaded } = assembleCorpus(shares.flatMap((s) => s.files), options, diagnostics, failed);
  return { ...loaded, codings: kept.flatMap((f) => f.codings), findings: kept.flatMap((f) => f.findings) };
}

/**
 * Below this many bytes of notes (about two million words), one thread is faster: a worker costs
 * a fresh V8 isolate, our modules, the codebooks compiled again, and packing and posting its
 * results (measured with bench/run.js: 1M words 1.7 s in one thread against 2.1 s in two, 3M words
 * 3.3 s against 2.75 s).
 */
export const PARALLEL_MIN_BYTES = 20_000_000;

/** `auto`: a worker for large corpora on machines with two or more cores; `never`; `always` (tests). */
export type ThreadPolicy = 'auto' | 'never' | 'always';

/** THEMES_THREADS=1 works in one thread, THEMES_THREADS=2 always uses a worker; unset means auto. */
export function threadPolicy(env: Record<string, string | undefined>): ThreadPolicy {
  const v = env.THEMES_THREADS;
  return v === '1' ? 'never' : v === '2' ? 'always' : 'auto';
}

const workerFile = fileURLToPath(new URL('./notes-worker.js', import.meta.url));

export interface WorkerData {
  files: string[];
  cwd: string;
  /** The job arrives on this port as the first message (see NotesPlan.run). */
  port: MessagePort;
  /** 0 = waiting for the job, 1 = working, 2 = reply posted. */
  flag: Int32Array;
}

export type WorkerReply = { ok: true; share: PackedShare } | { ok: false; error: string };

/** Note files found and shared out between the threads, with the worker (if any) already starting up. */
export interface NotesPlan {
  /** Work through the files with `job`: the worker's share goes to it, the rest is worked here. */
  run(job: NotesJob, onProgress?: (done: number, total: number) => void): WorkedCorpus;
  /** Stop the worker; runs are over. */
  close(): void;
}

/**
 * Find the notes under `paths` and, for a large corpus, start a worker thread for the last part
 * of the files (text files only) at once: it loads its modules while this thread loads the
 * codebooks, and gets its job when run() is called. Synchronous, like the rest of the pipeline:
 * run() waits for the worker on a shared flag and takes its reply with receiveMessageOnPort.
 * Whatever goes wrong in the worker, its files are worked here instead.
 */
export function planNotes(paths: readonly string[], cwd: string, policy: ThreadPolicy = 'auto', stats: { threads?: number } = {}): NotesPlan {
  const found = findNoteFiles(paths, cwd);
  const files = found.files;
  const sizes = files.map(sizeOf);
  const total = sizes.reduce((a, b) => a + b, 0);
  const cut = workerCut(files, sizes);
  const useWorker = cut < files.length && existsSync(workerFile)
    && (policy === 'always' || (policy === 'auto' && total >= PARALLEL_MIN_BYTES && availableParallelism() >= 2));
  stats.threads = 1;
  if (!useWorker) {
    return {
      run: (job, onProgress = () => {}) =>
        joinShares([workFiles(files, cwd, job, (done) => onProgress(done, files.length))], job.options, found.diagnostics),
      close() {},
    };
  }
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const data: Omit<WorkerData, 'port'> & { port: unknown } = { files: files.slice(cut), cwd, port: port2, flag };
  const worker = new Worker(workerFile, { workerData: data, transferList: [port2] });
  const close = () => {
    port1.close();
    void worker.terminate();
  };
  return {
    run(job, onProgress = () => {}) {
      if (job.codebooks.length === 0) return joinShares([workFiles(files, cwd, job)], job.options, found.diagnostics);
      port1.postMessage(job);
      const head = workFiles(files.slice(0, cut), cwd, job, (done) => onProgress(done, cut));
      const reply = awaitReply(flag, port1);
      const tail = reply?.ok ? unpackShare(reply.share) : workFiles(files.slice(cut), cwd, job);
      if (reply?.ok) stats.threads = 2;
      onProgress(files.length, files.length);
      return joinShares([head, tail], job.options, found.diagnostics);
    },
    close,
  };
}

/** planNotes, run and close in one. */
export function workNotes(
  paths: readonly string[], cwd: string, job: NotesJob, policy: ThreadPolicy = 'auto', stats: { threads?: number } = {},
  onProgress: (done: number, total: number) => void = () => {},
): WorkedCorpus {
  const plan = planNotes(paths, cwd, policy, stats);
  try {
    return plan.run(job, onProgress);
  } finally {
    plan.close();
  }
}

/**
 * Where the worker's share begins: it takes the last files, a little less than half of the bytes
 * (it starts later, loading its modules, and must pack and post its results before this thread
 * can join them), and at least one file, but no Word files (those are converted in a worker of
 * their own). files.length: no share for a worker.
 */
function workerCut(files: readonly string[], sizes: readonly number[]): number {
  const total = sizes.reduce((a, b) => a + b, 0);
  let cut = files.length;
  for (let tail = 0; cut > 1 && tail + sizes[cut - 1]! <= total * 0.45 && !isDocx(files[cut - 1]!); cut--) tail += sizes[cut - 1]!;
  if (cut === files.length && files.length >= 2 && !isDocx(files[cut - 1]!)) cut--;
  return cut;
}

/** Wait for the worker's reply. A worker that has not even started within 20 s (a broken install) is given up on. */
function awaitReply(flag: Int32Array, port: MessagePort): WorkerReply | undefined {
  if (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 20_000);
  if (Atomics.load(flag, 0) === 0) return undefined;
  while (Atomics.load(flag, 0) !== 2) Atomics.wait(flag, 0, 1);
  return receiveMessageOnPort(port)?.message as WorkerReply | undefined;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function isDocx(file: string): boolean {
  return file.toLowerCase().endsWith('.docx');
}
