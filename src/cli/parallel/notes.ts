import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { deductiveCoder } from '../../coding/deductive.js';
import {
  assembleCorpus, failedFiles, parseNoteFiles, readNoteFiles, type LoadedCorpus, type ParsedFile,
} from '../../corpus/index.js';
import { findNoteFiles, isDocx } from '../../corpus/files.js';
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

/** What working one note file gives: its place in the file list, what reading it reported, and the worked file if it could be read. */
export interface WorkedNote {
  index: number;
  diagnostics: Diagnostic[];
  failed: string[];
  file?: WorkedFile;
}

export interface WorkedCorpus extends LoadedCorpus {
  codings: Coding[];
  findings: MaskedCorpus['findings'];
}

/**
 * Works note files one at a time: read, parse, mask, code. One coder serves every note, so the
 * word forms it has looked up stay known from one note to the next. A text file is read just
 * before it is worked on, so its bytes are garbage soon after instead of being held for the whole
 * share; Word files are converted in one batch first (in a worker of their own, see convertWords).
 */
export class NoteWork {
  private readonly code: ReturnType<typeof deductiveCoder>;
  private readonly headings: HeadingCache = new Map();
  private readonly words = new Map<string, { read: ReturnType<typeof readNoteFiles>; parsed?: ParsedFile }>();

  constructor(private readonly cwd: string, private readonly job: NotesJob) {
    this.code = deductiveCoder(job.codebooks);
  }

  /** Read and convert the Word files among `files` in one batch, ahead of note(). */
  convertWords(files: readonly string[]): void {
    const words = files.filter(isDocx).map((file) => ({ file, read: readNoteFiles([file], this.cwd) }));
    const parsed = new Map(parseNoteFiles(words.flatMap((w) => w.read.files), this.job.options).map((p) => [p.shown, p]));
    for (const { file, read } of words) this.words.set(file, { read, parsed: read.files[0] && parsed.get(read.files[0].shown) });
  }

  /** Work one file (an absolute path); `index` is its place in the file list. */
  note(file: string, index: number): WorkedNote {
    const word = this.words.get(file);
    const read = word?.read ?? readNoteFiles([file], this.cwd);
    const note = read.files[0];
    const parsed = note && (word?.parsed ?? parseNoteFiles([note], this.job.options)[0]!);
    return { index, diagnostics: read.diagnostics, failed: read.failed, ...(parsed ? { file: this.worked(parsed) } : {}) };
  }

  private worked(parsed: ParsedFile): WorkedFile {
    if (!parsed.document) return { ...parsed, codings: [], findings: [] };
    let { document, segments } = parsed;
    let findings: WorkedFile['findings'] = [];
    if (this.job.mask) {
      // Masked before coding, so no output (quotes, segments, evidence) can carry an identifier.
      const masked = maskNote(document, segments as Segment[], this.job.names, this.headings);
      document = masked.document;
      segments = masked.segments;
      findings = masked.findings.map((f) => ({ ...f, document: document.id }));
    }
    return { ...parsed, document, segments, codings: this.code({ documents: [document], segments }), findings };
  }
}

/** Read, parse, mask and code `files` (absolute paths) in order. `onFile` is told after each file. */
export function workFiles(files: readonly string[], cwd: string, job: NotesJob, onFile: (done: number) => void = () => {}): WorkedNote[] {
  const work = new NoteWork(cwd, job);
  work.convertWords(files);
  return files.map((file, i) => {
    const note = work.note(file, i);
    onFile(i + 1);
    return note;
  });
}

/**
 * Worked notes as posted between threads. Copying a hundred thousand segment objects one by one
 * costs more than a second, so segments travel as columns: their numbers in one typed array
 * (moved, not copied), their ids in one list, and headings and speakers as indices into small
 * tables. Their texts do not travel at all: each is a slice of its document's text, cut again on arrival.
 */
export interface PackedNotes {
  /** The notes, their files without segments. */
  notes: Array<Omit<WorkedNote, 'file'> & { file?: Omit<WorkedFile, 'segments'> & { segmentCount: number } }>;
  ids: string[];
  /** Per segment: line, start, end, role, speaker (-1: none), headings (indices into the tables). */
  numbers: Int32Array;
  strings: string[];
  headingLists: string[][];
}

const COLUMNS = 6;
const ROLES: readonly Segment['role'][] = ['interviewer', 'informant'];

export function packNotes(notes: readonly WorkedNote[]): PackedNotes {
  const segments = notes.flatMap((n) => n.file?.segments ?? []);
  const numbers = new Int32Array(segments.length * COLUMNS);
  const strings = new Map<string, number>();
  const lists = new Map<string, number>();
  // Segments under one heading share one headings array: known arrays skip the key.
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
    notes: notes.map(({ file, ...note }) => {
      if (!file) return note;
      const { segments: fileSegments, ...rest } = file;
      return { ...note, file: { ...rest, segmentCount: fileSegments.length } };
    }),
    ids: segments.map((s) => s.id),
    numbers,
    strings: [...strings.keys()],
    headingLists: [...lists.keys()].map((k) => JSON.parse(k) as string[]),
  };
}

