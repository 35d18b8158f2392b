// Outputs are written whole or not at all (src/util/write.ts), even when a run dies half-way.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeBundle, writeFileAtomic } from '../src/util/write.js';
import { root } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

/** A bundle whose third file cannot be written: "a" is a file, so "a/c.txt" fails in the middle. */
const failing = () => new Map([['a', 'first\n'], ['b.txt', 'second\n'], ['a/c.txt', 'third\n']]);

describe('writeBundle', () => {
  it('leaves no folder and no temporary files when a write fails midway', () => {
    const parent = tempDir('themes-atomic-');
    expect(writeBundle(join(parent, 'out'), failing(), false)).toMatchObject({ kind: 'cannot-write' });
    expect(readdirSync(parent)).toEqual([]);
  });
  it('keeps the old contents of a folder it was asked to replace (--force)', () => {
    const parent = tempDir('themes-atomic-');
    mkdirSync(join(parent, 'out'));
    writeFileSync(join(parent, 'out', 'frequencies.csv'), 'old\n');
    expect(writeBundle(join(parent, 'out'), failing(), true)).toMatchObject({ kind: 'cannot-write' });
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(join(parent, 'out', 'frequencies.csv'), 'utf8')).toBe('old\n');
  });
  it('replaces a folder whole when all goes well', () => {
    const parent = tempDir('themes-atomic-');
    mkdirSync(join(parent, 'out'));
    writeFileSync(join(parent, 'out', 'stale.csv'), 'old\n');
    expect(writeBundle(join(parent, 'out'), new Map([['new.csv', 'x\n']]), true)).toBeUndefined();
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readdirSync(join(parent, 'out'))).toEqual(['new.csv']);
  });
  it('a process killed in the middle of writing leaves no partial output folder', async () => {
    const parent = tempDir('themes-atomic-');
    const script = `
      import { writeBundle } from ${JSON.stringify(join(root, 'dist/util/write.js'))};
      function* files() { yield ['frequencies.csv', 'kind,id\\n']; process.kill(process.pid, 'SIGKILL'); yield ['quotes.md', '# q\\n']; }
      writeBundle(${JSON.stringify(join(parent, 'out'))}, { [Symbol.iterator]: files }, false);`;
    const run = promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
    await expect(run).rejects.toMatchObject({ signal: 'SIGKILL' });
    expect(existsSync(join(parent, 'out'))).toBe(false);
    // What is left is a hidden temporary folder, never a half-filled "out".
    expect(readdirSync(parent).every((f) => f.startsWith('.out.tmp-'))).toBe(true);
  });
});

describe('a run stopped by Ctrl-C or SIGTERM while it writes', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: finishes the write in hand, leaves no temporary file, and dies of the signal`, async () => {
      const parent = tempDir('themes-atomic-');
      const script = `
        import { writeBundle } from ${JSON.stringify(join(root, 'dist/util/write.js'))};
        function* files() { yield ['frequencies.csv', 'kind,id\\n']; process.kill(process.pid, '${signal}'); yield ['quotes.md', '# q\\n']; }
        writeBundle(${JSON.stringify(join(parent, 'out'))}, { [Symbol.iterator]: files }, false);
        setTimeout(() => {}, 5000);`;
      const run = promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
      await expect(run).rejects.toMatchObject({ signal });
      expect(readdirSync(parent)).toEqual(['out']);
      expect(readdirSync(join(parent, 'out')).sort()).toEqual(['frequencies.csv', 'quotes.md']);
    });

    it(`${signal}: dies of it also when the run ends right after the write, as bin/themes.js ends`, async () => {
      // No timer keeps the loop alive here: a signal that came during the last write was never
      // seen, and an interrupted themes anonymize exited 0.
      const parent = tempDir('themes-atomic-');
      const script = `
        import { deliverHeldSignals, writeBundle } from ${JSON.stringify(join(root, 'dist/util/write.js'))};
        function* files() { yield ['frequencies.csv', 'kind,id\\n']; process.kill(process.pid, '${signal}'); yield ['quotes.md', '# q\\n']; }
        writeBundle(${JSON.stringify(join(parent, 'out'))}, { [Symbol.iterator]: files }, false);
        await deliverHeldSignals();
        process.exitCode = 0;`;
      const run = promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
      await expect(run).rejects.toMatchObject({ signal });
      expect(readdirSync(join(parent, 'out')).sort()).toEqual(['frequencies.csv', 'quotes.md']);
    });
  }
});

describe('writeFileAtomic', () => {
  it('leaves the old file untouched and no temporary file when the write fails', () => {
    const dir = tempDir('themes-atomic-');
    writeFileSync(join(dir, 'key.json'), 'old\n');
    expect(() => writeFileAtomic(join(dir, 'key.json'), 42 as unknown as string)).toThrow();
    expect(readdirSync(dir)).toEqual(['key.json']);
    expect(readFileSync(join(dir, 'key.json'), 'utf8')).toBe('old\n');
  });
});
