// The worker thread of planNotes: waits for its job, works through its files and replies once.
import { workerData } from 'node:worker_threads';
import { packShare, workFiles, type NotesJob, type WorkerData, type WorkerReply } from './notes.js';

const { files, cwd, port, flag } = workerData as WorkerData;

const signal = (state: number) => {
  Atomics.store(flag, 0, state);
  Atomics.notify(flag, 0);
};

port.once('message', (job: NotesJob) => {
  signal(1);
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const share = packShare(workFiles(files, cwd, job));
    reply = { ok: true, share };
    transfer = [share.numbers.buffer as ArrayBuffer];
  } catch (e) {
    reply = { ok: false, error: (e as Error)?.stack ?? String(e) };
  }
  port.postMessage(reply, transfer);
  signal(2);
});
