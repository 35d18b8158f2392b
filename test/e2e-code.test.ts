import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';
import { tempDir } from './helpers/temp.js';

// The real binary on the shipped samples and default codebooks, as a researcher runs it.
describe('themes code samples/notes (end to end)', () => {
  it('prints the terminal report', async () => {
    const r = await runBin(['code', 'samples/notes']);
    expect(r.code).toBe(0);
    expectGolden('code/terminal.txt', r.stdout);
  });

  it.each(['csv', 'md', 'json'])('prints --format %s with nothing else on stdout', async (format) => {
    const r = await runBin(['code', 'samples/notes', '--format', format]);
    expect(r.code).toBe(0);
    expectGolden(`code/report.${format}`, r.stdout);
    if (format === 'json') expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('writes the bundle; every file but run.json is byte-identical to the golden one', async () => {
    const out = join(tempDir('themes-e2e-'), 'results');
    const r = await runBin(['code', 'samples/notes', '--out', out]);
    expect(r.code).toBe(0);
    for (const f of ['frequencies.csv', 'matrix.csv', 'quotes.md', 'segments.jsonl']) expectGolden(`code/bundle/${f}`, readFileSync(join(out, f), 'utf8'));
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.inputs).toHaveLength(12);
    expect(run.inputs.find((i: { id: string }) => i.id === 'informant-02').encoding).toBe('windows-1252');
  });

  it('decodes the Windows-1252 note: æøå intact in quotes and segments', async () => {
    const r = await runBin(['code', 'samples/notes/informant-02.md', '--format', 'md']);
    expect(r.stdout).toMatch(/[æøå]/);
    expect(r.stdout).not.toMatch(/Ã|�/);
  });
});