/** The notes again, segments as parseNote and maskNote make them (same keys in the same order). */
export function unpackNotes(packed: PackedNotes): WorkedNote[] {
  const { numbers, ids, strings, headingLists } = packed;
  let i = 0;
  return packed.notes.map(({ file: packedFile, ...note }) => {
    if (!packedFile) return note;
    const { segmentCount, ...file } = packedFile;
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
    return { ...note, file: { ...file, segments } };
  });
}

/** The worked notes of all threads, put back in file order, as one corpus with its codings. */
export function joinNotes(notes: readonly WorkedNote[], options: SegmentOptions, found: Diagnostic[]): WorkedCorpus {
  const ordered = [...notes].sort((a, b) => a.index - b.index);
  const diagnostics = [...found, ...ordered.flatMap((n) => n.diagnostics)];
  const failed = [...failedFiles(found), ...ordered.flatMap((n) => n.failed)];
  const files = ordered.flatMap((n) => (n.file ? [n.file] : []));
  const { kept, ...loaded } = assembleCorpus(files, options, diagnostics, failed);
  return { ...loaded, codings: kept.flatMap((f) => f.codings), findings: kept.flatMap((f) => f.findings) };
}

/**
 * Below this many bytes of notes (about three million words), one thread is as fast or faster: a
 * worker costs a fresh V8 isolate, our modules, the codebooks compiled again (about 1.2 s of CPU),
 * and packing and posting its results. Measured with `themes code --format csv` on the bench
 * corpora: 1M words 1.75 s in one thread against 2.2 s in two, 3M words 2.9-3.1 s against
 * 2.9-3.2 s, 10M words 6.4 s against 5.2 s.
 */
export const PARALLEL_MIN_BYTES = 30_000_000;

/** `auto`: a worker for large corpora on machines with two or more cores; `never`; `always` (tests). */
export type ThreadPolicy = 'auto' | 'never' | 'always';

/** THEMES_THREADS=1 works in one thread, THEMES_THREADS=2 always uses a worker; unset means auto. */
export function threadPolicy(env: Record<string, string | undefined>): ThreadPolicy {
  const v = env.THEMES_THREADS;
  return v === '1' ? 'never' : v === '2' ? 'always' : 'auto';
}

const workerFile = fileURLToPath(new URL('./notes-worker.js', import.meta.url));

/** Who has a file, in WorkerData.claims. */
export const FREE = 0;
export const HERE = 1;
export const WORKER = 2;

/** How the files are shared out; the defaults suit real runs, tests set them to reach every path. */
export interface Sharing {
  /** Files at the end of the list that are the worker's from the start (default 1: a run asked to use two threads does). */
  reserve?: number;
  /** Characters of notes per batch the worker posts (default about 4 % of a 10M-word corpus). */
  batchChars?: number;
  /** Tests only: the worker fails after this many notes, as a broken one would. */
  failAfter?: number;
}

/** Threads used, and how many files the worker worked. */
export interface ShareStats {
  threads?: number;
  workerNotes?: number;
}

/** What the threads share, besides the files. */
export interface WorkerData {
  /** All the files: the worker takes them from the end. */
  files: string[];
  cwd: string;
  /** The job arrives on this port as the first message (see NotesPlan.run); batches of worked notes go back on it. */
  port: MessagePort;
  /** Per file: FREE, HERE (the main thread's) or WORKER. A thread claims a file by changing FREE to its own mark. */
  claims: Int32Array;
  /** [0]: the worker's state (0 waiting for the job, 1 working, 2 finished); [1]: messages it has posted. */
  state: Int32Array;
  batchChars: number;
  failAfter?: number;
}

/** A batch of the worker's notes; the last one says `done`. */
export type WorkerMessage =
  | { ok: true; done: boolean; notes: PackedNotes }
  | { ok: false; done: true; error: string };

/** Note files found and shared out between the threads, with the worker (if any) already starting up. */
export interface NotesPlan {
  /** Work through the files with `job`, on both threads when there is a worker. */
  run(job: NotesJob, onProgress?: (done: number, total: number) => void): WorkedCorpus;
  /** Stop the worker; runs are over. */
  close(): void;
}

/**
 * Find the notes under `paths` and, for a large corpus, start a worker thread at once: it loads
 * its modules while this thread loads the codebooks, and gets its job when run() is called.
 *
 * The threads share the files as they go: this thread claims them from the start of the list,
 * the worker from the end, one file at a time, until they meet. So both finish at about the same
 * time whatever else the machine is doing. Word files, and every file before the last of them,
 * are this thread's (they are converted in a worker of their own); the last file is the worker's.
 * The worker posts its notes in batches, which this thread takes in between its own files, so
 * little is left to take in once both are done. Results are joined in file order, the same as in
 * one thread. Synchronous, like the rest of the pipeline: run() waits on shared memory and takes
 * messages with receiveMessageOnPort. Whatever goes wrong in the worker, its files are worked here instead.
 */
