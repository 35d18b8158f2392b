// The worker thread of planNotes: reads the codebooks, compiles its coder and posts the
// codebooks, then codes the notes the main thread sends it (see CodeJob) until told that no more
// will come, and posts the codings in batches. It imports the codebook reader and the coding
// modules, not the rest of the pipeline.
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { deductiveCoder } from '../../coding/deductive.js';
import { UserError } from '../errors.js';
import { readCodebooks } from '../load.js';
import { codeJob, type CodedNote } from './code-job.js';
import type { MainMessage, ReadBooks, WorkerData, WorkerMessage } from './notes.js';

const { port, state, codebooks: codebookFiles, cwd, failAfter, failReading, holdBooks, booksAfter, hangAfter } = workerData as WorkerData;

/**
 * Notes whose codings are posted together. The main thread needs them only at the end, and takes
 * each batch in between its notes; fewer, larger messages cost it less.
 */
const BATCH = 256;

const post = (message: WorkerMessage) => {
  port.postMessage(message);
  Atomics.add(state, 1, 1);
  Atomics.notify(state, 1);
};

/** Say that the worker is working (1) or finished (2). */
const become = (phase: 1 | 2) => {
  Atomics.store(state, 0, phase);
  Atomics.notify(state, 0);
};

/** The codebooks; undefined (and the run over here) when they are in error or cannot be read, which the main thread is told. */
function readBooks(): ReadBooks | undefined {
  try {
    if (failReading) throw new Error('failing as asked (Sharing.failReading)');
    return readCodebooks(codebookFiles, cwd);
  } catch (e) {
    if (e instanceof UserError) post({ kind: 'refused', diagnostics: e.diagnostics, exitCode: e.exitCode });
    else post({ kind: 'failed', error: (e as Error)?.stack ?? String(e) });
    return undefined;
  }
}

/** Wait while the main thread says to hold off (Sharing.hold). */
function holdOff(): void {
  while (Atomics.load(state, 4) === 1) Atomics.wait(state, 4, 1);
}

/**
 * Compile the coder, then post the codebooks: until they come, the main thread sends every note
 * here (coding one there would mean compiling the codebook on that thread too), so they say that
 * this thread is ready to code. Then code the notes as they come.
 */
function work(books: ReadBooks): void {
  try {
    const code = deductiveCoder(books.codebooks);
    if (holdBooks) holdOff();
    if (booksAfter !== undefined) for (let sent = Atomics.load(state, 3); sent < booksAfter; sent = Atomics.load(state, 3)) Atomics.wait(state, 3, sent);
    post({ kind: 'books', books });
    let coded: CodedNote[] = [];
    for (;;) {
      holdOff();
      // Read the count before looking: a message posted after the look changes it, so the wait below cannot miss it.
      const seen = Atomics.load(state, 3);
      const m = receiveMessageOnPort(port);
      if (!m) {
        Atomics.wait(state, 3, seen);
        continue;
      }
      const message = m.message as MainMessage;
      if (message.kind === 'end') break;
      if (failAfter !== undefined && Atomics.load(state, 2) === failAfter) throw new Error('failing as asked (Sharing.failAfter)');
      // Blocks until the main thread gives up on it and terminates it.
      if (hangAfter !== undefined && Atomics.load(state, 2) === hangAfter) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      coded.push(codeJob(code, message.job));
      Atomics.add(state, 2, 1);
      if (coded.length >= BATCH) {
        post({ kind: 'coded', done: false, coded });
        coded = [];
      }
    }
    post({ kind: 'coded', done: true, coded });
  } catch (e) {
    post({ kind: 'failed', error: (e as Error)?.stack ?? String(e) });
  }
}

const books = readBooks();
become(1);
if (books) work(books);
become(2);
