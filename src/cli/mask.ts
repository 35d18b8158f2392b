import type { Corpus } from '../model.js';
import { maskCorpus } from '../privacy/corpus.js';
import { KINDS } from '../privacy/detect.js';
import { countByKind } from '../privacy/mask.js';
import type { Context } from './context.js';

/** Mask identifiers in a corpus and say on stderr how many, by kind. */
export function maskCorpusReported(corpus: Corpus, ctx: Context): Corpus {
  const masked = maskCorpus(corpus);
  const n = masked.findings.length;
  if (n > 0) {
    const counts = countByKind(masked.findings);
    const parts = KINDS.filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${k}`);
    ctx.info(`masked ${n} personal identifier(s) in outputs (${parts.join(', ')}); run themes check to see where, --allow-identifiers to keep them`);
  }
  return masked.corpus;
}
