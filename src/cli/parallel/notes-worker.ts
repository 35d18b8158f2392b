// The worker thread of planNotes: waits for its job, then claims files from the end of the list
// until it meets the main thread, and posts its worked notes in batches.
import { workerData } from 'node:worker_threads';
import { FREE, NoteWork, packNotes, WORKER, type NotesJob, type WorkedNote, type WorkerData, type WorkerMessage } from './notes.js';

// Batches of about batchChars characters, so the main thread takes them in as it goes.
const { files, cwd, port, claims, state, batchChars, failAfter } = workerData as WorkerData;

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => {
  port.postMessage(message, transfer);
  Atomics.add(state, 1, 1);
  Atomics.notify(state, 1);
};

port.once('message', (job: NotesJob) => {
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
  try {
    const work = new NoteWork(cwd, job);
    let batch: WorkedNote[] = [];
    let chars = 0;
    let worked = 0;
    const send = (done: boolean) => {
      const notes = packNotes(batch);
      post({ ok: true, done, notes }, [notes.numbers.buffer as ArrayBuffer]);
      batch = [];
      chars = 0;
    };
    // The last files are the worker's from the start (see Sharing.reserve); the others it claims one by one.
    for (let i = files.length - 1; i >= 0 && (claims[i] === WORKER || Atomics.compareExchange(claims, i, FREE, WORKER) === FREE); i--) {
      if (failAfter !== undefined && worked++ === failAfter) throw new Error('failing as asked (Sharing.failAfter)');
      const note = work.note(files[i]!, i);
      batch.push(note);
      chars += note.file?.document?.text.length ?? 0;
      if (chars >= batchChars) send(false);
    }
    send(true);
  } catch (e) {
    post({ ok: false, done: true, error: (e as Error)?.stack ?? String(e) });
  }
  Atomics.store(state, 0, 2);
});
