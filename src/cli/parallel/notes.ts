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
import { UserError } from '../errors.js';
import { readCodebooks } from '../load.js';
import { maskNote, type HeadingCache, type MaskedCorpus } from '../../privacy/corpus.js';
import type { NameLists } from '../../privacy/detect.js';
import { codeJobOf, withSegmentIds, type CodedNote, type CodeJob } from './code-job.js';

/**
 * The front half of `themes code` for a list of note files, file by file: read, parse, mask
 * identifiers, code. Coding a note depends on that note alone, so it can be done on another
 * thread and the results joined in file order: the same corpus and codings either way.
 */
export interface ReadingJob {
  options: SegmentOptions;
  /** Mask identifiers (the default); false for --allow-identifiers. */
  mask: boolean;
  names?: NameLists;
}

export interface NotesJob extends ReadingJob {
  codebooks: readonly Codebook[];
}

/** Codebooks read and checked, with their warnings (see readCodebooks). */
export type ReadBooks = ReturnType<typeof readCodebooks>;

/** One file worked through: parsed, masked and coded (codings and findings empty when it has no document). */
export interface WorkedFile extends ParsedFile {
  codings: Coding[];
  findings: MaskedCorpus['findings'];
}

/** What working one note file gives: what reading it reported, and the worked file if it could be read. */
export interface WorkedNote {
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
 * run; Word files are converted in one batch first (in a worker of their own, see convertWords).
 */
export class NoteWork {
  private code: ReturnType<typeof deductiveCoder> | undefined;
  private readonly headings: HeadingCache = new Map();
  private readonly words = new Map<string, { read: ReturnType<typeof readNoteFiles>; parsed?: ParsedFile }>();

  /** `codebooks` is asked for when the first note is coded here: a thread that codes none never needs them. */
  constructor(private readonly cwd: string, private readonly job: ReadingJob, private readonly codebooks: () => readonly Codebook[]) {}

  /** Read and convert the Word files among `files` in one batch, ahead of note(). */
  convertWords(files: readonly string[]): void {
    const words = files.filter(isDocx).map((file) => ({ file, read: readNoteFiles([file], this.cwd) }));
    const parsed = new Map(parseNoteFiles(words.flatMap((w) => w.read.files), this.job.options).map((p) => [p.shown, p]));
    for (const { file, read } of words) this.words.set(file, { read, parsed: read.files[0] && parsed.get(read.files[0].shown) });
  }

  /** Work one file (an absolute path). */
  note(file: string): WorkedNote {
    const note = this.prepare(file);
    if (note.file) note.file.codings = this.codeFile(note.file);
    return note;
  }

  /** Read, parse and mask one file, leaving its codings empty: codeFile here, or the worker (see CodeJob), fills them in. */
  prepare(file: string): WorkedNote {
    const word = this.words.get(file);
    const read = word?.read ?? readNoteFiles([file], this.cwd);
    const note = read.files[0];
    const parsed = note && (word?.parsed ?? parseNoteFiles([note], this.job.options)[0]!);
    return { diagnostics: read.diagnostics, failed: read.failed, ...(parsed ? { file: this.masked(parsed) } : {}) };
  }

  /** The codings of a prepared file (none when it has no document). */
  codeFile(file: WorkedFile): Coding[] {
    if (!file.document) return [];
    this.code ??= deductiveCoder(this.codebooks());
    return this.code({ documents: [file.document], segments: file.segments });
  }

