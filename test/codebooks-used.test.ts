// Which codebook coded the notes: with a codebook per language (the default ones), the JSON outputs
// named the first codebook (innovasjon) even for English notes alone, which innovation-en coded.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebooksUsed } from '../src/coding/deductive.js';
import { runCli, samples } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const ENGLISH = ['informant-07.md', 'informant-11.md'];

function notes(files: string[]): string {
  const dir = tempDir('themes-codebooks-used-');
  for (const f of files) copyFileSync(join(samples, f), join(dir, f));
  return dir;
}

describe('the codebooks a run used', () => {
  it('picks for each note the codebook in its language, else its family, else the first', () => {
    const nb = { language: 'nb' as const };
    const en = { language: 'en' as const };
    const docs = [{ lang: 'nb' as const }, { lang: 'nn' as const }, { lang: 'en' as const }];
    expect(codebooksUsed(docs, [nb, en])).toEqual([{ codebook: nb, documents: 2 }, { codebook: en, documents: 1 }]);
    expect(codebooksUsed(docs.slice(2), [nb, en])).toEqual([{ codebook: en, documents: 1 }]);
    expect(codebooksUsed(docs, [en])).toEqual([{ codebook: en, documents: 3 }]);
  });

  it('names innovation-en, not innovasjon, in the JSON of English notes alone', async () => {
    const r = await runCli(['code', notes(ENGLISH), '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.codebook.id).toBe('innovation-en');
    expect(json.codebooks).toEqual([{ id: 'innovation-en', language: 'en', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), documents: 2 }]);
    const suggested = JSON.parse((await runCli(['suggest', notes(ENGLISH), '--format', 'json'])).stdout);
    expect(suggested.codebook.id).toBe('innovation-en');
    expect(suggested.codebooks.map((c: { id: string }) => c.id)).toEqual(['innovation-en']);
  });

  it('lists both codebooks, with the notes each coded, when the notes are in both languages', async () => {
    const r = await runCli(['code', samples, '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.codebook.id).toBe('innovasjon');
    expect(json.codebooks.map((c: { id: string; language: string; documents: number }) => [c.id, c.language, c.documents]))
      .toEqual([['innovasjon', 'nb', 10], ['innovation-en', 'en', 2]]);
  });

  it('gives each codebook of run.json the notes it coded, 0 for one no note needed', async () => {
    const out = join(tempDir('themes-codebooks-used-out-'), 'bundle');
    expect((await runCli(['code', notes(ENGLISH), '--out', out])).code).toBe(0);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.codebooks.map((c: { id: string; documents: number }) => [c.id, c.documents])).toEqual([['innovasjon', 0], ['innovation-en', 2]]);
  });

  it('names in the HTML report only the codebooks that coded notes', async () => {
    const html = (await runCli(['report', notes(ENGLISH)])).stdout;
    expect(html).toContain('innovation-en');
    expect(html).not.toMatch(/innovasjon <span/);
  });
});
