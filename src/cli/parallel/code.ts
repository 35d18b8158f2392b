import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { codeCorpusInSlices } from '../../coding/chunks.js';
import { codeCorpus } from '../../coding/deductive.js';
import type { Codebook, Coding, Corpus } from '../../model.js';
import type { WorkerJob, WorkerReply } from './worker.js';

/**
 * Below this many characters of segment text (about 2.5 million words), coding in one thread is
 * as fast: a worker costs a fresh V8 isolate, our modules, the codebook compiled again, and it
 * must look up again the word forms the main thread has already seen.
 */
export const PARALLEL_MIN_CHARS = 20_000_000;

/** `auto`: a worker for large corpora on machines with two or more cores; `never`; `always` (tests). */
export type ThreadPolicy = 'auto' | 'never' | 'always';

/** THEMES_THREADS=1 codes in one thread, THEMES_THREADS=2 always uses a worker; unset means auto. */
export function threadPolicy(env: Record<string, string | undefined>): ThreadPolicy {
  const v = env.THEMES_THREADS;
  return v === '1' ? 'never' : v === '2' ? 'always' : 'auto';
}

const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));

/**
 * The deductive pass on both cores: a worker thread codes the second part of the segments while
 * this thread codes the first; the two lists are joined in segment order, so the result is the
 * same as codeCorpus's, coding for coding. Synchronous (the caller's pipeline is): this thread
 * waits for the worker on a shared flag and takes its reply with receiveMessageOnPort.
 */
export function codeCorpusParallel(
  corpus: Corpus, codebooks: readonly Codebook[], policy: ThreadPolicy = 'auto', stats: { threads?: number } = {},
  onProgress: (done: number, total: number) => void = () => {},
): Coding[] {
  const segments = corpus.segments;
  let chars = 0;
  for (const s of segments) chars += s.text.length;
  const useWorker = policy === 'always'
    || (policy === 'auto' && chars >= PARALLEL_MIN_CHARS && availableParallelism() >= 2);
  stats.threads = 1;
  if (!useWorker || segments.length < 2 || codebooks.length === 0 || !existsSync(workerFile)) return codeCorpusInSlices(corpus, codebooks, onProgress);

  // The worker starts late (module loading), so it gets a little less than half.
  const target = chars * 0.47;
  let cut = 0;
  for (let acc = 0; cut < segments.length - 1 && acc < target; cut++) acc += segments[cut]!.text.length;
  const tail = segments.slice(cut).map((s) => ({ id: s.id, document: s.document, text: s.text }));
  const wanted = new Set(tail.map((s) => s.document));
  const job: WorkerJob = {
    codebooks: [...codebooks],
    documents: corpus.documents.filter((d) => wanted.has(d.id)).map((d) => ({ id: d.id, lang: d.lang })),
    segments: tail,
  };
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerFile, { workerData: { job, port: port2, flag }, transferList: [port2] });
  try {
    // Progress follows this thread's part; the worker's part ends at about the same time.
    const headSegments = segments.slice(0, cut);
    const headDocuments = new Set(headSegments.map((s) => s.document));
    const headCorpus: Corpus = { ...corpus, documents: corpus.documents.filter((d) => headDocuments.has(d.id)), segments: headSegments };
    const head = codeCorpusInSlices(headCorpus, codebooks, onProgress);
    // 1 = started, 2 = done. A worker that has not even started within 20 s (a broken install)
    // is given up on, and its part coded here, as is the part of a worker that failed.
    let state = Atomics.load(flag, 0);
    if (state === 0) {
      Atomics.wait(flag, 0, 0, 20_000);
      state = Atomics.load(flag, 0);
    }
    let reply: WorkerReply | undefined;
    if (state !== 0) {
      while (Atomics.load(flag, 0) !== 2) Atomics.wait(flag, 0, 1);
      reply = receiveMessageOnPort(port1)?.message as WorkerReply | undefined;
    }
    // Whatever went wrong in the worker, the same codings can still be made here.
    if (!reply?.ok) return head.concat(codeCorpus({ documents: corpus.documents, segments: segments.slice(cut) }, codebooks));
    stats.threads = 2;
    onProgress(corpus.documents.length, corpus.documents.length);
    return head.concat(reply.codings);
  } finally {
    port1.close();
    void worker.terminate();
  }
}