  private masked(parsed: ParsedFile): WorkedFile {
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
    return { ...parsed, document, segments, codings: [], findings };
  }
}

/** Read, parse, mask and code `files` (absolute paths) in order. `onFile` is told after each file. */
export function workFiles(files: readonly string[], cwd: string, job: NotesJob, onFile: (done: number) => void = () => {}): WorkedNote[] {
  const work = new NoteWork(cwd, job, () => job.codebooks);
  work.convertWords(files);
  return files.map((file, i) => {
    const note = work.note(file);
    onFile(i + 1);
    return note;
  });
}

/** The worked notes, in file order, as one corpus with its codings. */
export function joinNotes(ordered: readonly WorkedNote[], options: SegmentOptions, found: Diagnostic[]): WorkedCorpus {
  const diagnostics = [...found, ...ordered.flatMap((n) => n.diagnostics)];
  const failed = [...failedFiles(found), ...ordered.flatMap((n) => n.failed)];
  const files = ordered.flatMap((n) => (n.file ? [n.file] : []));
  const { kept, ...loaded } = assembleCorpus(files, options, diagnostics, failed);
  return { ...loaded, codings: kept.flatMap((f) => f.codings), findings: kept.flatMap((f) => f.findings) };
}

/**
 * Below this many bytes of notes (about three million words), one thread is as fast or faster: a
 * worker costs a fresh V8 isolate, the coding modules, the codebooks compiled again and warmed up,
 * and posting every note's text to it. Measured with `themes code --format csv` on the bench
 * corpora on 6 December 2026: 1M words (9 MB) 1.14-1.25 s in one thread against 1.27-1.34 s
 * with the worker, 3M words (28 MB) 1.84-1.90 s against 1.80-1.84 s, 10M words about 4.6 s
 * against 3.8-4.1 s.
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

/** How work is shared with the worker; the defaults suit real runs, tests set them to reach every path. */
export interface Sharing {
  /**
   * Characters of notes that may wait in the worker for coding (default 8 million, about a tenth
   * of a 10M-word corpus), besides those sent while it was starting. Beyond that the worker is not
   * keeping up, and this thread codes the next note itself. 0: it codes them all.
   */
  backlog?: number;
  /**
   * Milliseconds this thread waits at the end without any sign of progress from the worker
   * (default 60 s: far longer than coding any note takes) before it codes the waiting notes itself.
   */
  patience?: number;
  /** Tests only: the worker fails after coding this many notes, as a broken one would. */
  failAfter?: number;
  /** Tests only: the worker fails before it has read the codebooks. */
  failReading?: boolean;
  /** Tests only: the worker stops, silently, after coding this many notes, as a stuck or killed one would. */
  hangAfter?: number;
  /** Tests only: the worker codes nothing until this thread has prepared every note, as a worker on a far slower core would. */
  hold?: boolean;
  /** Tests only: this thread waits for the worker's codebooks before its first note (they come at a time of their own otherwise). */
  awaitBooks?: boolean;
  /** Tests only: with `hold`, the worker posts its codebooks only when let go, too. */
  holdBooks?: boolean;
  /**
   * Tests only: the worker posts its codebooks once this many notes have been sent to it, and
   * this thread waits for them right after sending that many, as when a worker starts slowly.
   */
  booksAfter?: number;
}

/** Threads used, and how many notes the worker coded. */
export interface ShareStats {
  threads?: number;
  workerCoded?: number;
}

/** What the worker is given when it starts. */
export interface WorkerData {
  /** The notes to code arrive on this port (MainMessage); the codebooks and codings go back on it (WorkerMessage). */
  port: MessagePort;
  /** The codebook files, read by the worker first (as readCodebooks reads them, from `cwd`). */
  codebooks: readonly string[];
  cwd: string;
  /**
   * [0]: the worker's state (0 reading the codebooks, 1 working, 2 finished); [1]: messages it
   * has posted; [2]: notes it has coded; [3]: messages this thread has posted; [4]: 1 while the
   * worker is to hold off (Sharing.hold).
   */
  state: Int32Array;
  failAfter?: number;
  failReading?: boolean;
  holdBooks?: boolean;
  booksAfter?: number;
  hangAfter?: number;
}

/** What the main thread posts: a note to code, or the word that no more will come. */
export type MainMessage = { kind: 'code'; job: CodeJob } | { kind: 'end' };

/**
 * What the worker posts: the codebooks it read (first), or the errors that stop the run when they
 * cannot be used; batches of codings (CodedNote), the last one `done`; or that it failed.
 */
export type WorkerMessage =
  | { kind: 'books'; books: ReadBooks }
  | { kind: 'refused'; diagnostics: Diagnostic[]; exitCode: number }
  | { kind: 'coded'; done: boolean; coded: CodedNote[] }
  | { kind: 'failed'; error: string };

/** Note files found, with the worker (if any) already starting up. */
export interface NotesPlan {
  /**
   * Read the codebooks and work through the files with `job`: the codebooks read (errors in them
   * stop the run, as readCodebooks says), and the notes read, masked and coded.
   */
  run(job: ReadingJob, onProgress?: (done: number, total: number) => void): WorkedCorpus & { books: ReadBooks };
  /** Stop the worker; runs are over. */
  close(): void;
}

/**
 * Find the notes under `paths` and, for a large corpus, start a worker thread at once: it reads
 * the codebooks `codebookFiles` while this thread reads the first notes.
 *
 * With a worker, the two threads form a pipeline. This thread reads, parses and masks each note
 * in file order, and keeps it (the report needs them all); the worker codes them. A note goes
 * to the worker as its masked text, language and segment bounds, and only its codings come back.
 * While the worker keeps up, this thread sends it every note; when Sharing.backlog characters
 * are waiting there, this thread codes the next note itself, so neither thread waits long for
 * the other whichever core is the faster, and the notes waiting take little memory. The
 * codebooks are read once, by the worker, which posts them here once it has compiled its coder
 * (until then, every note goes to it): this thread needs them only for
 * the notes it codes and for the report, and does not wait for them before it starts on the notes.
 *
 * (The two threads once shared the files, each working its own notes whole. That took more CPU
 * and more time here: each thread compiled and warmed up all of the pipeline, and the worker's
 * notes were built twice, there and here.)
 *
 * Synchronous, like the rest of the pipeline: both threads wait on shared memory and take
 * messages with receiveMessageOnPort. Results are joined in file order, the same as in one
 * thread. Whatever goes wrong in the worker, the notes it has not coded are coded here, and the
 * codebooks it has not posted are read here.
 */
export function planNotes(
  paths: readonly string[], cwd: string, codebookFiles: readonly string[], policy: ThreadPolicy = 'auto', stats: ShareStats = {}, sharing: Sharing = {},
): NotesPlan {
  const found = findNoteFiles(paths, cwd);
  const files = found.files;
  const large = policy === 'auto' && atLeastBytes(files, PARALLEL_MIN_BYTES);
  const useWorker = files.length >= 2 && existsSync(workerFile) && (policy === 'always' || (large && availableParallelism() >= 2));
  stats.threads = 1;
  stats.workerCoded = 0;
  if (!useWorker) {
    return {
      run(job, onProgress = () => {}) {
        const books = readCodebooks(codebookFiles, cwd);
        const worked = workFiles(files, cwd, { ...job, codebooks: books.codebooks }, (done) => onProgress(done, files.length));
        return { ...joinNotes(worked, job.options, found.diagnostics), books };
      },
      close() {},
    };
  }
  const { port1, port2 } = new MessageChannel();
  const state = new Int32Array(new SharedArrayBuffer(20));
  const data: Omit<WorkerData, 'port'> & { port: unknown } = {
    port: port2, state, codebooks: codebookFiles, cwd,
    ...(sharing.failAfter !== undefined ? { failAfter: sharing.failAfter } : {}),
    ...(sharing.failReading ? { failReading: true } : {}),
    ...(sharing.holdBooks ? { holdBooks: true } : {}),
    ...(sharing.booksAfter !== undefined ? { booksAfter: sharing.booksAfter } : {}),
    ...(sharing.hangAfter !== undefined ? { hangAfter: sharing.hangAfter } : {}),
  };
  const worker = new Worker(workerFile, { workerData: data, transferList: [port2] });
  const close = () => {
    port1.close();
    void worker.terminate();
  };
  return {
    run(job, onProgress = () => {}) {
      let books: ReadBooks | undefined;
      let refused: UserError | undefined;
      const patience = sharing.patience ?? 60_000;
      /** The codebooks: the worker's, waited for, or read here if it fails before it posts them. */
      const codebooks = (): ReadBooks => {
        if (!books && !done) awaitWorker(state, port1, take, patience, () => books !== undefined || done);
        if (refused) throw refused;
        return (books ??= readCodebooks(codebookFiles, cwd));
      };
      const work = new NoteWork(cwd, job, () => codebooks().codebooks);
      const notes: WorkedNote[] = [];
      /** Notes sent to the worker, by file index, until their codings come back. */
      const coding = new Map<number, WorkedFile>();
      const backlog = sharing.backlog ?? 8_000_000;
      /** Characters sent before each note sent, and in all; the worker codes them in order and counts them in state[2]. */
      const charsBefore: number[] = [];
      let sentChars = 0;
      const waiting = () => sentChars - (charsBefore[Atomics.load(state, 2)] ?? sentChars);
      /** Characters sent before the worker was ready (its codebooks came): they queued while it started, and do not count against the backlog. */
      let startup = 0;
      let done = false;
      let ok = true;
      function take(message: WorkerMessage): void {
        switch (message.kind) {
          case 'books':
            books = message.books;
            startup = sentChars;
            return;
          case 'refused':
            refused = new UserError(message.diagnostics, message.exitCode);
            done = true;
            return;
          case 'coded':
            for (const { index, codings } of message.coded) {
              const file = coding.get(index)!;
              file.codings = withSegmentIds(codings, file.segments);
              coding.delete(index);
            }
            done = message.done;
            return;
          case 'failed':
            ok = false;
            done = true;
        }
      }
      const tell = (message: MainMessage, transfer: ArrayBuffer[] = []) => {
        port1.postMessage(message, transfer);
        Atomics.add(state, 3, 1);
        Atomics.notify(state, 3);
      };
      if (sharing.hold) Atomics.store(state, 4, 1);
      if (sharing.awaitBooks) codebooks();
      work.convertWords(files);
      files.forEach((path, i) => {
        // Codebooks in error stop the run as soon as the worker says so.
        if (refused) throw refused;
        const note = work.prepare(path);
        const file = note.file;
        if (file?.document) {
          // Only to a worker that has not failed, and only while it keeps up. One that is still
          // starting gets the first notes queued behind its codebooks and its coder (it posts the
          // codebooks once the coder is compiled): coding a note here before then would mean
          // waiting for the codebooks, then compiling them and warming up a coder here too.
          if (ok && !done && backlog > 0 && (books === undefined || waiting() < backlog + startup)) {
            const job = codeJobOf(i, file.document, file.segments);
            tell({ kind: 'code', job }, [job.bounds.buffer as ArrayBuffer, job.asked.buffer as ArrayBuffer]);
            coding.set(i, file);
            charsBefore.push(sentChars);
            sentChars += job.text.length;
            if (charsBefore.length === sharing.booksAfter) codebooks();
          } else file.codings = work.codeFile(file);
        }
        notes.push(note);
        for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) take(m.message as WorkerMessage);
        onProgress(i + 1, files.length);
      });
      tell({ kind: 'end' });
      Atomics.store(state, 4, 0);
      Atomics.notify(state, 4);
      const read = codebooks();
      // A worker that was sent nothing (backlog 0, or it failed before the first note) is not waited for.
      const sent = charsBefore.length;
      if (!done && sent > 0) awaitWorker(state, port1, take, patience, () => done);
      if (refused) throw refused;
      if (done && ok && sent > 0) {
        stats.threads = 2;
        stats.workerCoded = sent;
      }
      // A worker that failed or never started: the notes it did not send back are coded here.
      for (const file of coding.values()) file.codings = work.codeFile(file);
      return { ...joinNotes(notes, job.options, found.diagnostics), books: read };
    },
    close,
  };
}

