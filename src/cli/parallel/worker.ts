// The worker thread of codeCorpusParallel: codes the segments it is given and replies once.
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { codeCorpus, type CodingInput } from '../../coding/deductive.js';
import type { Codebook, Coding } from '../../model.js';

export interface WorkerJob extends CodingInput {
  codebooks: Codebook[];
}

export type WorkerReply = { ok: true; codings: Coding[] } | { ok: false; error: string };

const { job, port, flag } = workerData as { job: WorkerJob; port: MessagePort; flag: Int32Array };

const signal = (state: number) => {
  Atomics.store(flag, 0, state);
  Atomics.notify(flag, 0);
};

signal(1);
let reply: WorkerReply;
try {
  reply = { ok: true, codings: codeCorpus(job, job.codebooks) };
} catch (e) {
  reply = { ok: false, error: (e as Error)?.stack ?? String(e) };
}
port.postMessage(reply);
signal(2);
