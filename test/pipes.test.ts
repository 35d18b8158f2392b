import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, samples } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

/** Run the real binary with its stdout read by nobody: the read end is closed before it writes. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/themes.js'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('stdout into a pipe that closes early (themes code … | head)', () => {
  it('ends quietly, with the exit code of the run', async () => {
    const ok = await runIntoClosedPipe(['code', samples, '--format', 'json']);
    expect(ok.stderr).not.toMatch(/EPIPE|node:events|Unhandled|\n\s+at /);
    expect(ok.code).toBe(0);
    // A run with a bad note still says so by its exit code.
    const dir = tempDir('themes-pipe-');
    copyFileSync(join(samples, 'informant-01.md'), join(dir, 'informant-01.md'));
    writeFileSync(join(dir, 'bad.md'), Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    const bad = await runIntoClosedPipe(['code', dir, '--format', 'csv']);
    expect(bad.stderr).toContain('NOTE_BINARY');
    expect(bad.stderr).not.toMatch(/EPIPE|node:events|\n\s+at /);
    expect(bad.code).toBe(1);
  });
});

/** Run the real binary with its stdout going to a file descriptor opened here. */
function runInto(fd: number, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/themes.js'), ...args], { cwd: root, stdio: ['ignore', fd, 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('stdout to a disk that is full (> /dev/full)', () => {
  it.skipIf(!existsSync('/dev/full')).each([
    [['code', samples, '--format', 'json']],
    [['check', samples]],
    [['codebook', 'show', 'codebooks/innovasjon.yaml']],
  ])('%j: a clear error and exit 2, not a stack trace or exit 0', async (args) => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = await runInto(fd, args);
      expect(r.stderr).toContain('error OUTPUT_WRITE_FAILED cannot write to standard output: the disk is full (ENOSPC)');
      expect(r.stderr).not.toMatch(/node:|internal error|\n\s+at /);
      expect(r.code).toBe(2);
    } finally {
      closeSync(fd);
    }
  });
  it('writes every byte to a file', async () => {
    const dir = tempDir('themes-stdout-file-');
    const fd = openSync(join(dir, 'out.json'), 'w');
    try {
      const r = await runInto(fd, ['code', samples, '--format', 'json']);
      expect(r.code).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(() => JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))).not.toThrow();
  });
});