/** planNotes, run and close in one. */
export function workNotes(
  paths: readonly string[], cwd: string, codebookFiles: readonly string[], job: ReadingJob, policy: ThreadPolicy = 'auto', stats: ShareStats = {},
  onProgress: (done: number, total: number) => void = () => {}, sharing: Sharing = {},
): WorkedCorpus & { books: ReadBooks } {
  const plan = planNotes(paths, cwd, codebookFiles, policy, stats, sharing);
  try {
    return plan.run(job, onProgress);
  } finally {
    plan.close();
  }
}

/**
 * Take the worker's messages until `enough` says so. A worker that has not even started within
 * 20 s (a broken install), or that codes nothing and posts nothing for `patience` milliseconds
 * once working (stuck, or killed without a word), is given up on: what it has not done is then
 * done here.
 */
function awaitWorker(state: Int32Array, port: MessagePort, take: (message: WorkerMessage) => void, patience: number, enough: () => boolean): void {
  if (enough()) return;
  if (Atomics.load(state, 0) === 0) Atomics.wait(state, 0, 0, 20_000);
  let coded = Atomics.load(state, 2);
  let quietSince = performance.now();
  for (;;) {
    // Read the count before looking: a message posted after the look changes the count, so the wait cannot miss it.
    const posted = Atomics.load(state, 1);
    const m = receiveMessageOnPort(port);
    if (m) {
      take(m.message as WorkerMessage);
      if (enough()) return;
      quietSince = performance.now();
      continue;
    }
    if (Atomics.load(state, 0) === 0) return;
    Atomics.wait(state, 1, posted, Math.min(1000, patience));
    if (Atomics.load(state, 2) !== coded) {
      coded = Atomics.load(state, 2);
      quietSince = performance.now();
    } else if (Atomics.load(state, 1) === posted && performance.now() - quietSince >= patience) return;
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