export function planNotes(paths: readonly string[], cwd: string, policy: ThreadPolicy = 'auto', stats: ShareStats = {}, sharing: Sharing = {}): NotesPlan {
  const found = findNoteFiles(paths, cwd);
  const files = found.files;
  const large = policy === 'auto' && atLeastBytes(files, PARALLEL_MIN_BYTES);
  // Files up to the last Word file are this thread's; the worker can have the ones after it.
  const shared = files.findLastIndex(isDocx) + 1;
  const useWorker = shared < files.length && files.length >= 2 && existsSync(workerFile)
    && (policy === 'always' || (large && availableParallelism() >= 2));
  stats.threads = 1;
  stats.workerNotes = 0;
  if (!useWorker) {
    return {
      run: (job, onProgress = () => {}) =>
        joinNotes(workFiles(files, cwd, job, (done) => onProgress(done, files.length)), job.options, found.diagnostics),
      close() {},
    };
  }
  const { port1, port2 } = new MessageChannel();
  const claims = new Int32Array(new SharedArrayBuffer(4 * files.length));
  claims.fill(HERE, 0, shared);
  claims.fill(WORKER, Math.max(shared, files.length - (sharing.reserve ?? 1)));
  const state = new Int32Array(new SharedArrayBuffer(8));
  const data: Omit<WorkerData, 'port'> & { port: unknown } = {
    files, cwd, port: port2, claims, state, batchChars: sharing.batchChars ?? 4_000_000,
    ...(sharing.failAfter !== undefined ? { failAfter: sharing.failAfter } : {}),
  };
  const worker = new Worker(workerFile, { workerData: data, transferList: [port2] });
  const close = () => {
    port1.close();
    void worker.terminate();
  };
  return {
    run(job, onProgress = () => {}) {
      if (job.codebooks.length === 0) return joinNotes(workFiles(files, cwd, job), job.options, found.diagnostics);
      port1.postMessage(job);
      const work = new NoteWork(cwd, job);
      const notes: WorkedNote[] = [];
      let done = false;
      let ok = true;
      const take = (message: WorkerMessage) => {
        if (message.ok) notes.push(...unpackNotes(message.notes));
        else ok = false;
        done = message.done;
      };
      const step = (note: WorkedNote) => {
        notes.push(note);
        for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) take(m.message as WorkerMessage);
        onProgress(notes.length, files.length);
      };
      work.convertWords(files.slice(0, shared));
      for (let i = 0; i < shared; i++) step(work.note(files[i]!, i));
      for (let i = shared; i < files.length && Atomics.compareExchange(claims, i, FREE, HERE) === FREE; i++) step(work.note(files[i]!, i));
      if (!done) awaitWorker(state, port1, take);
      if (done && ok) {
        stats.threads = 2;
        stats.workerNotes = notes.length - claims.filter((c) => c === HERE).length;
      } else {
        // A worker that failed or never started: the files it has not posted are worked here.
        const have = new Set(notes.map((n) => n.index));
        for (let i = 0; i < files.length; i++) if (!have.has(i)) notes.push(work.note(files[i]!, i));
      }
      onProgress(files.length, files.length);
      return joinNotes(notes, job.options, found.diagnostics);
    },
    close,
  };
}

/** planNotes, run and close in one. */
export function workNotes(
  paths: readonly string[], cwd: string, job: NotesJob, policy: ThreadPolicy = 'auto', stats: ShareStats = {},
  onProgress: (done: number, total: number) => void = () => {}, sharing: Sharing = {},
): WorkedCorpus {
  const plan = planNotes(paths, cwd, policy, stats, sharing);
  try {
    return plan.run(job, onProgress);
  } finally {
    plan.close();
  }
}

/** Take the worker's messages up to its last one. A worker that has not even started within 20 s (a broken install) is given up on. */
function awaitWorker(state: Int32Array, port: MessagePort, take: (message: WorkerMessage) => void): void {
  if (Atomics.load(state, 0) === 0) Atomics.wait(state, 0, 0, 20_000);
  if (Atomics.load(state, 0) === 0) return;
  for (;;) {
    // Read the count before looking: a message posted after the look changes the count, so the wait cannot miss it.
    const posted = Atomics.load(state, 1);
    const m = receiveMessageOnPort(port);
    if (m) {
      const message = m.message as WorkerMessage;
      take(message);
      if (message.done) return;
    } else Atomics.wait(state, 1, posted);
  }
}

/** Whether the files hold at least `bytes` (they are looked at only until they do). */
function atLeastBytes(files: readonly string[], bytes: number): boolean {
  let total = 0;
  for (const file of files) {
    try {
      total += statSync(file).size;
    } catch {
      // Reading it will report it.
    }
    if (total >= bytes) return true;
  }
  return false;
}
