import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../bench/corpus.js';
import { DEFAULT_SPEAKERS, loadCorpus } from '../src/corpus/index.js';
import { tempDir } from './helpers/temp.js';

// The benchmark's synthetic notes must be the same on every machine (or figures could not be
// compared) and must read as notes: documents, segments, a large vocabulary, the terms inside.

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const sub of readdirSync(dir).sort()) for (const f of readdirSync(join(dir, sub)).sort()) out.set(`${sub}/${f}`, readFileSync(join(dir, sub, f), 'utf8'));
  return out;
}

describe('the benchmark corpus', () => {
  it('is deterministic, Zipf-rich and readable as notes, with the terms sprinkled in', () => {
    const a = tempDir('themes-corpus-a-');
    const b = tempDir('themes-corpus-b-');
    try {
      const terms = ['samskap*', 'avsatt tid', 'forankring'];
      const first = generateCorpus(a, 30000, terms);
      expect(generateCorpus(b, 30000, terms)).toEqual(first);
      expect(files(b)).toEqual(files(a));
      expect(first.words).toBeGreaterThanOrEqual(30000);
      expect(first.forms).toBeGreaterThan(8000);
      expect(first.documents).toBeGreaterThan(5);
      const loaded = loadCorpus([a], a, { unit: 'paragraph', speakers: DEFAULT_SPEAKERS, includeInterviewer: false });
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(loaded.corpus.documents.length).toBe(first.documents);
      const text = [...files(a).values()].join('\n').toLowerCase();
      expect(text).toContain('avsatt tid');
      expect(text).toMatch(/samskap\p{L}/u);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});
