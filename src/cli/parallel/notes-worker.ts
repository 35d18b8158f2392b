// The worker thread of planNotes: waits for the codebooks, then codes the notes the main thread
// sends it (see CodeJob) until told that no more will come, and posts the codings in batches.
// It imports the coding modules only, not the rest of the pipeline.
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { deductiveCoder } from '../../coding/deductive.js';
import type { Codebook } from '../../model.js';
import { codeJob, type CodedNote } from './code-job.js';
import type { MainMessage, WorkerData, WorkerMessage } from './notes.js';

const { port, state, failAfter, hangAfter } = workerData as WorkerData;

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

port.once('message', (codebooks: Codebook[]) => {
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
  try {
    const code = deductiveCoder(codebooks);
    let coded: CodedNote[] = [];
    for (;;) {
      if (Atomics.load(state, 4) === 1) {
        Atomics.wait(state, 4, 1);
        continue;
      }
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
        post({ ok: true, done: false, coded });
        coded = [];
      }
    }
    post({ ok: true, done: true, coded });
  } catch (e) {
    post({ ok: false, done: true, error: (e as Error)?.stack ?? String(e) });
  }
  Atomics.store(state, 0, 2);
});
