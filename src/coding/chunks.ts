import type { Codebook, Coding, Corpus } from '../model.js';
import { deductiveCoder } from './deductive.js';

/**
 * The deductive pass in slices of documents, telling `onProgress` after each slice. Gives the
 * same codings as codeCorpus on the whole corpus (segments are coded one by one either way).
 */
export function codeCorpusInSlices(corpus: Corpus, codebooks: readonly Codebook[], onProgress: (done: number, total: number) => void, slices = 20): Coding[] {
  const code = deductiveCoder(codebooks);
  const docs = corpus.documents;
  const size = Math.max(1, Math.ceil(docs.length / slices));
  const segmentsByDoc = new Map<string, Corpus['segments']>();
  for (const s of corpus.segments) {
    const list = segmentsByDoc.get(s.document);
    if (list) list.push(s);
    else segmentsByDoc.set(s.document, [s]);
  }
  const codings: Coding[] = [];
  for (let i = 0; i < docs.length; i += size) {
    const part = docs.slice(i, i + size);
    const segments = part.flatMap((d) => segmentsByDoc.get(d.id) ?? []);
    codings.push(...code({ documents: part, segments, unit: corpus.unit }));
    onProgress(Math.min(docs.length, i + size), docs.length);
  }
  return codings;
}
